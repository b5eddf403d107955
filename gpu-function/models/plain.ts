// The plain (standard-ONNX-ops-only) reference graph for any supported model: what the
// trainer differentiates and what the fused graphs are checked against.
import type { GraphBuilder } from "../onnx/graph";
import type { PlainGraphOptions, Tensors } from "./family";
import { familyFor } from "./registry";
import type { HfConfig, ModelDims } from "./types";

export { PLAIN_OPS, loraInputNames } from "./plain-ops";
export type { PlainGraphOptions } from "./family";

/**
 * Inputs: `input_ids` int64 [B,S] (right-padded rows are fine: attention is causal), plus the
 * trainable weights (HF names) and LoRA A [r,in] / B [out,r] (`base_model.model.<module>.lora_A.weight`).
 * Output: `logits` [B,S,V] or `hidden` [B,S,H].
 */
/**
 * Session options for plain graphs: "basic" keeps onnxruntime from fusing them into contrib
 * kernels that exist only in fp32 (e.g. QuickGelu), so float64 graphs load too.
 */
export const PLAIN_SESSION_OPTIONS = { graphOptimizationLevel: "basic" } as const;

export function buildPlainGraph(model: { config: HfConfig; dims: ModelDims; tensors: Tensors }, opts: PlainGraphOptions): GraphBuilder {
  return familyFor(model.config).buildPlainGraph(model.dims, model.config, model.tensors, opts);
}
