// gpt-oss family (OpenAI gpt-oss-20b / -120b, transformers' GptOss): RMSNorm, q/k/v/o with
// biases, YaRN rotary positions (cos/sin scaled by YaRN's attention factor), grouped-query
// attention with one learned sink logit per head, layers alternating between a sliding
// window and full attention, and a mixture-of-experts MLP on every layer:
//   router logits = x·Wᵀ + b → top-k → softmax over the k logits;
//   expert e: [gate, up] = x·gate_up_proj[e] + bias (gate/up INTERLEAVED in the last dim),
//   gate = min(gate, limit), up = clamp(up, ±limit), out = (up + 1) · gate·σ(1.702·gate),
//   then ·down_proj[e] + bias, summed over the chosen experts with the routing weights.
// Checkpoints may store the experts in MXFP4 (`*_blocks` / `*_scales`); `prepareTensors`
// dequantises them to the bf16 layout first (mxfp4.ts). LoRA targets the attention
// projections only (the experts are 3-D parameters, not PEFT linear modules).
import type { GraphBuilder } from "../onnx/graph";
import { configNumber, configTokenIds, tensorOf, type Family, type FusedGraphOptions, type PlainGraphOptions, type Tensors, type TensorSpec, type TinyOverrides } from "./family";
import type { FusedGraph } from "./fused-graph";
import { FusedOps } from "./fused-ops";
import { unpackMxfp4Tensors } from "./mxfp4";
import { PlainOps } from "./plain-ops";
import { quantizeBlockwise } from "./quantize";
import type { HfConfig, LoraTarget, ModelDims } from "./types";

const PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj"] as const;
/** σ(α·gate) in the experts' GLU (a constant in transformers' GptOssExperts, not a config field). */
const GLU_ALPHA = 1.702;

const layerPrefix = (l: number) => `model.layers.${l}`;

interface GptOssExtras {
  eps: number;
  numExperts: number;
  topK: number;
  swigluLimit: number;
  /** Keys a query may see including itself (0 = unlimited), per layer. */
  windows: number[];
}

function extras(config: HfConfig, d: ModelDims): GptOssExtras {
  const window = configNumber(config, "sliding_window", 0);
  const layerTypes = Array.isArray(config.layer_types) ? (config.layer_types as string[]) : null;
  if (layerTypes && layerTypes.length !== d.numLayers) throw new Error(`config.json: layer_types has ${layerTypes.length} entries for ${d.numLayers} layers`);
  // transformers' default: even layers slide, odd layers attend to everything.
  const windows = Array.from({ length: d.numLayers }, (_, l) => ((layerTypes ? layerTypes[l] === "sliding_attention" : l % 2 === 0) ? window : 0));
  const numExperts = configNumber(config, "num_local_experts");
  const topK = configNumber(config, "num_experts_per_tok", configNumber(config, "experts_per_token", 4));
  if (topK < 1 || topK > numExperts) throw new Error(`config.json: num_experts_per_tok ${topK} must be in [1, num_local_experts = ${numExperts}]`);
  return { eps: configNumber(config, "rms_norm_eps", 1e-5), numExperts, topK, swigluLimit: configNumber(config, "swiglu_limit", 7), windows };
}

function dims(config: HfConfig): ModelDims {
  const hiddenSize = configNumber(config, "hidden_size");
  const numHeads = configNumber(config, "num_attention_heads");
  const numKvHeads = configNumber(config, "num_key_value_heads", numHeads);
  if (numHeads % numKvHeads !== 0) throw new Error(`config.json: num_attention_heads ${numHeads} is not a multiple of num_key_value_heads ${numKvHeads}`);
  if (config.tie_word_embeddings === true) throw new Error("config.json: gpt-oss with tie_word_embeddings is not supported (gpt-oss has its own lm_head)");
  return {
    family: "gpt-oss",
    vocabSize: configNumber(config, "vocab_size"),
    hiddenSize,
    numLayers: configNumber(config, "num_hidden_layers"),
    numHeads,
    numKvHeads,
    headDim: configNumber(config, "head_dim", hiddenSize / numHeads),
    intermediateSize: configNumber(config, "intermediate_size"),
    maxPositions: configNumber(config, "max_position_embeddings", 131072),
    eosTokenIds: configTokenIds(config, "eos_token_id"),
    bosTokenId: configTokenIds(config, "bos_token_id")[0],
    tieWordEmbeddings: false,
  };
}

function loraTargets(d: ModelDims): LoraTarget[] {
  const q = d.numHeads * d.headDim;
  const kv = d.numKvHeads * d.headDim;
  const shapes: Record<(typeof PROJECTIONS)[number], [number, number]> = {
    q_proj: [d.hiddenSize, q], k_proj: [d.hiddenSize, kv], v_proj: [d.hiddenSize, kv], o_proj: [q, d.hiddenSize],
  };
  const out: LoraTarget[] = [];
  for (let layer = 0; layer < d.numLayers; layer++) {
    for (const p of PROJECTIONS) out.push({ module: `${layerPrefix(layer)}.self_attn.${p}`, shortName: p, layer, inFeatures: shapes[p][0], outFeatures: shapes[p][1] });
  }
  return out;
}

function tensorSpecs(d: ModelDims, config: HfConfig): TensorSpec[] {
  const { numExperts: e } = extras(config, d);
  const h = d.hiddenSize;
  const i = d.intermediateSize;
  const specs: TensorSpec[] = [{ name: "model.embed_tokens.weight", shape: [d.vocabSize, h], init: "normal" }];
  for (const t of loraTargets(d)) {
    specs.push({ name: `${t.module}.weight`, shape: [t.outFeatures, t.inFeatures], init: "normal" });
    specs.push({ name: `${t.module}.bias`, shape: [t.outFeatures], init: "zeros" });
  }
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    specs.push(
      { name: `${p}.input_layernorm.weight`, shape: [h], init: "ones" },
      { name: `${p}.post_attention_layernorm.weight`, shape: [h], init: "ones" },
      { name: `${p}.self_attn.sinks`, shape: [d.numHeads], init: "normal" },
      { name: `${p}.mlp.router.weight`, shape: [e, h], init: "normal" },
      { name: `${p}.mlp.router.bias`, shape: [e], init: "zeros" },
      { name: `${p}.mlp.experts.gate_up_proj`, shape: [e, h, 2 * i], init: "normal" },
      { name: `${p}.mlp.experts.gate_up_proj_bias`, shape: [e, 2 * i], init: "zeros" },
      { name: `${p}.mlp.experts.down_proj`, shape: [e, i, h], init: "normal" },
      { name: `${p}.mlp.experts.down_proj_bias`, shape: [e, h], init: "zeros" },
    );
  }
  specs.push({ name: "model.norm.weight", shape: [h], init: "ones" });
  specs.push({ name: "lm_head.weight", shape: [d.vocabSize, h], init: "normal" });
  return specs;
}

/** [E, a, b] → [E, b, a] (HF keeps experts as x·W; the MoE kernel wants W as [out, in]). */
function transposeExperts(data: Float32Array, shape: number[]): { data: Float32Array; shape: number[] } {
  const [e, a, b] = shape;
  const out = new Float32Array(data.length);
  for (let x = 0; x < e; x++) for (let r = 0; r < a; r++) for (let c = 0; c < b; c++) out[(x * b + c) * a + r] = data[(x * a + r) * b + c];
  return { data: out, shape: [e, b, a] };
}

const transpose2d = (data: Float32Array, shape: number[]) => {
  const t = transposeExperts(data, [1, ...shape]);
  return { data: t.data, shape: t.shape.slice(1) };
};

const QMOE_BLOCK = 32;

/**
 * HF experts [E, K, N] (x·W per expert) → QMoE weights [E, N, K·bits/8] and scales [E, N, K/32]:
 * each expert's [K, N] matrix is exactly MatMulNBits' W, so quantize.ts's symmetric block format
 * (zero point 2^(bits−1), low nibble first) is reused; QMoE reads the same layout.
 */
function quantizedExperts(ops: FusedOps, tensors: Tensors, name: string, bits: 4 | 8): { weights: string; scales: string } {
  const t = tensorOf(tensors, name);
  const data = t.data; // read once: MXFP4 tensors decode on every read
  const [e, k, n] = t.shape;
  const packed = new Uint8Array((e * n * k * bits) / 8);
  const scales = new Float32Array((e * n * k) / QMOE_BLOCK);
  for (let x = 0; x < e; x++) {
    const q = quantizeBlockwise(data.subarray(x * k * n, (x + 1) * k * n), k, n, bits, QMOE_BLOCK);
    packed.set(q.packed, x * q.packed.length);
    scales.set(q.scales, x * q.scales.length);
  }
  return {
    weights: ops.g.initializer(`${name}.q${bits}`, { dtype: "uint8", dims: [e, n, (k * bits) / 8], data: packed }),
    scales: ops.floats(`${name}.scales`, scales, [e, n, k / QMOE_BLOCK]),
  };
}

/**
 * The MoE block with onnxruntime's com.microsoft MoE kernel, or QMoE when quantising (both
 * contracts pinned in moe-contract.test.ts). Experts are quantised only when H and I are
 * multiples of the 32-value block (gpt-oss: 2880 = 90·32); otherwise they stay float.
 */
function fusedMoe(ops: FusedOps, tensors: Tensors, x: string, p: string, d: ModelDims, xt: GptOssExtras): string {
  const g = ops.g;
  const flat = g.op("Reshape", [x, g.i64([-1, d.hiddenSize])]);
  const logits = g.op("Add", [g.op("MatMul", [flat, ops.weight(`${p}.mlp.router.weight`, transpose2d)]), ops.weight(`${p}.mlp.router.bias`)]);
  // The kernel takes router LOGITS: softmax over all experts, top-k, renormalised over the k
  // (normalize_routing_weights) = softmax over the top-k logits. SwiGLU input is interleaved
  // (swiglu_fusion 1): out = gate·σ(α·gate)·(up + β) with the clamps of gpt-oss.
  const attrs = {
    k: xt.topK, activation_type: "swiglu", swiglu_fusion: 1, swiglu_limit: { float: xt.swigluLimit },
    activation_alpha: { float: GLU_ALPHA }, activation_beta: { float: 1 }, normalize_routing_weights: 1,
  };
  const gateUpBias = ops.weight(`${p}.mlp.experts.gate_up_proj_bias`);
  const downBias = ops.weight(`${p}.mlp.experts.down_proj_bias`);
  let y: string;
  if (ops.opts.quantize !== "none" && d.hiddenSize % QMOE_BLOCK === 0 && d.intermediateSize % QMOE_BLOCK === 0) {
    const bits = ops.opts.quantize === "int8" ? 8 : 4;
    const fc1 = quantizedExperts(ops, tensors, `${p}.mlp.experts.gate_up_proj`, bits);
    const fc2 = quantizedExperts(ops, tensors, `${p}.mlp.experts.down_proj`, bits);
    [y] = g.ms("QMoE", [flat, logits, fc1.weights, fc1.scales, gateUpBias, fc2.weights, fc2.scales, downBias], { ...attrs, expert_weight_bits: bits, block_size: QMOE_BLOCK });
  } else {
    [y] = g.ms("MoE", [
      flat, logits,
      ops.weight(`${p}.mlp.experts.gate_up_proj`, transposeExperts), gateUpBias,
      ops.weight(`${p}.mlp.experts.down_proj`, transposeExperts), downBias,
    ], attrs);
  }
  return g.op("Reshape", [y, g.op("Shape", [x])]);
}

function buildFusedGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: FusedGraphOptions): FusedGraph {
  const xt = extras(config, d);
  const ops = new FusedOps("gpt_oss", tensors, opts);
  const { cos, sin } = ops.ropeDecoderInputs(config, d);
  const q = d.numHeads * d.headDim;
  const kv = d.numKvHeads * d.headDim;

  let residual = ops.embed("model.embed_tokens.weight", "input_ids", false);
  let normed = ops.rmsNorm(residual, ops.weight(`${layerPrefix(0)}.input_layernorm.weight`), xt.eps);
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const [qs, ks, vs] = ops.linears(normed, [
      { module: `${p}.self_attn.q_proj`, out: q, bias: true },
      { module: `${p}.self_attn.k_proj`, out: kv, bias: true },
      { module: `${p}.self_attn.v_proj`, out: kv, bias: true },
    ], d.hiddenSize);
    const qr = ops.rotary(qs, d.numHeads, cos, sin);
    const kr = ops.rotary(ks, d.numKvHeads, cos, sin);
    const attn = ops.attention(l, qr, kr, vs, { numHeads: d.numHeads, numKvHeads: d.numKvHeads, localWindow: xt.windows[l], sinks: ops.weight(`${p}.self_attn.sinks`) });
    const [o] = ops.linears(attn, [{ module: `${p}.self_attn.o_proj`, out: d.hiddenSize, bias: true }], q);
    [normed, residual] = ops.skipRmsNorm(o, residual, ops.weight(`${p}.post_attention_layernorm.weight`), xt.eps);
    const moe = fusedMoe(ops, tensors, normed, p, d, xt);
    const nextNorm = l + 1 < d.numLayers ? `${layerPrefix(l + 1)}.input_layernorm.weight` : "model.norm.weight";
    [normed, residual] = ops.skipRmsNorm(moe, residual, ops.weight(nextNorm), xt.eps);
  }
  return ops.finish(normed, "lm_head.weight", d.vocabSize, d.hiddenSize);
}

/**
 * Ops the gpt-oss plain graph uses beyond PLAIN_OPS. TopK and the comparisons only pick which
 * experts are active (no gradient flows through a choice); Where (clamps and the routing mask),
 * ReduceSum (sum over experts) and Expand (sink column) have gradient rules.
 */
export const GPT_OSS_PLAIN_EXTRA_OPS = ["TopK", "GreaterOrEqual", "Greater", "Less", "Where", "ReduceSum", "Expand"] as const;

/**
 * The MoE block in standard ops, written from the HF layout: every expert runs on every token
 * (dense, E× the FLOPs of top-k) and a routing matrix that is zero outside each token's top-k
 * weights the sum. x [B,S,H] → [B,S,H].
 */
function plainMoe(ops: PlainOps, x: string, p: string, d: ModelDims, xt: GptOssExtras): string {
  const g = ops.g;
  const { numExperts: e, topK: k, swigluLimit: limit } = xt;
  const inter = d.intermediateSize;
  const logits = ops.linear(x, `${p}.mlp.router`, true); // [B,S,E]
  const [topValues] = g.node("TopK", [logits, g.i64([k])], { attrs: { axis: -1, largest: 1, sorted: 1 }, outputs: 2 });
  const kth = g.op("Slice", [topValues, g.i64([k - 1]), g.i64([k]), g.i64([2])]); // [B,S,1]
  const outside = g.op("Where", [g.op("GreaterOrEqual", [logits, kth]), ops.scalar(0), ops.scalar(-1e9)]);
  const routing = g.op("Softmax", [g.op("Add", [logits, outside])], { axis: -1 }); // [B,S,E], k non-zeros

  const rows = g.op("Reshape", [x, g.i64([0, 1, -1, d.hiddenSize])]); // [B,1,S,H]
  const gateUpBias = g.op("Reshape", [ops.weight(`${p}.mlp.experts.gate_up_proj_bias`), g.i64([e, 1, 2 * inter])]);
  const gateUp = g.op("Add", [g.op("MatMul", [rows, ops.weight(`${p}.mlp.experts.gate_up_proj`)]), gateUpBias]); // [B,E,S,2I]
  const pairs = g.op("Reshape", [gateUp, g.i64([0, 0, 0, inter, 2])]);
  const column = (c: number) => g.op("Reshape", [g.op("Slice", [pairs, g.i64([c]), g.i64([c + 1]), g.i64([4])]), g.i64([0, 0, 0, inter])]);
  const lim = ops.scalar(limit);
  const negLim = ops.scalar(-limit);
  const gateRaw = column(0);
  const upRaw = column(1);
  const gate = g.op("Where", [g.op("Greater", [gateRaw, lim]), lim, gateRaw]);
  const up = g.op("Where", [g.op("Greater", [upRaw, lim]), lim, g.op("Where", [g.op("Less", [upRaw, negLim]), negLim, upRaw])]);
  const glu = g.op("Mul", [gate, g.op("Sigmoid", [g.op("Mul", [gate, ops.scalar(GLU_ALPHA)])])]);
  const act = g.op("Mul", [g.op("Add", [up, ops.scalar(1)]), glu]); // [B,E,S,I]
  const downBias = g.op("Reshape", [ops.weight(`${p}.mlp.experts.down_proj_bias`), g.i64([e, 1, d.hiddenSize])]);
  const down = g.op("Add", [g.op("MatMul", [act, ops.weight(`${p}.mlp.experts.down_proj`)]), downBias]); // [B,E,S,H]
  const weights = g.op("Reshape", [g.op("Transpose", [routing], { perm: [0, 2, 1] }), g.i64([0, 0, 0, 1])]); // [B,E,S,1]
  return g.op("ReduceSum", [g.op("Mul", [down, weights]), g.i64([1])], { keepdims: 0 });
}

function buildPlainGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: PlainGraphOptions): GraphBuilder {
  const xt = extras(config, d);
  const ops = new PlainOps("gpt_oss_plain", tensors, opts, loraTargets(d));
  const g = ops.g;
  const { rope: tables, maskFor } = ops.ropeDecoderTables(config, d.headDim, d.maxPositions);

  let h = g.op("Gather", [ops.weight("model.embed_tokens.weight"), "input_ids"], { axis: 0 });
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const n1 = ops.rmsNorm(h, `${p}.input_layernorm.weight`, xt.eps);
    const q = ops.linear(n1, `${p}.self_attn.q_proj`, true);
    const k = ops.linear(n1, `${p}.self_attn.k_proj`, true);
    const v = ops.linear(n1, `${p}.self_attn.v_proj`, true);
    const attn = ops.attention(q, k, v, {
      numHeads: d.numHeads, numKvHeads: d.numKvHeads, headDim: d.headDim, scale: 1 / Math.sqrt(d.headDim),
      mask: maskFor(xt.windows[l]), rope: tables, sinks: ops.weight(`${p}.self_attn.sinks`),
    });
    h = g.op("Add", [h, ops.linear(attn, `${p}.self_attn.o_proj`, true)]);
    h = g.op("Add", [h, plainMoe(ops, ops.rmsNorm(h, `${p}.post_attention_layernorm.weight`, xt.eps), p, d, xt)]);
  }
  const out = ops.rmsNorm(h, "model.norm.weight", xt.eps);
  return ops.finish(out, opts.output === "logits" ? { weight: "lm_head.weight" } : null, d.vocabSize, d.hiddenSize);
}

function tinyConfig(o: TinyOverrides): HfConfig {
  const hidden = o.hiddenSize ?? 64;
  const heads = o.numHeads ?? 4;
  const layers = o.numLayers ?? 2;
  const experts = o.numExperts ?? 4;
  const topK = o.expertsPerToken ?? 2;
  return {
    architectures: ["GptOssForCausalLM"],
    model_type: "gpt_oss",
    vocab_size: o.vocabSize ?? 262,
    hidden_size: hidden,
    intermediate_size: o.intermediateSize ?? hidden,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: o.numKvHeads ?? Math.max(1, heads / 2),
    head_dim: hidden / heads,
    num_local_experts: experts,
    num_experts_per_tok: topK,
    experts_per_token: topK,
    sliding_window: o.windowSize ?? 4,
    layer_types: Array.from({ length: layers }, (_, l) => (l % 2 === 0 ? "sliding_attention" : "full_attention")),
    hidden_act: "silu",
    max_position_embeddings: o.maxPositions ?? 256,
    rms_norm_eps: 1e-5,
    rope_theta: 150000,
    // A short original context (max / factor, as in gpt-oss: 131072 / 32 = 4096) so YaRN's
    // interpolation and attention factor matter at tiny lengths.
    rope_scaling: { rope_type: "yarn", factor: 4, beta_fast: 32, beta_slow: 1, original_max_position_embeddings: Math.max(1, Math.floor((o.maxPositions ?? 256) / 4)), truncate: false },
    // Lower than gpt-oss's 7 so the clamps are exercised by small random weights.
    swiglu_limit: 2,
    attention_bias: true,
    tie_word_embeddings: false,
    bos_token_id: o.bosTokenId ?? 256,
    eos_token_id: o.eosTokenIds ?? [257, 259],
    torch_dtype: "float32",
    transformers_version: "4.55.0",
  };
}

export const gptOssFamily: Family = {
  name: "gpt-oss",
  modelTypes: ["gpt_oss"],
  dims,
  tensorSpecs,
  loraTargets,
  buildFusedGraph,
  buildPlainGraph,
  tinyConfig,
  prepareTensors: unpackMxfp4Tensors,
};
