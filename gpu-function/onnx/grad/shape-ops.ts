// Gradients of data-movement ops: reshape family, transpose, expand, concat/split,
// slice and the gathers (embedding lookups scatter-add their gradient back).
import { AutodiffError, intAttr, intsAttr, normAxis, type GradContext, type GradRule } from "./context";

const reshapeBack: GradRule = (node, [dy], needs, ctx) => {
  const grads: (string | null)[] = node.inputs.map(() => null);
  if (dy && needs[0]) grads[0] = ctx.op("Reshape", [dy, ctx.shapeOf(node.inputs[0])]);
  return grads;
};

const transpose: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null];
  const r = ctx.rank(node.inputs[0]);
  const perm = intsAttr(node, "perm") ?? Array.from({ length: r }, (_, i) => r - 1 - i);
  const inverse = new Array<number>(r);
  perm.forEach((p, i) => (inverse[p] = i));
  return [ctx.op("Transpose", [dy], { perm: inverse })];
};

const expand: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null, null];
  return [ctx.reduceTo(dy, ctx.fact(node.outputs[0]).shape, node.inputs[0]), null];
};

function axisLength(ctx: GradContext, x: string, axis: number): string {
  return ctx.op("Slice", [ctx.shapeOf(x), ctx.ints([axis]), ctx.ints([axis + 1])]);
}

const concat: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return node.inputs.map(() => null);
  const axis = normAxis(intAttr(node, "axis", 0), ctx.rank(node.outputs[0]));
  const sizes = ctx.op(
    "Concat",
    node.inputs.map((x) => axisLength(ctx, x, axis)),
    { axis: 0 },
  );
  const parts = ctx.g.node("Split", [dy, sizes], { attrs: { axis }, outputs: node.inputs.length });
  return node.inputs.map((_, i) => (needs[i] ? parts[i] : null));
};

const split: GradRule = (node, dys, needs, ctx) => {
  if (!needs[0] || dys.every((d) => d === null)) return node.inputs.map(() => null);
  const axis = normAxis(intAttr(node, "axis", 0), ctx.rank(node.inputs[0]));
  const parts = node.outputs.map((o, i) => dys[i] ?? ctx.zerosLike(o));
  return [ctx.op("Concat", parts, { axis }), ...node.inputs.slice(1).map(() => null)];
};

const asInt64 = (ctx: GradContext, name: string): string => (ctx.dtype(name) === "int64" ? name : ctx.op("Cast", [name], { to: 7 }));

const slice: GradRule = (node, [dy], needs, ctx) => {
  const none = node.inputs.map(() => null);
  if (!dy || !needs[0]) return none;
  const [x, startsIn, endsIn, axesIn, stepsIn] = node.inputs;
  const rank = ctx.rank(x);
  const k = ctx.fact(startsIn).shape[0];
  if (stepsIn) {
    const steps = ctx.constInts(stepsIn);
    if (!steps || steps.some((s) => s !== 1)) throw new AutodiffError(`Slice "${node.name}": only constant unit steps are differentiable`);
  }
  let axes = Array.from({ length: k }, (_, i) => i);
  if (axesIn) {
    const a = ctx.constInts(axesIn);
    if (!a) throw new AutodiffError(`Slice "${node.name}": axes must be a constant to differentiate`);
    axes = a.map((v) => normAxis(v, rank));
  }
  // Normalise starts/ends the way Slice does (negative → from the end, then clamp), then
  // pad the gradient back with zeros: begin pad = start, end pad = dim - end.
  const dims = ctx.op("Gather", [ctx.shapeOf(x), ctx.ints(axes)], { axis: 0 });
  const zero = ctx.ints([0]);
  const norm = (v: string): string => {
    const wrapped = ctx.op("Where", [ctx.op("Less", [v, zero]), ctx.op("Add", [v, dims]), v]);
    return ctx.op("Max", [ctx.op("Min", [wrapped, dims]), zero]);
  };
  const s = norm(asInt64(ctx, startsIn));
  const e = norm(asInt64(ctx, endsIn));
  const zerosR = ctx.ints(new Array<number>(rank).fill(0));
  const axesT = ctx.ints(axes);
  const padBegin = ctx.op("ScatterElements", [zerosR, axesT, s], { axis: 0 });
  const padEnd = ctx.op("ScatterElements", [zerosR, axesT, ctx.op("Sub", [dims, e])], { axis: 0 });
  const pads = ctx.op("Concat", [padBegin, padEnd], { axis: 0 });
  return [ctx.op("Pad", [dy, pads]), ...none.slice(1)];
};

const gather: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null, null];
  const [data, indices] = node.inputs;
  const rank = ctx.rank(data);
  const axis = normAxis(intAttr(node, "axis", 0), rank);
  const idx = ctx.op("Unsqueeze", [asInt64(ctx, indices), ctx.ints([-1])]);
  if (axis === 0) {
    return [ctx.op("ScatterND", [ctx.zerosLike(data), idx, dy], { reduction: "add" }), null];
  }
  // Move the gathered axis to the front, scatter-add there, move it back.
  const q = ctx.rank(indices);
  const perm = [axis, ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== axis)];
  const inverse = new Array<number>(rank);
  perm.forEach((p, i) => (inverse[p] = i));
  const rOut = ctx.rank(node.outputs[0]);
  const outAxes = Array.from({ length: rOut }, (_, i) => i);
  const dyPerm = [...outAxes.slice(axis, axis + q), ...outAxes.slice(0, axis), ...outAxes.slice(axis + q)];
  const dyT = ctx.op("Transpose", [dy], { perm: dyPerm });
  const zerosT = ctx.op("Transpose", [ctx.zerosLike(data)], { perm });
  const scattered = ctx.op("ScatterND", [zerosT, idx, dyT], { reduction: "add" });
  return [ctx.op("Transpose", [scattered], { perm: inverse }), null];
};

const gatherElements: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null, null];
  const [data, indices] = node.inputs;
  const axis = intAttr(node, "axis", 0);
  return [ctx.op("ScatterElements", [ctx.zerosLike(data), indices, dy], { axis, reduction: "add" }), null];
};

export const SHAPE_RULES: Record<string, GradRule> = {
  Reshape: reshapeBack,
  Flatten: reshapeBack,
  Squeeze: reshapeBack,
  Unsqueeze: reshapeBack,
  Transpose: transpose,
  Expand: expand,
  Concat: concat,
  Split: split,
  Slice: slice,
  Gather: gather,
  GatherElements: gatherElements,
};
