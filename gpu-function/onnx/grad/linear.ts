// Gradients of MatMul (batched, broadcasting) and Gemm.
import { AutodiffError, intAttr, floatAttr, type GradRule } from "./context";

const matmul: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null];
  const [a, b] = node.inputs;
  const ra = ctx.rank(a);
  const rb = ctx.rank(b);
  if (ra < 2 || rb < 2) throw new AutodiffError(`MatMul "${node.name}": 1-D operands are not supported`);
  const yShape = ctx.fact(node.outputs[0]).shape;
  let da: string | null = null;
  let db: string | null = null;
  if (needs[0]) {
    const gradShape = [...yShape.slice(0, -1), ctx.fact(a).shape[ra - 1]];
    da = ctx.reduceTo(ctx.op("MatMul", [dy, ctx.swapLast2(b, rb)]), gradShape, a);
  }
  if (needs[1]) {
    if (rb === 2 && ra > 2) {
      // A weight shared across the batch: flatten the leading axes into one matmul
      // ([k, N] @ [N, n]) instead of a batched product reduced afterwards.
      const k = ctx.fact(a).shape[ra - 1];
      const n = yShape[yShape.length - 1];
      const a2 = ctx.op("Reshape", [a, ctx.ints([-1, k])]);
      const dy2 = ctx.op("Reshape", [dy, ctx.ints([-1, n])]);
      db = ctx.op("MatMul", [ctx.op("Transpose", [a2], { perm: [1, 0] }), dy2]);
    } else {
      const gradShape = [...yShape.slice(0, -2), ctx.fact(b).shape[rb - 2], yShape[yShape.length - 1]];
      db = ctx.reduceTo(ctx.op("MatMul", [ctx.swapLast2(a, ra), dy]), gradShape, b);
    }
  }
  return [da, db];
};

const gemm: GradRule = (node, [dy], needs, ctx) => {
  if (!dy) return [null, null, null];
  const [a, b, c] = node.inputs;
  const transA = intAttr(node, "transA", 0) === 1;
  const transB = intAttr(node, "transB", 0) === 1;
  const alpha = floatAttr(node, "alpha", 1);
  const beta = floatAttr(node, "beta", 1);
  const dt = ctx.dtype(node.outputs[0]);
  const scaled = alpha === 1 ? dy : ctx.op("Mul", [dy, ctx.scalar(alpha, dt)]);
  const opA = transA ? ctx.op("Transpose", [a], { perm: [1, 0] }) : a;
  const opB = transB ? ctx.op("Transpose", [b], { perm: [1, 0] }) : b;
  let da: string | null = null;
  let db: string | null = null;
  let dc: string | null = null;
  if (needs[0]) {
    const dOpA = ctx.op("MatMul", [scaled, ctx.op("Transpose", [opB], { perm: [1, 0] })]);
    da = transA ? ctx.op("Transpose", [dOpA], { perm: [1, 0] }) : dOpA;
  }
  if (needs[1]) {
    const dOpB = ctx.op("MatMul", [ctx.op("Transpose", [opA], { perm: [1, 0] }), scaled]);
    db = transB ? ctx.op("Transpose", [dOpB], { perm: [1, 0] }) : dOpB;
  }
  if (needs[2] && c) {
    const dcFull = beta === 1 ? dy : ctx.op("Mul", [dy, ctx.scalar(beta, dt)]);
    dc = ctx.reduceTo(dcFull, ctx.fact(node.outputs[0]).shape, c);
  }
  return [da, db, dc];
};

export const LINEAR_RULES: Record<string, GradRule> = { MatMul: matmul, Gemm: gemm };
