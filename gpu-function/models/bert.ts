// BERT family (encoders): BertModel as used by sentence-transformers embedders (all-MiniLM,
// bge, e5) and BertForSequenceClassification cross-encoders (ms-marco-MiniLM). Word + position
// + token-type embeddings → LayerNorm, post-LN encoder layers (self-attention over the whole
// padded sequence with an attention mask, exact erf GELU), then the last hidden states or,
// for a classifier, pooler (dense + tanh over [CLS]) → classifier logits. Tensor names are
// BertModel's ("embeddings.word_embeddings.weight", "encoder.layer.0...."); the "bert." prefix
// of head models is stripped on read (prepareTensors) and put back by `hfTensorNames`.
//
// Graph I/O (fused and plain): inputs `input_ids`, `token_type_ids`, `attention_mask` int64
// [B,S]; output `hidden` [B,S,H] or `logits` [B, num_labels] (classifier checkpoints only).
import type { GraphBuilder } from "../onnx/graph";
import { configNumber, tensorOf, type Family, type FusedGraphOptions, type PlainGraphOptions, type Tensors, type TensorSpec, type TinyOverrides } from "./family";
import type { FusedGraph } from "./fused-graph";
import { FusedOps } from "./fused-ops";
import { PlainOps } from "./plain-ops";
import type { HfConfig, LoraTarget, ModelDims } from "./types";

const layerPrefix = (l: number) => `encoder.layer.${l}`;

/** Ops the BERT plain graph uses beyond PLAIN_OPS (GELU's erf, its float64 stand-in's Exp, the int64 mask cast). */
export const BERT_PLAIN_EXTRA_OPS = ["Erf", "Exp", "Cast"] as const;

/** Added to the scores of padding keys. */
const MASK_VALUE = -1e9;

export interface BertExtras {
  eps: number;
  typeVocabSize: number;
  /** Classifier outputs (0 = no classifier: a plain BertModel encoder). */
  numLabels: number;
}

/** Sequence-classification checkpoints (cross-encoders) carry a pooler and a classifier. */
export function isSequenceClassifier(config: HfConfig): boolean {
  return Array.isArray(config.architectures) && (config.architectures as unknown[]).some((a) => typeof a === "string" && a.endsWith("ForSequenceClassification"));
}

/** transformers' num_labels: len(id2label) when present, else num_labels, else 2. */
export function numLabelsOf(config: HfConfig): number {
  if (config.id2label && typeof config.id2label === "object") return Object.keys(config.id2label).length;
  return configNumber(config, "num_labels", 2);
}

export function bertExtras(config: HfConfig): BertExtras {
  const act = config.hidden_act ?? "gelu";
  if (act !== "gelu") throw new Error(`config.json: hidden_act "${String(act)}" is not supported by the bert family (only gelu)`);
  const posType = config.position_embedding_type ?? "absolute";
  if (posType !== "absolute") throw new Error(`config.json: position_embedding_type "${String(posType)}" is not supported (only absolute)`);
  return {
    eps: configNumber(config, "layer_norm_eps", 1e-12),
    typeVocabSize: configNumber(config, "type_vocab_size", 2),
    numLabels: isSequenceClassifier(config) ? numLabelsOf(config) : 0,
  };
}

function dims(config: HfConfig): ModelDims {
  const hiddenSize = configNumber(config, "hidden_size");
  const numHeads = configNumber(config, "num_attention_heads");
  if (hiddenSize % numHeads !== 0) throw new Error(`config.json: hidden_size ${hiddenSize} is not a multiple of num_attention_heads ${numHeads}`);
  bertExtras(config);
  return {
    family: "bert",
    vocabSize: configNumber(config, "vocab_size"),
    hiddenSize,
    numLayers: configNumber(config, "num_hidden_layers"),
    numHeads,
    numKvHeads: numHeads,
    headDim: hiddenSize / numHeads,
    intermediateSize: configNumber(config, "intermediate_size"),
    maxPositions: configNumber(config, "max_position_embeddings", 512),
    eosTokenIds: [],
    tieWordEmbeddings: false,
  };
}

function loraTargets(d: ModelDims): LoraTarget[] {
  const h = d.hiddenSize;
  const out: LoraTarget[] = [];
  for (let layer = 0; layer < d.numLayers; layer++) {
    const p = layerPrefix(layer);
    for (const name of ["query", "key", "value"]) out.push({ module: `${p}.attention.self.${name}`, shortName: name, layer, inFeatures: h, outFeatures: h });
    out.push({ module: `${p}.attention.output.dense`, shortName: "attention.output.dense", layer, inFeatures: h, outFeatures: h });
    out.push({ module: `${p}.intermediate.dense`, shortName: "intermediate.dense", layer, inFeatures: h, outFeatures: d.intermediateSize });
    out.push({ module: `${p}.output.dense`, shortName: "output.dense", layer, inFeatures: d.intermediateSize, outFeatures: h });
  }
  return out;
}

function tensorSpecs(d: ModelDims, config: HfConfig): TensorSpec[] {
  const x = bertExtras(config);
  const h = d.hiddenSize;
  const ln = (prefix: string): TensorSpec[] => [
    { name: `${prefix}.weight`, shape: [h], init: "ones" },
    { name: `${prefix}.bias`, shape: [h], init: "zeros" },
  ];
  const specs: TensorSpec[] = [
    { name: "embeddings.word_embeddings.weight", shape: [d.vocabSize, h], init: "normal" },
    { name: "embeddings.position_embeddings.weight", shape: [d.maxPositions, h], init: "normal" },
    { name: "embeddings.token_type_embeddings.weight", shape: [x.typeVocabSize, h], init: "normal" },
    ...ln("embeddings.LayerNorm"),
  ];
  for (const t of loraTargets(d)) {
    specs.push({ name: `${t.module}.weight`, shape: [t.outFeatures, t.inFeatures], init: "normal" });
    specs.push({ name: `${t.module}.bias`, shape: [t.outFeatures], init: "zeros" });
  }
  for (let l = 0; l < d.numLayers; l++) specs.push(...ln(`${layerPrefix(l)}.attention.output.LayerNorm`), ...ln(`${layerPrefix(l)}.output.LayerNorm`));
  // sentence-transformers keeps BertModel's pooler; embedders never use it, so it is optional there.
  const noClassifier = x.numLabels === 0;
  specs.push({ name: "pooler.dense.weight", shape: [h, h], init: "normal", optional: noClassifier });
  specs.push({ name: "pooler.dense.bias", shape: [h], init: "zeros", optional: noClassifier });
  if (!noClassifier) {
    specs.push({ name: "classifier.weight", shape: [x.numLabels, h], init: "normal" });
    specs.push({ name: "classifier.bias", shape: [x.numLabels], init: "zeros" });
  }
  return specs;
}

/** Head-model checkpoints store `bert.<name>` (and old ones LayerNorm gamma/beta): map to BertModel names. */
function prepareTensors(tensors: Tensors): Tensors {
  const out: Tensors = new Map();
  for (const [name, t] of tensors) {
    const key = name.replace(/^bert\./, "").replace(/LayerNorm\.gamma$/, "LayerNorm.weight").replace(/LayerNorm\.beta$/, "LayerNorm.bias");
    if (!out.has(key) || key === name) out.set(key, t);
  }
  return out;
}

/** Names as transformers saves them: `bert.` before everything but the classifier for head models. */
export function hfTensorNames(config: HfConfig, tensors: Tensors): Tensors {
  if (!isSequenceClassifier(config)) return tensors;
  return new Map([...tensors].map(([name, t]) => [name.startsWith("classifier.") ? name : `bert.${name}`, t]));
}

function buildFusedGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: FusedGraphOptions): FusedGraph {
  if (opts.loraModules.size > 0) throw new Error("bert family: LoRA inputs are not supported in the serving graph (merge the adapter first)");
  const x = bertExtras(config);
  const h = d.hiddenSize;
  const ops = new FusedOps("bert", tensors, opts);
  const g = ops.g;
  for (const name of ["input_ids", "token_type_ids", "attention_mask"]) g.input(name, "int64", ["batch", "sequence"]);
  const i32 = (v: string) => g.op("Cast", [v], { to: 6 });
  const mask = i32("attention_mask");
  // EmbedLayerNormalization: word + position (0..S-1) + token-type embeddings, then LayerNorm.
  let hidden = g.node("EmbedLayerNormalization", [
    i32("input_ids"), i32("token_type_ids"),
    ops.weight("embeddings.word_embeddings.weight"), ops.weight("embeddings.position_embeddings.weight"), ops.weight("embeddings.token_type_embeddings.weight"),
    ops.weight("embeddings.LayerNorm.weight"), ops.weight("embeddings.LayerNorm.bias"),
  ], { domain: "com.microsoft", attrs: { epsilon: { float: x.eps } }, outputs: [g.fresh("embedded"), g.fresh("mask_index")] })[0];
  const transposed = (data: Float32Array, shape: number[]) => {
    const [rows, cols] = shape;
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
    return { data: out, shape: [cols, rows] };
  };
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    // Attention takes q/k/v as one [H, 3H] weight and a [3H] bias; the raw 2-D mask works for any padding side.
    const qkvNames = ["query", "key", "value"].map((n) => `${p}.attention.self.${n}`);
    const wqkv = new Float32Array(h * 3 * h);
    const bqkv = new Float32Array(3 * h);
    qkvNames.forEach((m, j) => {
      const w = transposed(tensorOf(tensors, `${m}.weight`).data, [h, h]).data; // [in, out]
      for (let i = 0; i < h; i++) wqkv.set(w.subarray(i * h, (i + 1) * h), i * 3 * h + j * h);
      bqkv.set(tensorOf(tensors, `${m}.bias`).data, j * h);
    });
    const attn = g.ms("Attention", [hidden, ops.floats(`${p}.qkv.w`, wqkv, [h, 3 * h]), ops.floats(`${p}.qkv.b`, bqkv, [3 * h]), mask], { num_heads: d.numHeads })[0];
    const [ao] = ops.linears(attn, [{ module: `${p}.attention.output.dense`, out: h, bias: false }], h);
    hidden = skipLayerNorm(ops, ao, hidden, `${p}.attention.output`, x.eps);
    const [inter] = ops.linears(hidden, [{ module: `${p}.intermediate.dense`, out: d.intermediateSize, bias: false }], h);
    const act = g.ms("BiasGelu", [inter, ops.weight(`${p}.intermediate.dense.bias`)])[0];
    const [o] = ops.linears(act, [{ module: `${p}.output.dense`, out: h, bias: false }], d.intermediateSize);
    hidden = skipLayerNorm(ops, o, hidden, `${p}.output`, x.eps);
  }
  if (opts.output === "hidden") return ops.finish(hidden, null, d.vocabSize, h);
  if (x.numLabels === 0) throw new Error("bert family: logits output needs a sequence-classification checkpoint (pooler + classifier)");
  const cls = g.op("Gather", [hidden, g.i64([0])], { axis: 1 }); // [B,1,H]
  const flat = g.op("Reshape", [cls, g.i64([-1, h])]);
  const pooled = g.op("Tanh", [g.op("Gemm", [flat, ops.weight("pooler.dense.weight"), ops.weight("pooler.dense.bias")], { transB: 1 })]);
  const logits = g.op("Gemm", [pooled, ops.weight("classifier.weight"), ops.weight("classifier.bias")], { transB: 1 });
  if (ops.ft === "float16") g.node("Cast", [logits], { attrs: { to: 1 }, outputs: ["logits"] });
  else g.node("Identity", [logits], { outputs: ["logits"] });
  g.output("logits", "float32", ["batch", x.numLabels]);
  return g;
}

/** SkipLayerNormalization(x + bias + residual) with the block's dense bias fused in. */
function skipLayerNorm(ops: FusedOps, x: string, residual: string, block: string, eps: number): string {
  const [out] = ops.g.node("SkipLayerNormalization", [x, residual, ops.weight(`${block}.LayerNorm.weight`), ops.weight(`${block}.LayerNorm.bias`), ops.weight(`${block}.dense.bias`)], {
    domain: "com.microsoft", attrs: { epsilon: { float: eps } }, outputs: [ops.g.fresh("ln")],
  });
  return out;
}

function buildPlainGraph(d: ModelDims, config: HfConfig, tensors: Tensors, opts: PlainGraphOptions): GraphBuilder {
  const x = bertExtras(config);
  const h = d.hiddenSize;
  const ops = new PlainOps("bert_plain", tensors, opts, loraTargets(d));
  const g = ops.g;
  g.input("token_type_ids", "int64", ["batch", "sequence"]);
  g.input("attention_mask", "int64", ["batch", "sequence"]);
  const floatTo = ops.ft === "float64" ? 11 : 1;
  // Additive padding mask over the keys, shaped for PlainOps.attention's [B,kvH,g,S,S] scores.
  const keep = g.op("Cast", ["attention_mask"], { to: floatTo });
  const additive = g.op("Mul", [g.op("Sub", [ops.scalar(1), keep]), ops.scalar(MASK_VALUE)]);
  const mask = g.op("Reshape", [additive, g.i64([0, 1, 1, 1, -1])]);

  const words = g.op("Gather", [ops.weight("embeddings.word_embeddings.weight"), "input_ids"], { axis: 0 });
  const positions = ops.sliceRows(ops.weight("embeddings.position_embeddings.weight"));
  const types = g.op("Gather", [ops.weight("embeddings.token_type_embeddings.weight"), "token_type_ids"], { axis: 0 });
  let hidden = ops.layerNorm(g.op("Add", [g.op("Add", [words, positions]), types]), "embeddings.LayerNorm", x.eps);
  for (let l = 0; l < d.numLayers; l++) {
    const p = layerPrefix(l);
    const q = ops.linear(hidden, `${p}.attention.self.query`, true);
    const k = ops.linear(hidden, `${p}.attention.self.key`, true);
    const v = ops.linear(hidden, `${p}.attention.self.value`, true);
    const attn = ops.attention(q, k, v, { numHeads: d.numHeads, numKvHeads: d.numHeads, headDim: d.headDim, scale: 1 / Math.sqrt(d.headDim), mask });
    hidden = ops.layerNorm(g.op("Add", [ops.linear(attn, `${p}.attention.output.dense`, true), hidden]), `${p}.attention.output.LayerNorm`, x.eps);
    const inter = gelu(ops, ops.linear(hidden, `${p}.intermediate.dense`, true));
    hidden = ops.layerNorm(g.op("Add", [ops.linear(inter, `${p}.output.dense`, true), hidden]), `${p}.output.LayerNorm`, x.eps);
  }
  if (opts.output === "hidden") return ops.finish(hidden, null, d.vocabSize, h);
  if (x.numLabels === 0) throw new Error("bert family: logits output needs a sequence-classification checkpoint (pooler + classifier)");
  const cls = g.op("Reshape", [g.op("Gather", [hidden, g.i64([0])], { axis: 1 }), g.i64([-1, h])]);
  const pooled = g.op("Tanh", [ops.linear(cls, "pooler.dense", true)]);
  g.node("Identity", [ops.linear(pooled, "classifier", true)], { outputs: ["logits"] });
  g.output("logits", ops.ft, ["batch", x.numLabels]);
  return g;
}

/** Exact GELU: 0.5·x·(1 + erf(x/√2)) (transformers' "gelu"). */
function gelu(ops: PlainOps, x: string): string {
  const g = ops.g;
  const z = g.op("Mul", [x, ops.scalar(Math.SQRT1_2)]);
  const erf = ops.ft === "float64" ? erfFloat64(ops, z) : g.op("Erf", [z]);
  return g.op("Mul", [g.op("Mul", [x, ops.scalar(0.5)]), g.op("Add", [erf, ops.scalar(1)])]);
}

/** Numerical Recipes' erfc Chebyshev fit (|relative error| < 1.2e-7), for the float64 gradient checks: onnxruntime has no double Erf kernel. */
const ERFC_COEFFS = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

function erfFloat64(ops: PlainOps, z: string): string {
  const g = ops.g;
  const abs = g.op("Sqrt", [g.op("Add", [g.op("Mul", [z, z]), ops.scalar(1e-30)])]);
  const t = g.op("Div", [ops.scalar(1), g.op("Add", [g.op("Mul", [abs, ops.scalar(0.5)]), ops.scalar(1)])]);
  let poly = ops.scalar(ERFC_COEFFS[ERFC_COEFFS.length - 1]);
  for (let i = ERFC_COEFFS.length - 2; i >= 0; i--) poly = g.op("Add", [g.op("Mul", [poly, t]), ops.scalar(ERFC_COEFFS[i])]);
  const erfc = g.op("Mul", [t, g.op("Exp", [g.op("Sub", [poly, g.op("Mul", [abs, abs])])])]);
  return g.op("Mul", [g.op("Div", [z, abs]), g.op("Sub", [ops.scalar(1), erfc])]);
}

function tinyConfig(o: TinyOverrides): HfConfig {
  const hidden = o.hiddenSize ?? 64;
  const classifier = (o.numLabels ?? 0) > 0;
  return {
    architectures: [classifier ? "BertForSequenceClassification" : "BertModel"],
    model_type: "bert",
    vocab_size: o.vocabSize ?? 128,
    hidden_size: hidden,
    num_hidden_layers: o.numLayers ?? 2,
    num_attention_heads: o.numHeads ?? 4,
    intermediate_size: o.intermediateSize ?? hidden * 4,
    hidden_act: "gelu",
    hidden_dropout_prob: 0.1,
    attention_probs_dropout_prob: 0.1,
    max_position_embeddings: o.maxPositions ?? 128,
    type_vocab_size: 2,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    position_embedding_type: "absolute",
    ...(classifier ? { id2label: Object.fromEntries(Array.from({ length: o.numLabels! }, (_, i) => [String(i), `LABEL_${i}`])), label2id: Object.fromEntries(Array.from({ length: o.numLabels! }, (_, i) => [`LABEL_${i}`, i])) } : {}),
    torch_dtype: "float32",
    transformers_version: "4.46.0",
  };
}

export const bertFamily: Family = {
  name: "bert",
  kind: "encoder",
  modelTypes: ["bert"],
  dims,
  tensorSpecs,
  loraTargets,
  buildFusedGraph,
  buildPlainGraph,
  tinyConfig,
  prepareTensors,
  checkpointNames: hfTensorNames,
};
