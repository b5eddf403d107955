// Building blocks of the FUSED inference graphs: onnxruntime contrib ops (com.microsoft)
// GroupQueryAttention with a shared past/present KV buffer, Skip(Simplified)LayerNormalization,
// FastGelu, optional MatMulNBits weight-only quantisation, and per-row LoRA as graph inputs.
// Weights are pre-transposed to [in, out] (and q/k/v, gate/up concatenated) at build time so
// each block costs one MatMul.
import { GraphBuilder, type AttrValue, type Constant } from "../onnx/graph";
import { toFp16Bits } from "../onnx/safetensors";
import { tensorOf, type FusedGraphOptions, type Tensors } from "./family";
import { ATTN_BIAS, FusedGraph, loraAName, loraBName, NEW_KV, pastKeyName, pastValueName, type LoraGroup } from "./fused-graph";
import { quantizeBlockwise } from "./quantize";
import { ropeTables } from "./rope";
import type { HfConfig, ModelDims } from "./types";

/** A block-quantised matrix's initializers (MatMulNBits layout). */
interface Packed {
  bits: 4 | 8;
  packed: string;
  scales: string;
  blocks: number;
}

export class FusedOps {
  readonly g: FusedGraph;
  readonly ft: "float32" | "float16";
  /** The row mask tiled T times (one per LoRA group size). */
  private readonly loraMasks = new Map<number, string>();
  /** Quantised embedding tables (by HF name) that the tied LM head reads too. */
  private readonly packedHeads = new Map<string, Packed>();
  /** Each layer's new keys and values (graph values), concatenated into NEW_KV by `finish`. */
  private readonly newKv: string[] = [];
  /** Head size of the KV cache (declareCacheIO). */
  private cacheHeadDim = 0;
  /** Boolean "this run has one token per row" (decode), built on first use. */
  private decodeCond: string | null = null;
  /** int64 [capacity, 1]: how the in-place decode splits its probabilities (past, new token), built on first use. */
  private decodeSplit: string | null = null;

  constructor(name: string, private readonly tensors: Tensors, readonly opts: FusedGraphOptions) {
    this.g = new FusedGraph(name);
    this.ft = opts.floatType;
  }

  floats(prefix: string, values: ArrayLike<number>, dims: number[]): string {
    const f32 = Float32Array.from(values);
    const c: Constant = this.ft === "float16" ? { dtype: "float16", dims, data: toFp16Bits(f32) } : { dtype: "float32", dims, data: f32 };
    return this.g.constant(prefix, c);
  }

  /** An HF tensor as an initializer of the graph's float type (optionally transformed). */
  weight(name: string, transform?: (data: Float32Array, shape: number[]) => { data: Float32Array; shape: number[] }): string {
    const key = transform ? `${name}.t` : name;
    if (this.g.initializers.has(key)) return key;
    const t = tensorOf(this.tensors, name);
    const { data, shape } = transform ? transform(t.data, t.shape) : { data: t.data, shape: t.shape };
    const c: Constant = this.ft === "float16" ? { dtype: "float16", dims: shape, data: toFp16Bits(data) } : { dtype: "float32", dims: shape, data };
    return this.g.initializer(key, c);
  }

  /**
   * The inputs of a RoPE decoder (token ids, positions, KV cache I/O) and its cos/sin caches
   * (config.json's rope_scaling applied, e.g. YaRN with its attention factor).
   */
  ropeDecoderInputs(config: HfConfig, d: ModelDims): { cos: string; sin: string } {
    this.g.input("input_ids", "int64", ["batch", "sequence"]);
    this.g.input("position_ids", "int64", ["batch", "sequence"]);
    this.declareCacheIO(d.numLayers, d.numKvHeads, d.headDim);
    const maxPos = this.opts.maxSequenceLength;
    const rope = ropeTables(config, d.headDim, maxPos);
    return { cos: this.floats("cos_cache", rope.cos, [maxPos, d.headDim / 2]), sin: this.floats("sin_cache", rope.sin, [maxPos, d.headDim / 2]) };
  }

  /**
   * Declares the per-layer KV cache I/O. The past comes in as a zero-copy view of the slot
   * pool; only this step's keys/values go out, all layers in one output (NEW_KV, keys after
   * rotary) that the runtime writes into the pool. Returning the whole present buffer instead
   * would make onnxruntime-node copy the full cache into a fresh JS buffer on every step (it
   * copies every fetched output).
   */
  declareCacheIO(numLayers: number, numKvHeads: number, headDim: number): void {
    this.cacheHeadDim = headDim;
    for (let l = 0; l < numLayers; l++) {
      this.g.input(pastKeyName(l), this.ft, ["batch", numKvHeads, "capacity", headDim]);
      this.g.input(pastValueName(l), this.ft, ["batch", numKvHeads, "capacity", headDim]);
    }
    // A hidden-state graph (an embedder) keeps no cache: it computes no NEW_KV (ORT runs every
    // node of the graph, fetched or not: the concat was ~3 % of an embedding run).
    if (this.opts.output === "logits") this.g.output(NEW_KV, this.ft, ["batch", "sequence", 2 * numLayers * numKvHeads * headDim]);
  }

  /**
   * One MatMul for several linear modules sharing the input x (e.g. q/k/v), returning each
   * module's output. Biases are concatenated too; the LoRA delta of all targeted modules is
   * one block added before the Split.
   */
  linears(x: string, modules: { module: string; out: number; bias: boolean }[], inFeatures: number): string[] {
    const n = modules.reduce((s, m) => s + m.out, 0);
    const wT = new Float32Array(inFeatures * n); // [in, n]
    let col = 0;
    for (const m of modules) {
      const w = tensorOf(this.tensors, `${m.module}.weight`);
      if (w.shape[0] !== m.out || w.shape[1] !== inFeatures) {
        throw new Error(`model.safetensors: "${m.module}.weight" has shape ${JSON.stringify(w.shape)}, expected [${m.out}, ${inFeatures}]`);
      }
      const data = w.data; // once: a lazy tensor's getter reads the file on every access
      for (let o = 0; o < m.out; o++) for (let i = 0; i < inFeatures; i++) wT[i * n + col + o] = data[o * inFeatures + i];
      col += m.out;
    }
    const name = modules.map((m) => m.module).join("+");
    let y = this.matmulConst(x, wT, inFeatures, n, name);
    if (modules.some((m) => m.bias)) {
      const bias = new Float32Array(n);
      let off = 0;
      for (const m of modules) {
        if (m.bias) bias.set(tensorOf(this.tensors, `${m.module}.bias`).data, off);
        off += m.out;
      }
      y = this.g.op("Add", [y, this.floats(`${name}.bias`, bias, [n])]);
    }
    y = this.addLora(x, y, modules, inFeatures, n);
    return modules.length === 1 ? [y] : this.g.node("Split", [y, this.g.i64(modules.map((m) => m.out))], { attrs: { axis: -1 }, outputs: modules.length });
  }

  /** x·W for a constant W [k, n]: MatMul, or MatMulNBits when quantising. */
  private matmulConst(x: string, wT: Float32Array, k: number, n: number, name: string): string {
    if (this.opts.quantize === "none") {
      const c: Constant = this.ft === "float16" ? { dtype: "float16", dims: [k, n], data: toFp16Bits(wT) } : { dtype: "float32", dims: [k, n], data: wT };
      return this.g.op("MatMul", [x, this.g.initializer(`${name}.wT`, c)]);
    }
    return this.matmulNBits(x, wT, k, n, name, "kn");
  }

  /** x·W with W [k, n] quantised block-wise (`layout` as in quantizeBlockwise). */
  private matmulNBits(x: string, w: Float32Array, k: number, n: number, name: string, layout: "kn" | "nk"): string {
    return this.matmulPacked(x, this.packBlockwise(w, k, n, name, layout), k, n);
  }

  /** W quantised for MatMulNBits: packed codes [n, blocks, blob] and scales [n, blocks] initializers. */
  private packBlockwise(w: Float32Array, k: number, n: number, name: string, layout: "kn" | "nk"): Packed {
    const bits = this.opts.quantize === "int8" ? 8 : 4;
    const q = quantizeBlockwise(w, k, n, bits, 32, layout);
    const packed = this.g.initializer(`${name}.q${bits}`, { dtype: "uint8", dims: [n, q.blocksPerCol, q.blobSize], data: q.packed });
    return { bits, packed, scales: this.floats(`${name}.scales`, q.scales, [n, q.blocksPerCol]), blocks: q.blocksPerCol };
  }

  private matmulPacked(x: string, p: Packed, k: number, n: number): string {
    // accuracy_level 4 = int8 activations in the kernel: MLAS's fast path (at level 0 the 8-bit
    // CPU kernel falls back to dequantising and ran ~9× slower than fp32 in bench/decode.ts runs).
    return this.g.ms("MatMulNBits", [x, p.packed, p.scales], { K: k, N: n, bits: p.bits, block_size: 32, accuracy_level: 4 })[0];
  }

  /**
   * Token embeddings [B,S,H] of `ids` from the HF [vocab, H] table. When the table is also the
   * (tied) LM head of a quantised fp32 graph, it is stored once, quantised like the head, and
   * gathered with GatherBlockQuantized from the very codes the head's MatMulNBits reads (as
   * llama.cpp reads its q8_0/q4_0 token_embd for both). Otherwise: a float Gather.
   */
  embed(table: string, ids: string, tiedHead: boolean): string {
    if (!this.sharesQuantizedHead(tiedHead)) return this.g.op("Gather", [this.weight(table), ids]);
    const w = tensorOf(this.tensors, table);
    const [vocab, hidden] = w.shape;
    const p = this.packBlockwise(w.data, hidden, vocab, `${table}.head`, "nk");
    this.packedHeads.set(table, p);
    // Same codes, viewed as [vocab, blocks, 32 values]: one scale per (row, block), dequantised along the last axis.
    const scales = this.g.initializer(`${table}.gather_scales`, { ...this.g.initializers.get(p.scales)!, dims: [vocab, p.blocks, 1] });
    const rows = this.g.ms("GatherBlockQuantized", [p.packed, ids, scales], { bits: p.bits, block_size: 32, gather_axis: 0, quantize_axis: 2 })[0];
    return this.g.op("Reshape", [rows, this.g.i64([0, 0, hidden])]);
  }

  private sharesQuantizedHead(tiedHead: boolean): boolean {
    return tiedHead && this.opts.quantize !== "none" && this.opts.output === "logits" && this.ft === "float32";
  }

  /**
   * Adds ((x·A) ⊙ mask)·B for the targeted modules of one fused linear: A [in, T·n·R] holds
   * each module's adapters side by side, B [T·n·R, N] maps them into the module's columns, and
   * `lora_mask` [B, 1, n·R] (tiled T times) selects each row's adapter (see runtime/lora-feeds.ts).
   */
  private addLora(x: string, y: string, modules: { module: string; out: number }[], inFeatures: number, outFeatures: number): string {
    const members: LoraGroup["members"] = [];
    let column = 0;
    for (const m of modules) {
      if (this.opts.loraModules.has(m.module)) members.push({ module: m.module, column, out: m.out });
      column += m.out;
    }
    if (members.length === 0) return y;
    const group: LoraGroup = { name: members.map((m) => m.module).join("+"), inFeatures, outFeatures, members };
    this.g.loraGroups.push(group);
    // LoRA inputs stay fp32 on the wire; fp16 graphs cast them (they are small).
    const cast = (v: string) => (this.ft === "float16" ? this.g.op("Cast", [v], { to: 10 }) : v);
    const width = `lora_cols_x${members.length}`;
    const a = cast(this.g.input(loraAName(group.name), "float32", [inFeatures, width]));
    const b = cast(this.g.input(loraBName(group.name), "float32", [width, outFeatures]));
    const selected = this.g.op("Mul", [this.g.op("MatMul", [x, a]), this.loraMask(members.length)]);
    return this.g.op("Add", [y, this.g.op("MatMul", [selected, b])]);
  }

  private loraMask(times: number): string {
    let mask = this.loraMasks.get(times);
    if (mask) return mask;
    if (!this.loraMasks.has(1)) {
      this.g.input("lora_mask", "float32", ["batch", 1, "lora_cols"]);
      this.loraMasks.set(1, this.ft === "float16" ? this.g.op("Cast", ["lora_mask"], { to: 10 }) : "lora_mask");
    }
    const single = this.loraMasks.get(1)!;
    mask = times === 1 ? single : this.g.op("Concat", Array.from({ length: times }, () => single), { axis: -1 });
    this.loraMasks.set(times, mask);
    return mask;
  }

  /** Rotary embedding (HF rotate-half layout) on x [B,S,heads·D] at explicit positions. */
  rotary(x: string, numHeads: number, cos: string, sin: string): string {
    return this.g.ms("RotaryEmbedding", [x, "position_ids", cos, sin], { interleaved: 0, num_heads: numHeads })[0];
  }

  /**
   * Attention of one layer over the pool's past plus this step's k/v (already rotated), which
   * also go out in NEW_KV. GroupQueryAttention, except for decode runs of fp32 logits graphs
   * (no sinks, no local window): there an If takes the in-place form (`inPlaceDecode`), because
   * GQA on CPU zeroes a present buffer over the whole capacity and copies the past into it once
   * per query head, every layer and step (it shares past and present only when they are one
   * buffer, which onnxruntime never arranges for a graph input). bench/attention-decode.ts, 8
   * layers of the 512×8 model: 267/446/814 CPU µs per step (GQA) vs 284/357/640 (If) at
   * contexts 64/128/256, the gap growing with the context (docs/engine-profile.md).
   */
  attention(layer: number, q: string, k: string, v: string, p: { numHeads: number; numKvHeads: number; scale?: number; localWindow?: number; sinks?: string }): string {
    const attrs: Record<string, number | { float: number }> = { num_heads: p.numHeads, kv_num_heads: p.numKvHeads };
    if (p.scale !== undefined) attrs.scale = { float: p.scale };
    const windowed = p.localWindow !== undefined && p.localWindow > 0;
    if (windowed) attrs.local_window_size = p.localWindow!;
    this.newKv[2 * layer] = k;
    this.newKv[2 * layer + 1] = v;
    const gqa = (target: GraphBuilder) =>
      target.node("GroupQueryAttention", this.gqaInputs(target, layer, q, k, v, p.sinks), {
        domain: "com.microsoft",
        attrs,
        outputs: [this.g.fresh("attn"), this.g.fresh("present_key"), this.g.fresh("present_value")],
        name: this.g.fresh("GroupQueryAttention"),
      })[0];
    const inPlace = this.ft === "float32" && this.opts.output === "logits" && !p.sinks && !windowed && this.cacheHeadDim > 0 && this.hasInput("position_ids");
    if (!inPlace) return gqa(this.g);
    const width = p.numHeads * this.cacheHeadDim;
    const decode = this.branch(width, (b) => this.inPlaceDecode(b, layer, q, k, v, p.numHeads, p.numKvHeads, p.scale ?? 1 / Math.sqrt(this.cacheHeadDim)));
    return this.g.op("If", [this.isDecode()], { then_branch: { graph: decode }, else_branch: { graph: this.branch(width, gqa) } });
  }

  /**
   * GroupQueryAttention's inputs. Its per-row cache lengths (`seqlens_k` int32 [B]: tokens in the
   * cache after this run − 1, `total_sequence_length` int32 []: their maximum + 1) are graph
   * inputs where GQA runs in the main graph. In an in-place layer's GQA branch (prefill runs only)
   * they are derived from inputs the graph has anyway — each row's last position is
   * `position_ids` at its `logit_rows` index — so decode steps, which never read them, do not pay
   * two more graph inputs (~2.4 CPU µs each per run in onnxruntime-node, docs/engine-profile.md).
   */
  private gqaInputs(target: GraphBuilder, layer: number, q: string, k: string, v: string, sinks?: string): string[] {
    let seqlens = "seqlens_k";
    let total = "total_sequence_length";
    if (target === this.g) {
      if (!this.hasInput(seqlens)) {
        this.g.input(seqlens, "int32", ["batch"]);
        this.g.input(total, "int32", []);
      }
    } else {
      const n = (op: string, inputs: string[], attrs: Record<string, AttrValue> = {}) =>
        target.node(op, inputs, { attrs, outputs: [this.g.fresh(op.toLowerCase())], name: this.g.fresh(op) })[0]!;
      const last = n("Gather", [n("Reshape", ["position_ids", this.g.i64([-1])]), "logit_rows"], { axis: 0 });
      seqlens = n("Cast", [last], { to: 6 });
      total = n("Add", [n("ReduceMax", [seqlens], { keepdims: 0 }), this.g.constant("c_i32", { dtype: "int32", dims: [], data: Int32Array.of(1) })]);
    }
    const inputs = [q, k, v, pastKeyName(layer), pastValueName(layer), seqlens, total];
    // Attention sinks (gpt-oss): one learned logit per head joins the softmax (GQA input 11, "head_sink").
    if (sinks) inputs.push("", "", "", "", sinks);
    return inputs;
  }

  private hasInput(name: string): boolean {
    return this.g.inputs.some((i) => i.name === name);
  }

  /** One If branch: `build` adds nodes (their values named by the main graph: a branch may not redefine an outer name); returns the branch graph with output [B, S, width]. */
  private branch(width: number, build: (b: GraphBuilder) => string): GraphBuilder {
    const b = new GraphBuilder("branch");
    b.output(build(b), this.ft, ["batch", "sequence", width]);
    return b;
  }

  /**
   * Decode-step attention reading the pool in place (one new token per row): per KV head, the
   * G = heads/kvHeads queries score the past ([B, kvH, capacity, D], FusedMatMul with transB)
   * and the new key; ATTN_BIAS [B, 1, 1, capacity + 1] (runtime: 0 on each row's used past and
   * its new token, −∞ elsewhere) masks the unused capacity; Softmax; a split [capacity, 1] taken
   * from the pool's shape (`splitAtCapacity`) parts the probabilities for the past values and the
   * new value.
   */
  private inPlaceDecode(b: GraphBuilder, layer: number, q: string, k: string, v: string, heads: number, kvHeads: number, scale: number): string {
    const d = this.cacheHeadDim;
    const group = heads / kvHeads;
    const n = (op: string, inputs: string[], attrs: Record<string, AttrValue> = {}, domain = "", outputs = 1) =>
      b.node(op, inputs, { attrs, domain, outputs: Array.from({ length: outputs }, () => this.g.fresh(op.toLowerCase())), name: this.g.fresh(op) });
    const alpha = { float: scale };
    const q4 = n("Reshape", [q, this.g.i64([-1, kvHeads, group, d])])[0];
    const k4 = n("Reshape", [k, this.g.i64([-1, kvHeads, 1, d])])[0];
    const v4 = n("Reshape", [v, this.g.i64([-1, kvHeads, 1, d])])[0];
    const past = n("FusedMatMul", [q4, pastKeyName(layer)], { transB: 1, alpha }, "com.microsoft")[0];
    const now = n("FusedMatMul", [q4, k4], { transB: 1, alpha }, "com.microsoft")[0];
    const probs = n("Softmax", [n("Add", [n("Concat", [past, now], { axis: -1 })[0], this.attnInput(ATTN_BIAS)])[0]], { axis: -1 })[0];
    const [pPast, pNow] = n("Split", [probs, this.splitAtCapacity()], { axis: -1 }, "", 2);
    const y = n("Add", [n("MatMul", [pPast, pastValueName(layer)])[0], n("MatMul", [pNow, v4])[0]])[0];
    return n("Reshape", [y, this.g.i64([-1, 1, heads * d])])[0];
  }

  private isDecode(): string {
    this.decodeCond ??= this.g.op("Squeeze", [this.g.op("Equal", [this.g.op("Shape", ["input_ids"], { start: 1, end: 2 }), this.g.i64([1])]), this.g.i64([0])]);
    return this.decodeCond;
  }

  /**
   * [capacity, 1] from layer 0's past keys [B, kvH, capacity, D]: two small nodes once per run in
   * the main graph instead of a graph input (an input costs several times a tiny node's executor
   * time, docs/engine-profile.md).
   */
  private splitAtCapacity(): string {
    this.decodeSplit ??= this.g.op("Concat", [this.g.op("Shape", [pastKeyName(0)], { start: 2, end: 3 }), this.g.i64([1])], { axis: 0 });
    return this.decodeSplit;
  }

  /** Declares the in-place decode bias input on first use. */
  private attnInput(name: typeof ATTN_BIAS): string {
    if (!this.hasInput(name)) this.g.input(ATTN_BIAS, "float32", ["batch", 1, 1, "capacity_plus_1"]);
    return name;
  }

  /** Returns [normalised, residual sum] of SkipSimplifiedLayerNormalization (RMSNorm with residual add). */
  skipRmsNorm(x: string, residual: string, weight: string, eps: number): [string, string] {
    const [out, , , sum] = this.g.node("SkipSimplifiedLayerNormalization", [x, residual, weight], {
      domain: "com.microsoft", attrs: { epsilon: { float: eps } }, outputs: [this.g.fresh("rms"), "", "", this.g.fresh("residual")],
    });
    return [out, sum];
  }

  rmsNorm(x: string, weight: string, eps: number): string {
    return this.g.op("SimplifiedLayerNormalization", [x, weight], { axis: -1, epsilon: { float: eps }, stash_type: 1 });
  }

  /** Returns [normalised, residual sum] of SkipLayerNormalization. */
  skipLayerNorm(x: string, residual: string, weight: string, bias: string, eps: number): [string, string] {
    const [out, , , sum] = this.g.node("SkipLayerNormalization", [x, residual, weight, bias], {
      domain: "com.microsoft", attrs: { epsilon: { float: eps } }, outputs: [this.g.fresh("ln"), "", "", this.g.fresh("residual")],
    });
    return [out, sum];
  }

  layerNorm(x: string, weight: string, bias: string, eps: number): string {
    return this.g.op("LayerNormalization", [x, weight, bias], { axis: -1, epsilon: { float: eps } });
  }

  /**
   * Graph tail: hidden states [B,S,H], or logits [B,V] of one position per row: `logit_rows`
   * (int64 [B]) indexes the flattened [B·S] positions (b·S + last_b), so right-padded prefill
   * batches get each row's real last token. Gathering before the LM head spares S × vocab.
   */
  finish(hidden: string, headWeight: string | null, vocab: number, hiddenSize: number): FusedGraph {
    if (this.newKv.length > 0 && this.opts.output === "logits") this.g.node("Concat", this.newKv, { attrs: { axis: -1 }, outputs: [NEW_KV] });
    if (this.opts.output === "hidden") {
      this.castOut(hidden, "hidden", ["batch", "sequence", hiddenSize]);
      return this.g;
    }
    if (!headWeight) throw new Error("logits output needs an LM head weight");
    this.g.input("logit_rows", "int64", ["batch"]);
    const flat = this.g.op("Gather", [this.g.op("Reshape", [hidden, this.g.i64([-1, hiddenSize])]), "logit_rows"], { axis: 0 });
    const logits = this.lmHead(flat, headWeight, vocab, hiddenSize);
    this.castOut(logits, "logits", ["batch", vocab]);
    return this.g;
  }

  /**
   * logits = x·Wᵀ for the HF [vocab, H] head weight (bench/lm-head.ts measured the forms, see
   * docs/engine-profile.md). Unquantised: Gemm with transB on the HF matrix itself, so a tied head
   * shares the embedding's initializer (MatMul on a pre-transposed copy was no faster and would
   * hold the matrix twice). int8/int4: MatMulNBits like every other linear (at batch 1 2.3×/3.9×
   * faster than the fp32 head, which was most of a quantised model's bytes per token); a tied
   * head reads the codes `embed` gathers from.
   */
  private lmHead(x: string, headWeight: string, vocab: number, hiddenSize: number): string {
    if (this.opts.quantize === "none") return this.g.op("Gemm", [x, this.weight(headWeight)], { transB: 1 });
    const shared = this.packedHeads.get(headWeight);
    if (shared) return this.matmulPacked(x, shared, hiddenSize, vocab);
    const w = tensorOf(this.tensors, headWeight);
    if (w.shape[0] !== vocab || w.shape[1] !== hiddenSize) {
      throw new Error(`model.safetensors: "${headWeight}" has shape ${JSON.stringify(w.shape)}, expected [${vocab}, ${hiddenSize}]`);
    }
    return this.matmulNBits(x, w.data, hiddenSize, vocab, `${headWeight}.head`, "nk");
  }

  private castOut(value: string, name: string, shape: (number | string)[]): void {
    if (this.ft === "float16") this.g.node("Cast", [value], { attrs: { to: 1 }, outputs: [name] });
    else this.g.node("Identity", [value], { outputs: [name] });
    this.g.output(name, "float32", shape);
  }
}
