// Building blocks of the PLAIN reference graphs: standard ONNX ops only (opset 17), no
// contrib ops, no KV cache. The trainer's autodiff differentiates these graphs, so the op
// set is deliberately small; every op used here is listed in PLAIN_OPS. Weights keep their
// Hugging Face layout ([out, in]) and names so gradients land on exactly what PEFT and
// safetensors store.
import { GraphBuilder, type Constant } from "../onnx/graph";
import { selectLoraTargets, tensorOf, type PlainGraphOptions, type Tensors } from "./family";
import { ropeTables as ropeFrequencies } from "./rope";
import type { HfConfig, LoraTarget } from "./types";

/**
 * Op types the plain graphs use. `Shape` (and the int64 Slice/Concat on its output) only
 * computes the dynamic sequence length: it carries no gradient.
 */
export const PLAIN_OPS = [
  "Add", "Concat", "Div", "Gather", "MatMul", "Mul", "Neg", "ReduceMean", "Reshape",
  "Shape", "Sigmoid", "Slice", "Softmax", "Sqrt", "Sub", "Tanh", "Transpose",
] as const;

/** Added to masked attention scores (exp underflows to exactly 0 in fp32 and fp64). */
const MASK_VALUE = -1e9;

export const loraInputNames = (module: string) => ({
  a: `base_model.model.${module}.lora_A.weight`,
  b: `base_model.model.${module}.lora_B.weight`,
});

export class PlainOps {
  readonly g: GraphBuilder;
  readonly ft: "float32" | "float64";
  private readonly trainable: PlainGraphOptions["trainable"];
  private readonly lora = new Map<string, LoraTarget>();
  private readonly loraRank: number;
  private readonly loraScale: number;
  /** int64 [1] tensor holding the sequence length S. */
  readonly seqLen: string;

  constructor(name: string, private readonly tensors: Tensors, opts: PlainGraphOptions, allTargets: LoraTarget[]) {
    this.g = new GraphBuilder(name);
    this.ft = opts.floatType ?? "float32";
    this.trainable = opts.trainable ?? "none";
    this.loraRank = opts.lora?.rank ?? 0;
    this.loraScale = opts.lora?.scale ?? 1;
    if (opts.lora) for (const t of selectLoraTargets(allTargets, opts.lora.targets)) this.lora.set(t.module, t);
    this.g.input("input_ids", "int64", ["batch", "sequence"]);
    const shape = this.g.op("Shape", ["input_ids"]);
    this.seqLen = this.g.op("Slice", [shape, this.g.i64([1]), this.g.i64([2]), this.g.i64([0])]);
  }

  private isTrainable(name: string): boolean {
    const t = this.trainable;
    return t === "all" ? true : t === "none" || t === undefined ? false : t.has(name);
  }

  /** A float constant of the graph's float type. */
  floats(prefix: string, values: ArrayLike<number>, dims: number[]): string {
    const data = this.ft === "float64" ? Float64Array.from(values) : Float32Array.from(values);
    return this.g.constant(prefix, { dtype: this.ft, dims, data } as Constant);
  }

  scalar(v: number): string {
    return this.floats("c", [v], []);
  }

  /** An HF weight: a graph input when trainable, otherwise an initializer. */
  weight(name: string): string {
    if (this.g.inputs.some((i) => i.name === name) || this.g.initializers.has(name)) return name;
    const t = tensorOf(this.tensors, name);
    if (this.isTrainable(name)) return this.g.input(name, this.ft, t.shape);
    const data = this.ft === "float64" ? Float64Array.from(t.data) : t.data;
    return this.g.initializer(name, { dtype: this.ft, dims: t.shape, data } as Constant);
  }

  /** y = x·Wᵀ (+ b) (+ scale·(x·Aᵀ)·Bᵀ when the module is a LoRA target). */
  linear(x: string, module: string, bias = false): string {
    let y = this.g.op("MatMul", [x, this.g.op("Transpose", [this.weight(`${module}.weight`)], { perm: [1, 0] })]);
    if (bias) y = this.g.op("Add", [y, this.weight(`${module}.bias`)]);
    const target = this.lora.get(module);
    if (target) {
      const names = loraInputNames(module);
      const a = this.g.inputs.some((i) => i.name === names.a) ? names.a : this.g.input(names.a, this.ft, [this.loraRank, target.inFeatures]);
      const b = this.g.inputs.some((i) => i.name === names.b) ? names.b : this.g.input(names.b, this.ft, [target.outFeatures, this.loraRank]);
      const xa = this.g.op("MatMul", [x, this.g.op("Transpose", [a], { perm: [1, 0] })]);
      let delta = this.g.op("MatMul", [xa, this.g.op("Transpose", [b], { perm: [1, 0] })]);
      if (this.loraScale !== 1) delta = this.g.op("Mul", [delta, this.scalar(this.loraScale)]);
      y = this.g.op("Add", [y, delta]);
    }
    return y;
  }

  rmsNorm(x: string, weightName: string, eps: number): string {
    const ms = this.g.op("ReduceMean", [this.g.op("Mul", [x, x])], { axes: [-1], keepdims: 1 });
    const inv = this.g.op("Sqrt", [this.g.op("Add", [ms, this.scalar(eps)])]);
    return this.g.op("Mul", [this.g.op("Div", [x, inv]), this.weight(weightName)]);
  }

  layerNorm(x: string, prefix: string, eps: number): string {
    const mu = this.g.op("ReduceMean", [x], { axes: [-1], keepdims: 1 });
    const d = this.g.op("Sub", [x, mu]);
    const variance = this.g.op("ReduceMean", [this.g.op("Mul", [d, d])], { axes: [-1], keepdims: 1 });
    const normed = this.g.op("Div", [d, this.g.op("Sqrt", [this.g.op("Add", [variance, this.scalar(eps)])])]);
    return this.g.op("Add", [this.g.op("Mul", [normed, this.weight(`${prefix}.weight`)]), this.weight(`${prefix}.bias`)]);
  }

  silu(x: string): string {
    return this.g.op("Mul", [x, this.g.op("Sigmoid", [x])]);
  }

  /** gelu_new: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
  geluNew(x: string): string {
    const x3 = this.g.op("Mul", [this.g.op("Mul", [x, x]), x]);
    const inner = this.g.op("Mul", [this.g.op("Add", [x, this.g.op("Mul", [x3, this.scalar(0.044715)])]), this.scalar(Math.sqrt(2 / Math.PI))]);
    const t = this.g.op("Add", [this.g.op("Tanh", [inner]), this.scalar(1)]);
    return this.g.op("Mul", [this.g.op("Mul", [x, this.scalar(0.5)]), t]);
  }

  /** First S rows of a [maxPos, ...] table. */
  sliceRows(table: string): string {
    return this.g.op("Slice", [table, this.g.i64([0]), this.seqLen, this.g.i64([0])]);
  }

  /** Additive causal mask [S,S] (keys j ≤ i, and i − j < window when window > 0). */
  causalMask(maxPos: number, window = 0): string {
    const data = new Float64Array(maxPos * maxPos);
    for (let i = 0; i < maxPos; i++) {
      for (let j = 0; j < maxPos; j++) data[i * maxPos + j] = j <= i && (window <= 0 || i - j < window) ? 0 : MASK_VALUE;
    }
    const table = this.floats(window > 0 ? "mask_local" : "mask_causal", data, [maxPos, maxPos]);
    const ends = this.g.op("Concat", [this.seqLen, this.seqLen], { axis: 0 });
    return this.g.op("Slice", [table, this.g.i64([0, 0]), ends, this.g.i64([0, 1])]);
  }

  /** A RoPE decoder's rotary tables (config.json's rope_scaling applied) and its causal masks, one per window size. */
  ropeDecoderTables(config: HfConfig, headDim: number, maxPos: number): { rope: { cos: string; sin: string }; maskFor: (window: number) => string } {
    const freq = ropeFrequencies(config, headDim, maxPos);
    const rope = this.ropeTables(freq.cos, freq.sin, maxPos, headDim);
    const masks = new Map<number, string>();
    const maskFor = (window: number) => masks.get(window) ?? masks.set(window, this.causalMask(maxPos, window)).get(window)!;
    return { rope, maskFor };
  }

  /** Rotary tables [S,1,D] for x·cos + rotate_half(x)·sin (HF non-interleaved layout). */
  ropeTables(cosHalf: Float64Array, sinHalf: Float64Array, maxPos: number, headDim: number): { cos: string; sin: string } {
    const half = headDim / 2;
    const full = (src: Float64Array) => {
      const out = new Float64Array(maxPos * headDim);
      for (let p = 0; p < maxPos; p++) for (let i = 0; i < headDim; i++) out[p * headDim + i] = src[p * half + (i % half)];
      return out;
    };
    return {
      cos: this.sliceRows(this.floats("rope_cos", full(cosHalf), [maxPos, 1, headDim])),
      sin: this.sliceRows(this.floats("rope_sin", full(sinHalf), [maxPos, 1, headDim])),
    };
  }

  /** x [B,S,H,D] → x·cos + rotate_half(x)·sin. */
  rope(x: string, cos: string, sin: string, headDim: number): string {
    const half = headDim / 2;
    const x1 = this.g.op("Slice", [x, this.g.i64([0]), this.g.i64([half]), this.g.i64([3])]);
    const x2 = this.g.op("Slice", [x, this.g.i64([half]), this.g.i64([headDim]), this.g.i64([3])]);
    const rotated = this.g.op("Concat", [this.g.op("Neg", [x2]), x1], { axis: 3 });
    return this.g.op("Add", [this.g.op("Mul", [x, cos]), this.g.op("Mul", [rotated, sin])]);
  }

  /**
   * Causal (grouped-query) attention. q [B,S,nH·D], k/v [B,S,kvH·D] → [B,S,nH·D].
   * Query heads are grouped as [B,kvH,g,S,D] so K/V broadcast over the group in MatMul
   * instead of being repeated.
   */
  attention(q: string, k: string, v: string, p: { numHeads: number; numKvHeads: number; headDim: number; scale: number; mask: string; rope?: { cos: string; sin: string }; sinks?: string }): string {
    const { numHeads, numKvHeads, headDim } = p;
    const group = numHeads / numKvHeads;
    let q4 = this.g.op("Reshape", [q, this.g.i64([0, 0, numHeads, headDim])]);
    let k4 = this.g.op("Reshape", [k, this.g.i64([0, 0, numKvHeads, headDim])]);
    const v4 = this.g.op("Reshape", [v, this.g.i64([0, 0, numKvHeads, headDim])]);
    if (p.rope) {
      q4 = this.rope(q4, p.rope.cos, p.rope.sin, headDim);
      k4 = this.rope(k4, p.rope.cos, p.rope.sin, headDim);
    }
    const q5 = this.g.op("Transpose", [this.g.op("Reshape", [q4, this.g.i64([0, 0, numKvHeads, group, headDim])])], { perm: [0, 2, 3, 1, 4] });
    const kT = this.g.op("Transpose", [this.g.op("Reshape", [k4, this.g.i64([0, 0, numKvHeads, 1, headDim])])], { perm: [0, 2, 3, 4, 1] });
    const v5 = this.g.op("Transpose", [this.g.op("Reshape", [v4, this.g.i64([0, 0, numKvHeads, 1, headDim])])], { perm: [0, 2, 3, 1, 4] });
    let scores = this.g.op("MatMul", [q5, kT]); // [B,kvH,g,S,S]
    if (p.scale !== 1) scores = this.g.op("Mul", [scores, this.scalar(p.scale)]);
    const probs = p.sinks ? this.softmaxWithSinks(this.g.op("Add", [scores, p.mask]), p.sinks, numKvHeads, group) : this.g.op("Softmax", [this.g.op("Add", [scores, p.mask])], { axis: -1 });
    const ctx = this.g.op("Transpose", [this.g.op("MatMul", [probs, v5])], { perm: [0, 3, 1, 2, 4] }); // [B,S,kvH,g,D]
    return this.g.op("Reshape", [ctx, this.g.i64([0, 0, numHeads * headDim])]);
  }

  /**
   * Softmax over the keys plus one learned logit per head (gpt-oss attention sinks): the sink
   * column [B,kvH,g,S,1] joins the scores [B,kvH,g,S,S] and is dropped after the softmax, so
   * each row's weights sum to less than 1.
   */
  private softmaxWithSinks(scores: string, sinks: string, numKvHeads: number, group: number): string {
    const perHead = this.g.op("Reshape", [sinks, this.g.i64([numKvHeads, group, 1, 1])]);
    const rowsShape = this.g.op("Concat", [this.g.op("Slice", [this.g.op("Shape", [scores]), this.g.i64([0]), this.g.i64([4])]), this.g.i64([1])], { axis: 0 });
    const column = this.g.op("Expand", [perHead, rowsShape]);
    const probs = this.g.op("Softmax", [this.g.op("Concat", [scores, column], { axis: -1 })], { axis: -1 });
    return this.g.op("Slice", [probs, this.g.i64([0]), this.g.i64([-1]), this.g.i64([4])]);
  }

  /** Declares the output: full-sequence logits [B,S,V] or hidden states [B,S,H]. */
  finish(hidden: string, head: { weight: string } | null, vocab: number, hiddenSize: number): GraphBuilder {
    if (head) {
      const logits = this.g.op("MatMul", [hidden, this.g.op("Transpose", [this.weight(head.weight)], { perm: [1, 0] })]);
      this.g.node("Reshape", [logits, this.g.i64([0, 0, vocab])], { outputs: ["logits"] });
      this.g.output("logits", this.ft, ["batch", "sequence", vocab]);
    } else {
      this.g.node("Reshape", [hidden, this.g.i64([0, 0, hiddenSize])], { outputs: ["hidden"] });
      this.g.output("hidden", this.ft, ["batch", "sequence", hiddenSize]);
    }
    return this.g;
  }
}
