// Gradients of reductions, softmax/log-softmax, LayerNormalization and the fused
// cross-entropy (SoftmaxCrossEntropyLoss).
import { AutodiffError, floatAttr, intAttr, intsAttr, normAxis, type GradContext, type GradRule } from "./context";
import type { GraphNode } from "../graph";

/** Reduction axes from the attribute (opset < 18 ReduceMean) or the second input (ReduceSum ≥ 13). */
function reduceAxes(node: GraphNode, ctx: GradContext): number[] | null {
  const rank = ctx.rank(node.inputs[0]);
  const fromAttr = intsAttr(node, "axes");
  if (fromAttr) return fromAttr.map((a) => normAxis(a, rank));
  const axesIn = node.inputs[1];
  if (!axesIn) return null; // all axes
  const c = ctx.constInts(axesIn);
  if (!c) throw new AutodiffError(`${node.op} "${node.name}": axes must be a constant to differentiate`);
  if (c.length === 0) return intAttr(node, "noop_with_empty_axes", 0) === 1 ? [] : null;
  return c.map((a) => normAxis(a, rank));
}

/** Brings a reduction's output gradient back to the input shape (broadcast). */
function broadcastBack(node: GraphNode, dy: string, ctx: GradContext, axes: number[] | null): string {
  const x = node.inputs[0];
  let g = dy;
  if (intAttr(node, "keepdims", 1) === 0 && axes && axes.length > 0) g = ctx.op("Unsqueeze", [dy, ctx.ints(axes)]);
  return ctx.op("Expand", [g, ctx.shapeOf(x)]);
}

const reduceSum: GradRule = (node, [dy], needs, ctx) => {
  const none = node.inputs.map(() => null);
  if (!dy || !needs[0]) return none;
  const axes = reduceAxes(node, ctx);
  if (axes && axes.length === 0) return [dy, ...none.slice(1)];
  return [broadcastBack(node, dy, ctx, axes), ...none.slice(1)];
};

const reduceMean: GradRule = (node, [dy], needs, ctx) => {
  const none = node.inputs.map(() => null);
  if (!dy || !needs[0]) return none;
  const axes = reduceAxes(node, ctx);
  if (axes && axes.length === 0) return [dy, ...none.slice(1)];
  const x = node.inputs[0];
  const dt = ctx.dtype(x);
  const to = dt === "float64" ? 11 : 1;
  const count = ctx.op("Div", [ctx.op("Cast", [ctx.op("Size", [x])], { to }), ctx.op("Cast", [ctx.op("Size", [node.outputs[0]])], { to })]);
  return [ctx.op("Div", [broadcastBack(node, dy, ctx, axes), count]), ...none.slice(1)];
};

const softmax: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null];
  const y = node.outputs[0];
  const axis = intAttr(node, "axis", -1);
  const dot = ctx.op("ReduceSum", [ctx.op("Mul", [dy, y]), ctx.ints([axis])], { keepdims: 1 });
  return [ctx.op("Mul", [y, ctx.op("Sub", [dy, dot])])];
};

const logSoftmax: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return [null];
  const y = node.outputs[0];
  const axis = intAttr(node, "axis", -1);
  const total = ctx.op("ReduceSum", [dy, ctx.ints([axis])], { keepdims: 1 });
  return [ctx.op("Sub", [dy, ctx.op("Mul", [ctx.op("Exp", [y]), total])])];
};

const layerNorm: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return node.inputs.map(() => null);
  const [x, scale, bias] = node.inputs;
  const rank = ctx.rank(x);
  const axis = normAxis(intAttr(node, "axis", -1), rank);
  const eps = floatAttr(node, "epsilon", 1e-5);
  const dt = ctx.dtype(x);
  // ReduceSum ÷ n rather than ReduceMean: its axes input form is the same in every opset ≥ 13.
  const normAxes = Array.from({ length: rank - axis }, (_, i) => axis + i);
  const n = normAxes.reduce((p, a) => p * ctx.fact(x).shape[a], 1);
  const axesT = ctx.ints(normAxes);
  const mean = (v: string): string => ctx.op("Div", [ctx.op("ReduceSum", [v, axesT], { keepdims: 1 }), ctx.scalar(n, dt)]);
  // Recompute the normalised input (cheaper than asking the forward node for Mean/InvStdDev).
  const centered = ctx.op("Sub", [x, mean(x)]);
  const rstd = ctx.op("Reciprocal", [ctx.op("Sqrt", [ctx.op("Add", [mean(ctx.op("Mul", [centered, centered])), ctx.scalar(eps, dt)])])]);
  const xhat = ctx.op("Mul", [centered, rstd]);
  const leading = Array.from({ length: axis }, (_, i) => i);
  const sumLeading = (v: string): string => (leading.length ? ctx.op("ReduceSum", [v, ctx.ints(leading)], { keepdims: 0 }) : v);
  let dx: string | null = null;
  if (needs[0]) {
    const dxhat = ctx.op("Mul", [dy, scale]);
    const term = ctx.op("Add", [mean(dxhat), ctx.op("Mul", [xhat, mean(ctx.op("Mul", [dxhat, xhat]))])]);
    dx = ctx.op("Mul", [rstd, ctx.op("Sub", [dxhat, term])]);
  }
  const dScale = needs[1] ? sumLeading(ctx.op("Mul", [dy, xhat])) : null;
  const dBias = bias && needs[2] ? sumLeading(dy) : null;
  return [dx, dScale, dBias];
};

/**
 * SoftmaxCrossEntropyLoss over [N, C] scores and [N] labels, reduction mean or sum,
 * optional ignore_index: d scores = (softmax − onehot) · valid · dL / (count of valid for mean).
 */
const softmaxCrossEntropy: GradRule = (node, [dy], needs, ctx) => {
  if (!dy || !needs[0]) return node.inputs.map(() => null);
  const [scores, labels, weights] = node.inputs;
  if (weights) throw new AutodiffError(`SoftmaxCrossEntropyLoss "${node.name}": class weights are not supported`);
  if (ctx.rank(scores) !== 2) throw new AutodiffError(`SoftmaxCrossEntropyLoss "${node.name}": scores must be [N, C]`);
  const reduction = typeof node.attrs.reduction === "string" ? node.attrs.reduction : "mean";
  if (reduction === "none") throw new AutodiffError(`SoftmaxCrossEntropyLoss "${node.name}": reduction "none" is not supported`);
  const dt = ctx.dtype(scores);
  const to = dt === "float64" ? 11 : 1;
  const lab = ctx.dtype(labels) === "int64" ? labels : ctx.op("Cast", [labels], { to: 7 });
  const ignore = node.attrs.ignore_index;
  const valid = typeof ignore === "number" ? ctx.op("Not", [ctx.op("Equal", [lab, ctx.ints([ignore])])]) : ctx.op("Equal", [lab, lab]);
  const safe = ctx.op("Where", [valid, lab, ctx.ints([0])]);
  const validF = ctx.op("Unsqueeze", [ctx.op("Cast", [valid], { to }), ctx.ints([1])]);
  let perRow = ctx.op("Mul", [validF, dy]);
  if (reduction === "mean") perRow = ctx.op("Div", [perRow, ctx.op("ReduceSum", [validF], { keepdims: 0 })]);
  // (softmax − onehot)·w: subtract w at each row's label with a scatter-add (OneHot has no double kernel).
  const probs = ctx.op("Softmax", [scores], { axis: 1 });
  const labelIdx = ctx.op("Unsqueeze", [safe, ctx.ints([1])]);
  const dScores = ctx.op("ScatterElements", [ctx.op("Mul", [probs, perRow]), labelIdx, ctx.op("Neg", [perRow])], {
    axis: 1,
    reduction: "add",
  });
  return [dScores, ...node.inputs.slice(1).map(() => null)];
};

export const NN_RULES: Record<string, GradRule> = {
  ReduceSum: reduceSum,
  ReduceMean: reduceMean,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  LayerNormalization: layerNorm,
  SoftmaxCrossEntropyLoss: softmaxCrossEntropy,
};
