// Per-op gradient checks in float64 against central finite differences.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { DIFFERENTIABLE_OPS, buildBackward } from "./autodiff";
import { gradientCheck } from "./autodiff-check";
import { mulberry32 } from "../shared/hash";
import { GraphBuilder } from "./graph";

interface OpCase {
  name: string;
  /** Builds the op on random float64 parameters made with `p`; returns the output value. */
  build: (g: GraphBuilder, p: (name: string, dims: number[], opts?: { positive?: boolean }) => string) => string;
  feeds?: Record<string, ort.Tensor>;
  tolerance?: number;
  step?: number;
}

async function check(c: OpCase): Promise<number> {
  const g = new GraphBuilder(c.name);
  const rand = mulberry32(c.name.length * 7919 + c.name.charCodeAt(0));
  const wrt: string[] = [];
  const p = (name: string, dims: number[], opts: { positive?: boolean } = {}): string => {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = Float64Array.from({ length: n }, () => (opts.positive ? 0.5 + rand() : rand() * 2 - 1));
    wrt.push(name);
    return g.initializer(name, { dtype: "float64", dims, data });
  };
  const y = c.build(g, p);
  // A random linear functional of the output makes every output element matter.
  const yShape = (await outputShape(g, y, c.feeds ?? {})).slice();
  const r = g.constant("r", {
    dtype: "float64",
    dims: yShape,
    data: Float64Array.from({ length: yShape.reduce((a, b) => a * b, 1) }, () => rand() * 2 - 1),
  });
  const loss = g.op("ReduceSum", [g.op("Mul", [y, r])], { keepdims: 0 });
  g.output(loss, "float64", []);
  const res = await gradientCheck(g, { loss, wrt, feeds: c.feeds ?? {}, samplesPerTensor: 6, step: c.step });
  return res.worst;
}

async function outputShape(g: GraphBuilder, y: string, feeds: Record<string, ort.Tensor>): Promise<number[]> {
  const probe = new GraphBuilder("shape");
  probe.nodes.push(...g.nodes);
  probe.inputs.push(...g.inputs);
  for (const [k, v] of g.initializers) probe.initializers.set(k, v);
  probe.output(y, "float64", []);
  const proto = probe.toProto();
  proto.graph!.output = [{ name: y }];
  const { onnx } = (await import("onnx-proto")).default;
  const s = await ort.InferenceSession.create(onnx.ModelProto.encode(proto).finish());
  const out = await s.run(feeds);
  await s.release();
  return [...out[y].dims];
}

const ids = (values: number[], dims: number[]): ort.Tensor => new ort.Tensor("int64", BigInt64Array.from(values.map(BigInt)), dims);

const CASES: OpCase[] = [
  { name: "Add", build: (g, p) => g.op("Add", [p("a", [2, 3, 4]), p("b", [3, 1])]) },
  { name: "Sub", build: (g, p) => g.op("Sub", [p("a", [4]), p("b", [2, 3, 4])]) },
  { name: "Mul", build: (g, p) => g.op("Mul", [p("a", [2, 1, 4]), p("b", [3, 4])]) },
  { name: "Div", build: (g, p) => g.op("Div", [p("a", [2, 3]), p("b", [2, 1], { positive: true })]) },
  {
    name: "Pow",
    build: (g, p) =>
      g.op("Pow", [p("a", [3, 4], { positive: true }), g.constant("e", { dtype: "float64", dims: [], data: Float64Array.of(-0.5) })]),
  },
  {
    name: "Where",
    build: (g, p) =>
      g.op("Where", [g.constant("m", { dtype: "bool", dims: [3, 1], data: Uint8Array.of(1, 0, 1) }), p("a", [3, 4]), p("b", [4])]),
  },
  { name: "Identity", build: (g, p) => g.op("Identity", [p("a", [5])]) },
  { name: "Neg", build: (g, p) => g.op("Neg", [p("a", [5])]) },
  { name: "Sqrt", build: (g, p) => g.op("Sqrt", [p("a", [5], { positive: true })]) },
  { name: "Reciprocal", build: (g, p) => g.op("Reciprocal", [p("a", [5], { positive: true })]) },
  { name: "Exp", build: (g, p) => g.op("Exp", [p("a", [5])]) },
  { name: "Log", build: (g, p) => g.op("Log", [p("a", [5], { positive: true })]) },
  { name: "Tanh", build: (g, p) => g.op("Tanh", [p("a", [5])]) },
  { name: "Sigmoid", build: (g, p) => g.op("Sigmoid", [p("a", [5])]) },
  { name: "Relu", build: (g, p) => g.op("Relu", [p("a", [7])]) },
  // onnxruntime has no float64 Erf kernel: the forward runs in float32, so the finite
  // differences are only float32-accurate and the case gets a float32 tolerance.
  {
    name: "Erf",
    build: (g, p) => g.op("Cast", [g.op("Erf", [g.op("Cast", [p("a", [5])], { to: 1 })])], { to: 11 }),
    tolerance: 2e-3,
    step: 1e-3,
  },
  { name: "Cast", build: (g, p) => g.op("Cast", [p("a", [5])], { to: 11 }) },
  { name: "MatMul", build: (g, p) => g.op("MatMul", [p("a", [2, 3, 4]), p("b", [4, 5])]) },
  { name: "MatMul-batched", build: (g, p) => g.op("MatMul", [p("a", [2, 2, 3, 4]), p("b", [2, 1, 4, 3])]) },
  {
    name: "Gemm",
    build: (g, p) => g.op("Gemm", [p("a", [4, 3]), p("b", [5, 4]), p("c", [5])], { transA: 1, transB: 1, alpha: 0.7, beta: 1.3 }),
  },
  { name: "Reshape", build: (g, p) => g.op("Reshape", [p("a", [2, 6]), g.i64([3, -1])]) },
  { name: "Flatten", build: (g, p) => g.op("Flatten", [p("a", [2, 3, 2])], { axis: 1 }) },
  { name: "Squeeze", build: (g, p) => g.op("Squeeze", [p("a", [2, 1, 3]), g.i64([1])]) },
  { name: "Unsqueeze", build: (g, p) => g.op("Unsqueeze", [p("a", [2, 3]), g.i64([0])]) },
  { name: "Transpose", build: (g, p) => g.op("Transpose", [p("a", [2, 3, 4])], { perm: [2, 0, 1] }) },
  { name: "Expand", build: (g, p) => g.op("Expand", [p("a", [3, 1]), g.i64([2, 3, 4])]) },
  { name: "Concat", build: (g, p) => g.op("Concat", [p("a", [2, 3]), p("b", [2, 2])], { axis: -1 }) },
  {
    name: "Split",
    build: (g, p) => {
      const [a, b] = g.node("Split", [p("a", [2, 5]), g.i64([2, 3])], { attrs: { axis: 1 }, outputs: 2 });
      return g.op("Concat", [b, a], { axis: 1 });
    },
  },
  { name: "Slice", build: (g, p) => g.op("Slice", [p("a", [3, 6]), g.i64([1, -4]), g.i64([100, -1]), g.i64([0, 1])]) },
  {
    name: "Gather",
    build: (g, p) => g.op("Gather", [p("a", [5, 3]), g.input("idx", "int64", [2, 3])]),
    feeds: { idx: ids([0, 4, 4, 1, 0, 2], [2, 3]) },
  },
  {
    name: "Gather-axis1",
    build: (g, p) => g.op("Gather", [p("a", [2, 5, 3]), g.input("idx", "int64", [2, 2])], { axis: 1 }),
    feeds: { idx: ids([1, 3, 3, 0], [2, 2]) },
  },
  {
    name: "GatherElements",
    build: (g, p) => g.op("GatherElements", [p("a", [3, 4]), g.input("idx", "int64", [3, 2])], { axis: 1 }),
    feeds: { idx: ids([0, 3, 1, 1, 2, 0], [3, 2]) },
  },
  { name: "ReduceSum", build: (g, p) => g.op("ReduceSum", [p("a", [2, 3, 4]), g.i64([1])], { keepdims: 0 }) },
  { name: "ReduceMean", build: (g, p) => g.op("ReduceMean", [p("a", [2, 3, 4])], { axes: [-1], keepdims: 1 }) },
  { name: "Softmax", build: (g, p) => g.op("Softmax", [p("a", [2, 5])], { axis: -1 }) },
  { name: "LogSoftmax", build: (g, p) => g.op("LogSoftmax", [p("a", [3, 5])], { axis: 1 }) },
  {
    name: "LayerNormalization",
    build: (g, p) => g.op("LayerNormalization", [p("x", [2, 3, 6]), p("s", [6]), p("b", [6])], { axis: -1, epsilon: 1e-5 }),
  },
  {
    name: "SoftmaxCrossEntropyLoss",
    build: (g, p) =>
      g.op("SoftmaxCrossEntropyLoss", [p("a", [4, 5]), g.input("lab", "int64", [4])], { ignore_index: -100, reduction: "mean" }),
    feeds: { lab: ids([1, -100, 4, 0], [4]) },
  },
];

describe("autodiff per-op gradients (float64, central differences)", () => {
  it("has a case for every differentiable op", () => {
    const covered = new Set(CASES.map((c) => c.name.split("-")[0]));
    expect(DIFFERENTIABLE_OPS.filter((op) => !covered.has(op))).toEqual([]);
  });
  for (const c of CASES) {
    it(c.name, async () => {
      expect(await check(c)).toBeLessThanOrEqual(c.tolerance ?? 1e-5);
    });
  }
});

describe("autodiff graph mechanics", () => {
  it("sums gradients of a value used twice and returns loss and grads in one run", async () => {
    const g = new GraphBuilder("reuse");
    const x = g.input("x", "float32", [3]);
    const w = g.initializer("w", { dtype: "float32", dims: [3], data: Float32Array.of(1, 2, 3) });
    const y = g.op("Mul", [g.op("Mul", [x, w]), w]); // x·w²
    const loss = g.op("ReduceSum", [y], { keepdims: 0 });
    g.output(loss, "float32", []);
    const feeds = { x: new ort.Tensor("float32", Float32Array.of(1, 1, 2), [3]) };
    const { grads } = await buildBackward(g, { loss, wrt: ["w"] }, feeds);
    const s = await ort.InferenceSession.create(g.toBytes());
    const out = await s.run(feeds);
    expect(Array.from(out[loss].data as Float32Array)).toEqual([1 + 4 + 18]);
    expect(Array.from(out[grads.get("w")!].data as Float32Array)).toEqual([2, 4, 12]); // 2xw
    await s.release();
  });

  it("rejects ops it cannot differentiate with a clear error", async () => {
    const g = new GraphBuilder("bad");
    const w = g.initializer("w", { dtype: "float32", dims: [2], data: Float32Array.of(1, 2) });
    const loss = g.op("ReduceMax", [g.op("Abs", [w])], { keepdims: 0 });
    g.output(loss, "float32", []);
    await expect(buildBackward(g, { loss, wrt: ["w"] }, {})).rejects.toThrow(/no gradient rule for ReduceMax/);
  });
});
