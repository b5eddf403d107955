// The fused inference graph's I/O contract, shared by the families that build it
// (fused-ops.ts) and the runtime that feeds it (runtime/causal-lm.ts): KV cache and LoRA
// input/output names, and the LoRA blocks a graph declares. The full contract is on
// FusedGraphOptions (family.ts).
import { GraphBuilder } from "../onnx/graph";

export const pastKeyName = (layer: number) => `past_key.${layer}`;
export const pastValueName = (layer: number) => `past_value.${layer}`;
export const newKeyName = (layer: number) => `new_key.${layer}`;
export const newValueName = (layer: number) => `new_value.${layer}`;
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
