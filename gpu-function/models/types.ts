// What a model is, shared by the model families (gpu-function/models/), the serving
// runtime (gpu-function/runtime/), the engine and the trainer: the Hugging Face config,
// its normalised dimensions, the LoRA-adaptable layers and a validated adapter. The
// runtime's own contracts (LoadedModel, KvCacheHandle, …) are in runtime/types.ts.

/** Hugging Face `config.json`, as read. */
export type HfConfig = Record<string, unknown>;

/** Architecture facts the engine and trainer need, normalised across families. */
export interface ModelDims {
  family: string; // "gpt-neo" | "llama" | later "gpt-oss"
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  intermediateSize: number;
  maxPositions: number;
  eosTokenIds: number[];
  bosTokenId?: number;
  tieWordEmbeddings: boolean;
}

/** One LoRA-adaptable linear layer, named as PEFT names it. */
export interface LoraTarget {
  /** PEFT module path without the `base_model.model.` prefix, e.g. `model.layers.0.self_attn.q_proj`. */
  module: string;
  /** Short module name used in `target_modules`, e.g. `q_proj`. */
  shortName: string;
  layer: number;
  inFeatures: number;
  outFeatures: number;
}

/** A PEFT adapter validated against a model: per-target A (r×in) and B (out×r), row-major fp32. */
export interface PreparedLora {
  name: string;
  rank: number;
  /** lora_alpha / r, or lora_alpha / sqrt(r) with use_rslora. */
  scale: number;
  weights: Map<string, { a: Float32Array; b: Float32Array }>; // keyed by LoraTarget.module
}
