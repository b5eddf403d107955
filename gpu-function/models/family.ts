// The interface every model family implements. A family knows its Hugging Face config
// fields, its tensor names and shapes, and how to express one forward pass as an ONNX
// graph; the runtime (gpu-function/runtime/causal-lm.ts) is family-agnostic and only relies on the graph I/O
// contract described on `FusedGraphOptions`. New families add a file and a registry entry;
// per-layer attention differences stay inside the family's graph (gpt-oss.ts: MoE, attention
// sinks, alternating sliding windows, YaRN), the KV cache layout is the same for all.
import type { GraphBuilder } from "../onnx/graph";
import type { FusedGraph } from "./fused-graph";
import type { SafeTensor } from "../onnx/safetensors";
import { materialize } from "../onnx/safetensors-lazy";
import type { HfConfig, LoraTarget, ModelDims } from "./types";

/** Checkpoint tensors: eager (fp32 in memory) or lazy (read from disk on use, onnx/safetensors-lazy.ts). */
export type Tensors = Map<string, SafeTensor>;

/** One weight the family expects in `model.safetensors`, with how a random tiny model initialises it. */
export interface TensorSpec {
  name: string;
  shape: number[];
  init: "normal" | "ones" | "zeros";
  /** Absent from real checkpoints when the head is tied (tiny models never write it then). */
  optional?: boolean;
}

/**
 * Options for the inference graph. Graph I/O contract (the runtime feeds what the graph declares):
 * - inputs: `input_ids` int64 [B,S]; `position_ids` int64 [B,S] (only if the family needs them);
 *   `seqlens_k` int32 [B] (= tokens in cache after this step − 1) and `total_sequence_length` int32 []
 *   (only where GroupQueryAttention runs outside the in-place decode's If; `attn_bias`, fused-graph.ts, where it does);
 *   per layer `past_key.L` / `past_value.L` [B, kvHeads, cap, headDim] (shared with the presents);
 *   per LoRA block (the targeted modules of one fused linear, listed in FusedGraph.loraGroups)
 *   `lora_a.<block>` / `lora_b.<block>`, plus `lora_mask` [B, 1, n·R] (see runtime/lora-feeds.ts).
 * - outputs: `logits` [B, vocab] of each row's last position and `new_kv` [B, S,
 *   layers·2·kvHeads·headDim]: this step's keys (after rotary) and values of every layer (layout:
 *   fused-graph.ts NEW_KV / newKvOffsets); or, with `output: "hidden"` (embedders), `hidden`
 *   [B,S,H] alone (no cache is kept, so no `new_kv` is computed).
 */
export interface FusedGraphOptions {
  /** Modules (LoraTarget.module) whose LoRA A/B become per-row graph inputs. */
  loraModules: Set<string>;
  quantize: "none" | "int8" | "int4";
  /** Activation/weight float type: fp16 is for the CUDA EP. */
  floatType: "float32" | "float16";
  output: "logits" | "hidden";
  /** Longest sequence the graph must support (sizes position tables). */
  maxSequenceLength: number;
}

export interface PlainGraphOptions {
  /** Weights that become graph inputs (named as in HF) instead of initializers. */
  trainable?: Set<string> | "all" | "none";
  /** LoRA on these modules (short names like `q_proj` or full module paths); A/B become graph inputs. */
  lora?: { targets: string[]; rank: number; scale?: number } | null;
  output: "logits" | "hidden";
  /** float64 builds the whole graph in double (gradient checks). */
  floatType?: "float32" | "float64";
}

export interface Family {
  readonly name: string;
  /** "decoder" (causal LM, KV cache; the default) or "encoder" (bidirectional, bert.ts: embeddings and cross-encoders). */
  readonly kind?: "decoder" | "encoder";
  /** HF `model_type` values this family serves. */
  readonly modelTypes: readonly string[];
  /** Normalised dimensions from an HF config (throws a clear error on missing fields). */
  dims(config: HfConfig): ModelDims;
  /** Every weight the family reads, in HF names and shapes. */
  tensorSpecs(dims: ModelDims, config: HfConfig): TensorSpec[];
  /** Every linear layer LoRA may target (PEFT module names). */
  loraTargets(dims: ModelDims): LoraTarget[];
  /** Inference graph with fused contrib ops and a KV cache. */
  buildFusedGraph(dims: ModelDims, config: HfConfig, tensors: Tensors, opts: FusedGraphOptions): FusedGraph;
  /** Reference graph with standard ONNX ops only (training and correctness checks); no KV cache. */
  buildPlainGraph(dims: ModelDims, config: HfConfig, tensors: Tensors, opts: PlainGraphOptions): GraphBuilder;
  /** A small random config of this family, in HF field names. */
  tinyConfig(overrides: TinyOverrides): HfConfig;
  /** Optional: tensor names as transformers saves this config (e.g. `bert.` prefixes of head models); default: unchanged. */
  checkpointNames?(config: HfConfig, tensors: Tensors): Tensors;
  /** Optional: rewrites checkpoint tensors into the layout tensorSpecs names (e.g. MXFP4 → float), before validation. */
  prepareTensors?(tensors: Tensors): Tensors;
}

export interface TinyOverrides {
  vocabSize?: number;
  hiddenSize?: number;
  numLayers?: number;
  numHeads?: number;
  numKvHeads?: number;
  intermediateSize?: number;
  maxPositions?: number;
  /** gpt-neo local attention window / llama (Mistral) sliding window. */
  windowSize?: number;
  /** Qwen2-style q/k/v biases (llama family). */
  qkvBias?: boolean;
  tieWordEmbeddings?: boolean;
  eosTokenIds?: number[];
  bosTokenId?: number;
  /** Mixture-of-experts families (gpt-oss): experts per layer and experts per token. */
  numExperts?: number;
  expertsPerToken?: number;
  /** Encoder families (bert): classifier outputs, making a sequence-classification (cross-encoder) config. */
  numLabels?: number;
}

/** Reads a required numeric config field with a readable error. */
export function configNumber(config: HfConfig, key: string, fallback?: number): number {
  const v = config[key];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw new Error(`config.json: missing required field "${key}"`);
  }
  throw new Error(`config.json: field "${key}" must be a number, got ${JSON.stringify(v)}`);
}

/** eos_token_id may be a number or a list in HF configs. */
export function configTokenIds(config: HfConfig, key: string): number[] {
  const v = config[key];
  if (typeof v === "number") return [v];
  if (Array.isArray(v)) return v.filter((x): x is number => typeof x === "number");
  return [];
}

/**
 * A tensor with its values in memory: a lazy tensor is read and decoded here, once, and the
 * returned `data` is a fresh array the caller owns (drop it once it became an initializer).
 */
export function tensorOf(tensors: Tensors, name: string): SafeTensor {
  const t = tensors.get(name);
  if (!t) throw new Error(`model.safetensors: missing tensor "${name}"`);
  return materialize(t);
}

/** Resolves LoRA target names (short `q_proj` or full module paths) against a family's target list. */
export function selectLoraTargets(all: LoraTarget[], names: string[]): LoraTarget[] {
  const wanted = new Set(names);
  const picked = all.filter((t) => wanted.has(t.shortName) || wanted.has(t.module));
  for (const n of wanted) {
    if (!all.some((t) => t.shortName === n || t.module === n)) {
      const known = [...new Set(all.map((t) => t.shortName))].join(", ");
      throw new Error(`LoRA target "${n}" is not a linear layer of this model (known: ${known})`);
    }
  }
  return picked;
}
