// Llama family: RMSNorm, rotary positions (rope_theta, rope_scaling), SwiGLU MLP, grouped-query
// attention. The same file serves Llama / SmolLM (model_type "llama"), Qwen2 (q/k/v biases)
// and Mistral (sliding_window) configs: their differences are config fields, not code paths.
import type { GraphBuilder } from "../onnx/graph";
import { configNumber, configTokenIds, type Family, type FusedGraphOptions, type PlainGraphOptions, type Tensors, type TensorSpec, type TinyOverrides } from "./family";
import type { FusedGraph } from "./fused-graph";
import { FusedOps } from "./fused-ops";
import { PlainOps } from "./plain-ops";
import type { HfConfig, LoraTarget, ModelDims } from "./types";

const PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"] as const;

const layerPrefix = (l: number) => `model.layers.${l}`;

interface LlamaExtras {
  eps: number;
  qkvBias: boolean;
  oBias: boolean;
  mlpBias: boolean;
  /** Keys a query may see including itself (0 = unlimited), per layer. */
  windows: number[];
}

function extras(config: HfConfig, dims: ModelDims): LlamaExtras {
  const type = String(config.model_type);
  if (config.hidden_act !== undefined && config.hidden_act !== "silu") {
    throw new Error(`config.json: hidden_act "${String(config.hidden_act)}" is not supported by the llama family (only silu)`);
  }
  const window = typeof config.sliding_window === "number" ? config.sliding_window : 0;
  const layerTypes = Array.isArray(config.layer_types) ? (config.layer_types as string[]) : null;
  const windows = Array.from({ length: dims.numLayers }, (_, l) => {
    if (!window) return 0;
    if (layerTypes) return layerTypes[l] === "sliding_attention" ? window : 0;
    // Qwen2 only slides when use_sliding_window, and only from max_window_layers on.
    if (type === "qwen2") return config.use_sliding_window === true && l >= configNumber(config, "max_window_layers", 0) ? window : 0;
    return window; // Mistral: every layer
  });
  return {
    eps: configNumber(config, "rms_norm_eps", 1e-6),
    qkvBias: type === "qwen2" || config.attention_bias === true,
    oBias: type !== "qwen2" && config.attention_bias === true,
    mlpBias: config.mlp_bias === true,
    windows,
  };
}

function dims(config: HfConfig): ModelDims {
  const hiddenSize = configNumber(config, "hidden_size");
  const numHeads = configNumber(config, "num_attention_heads");
  const numKvHeads = configNumber(config, "num_key_value_heads", numHeads);
  if (numHeads % numKvHeads !== 0) throw new Error(`config.json: num_attention_heads ${numHeads} is not a multiple of num_key_value_heads ${numKvHeads}`);
  return {
    family: "llama",
    vocabSize: configNumber(config, "vocab_size"),
    hiddenSize,
    numLayers: configNumber(config, "num_hidden_layers"),
    numHeads,
    numKvHeads,
    headDim: configNumber(config, "head_dim", hiddenSize / numHeads),
    intermediateSize: configNumber(config, "intermediate_size"),
    maxPositions: configNumber(config, "max_position_embeddings", 2048),
    eosTokenIds: configTokenIds(config, "eos_token_id"),
    bosTokenId: configTokenIds(config, "bos_token_id")[0],
    tieWordEmbeddings: config.tie_word_embeddings === true,
  };
}

function loraTargets(d: ModelDims): LoraTarget[] {
  const q = d.numHeads * d.headDim;
  const kv = d.numKvHeads * d.headDim;
  const shapes: Record<(typeof PROJECTIONS)[number], [number, number]> = {
    q_proj: [d.hiddenSize, q], k_proj: [d.hiddenSize, kv], v_proj: [d.hiddenSize, kv], o_proj: [q, d.hiddenSize],
    gate_proj: [d.hiddenSize, d.intermediateSize], up_proj: [d.hiddenSize, d.intermediateSize], down_proj: [d.intermediateSize, d.hiddenSize],
  };
  const out: LoraTarget[] = [];
  for (let layer = 0; layer < d.numLayers; layer++) {
    for (const p of PROJECTIONS) {
      const block = p === "gate_proj" || p === "up_proj" || p === "down_proj" ? "mlp" : "self_attn";
      out.push({ module: `${layerPrefix(layer)}.${block}.${p}`, shortName: p, layer, inFeatures: shapes[p][0], outFeatures: shapes[p][1] });
    }
  }
  return out;
}

function tensorSpecs(d: ModelDims, config: HfConfig): TensorSpec[] {
  const x = extras(config, d);
  const specs: TensorSpec[] = [{ name: "model.embed_tokens.weight", shape: [d.vocabSize, d.hiddenSize], init: "normal" }];
  for (const t of loraTargets(d)) {
    specs.push({ name: `${t.module}.weight`, shape: [t.outFeatures, t.inFeatures], init: "normal" });
    const bias = ["q_proj", "k_proj", "v_proj"].includes(t.shortName) ? x.qkvBias : t.shortName === "o_proj" ? x.oBias : x.mlpBias;
    if (bias) specs.push({ name: `${t.module}.bias`, shape: [t.outFeatures], init: "normal" });
  }
  for (let l = 0; l < d.numLayers; l++) {
    specs.push({ name: `${layerPrefix(l)}.input_layernorm.weight`, shape: [d.hiddenSize], init: "ones" });
    specs.push({ name: `${layerPrefix(l)}.post_attention_layernorm.weight`, shape: [d.hiddenSize], init: "ones" });
  }
  specs.push({ name: "model.norm.weight", shape: [d.hiddenSize], init: "ones" });
  specs.push({ name: "lm_head.weight", shape: [d.vocabSize, d.hiddenSize], init: "normal", optional: d.tieWordEmbeddings });
  return specs;
}

const headWeight = (d: ModelDims) => (d.tieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight");

function buildFusedGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: FusedGraphOptions): FusedGraph {
  const x = extras(config, d);
  const ops = new FusedOps("llama", tensors, opts);
  const g = ops.g;
  const { cos, sin } = ops.ropeDecoderInputs(config, d);
  const q = d.numHeads * d.headDim;
  const kv = d.numKvHeads * d.headDim;

  let residual = ops.embed("model.embed_tokens.weight", "input_ids", d.tieWordEmbeddings);
  let normed = ops.rmsNorm(residual, ops.weight(`${layerPrefix(0)}.input_layernorm.weight`), x.eps);
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const [qs, ks, vs] = ops.linears(normed, [
      { module: `${p}.self_attn.q_proj`, out: q, bias: x.qkvBias },
      { module: `${p}.self_attn.k_proj`, out: kv, bias: x.qkvBias },
      { module: `${p}.self_attn.v_proj`, out: kv, bias: x.qkvBias },
    ], d.hiddenSize);
    // Rotary is applied outside GQA so the cache receives rotated keys (see FusedOps.declareCacheIO).
    const qr = ops.rotary(qs, d.numHeads, cos, sin);
    const kr = ops.rotary(ks, d.numKvHeads, cos, sin);
    // ORT's local_window_size, like HF's sliding_window, counts keys including the query itself.
    const attn = ops.attention(l, qr, kr, vs, { numHeads: d.numHeads, numKvHeads: d.numKvHeads, localWindow: x.windows[l] });
    const [o] = ops.linears(attn, [{ module: `${p}.self_attn.o_proj`, out: d.hiddenSize, bias: x.oBias }], q);
    [normed, residual] = ops.skipRmsNorm(o, residual, ops.weight(`${p}.post_attention_layernorm.weight`), x.eps);
    const [gate, up] = ops.linears(normed, [
      { module: `${p}.mlp.gate_proj`, out: d.intermediateSize, bias: x.mlpBias },
      { module: `${p}.mlp.up_proj`, out: d.intermediateSize, bias: x.mlpBias },
    ], d.hiddenSize);
    const act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), up]);
    const [down] = ops.linears(act, [{ module: `${p}.mlp.down_proj`, out: d.hiddenSize, bias: x.mlpBias }], d.intermediateSize);
    const nextNorm = l + 1 < d.numLayers ? `${layerPrefix(l + 1)}.input_layernorm.weight` : "model.norm.weight";
    [normed, residual] = ops.skipRmsNorm(down, residual, ops.weight(nextNorm), x.eps);
  }
  return ops.finish(normed, headWeight(d), d.vocabSize, d.hiddenSize);
}

function buildPlainGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: PlainGraphOptions): GraphBuilder {
  const x = extras(config, d);
  const ops = new PlainOps("llama_plain", tensors, opts, loraTargets(d));
  const g = ops.g;
  const { rope: tables, maskFor } = ops.ropeDecoderTables(config, d.headDim, d.maxPositions);

  let h = g.op("Gather", [ops.weight("model.embed_tokens.weight"), "input_ids"], { axis: 0 });
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const n1 = ops.rmsNorm(h, `${p}.input_layernorm.weight`, x.eps);
    const q = ops.linear(n1, `${p}.self_attn.q_proj`, x.qkvBias);
    const k = ops.linear(n1, `${p}.self_attn.k_proj`, x.qkvBias);
    const v = ops.linear(n1, `${p}.self_attn.v_proj`, x.qkvBias);
    const attn = ops.attention(q, k, v, { numHeads: d.numHeads, numKvHeads: d.numKvHeads, headDim: d.headDim, scale: 1 / Math.sqrt(d.headDim), mask: maskFor(x.windows[l]), rope: tables });
    h = g.op("Add", [h, ops.linear(attn, `${p}.self_attn.o_proj`, x.oBias)]);
    const n2 = ops.rmsNorm(h, `${p}.post_attention_layernorm.weight`, x.eps);
    const act = g.op("Mul", [ops.silu(ops.linear(n2, `${p}.mlp.gate_proj`, x.mlpBias)), ops.linear(n2, `${p}.mlp.up_proj`, x.mlpBias)]);
    h = g.op("Add", [h, ops.linear(act, `${p}.mlp.down_proj`, x.mlpBias)]);
  }
  const out = ops.rmsNorm(h, "model.norm.weight", x.eps);
  return ops.finish(out, opts.output === "logits" ? { weight: headWeight(d) } : null, d.vocabSize, d.hiddenSize);
}

function tinyConfig(o: TinyOverrides): HfConfig {
  const hidden = o.hiddenSize ?? 64;
  const heads = o.numHeads ?? 4;
  return {
    architectures: [o.qkvBias ? "Qwen2ForCausalLM" : "LlamaForCausalLM"],
    model_type: o.qkvBias ? "qwen2" : "llama",
    vocab_size: o.vocabSize ?? 262,
    hidden_size: hidden,
    intermediate_size: o.intermediateSize ?? hidden * 3,
    num_hidden_layers: o.numLayers ?? 2,
    num_attention_heads: heads,
    num_key_value_heads: o.numKvHeads ?? Math.max(1, heads / 2),
    head_dim: hidden / heads,
    hidden_act: "silu",
    max_position_embeddings: o.maxPositions ?? 256,
    rms_norm_eps: 1e-5,
    rope_theta: 10000,
    rope_scaling: null,
    attention_bias: false,
    mlp_bias: false,
    sliding_window: o.windowSize ?? null,
    ...(o.qkvBias && o.windowSize ? { use_sliding_window: true, max_window_layers: 0 } : {}),
    tie_word_embeddings: o.tieWordEmbeddings ?? true,
    bos_token_id: o.bosTokenId ?? 256,
    eos_token_id: o.eosTokenIds ?? [257, 259],
    torch_dtype: "float32",
    transformers_version: "4.46.0",
  };
}

export const llamaFamily: Family = {
  name: "llama",
  modelTypes: ["llama", "qwen2", "mistral"],
  dims,
  tensorSpecs,
  loraTargets,
  buildFusedGraph,
  buildPlainGraph,
  tinyConfig,
};
