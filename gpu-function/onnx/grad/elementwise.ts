// Gradients of broadcasting binary ops and unary pointwise ops.
import { AutodiffError, type GradContext, type GradRule } from "./context";

function binaryShape(ctx: GradContext, node: { outputs: string[] }): number[] {
  return ctx.fact(node.outputs[0]).shape;
}

const add: GradRule = (node, [dy], needs, ctx) => {
  const s = binaryShape(ctx, node);
  return node.inputs.map((x, i) => (needs[i] && dy ? ctx.reduceTo(dy, s, x) : null));
};

const sub: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null];
  const s = binaryShape(ctx, node);
  const [a, b] = node.inputs;
  return [needs[0] ? ctx.reduceTo(dy, s, a) : null, needs[1] ? ctx.reduceTo(ctx.op("Neg", [dy]), s, b) : null];
};

const mul: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null];
  const s = binaryShape(ctx, node);
  const [a, b] = node.inputs;
  return [needs[0] ? ctx.reduceTo(ctx.op("Mul", [dy, b]), s, a) : null, needs[1] ? ctx.reduceTo(ctx.op("Mul", [dy, a]), s, b) : null];
};

const div: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null];
  const s = binaryShape(ctx, node);
  const [a, b] = node.inputs;
  const y = node.outputs[0];
  const da = needs[0] ? ctx.reduceTo(ctx.op("Div", [dy, b]), s, a) : null;
  // d(a/b)/db = -a/b² = -y/b
  const db = needs[1] ? ctx.reduceTo(ctx.op("Neg", [ctx.op("Div", [ctx.op("Mul", [dy, y]), b])]), s, b) : null;
  return [da, db];
};

const pow: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null];
  if (needs[1]) throw new AutodiffError(`Pow "${node.name}": gradient with respect to the exponent is not supported`);
  const [x, p] = node.inputs;
  const dt = ctx.dtype(x);
  const pCast = ctx.dtype(p) === dt ? p : ctx.op("Cast", [p], { to: dt === "float64" ? 11 : 1 });
  const pm1 = ctx.op("Sub", [pCast, ctx.scalar(1, dt)]);
  const local = ctx.op("Mul", [pCast, ctx.op("Pow", [x, pm1])]);
  return [ctx.reduceTo(ctx.op("Mul", [dy, local]), ctx.fact(node.outputs[0]).shape, x), null];
};

const whereRule: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null, null];
  const [cond, x, y] = node.inputs;
  const s = ctx.fact(node.outputs[0]).shape;
  const zero = ctx.scalar(0, ctx.dtype(node.outputs[0]));
  return [
    null,
    needs[1] ? ctx.reduceTo(ctx.op("Where", [cond, dy, zero]), s, x) : null,
    needs[2] ? ctx.reduceTo(ctx.op("Where", [cond, zero, dy]), s, y) : null,
  ];
};

/** Unary rules: dx = dy * f'(x, y). */
function unary(local: (ctx: GradContext, x: string, y: string, dy: string) => string): GradRule {
  return (node, [dy], needs, ctx) => {
    if (!dy || !needs[0]) return [null];
    return [local(ctx, node.inputs[0], node.outputs[0], dy)];
  };
}

export const ELEMENTWISE_RULES: Record<string, GradRule> = {
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Pow: pow,
  Where: whereRule,
  Identity: unary((_c, _x, _y, dy) => dy),
  Neg: unary((c, _x, _y, dy) => c.op("Neg", [dy])),
  Sqrt: unary((c, x, y, dy) => c.op("Div", [dy, c.op("Mul", [y, c.scalar(2, c.dtype(x))])])),
  Reciprocal: unary((c, _x, y, dy) => c.op("Neg", [c.op("Mul", [dy, c.op("Mul", [y, y])])])),
  Exp: unary((c, _x, y, dy) => c.op("Mul", [dy, y])),
  Log: unary((c, x, _y, dy) => c.op("Div", [dy, x])),
  Tanh: unary((c, x, y, dy) => c.op("Mul", [dy, c.op("Sub", [c.scalar(1, c.dtype(x)), c.op("Mul", [y, y])])])),
  Sigmoid: unary((c, x, y, dy) => c.op("Mul", [dy, c.op("Mul", [y, c.op("Sub", [c.scalar(1, c.dtype(x)), y])])])),
  Relu: unary((c, x, _y, dy) => c.op("Where", [c.op("Greater", [x, c.scalar(0, c.dtype(x))]), dy, c.scalar(0, c.dtype(x))])),
  Erf: unary((c, x, _y, dy) => {
    const dt = c.dtype(x);
    const gauss = c.op("Exp", [c.op("Neg", [c.op("Mul", [x, x])])]);
    return c.op("Mul", [dy, c.op("Mul", [gauss, c.scalar(2 / Math.sqrt(Math.PI), dt)])]);
  }),
  Cast: unary((c, x, _y, dy) => {
    const dt = c.dtype(x);
    if (dt !== "float32" && dt !== "float64") throw new AutodiffError(`Cast from ${dt} is not differentiable`);
    return c.op("Cast", [dy], { to: dt === "float64" ? 11 : 1 });
  }),
};
