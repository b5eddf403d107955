// Contracts between the serving runtime (gpu-function/runtime/), the engine
// (gpu-function/engine/) and the trainer's evaluations (gpu-function/train/): the runtime
// (LoadedModel) owns the onnxruntime sessions and KV caches; the engine only schedules,
// samples and streams.
import type { LoraTarget, ModelDims, PreparedLora } from "../models/types";

/** Per-sequence KV cache owned by the runtime; the engine only holds the handle. */
export interface KvCacheHandle {
  readonly length: number; // tokens already in the cache
  release(): void;
}

export interface ForwardRow {
  /** New tokens for this sequence: the whole prompt on prefill, one token per decode step. */
  tokens: number[];
  cache: KvCacheHandle;
  lora: PreparedLora | null;
}

export interface LoadOptions {
  device?: "cpu" | "cuda";
  /** Weight-only quantisation through MatMulNBits. */
  quantize?: "none" | "int8" | "int4";
  /** Largest decode batch the runtime must accept in one forward call. */
  maxBatch?: number;
  /** Context length limit (≤ config max positions). */
  maxSequenceLength?: number;
  /** LoRA slots: rank padding and which modules adapters may target. */
  lora?: { maxRank: number; targetModules: string[] } | null;
  /** Fold one adapter into the base weights at load (merged mode: base speed, one adapter). */
  mergeAdapter?: PreparedLora | null;
  intraOpThreads?: number;
  /**
   * With more than one intra-op thread: onnxruntime's pool threads spin between parallel ops
   * instead of sleeping (session.intra_op.allow_spinning), so each op's hand-off costs no
   * wake-up, at the price of a busy core while a run's serial ops execute; they stop when the
   * run ends (session.force_spinning_stop: one wake-up per run, none between). For a host whose
   * other cores are idle; on a shared host the spinning thread takes CPU others need. Default:
   * ORT_ALLOW_SPINNING=1 in the environment, else off.
   */
  spinning?: boolean;
  /** Weight/activation precision; default fp16 on CUDA, fp32 on CPU (fp16 also runs on the CPU EP, slowly). */
  precision?: "fp32" | "fp16";
  /** Initial KV positions per slot (grows by doubling up to maxSequenceLength); default 256. */
  kvInitialCapacity?: number;
  /**
   * Read checkpoint tensors from disk only when the graph builder uses them (default true):
   * the load peaks near the initializers plus the largest tensor in fp32. false reads the
   * whole checkpoint into fp32 first (the old path; the memory benchmark compares the two).
   */
  lazyWeights?: boolean;
}

/** A loaded decoder LM ready for batched, KV-cached forward passes. */
export interface LoadedModel {
  readonly dims: ModelDims;
  readonly maxSequenceLength: number;
  /** Modules adapters may target in this load, with their shapes. */
  readonly loraTargets: LoraTarget[];
  newCache(): KvCacheHandle;
  /**
   * Runs one step for a batch of sequences (mixed prefill and decode allowed; the runtime
   * groups them as its kernels need) and appends to each row's cache. Returns the logits
   * of each row's last position (vocabSize floats per row), in row order.
   */
  forward(rows: ForwardRow[]): Promise<Float32Array[]>;
  /** Weight bytes read per decoded token (for the memory-bandwidth bound in the benchmark). */
  weightBytes(): number;
  dispose(): Promise<void>;
}

/** An embedding model: pooled (mean, CLS, …; decoders: mean), usually L2-normalised final hidden states. */
export interface LoadedEmbedder {
  readonly dim: number;
  readonly maxSequenceLength: number;
  /** Token ids as the tokenizer gives them (with its special tokens, e.g. BERT's [CLS] … [SEP]). */
  embed(batch: number[][]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/** One query–document pair for a cross-encoder, as token ids without special tokens. */
export interface RerankPair {
  query: number[];
  document: number[];
}

/** A cross-encoder: scores (query, document) pairs; higher = more relevant. */
export interface LoadedReranker {
  /** Longest encoded pair ([CLS] q [SEP] d [SEP]); longer pairs are truncated longest-first. */
  readonly maxSequenceLength: number;
  /** Relevance in [0, 1]: sigmoid of a single logit, or the last label's softmax probability. */
  score(pairs: RerankPair[]): Promise<Float32Array>;
  dispose(): Promise<void>;
}
