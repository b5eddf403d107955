// GPT-Neo family (EleutherAI GPT-Neo-125M and relatives): learned absolute positions,
// LayerNorm, attention layers alternating global / local (causal window of `window_size`
// keys including the query), gelu_new MLP, LM head tied to the token embedding. GPT-Neo
// does NOT scale attention scores by 1/sqrt(head_dim); both graphs keep that quirk.
import type { GraphBuilder } from "../onnx/graph";
import { configNumber, configTokenIds, type Family, type FusedGraphOptions, type PlainGraphOptions, type Tensors, type TensorSpec, type TinyOverrides } from "./family";
import type { FusedGraph } from "./fused-graph";
import { FusedOps } from "./fused-ops";
import { PlainOps } from "./plain-ops";
import type { HfConfig, LoraTarget, ModelDims } from "./types";

const layerPrefix = (l: number) => `transformer.h.${l}`;

/** Expands `attention_types` ([[["global","local"], 6]]) into one entry per layer. */
export function gptNeoAttentionLayers(config: HfConfig, numLayers: number): ("global" | "local")[] {
  let layers: string[] = [];
  if (Array.isArray(config.attention_layers)) layers = config.attention_layers as string[];
  else if (Array.isArray(config.attention_types)) {
    for (const [pattern, repeat] of config.attention_types as [string[], number][]) {
      for (let r = 0; r < repeat; r++) layers.push(...pattern);
    }
  } else layers = Array.from({ length: numLayers }, () => "global");
  if (layers.length !== numLayers) throw new Error(`config.json: attention_types describe ${layers.length} layers but num_layers is ${numLayers}`);
  for (const t of layers) if (t !== "global" && t !== "local") throw new Error(`config.json: unknown GPT-Neo attention type "${t}"`);
  return layers as ("global" | "local")[];
}

function dims(config: HfConfig): ModelDims {
  const hiddenSize = configNumber(config, "hidden_size");
  const numHeads = configNumber(config, "num_heads");
  const act = config.activation_function ?? "gelu_new";
  if (act !== "gelu_new") throw new Error(`config.json: activation_function "${String(act)}" is not supported by the gpt-neo family (only gelu_new)`);
  return {
    family: "gpt-neo",
    vocabSize: configNumber(config, "vocab_size"),
    hiddenSize,
    numLayers: configNumber(config, "num_layers"),
    numHeads,
    numKvHeads: numHeads,
    headDim: hiddenSize / numHeads,
    intermediateSize: configNumber(config, "intermediate_size", 4 * hiddenSize),
    maxPositions: configNumber(config, "max_position_embeddings"),
    eosTokenIds: configTokenIds(config, "eos_token_id"),
    bosTokenId: configTokenIds(config, "bos_token_id")[0],
    tieWordEmbeddings: config.tie_word_embeddings !== false,
  };
}

function loraTargets(d: ModelDims): LoraTarget[] {
  const h = d.hiddenSize;
  const out: LoraTarget[] = [];
  for (let layer = 0; layer < d.numLayers; layer++) {
    const p = layerPrefix(layer);
    for (const name of ["q_proj", "k_proj", "v_proj", "out_proj"]) {
      out.push({ module: `${p}.attn.attention.${name}`, shortName: name, layer, inFeatures: h, outFeatures: h });
    }
    out.push({ module: `${p}.mlp.c_fc`, shortName: "c_fc", layer, inFeatures: h, outFeatures: d.intermediateSize });
    out.push({ module: `${p}.mlp.c_proj`, shortName: "c_proj", layer, inFeatures: d.intermediateSize, outFeatures: h });
  }
  return out;
}

function tensorSpecs(d: ModelDims): TensorSpec[] {
  const h = d.hiddenSize;
  const norm = (name: string): TensorSpec[] => [
    { name: `${name}.weight`, shape: [h], init: "ones" },
    { name: `${name}.bias`, shape: [h], init: "zeros" },
  ];
  const specs: TensorSpec[] = [
    { name: "transformer.wte.weight", shape: [d.vocabSize, h], init: "normal" },
    { name: "transformer.wpe.weight", shape: [d.maxPositions, h], init: "normal" },
  ];
  for (let l = 0; l < d.numLayers; l++) specs.push(...norm(`${layerPrefix(l)}.ln_1`), ...norm(`${layerPrefix(l)}.ln_2`));
  for (const t of loraTargets(d)) {
    specs.push({ name: `${t.module}.weight`, shape: [t.outFeatures, t.inFeatures], init: "normal" });
    if (!["q_proj", "k_proj", "v_proj"].includes(t.shortName)) specs.push({ name: `${t.module}.bias`, shape: [t.outFeatures], init: "normal" });
  }
  specs.push(...norm("transformer.ln_f"));
  specs.push({ name: "lm_head.weight", shape: [d.vocabSize, h], init: "normal", optional: d.tieWordEmbeddings });
  return specs;
}

const headWeight = (d: ModelDims) => (d.tieWordEmbeddings ? "transformer.wte.weight" : "lm_head.weight");
const epsOf = (config: HfConfig) => configNumber(config, "layer_norm_epsilon", 1e-5);
const windowOf = (config: HfConfig) => configNumber(config, "window_size", 256);

function buildFusedGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: FusedGraphOptions): FusedGraph {
  const eps = epsOf(config);
  const kinds = gptNeoAttentionLayers(config, d.numLayers);
  const ops = new FusedOps("gpt_neo", tensors, opts);
  const g = ops.g;
  const h = d.hiddenSize;
  g.input("input_ids", "int64", ["batch", "sequence"]);
  g.input("position_ids", "int64", ["batch", "sequence"]);
  ops.declareCacheIO(d.numLayers, d.numKvHeads, d.headDim);

  let residual = g.op("Add", [ops.embed("transformer.wte.weight", "input_ids", d.tieWordEmbeddings), g.op("Gather", [ops.weight("transformer.wpe.weight"), "position_ids"])]);
  let normed = ops.layerNorm(residual, ops.weight(`${layerPrefix(0)}.ln_1.weight`), ops.weight(`${layerPrefix(0)}.ln_1.bias`), eps);
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const a = `${p}.attn.attention`;
    const [q, k, v] = ops.linears(normed, [
      { module: `${a}.q_proj`, out: h, bias: false },
      { module: `${a}.k_proj`, out: h, bias: false },
      { module: `${a}.v_proj`, out: h, bias: false },
    ], h);
    // ORT's local_window_size, like GPT-Neo's window_size, counts keys including the query itself.
    const localWindow = kinds[l] === "local" ? windowOf(config) : undefined;
    const attn = ops.attention(l, q, k, v, { numHeads: d.numHeads, numKvHeads: d.numKvHeads, scale: 1, localWindow });
    const [o] = ops.linears(attn, [{ module: `${a}.out_proj`, out: h, bias: true }], h);
    [normed, residual] = ops.skipLayerNorm(o, residual, ops.weight(`${p}.ln_2.weight`), ops.weight(`${p}.ln_2.bias`), eps);
    // FastGelu(x, bias) is gelu_new's tanh approximation with the c_fc bias add fused in.
    const [fc] = ops.linears(normed, [{ module: `${p}.mlp.c_fc`, out: d.intermediateSize, bias: false }], h);
    const act = g.ms("FastGelu", [fc, ops.weight(`${p}.mlp.c_fc.bias`)])[0];
    const [mlp] = ops.linears(act, [{ module: `${p}.mlp.c_proj`, out: h, bias: true }], d.intermediateSize);
    const next = l + 1 < d.numLayers ? `${layerPrefix(l + 1)}.ln_1` : "transformer.ln_f";
    [normed, residual] = ops.skipLayerNorm(mlp, residual, ops.weight(`${next}.weight`), ops.weight(`${next}.bias`), eps);
  }
  return ops.finish(normed, headWeight(d), d.vocabSize, h);
}

function buildPlainGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: PlainGraphOptions): GraphBuilder {
  const eps = epsOf(config);
  const kinds = gptNeoAttentionLayers(config, d.numLayers);
  const ops = new PlainOps("gpt_neo_plain", tensors, opts, loraTargets(d));
  const g = ops.g;
  const globalMask = ops.causalMask(d.maxPositions);
  const localMask = kinds.includes("local") ? ops.causalMask(d.maxPositions, windowOf(config)) : globalMask;

  const positions = ops.sliceRows(ops.weight("transformer.wpe.weight")); // [S,H], broadcast over the batch
  let h = g.op("Add", [g.op("Gather", [ops.weight("transformer.wte.weight"), "input_ids"], { axis: 0 }), positions]);
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const a = `${p}.attn.attention`;
    const n1 = ops.layerNorm(h, `${p}.ln_1`, eps);
    const attn = ops.attention(ops.linear(n1, `${a}.q_proj`), ops.linear(n1, `${a}.k_proj`), ops.linear(n1, `${a}.v_proj`), {
      numHeads: d.numHeads, numKvHeads: d.numKvHeads, headDim: d.headDim, scale: 1, mask: kinds[l] === "local" ? localMask : globalMask,
    });
    h = g.op("Add", [h, ops.linear(attn, `${a}.out_proj`, true)]);
    const n2 = ops.layerNorm(h, `${p}.ln_2`, eps);
    h = g.op("Add", [h, ops.linear(ops.geluNew(ops.linear(n2, `${p}.mlp.c_fc`, true)), `${p}.mlp.c_proj`, true)]);
  }
  const out = ops.layerNorm(h, "transformer.ln_f", eps);
  return ops.finish(out, opts.output === "logits" ? { weight: headWeight(d) } : null, d.vocabSize, d.hiddenSize);
}

function tinyConfig(o: TinyOverrides): HfConfig {
  const layers = o.numLayers ?? 2;
  const pattern: [string[], number][] = layers % 2 === 0 ? [[["global", "local"], layers / 2]] : [[["global"], layers]];
  return {
    architectures: ["GPTNeoForCausalLM"],
    model_type: "gpt_neo",
    vocab_size: o.vocabSize ?? 262,
    hidden_size: o.hiddenSize ?? 64,
    intermediate_size: o.intermediateSize ?? null,
    num_layers: layers,
    num_heads: o.numHeads ?? 4,
    attention_types: pattern,
    window_size: o.windowSize ?? 8,
    max_position_embeddings: o.maxPositions ?? 256,
    activation_function: "gelu_new",
    layer_norm_epsilon: 1e-5,
    attention_dropout: 0,
    embed_dropout: 0,
    resid_dropout: 0,
    initializer_range: 0.02,
    tie_word_embeddings: o.tieWordEmbeddings ?? true,
    bos_token_id: o.bosTokenId ?? 256,
    eos_token_id: o.eosTokenIds ?? 257,
    torch_dtype: "float32",
    transformers_version: "4.46.0",
  };
}

export const gptNeoFamily: Family = {
  name: "gpt-neo",
  modelTypes: ["gpt_neo"],
  dims,
  tensorSpecs: (d) => tensorSpecs(d),
  loraTargets,
  buildFusedGraph,
  buildPlainGraph,
  tinyConfig,
};
