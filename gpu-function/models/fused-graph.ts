// The fused inference graph's I/O contract, shared by the families that build it
// (fused-ops.ts) and the runtime that feeds it (runtime/causal-lm.ts): KV cache and LoRA
// input/output names, and the LoRA blocks a graph declares. The full contract is on
// FusedGraphOptions (family.ts).
import { GraphBuilder } from "../onnx/graph";

export const pastKeyName = (layer: number) => `past_key.${layer}`;
export const pastValueName = (layer: number) => `past_value.${layer}`;
/**
 * This step's keys (after rotary) and values of every layer in ONE output, [B, S, layers·2·kvHeads·D]:
 * per position layer 0's keys, layer 0's values, layer 1's keys, ... (`newKvOffsets`). One output
 * instead of two per layer: onnxruntime-node wraps every fetched output in a fresh buffer and JS
 * tensor (~3 CPU µs each per run, bench in docs/engine-profile.md), a small Concat costs less.
 */
export const NEW_KV = "new_kv";

/**
 * Input of the in-place decode attention (fused-ops.ts `inPlaceDecode`), declared by fp32 logits
 * graphs: ATTN_BIAS float32 [B, 1, 1, capacity + 1] is 0 on each row's used past positions and on
 * its new token (the last column), −∞ on the rest of the capacity. Only decode runs (one token per
 * row) read it; other runs may feed any placeholder. Those graphs take `seqlens_k` and
 * `total_sequence_length` from no input: their GQA (prefill) branch derives them (fused-ops.ts `gqaInputs`).
 */
export const ATTN_BIAS = "attn_bias";

/** Where a layer's keys and values sit inside one position's NEW_KV row, and the row's width. */
export function newKvOffsets(layer: number, numLayers: number, kvWidth: number): { key: number; value: number; stride: number } {
  return { key: 2 * layer * kvWidth, value: (2 * layer + 1) * kvWidth, stride: 2 * numLayers * kvWidth };
}
export const loraAName = (module: string) => `lora_a.${module}`;
export const loraBName = (module: string) => `lora_b.${module}`;

/** One LoRA block: the targeted modules of one fused linear, sharing x·A and one B. */
export interface LoraGroup {
  /** Input suffix: `lora_a.<name>` [in, T·n·R], `lora_b.<name>` [T·n·R, outFeatures]. */
  name: string;
  inFeatures: number;
  /** Output width of the fused linear (all its modules, targeted or not). */
  outFeatures: number;
  /** Targeted modules in column order, with their column offset in the fused output. */
  members: { module: string; column: number; out: number }[];
}

/** A fused inference graph plus the LoRA blocks the runtime must feed. */
export class FusedGraph extends GraphBuilder {
  readonly loraGroups: LoraGroup[] = [];
}
