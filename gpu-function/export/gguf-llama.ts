// The llama family (model_type llama, mistral without a sliding window, qwen2) in llama.cpp's
// GGUF layout: its architecture keys, tensor names (convert_hf_to_gguf.py's mapping) and the
// q/k row permutation. HF llama rotates pairs (i, i + d/2) of each head ("rotate half");
// llama.cpp's llama architecture rotates adjacent pairs (2i, 2i + 1), so q_proj/k_proj rows
// are permuted per head to put each rotated pair side by side, exactly as the converter does
// (qwen2 uses llama.cpp's NeoX rotation and keeps HF's order).
import { configNumber, type Tensors } from "../models/family";
import type { HfModel } from "../models/hf-dir";
import type { LoraTarget, PreparedLora } from "../models/types";
import { GGML_TYPE, QK, encodeTensor, type GgmlType } from "./gguf-quants";
import type { GgufTensor, GgufWriter } from "./gguf-writer";

export class ArchitectureExportError extends Error {}

export interface GgufArch {
  /** llama.cpp architecture name (general.architecture). */
  name: "llama" | "qwen2" | "gpt-oss";
  /** Whether HF's rotate-half q/k rows must be permuted to llama.cpp's adjacent pairs. */
  permuteQk: boolean;
}

/** Which llama.cpp architecture a llama-family checkpoint becomes, or why it cannot. */
export function ggufArchFor(model: HfModel): GgufArch {
  const { config, family } = model;
  const type = String(config.model_type);
  if (family.name !== "llama") {
    const why: Record<string, string> = {
      "gpt-neo": "llama.cpp has no GPT-Neo architecture (alternating local attention)",
    };
    throw new ArchitectureExportError(
      `model_type "${type}" (${family.name} family) has no GGUF export: ${why[family.name] ?? "not a llama.cpp architecture this exporter writes"}; supported: llama, mistral (no sliding window), qwen2, gpt_oss`,
    );
  }
  if (typeof config.sliding_window === "number" && config.sliding_window > 0 && type !== "qwen2") {
    throw new ArchitectureExportError(
      `config.json: sliding_window ${config.sliding_window} is not exported (llama.cpp's llama architecture attends to the whole context)`,
    );
  }
  if (type === "qwen2" && config.use_sliding_window === true) {
    throw new ArchitectureExportError("config.json: qwen2 with use_sliding_window is not exported");
  }
  const rs = config.rope_scaling as { rope_type?: string; type?: string } | null | undefined;
  const ropeType = rs ? (rs.rope_type ?? rs.type) : undefined;
  if (ropeType !== undefined && ropeType !== "default" && ropeType !== "linear") {
    throw new ArchitectureExportError(`config.json: rope_scaling type "${ropeType}" is not exported (supported: none, linear)`);
  }
  if (type === "qwen2") return { name: "qwen2", permuteQk: false };
  if (config.attention_bias === true || config.mlp_bias === true) {
    throw new ArchitectureExportError("config.json: attention_bias/mlp_bias llama checkpoints are not exported");
  }
  return { name: "llama", permuteQk: true };
}

export function writeArchitectureMetadata(w: GgufWriter, arch: GgufArch, model: HfModel, contextLength: number, defaultEps = 1e-6): void {
  const { dims: d, config } = model;
  const a = arch.name;
  w.u32(`${a}.vocab_size`, d.vocabSize);
  w.u32(`${a}.context_length`, contextLength);
  w.u32(`${a}.embedding_length`, d.hiddenSize);
  w.u32(`${a}.block_count`, d.numLayers);
  w.u32(`${a}.feed_forward_length`, d.intermediateSize);
  w.u32(`${a}.attention.head_count`, d.numHeads);
  w.u32(`${a}.attention.head_count_kv`, d.numKvHeads);
  w.u32(`${a}.rope.dimension_count`, d.headDim);
  if (d.headDim !== d.hiddenSize / d.numHeads) {
    w.u32(`${a}.attention.key_length`, d.headDim);
    w.u32(`${a}.attention.value_length`, d.headDim);
  }
  w.f32(`${a}.attention.layer_norm_rms_epsilon`, configNumber(config, "rms_norm_eps", defaultEps));
  w.f32(`${a}.rope.freq_base`, configNumber(config, "rope_theta", 10000));
  const rs = config.rope_scaling as { rope_type?: string; type?: string; factor?: number } | null | undefined;
  if (rs && (rs.rope_type ?? rs.type) === "linear") {
    w.string(`${a}.rope.scaling.type`, "linear");
    w.f32(`${a}.rope.scaling.factor`, rs.factor ?? 1);
  }
}

const MODULE_NAMES: Record<string, string> = {
  q_proj: "attn_q",
  k_proj: "attn_k",
  v_proj: "attn_v",
  o_proj: "attn_output",
  gate_proj: "ffn_gate",
  up_proj: "ffn_up",
  down_proj: "ffn_down",
};

/** GGUF name of a LoRA-adaptable linear (`model.layers.3.self_attn.q_proj` → `blk.3.attn_q`). */
export function ggufModuleName(t: LoraTarget): string {
  return `blk.${t.layer}.${MODULE_NAMES[t.shortName]}`;
}

/**
 * Rows of a [heads·d, cols] matrix reordered per head from (i, i + d/2) pairs to (2i, 2i + 1):
 * convert_hf_to_gguf's `permute` (reshape(n_head, 2, d/2, cols).swapaxes(1, 2)).
 */
export function permuteRotaryRows(data: Float32Array, heads: number, cols: number): Float32Array {
  const rows = data.length / cols;
  const d = rows / heads;
  const out = new Float32Array(data.length);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < d / 2; i++) {
      for (let j = 0; j < 2; j++) {
        const from = h * d + j * (d / 2) + i;
        const to = h * d + 2 * i + j;
        out.set(data.subarray(from * cols, (from + 1) * cols), to * cols);
      }
    }
  }
  return out;
}

/** The weight type a tensor gets for the requested file type: 1-D stays f32, block types need rows of 32·k values (else f16, as the converter falls back). */
export function weightType(requested: GgmlType, shape: number[]): GgmlType {
  if (shape.length < 2) return GGML_TYPE.F32;
  if ((requested === GGML_TYPE.Q8_0 || requested === GGML_TYPE.Q4_0) && shape.at(-1)! % QK !== 0) return GGML_TYPE.F16;
  return requested;
}

/** Row-major [rows, cols] fp32 data → a GGUF tensor (ne reversed) of `type`. */
export function ggufTensor(name: string, shape: number[], type: GgmlType, data: () => Float32Array): GgufTensor {
  return { name, type, ne: [...shape].reverse(), encode: () => encodeTensor(type, data(), shape.at(-1)!) };
}

/** Adds the model's weights (`tensors`: the checkpoint's, or with an adapter merged) as GGUF tensors. */
export function addModelTensors(
  w: GgufWriter,
  arch: GgufArch,
  model: HfModel,
  tensors: Tensors,
  requested: GgmlType,
): Map<string, GgmlType> {
  const { dims: d, family } = model;
  const types = new Map<string, GgmlType>();
  const add = (hfName: string, ggufName: string, transform?: (x: Float32Array) => Float32Array) => {
    const t = tensors.get(hfName);
    if (!t) throw new ArchitectureExportError(`model.safetensors: missing tensor "${hfName}"`);
    const shape = [...t.shape];
    const type = weightType(requested, shape);
    types.set(ggufName, type);
    // Lazy tensors re-read the file on every `data` access: read once per tensor, while writing it.
    w.tensor(ggufTensor(ggufName, shape, type, () => (transform ? transform(t.data) : t.data)));
  };
  add("model.embed_tokens.weight", "token_embd.weight");
  const biasOf = (m: string) => `${m}.bias`;
  for (let l = 0; l < d.numLayers; l++) {
    add(`model.layers.${l}.input_layernorm.weight`, `blk.${l}.attn_norm.weight`);
    for (const t of family.loraTargets(d).filter((x) => x.layer === l)) {
      const name = ggufModuleName(t);
      const heads = t.shortName === "q_proj" ? d.numHeads : t.shortName === "k_proj" ? d.numKvHeads : 0;
      const permute = arch.permuteQk && heads > 0 ? (x: Float32Array) => permuteRotaryRows(x, heads, t.inFeatures) : undefined;
      add(`${t.module}.weight`, `${name}.weight`, permute);
      if (tensors.has(biasOf(t.module))) add(biasOf(t.module), `${name}.bias`);
    }
    add(`model.layers.${l}.post_attention_layernorm.weight`, `blk.${l}.ffn_norm.weight`);
  }
  add("model.norm.weight", "output_norm.weight");
  // Tied embeddings: llama.cpp reuses token_embd.weight when output.weight is absent.
  if (!d.tieWordEmbeddings) add("lm_head.weight", "output.weight");
  return types;
}

/**
 * A PEFT adapter as llama.cpp's LoRA tensors: `<module>.weight.lora_a` = A [r, in] (ne [in, r]),
 * `.lora_b` = B [out, r] (ne [r, out]), fp32; B's rows get the same q/k permutation as the weight.
 * llama.cpp scales by adapter.lora.alpha / r, so alpha is written as scale·r (covers rsLoRA too).
 */
export function addAdapterTensors(w: GgufWriter, arch: GgufArch, model: HfModel, lora: PreparedLora): void {
  const { dims: d } = model;
  const targets = new Map(model.family.loraTargets(d).map((t) => [t.module, t]));
  w.string("adapter.type", "lora");
  w.f32("adapter.lora.alpha", lora.scale * lora.rank);
  for (const [module, ab] of lora.weights) {
    const t = targets.get(module);
    if (!t) throw new ArchitectureExportError(`adapter "${lora.name}": "${module}" is not a linear layer of this model`);
    const name = `${ggufModuleName(t)}.weight`;
    const heads = t.shortName === "q_proj" ? d.numHeads : t.shortName === "k_proj" ? d.numKvHeads : 0;
    const b = arch.permuteQk && heads > 0 ? permuteRotaryRows(ab.b, heads, lora.rank) : ab.b;
    w.tensor(ggufTensor(`${name}.lora_a`, [lora.rank, t.inFeatures], GGML_TYPE.F32, () => ab.a));
    w.tensor(ggufTensor(`${name}.lora_b`, [t.outFeatures, lora.rank], GGML_TYPE.F32, () => b));
  }
}
