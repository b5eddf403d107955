// Held-out perplexity through the training graph's forward pass (batched, no KV cache):
// token-level over positions whose lossMask is 1, padding excluded. Optionally with a
// LoRA adapter (A/B fed as inputs), so base and adapter are scored by the same graph.
import * as ort from "onnxruntime-node";

import type { PreparedLora } from "../models/types";
import { lmBatch, type TrainExample } from "./batches";
import { resolveTrainConfig } from "./config";
import { heldOutPerplexity, type PerplexityResult, type SequenceScorer } from "./eval-perplexity";
import { loadBaseModel } from "./model-io";
import { buildTrainGraph, loraNames, type BaseModel } from "./train-graph";

export interface PerplexityOptions {
  /** Adapter to apply (PreparedLora as the serving engine loads it, or the trainer's output). */
  lora?: Pick<PreparedLora, "rank" | "scale" | "weights"> | null;
  batchSize?: number;
  maxSeqLength?: number;
  threads?: number;
}

/** A SequenceScorer (eval-perplexity.ts) over the plain graph; call `release()` when done. */
export async function plainGraphScorer(
  model: string | BaseModel,
  opts: PerplexityOptions = {},
): Promise<{ score: SequenceScorer; release: () => Promise<void> }> {
  const base = typeof model === "string" ? await loadBaseModel(model) : model;
  const lora = opts.lora ?? null;
  const maxSeqLength = Math.min(opts.maxSeqLength ?? base.dims.maxPositions, base.dims.maxPositions);
  const cfg = resolveTrainConfig({
    mode: lora ? "lora" : "full",
    lora: lora
      ? { targetModules: [...lora.weights.keys()], r: lora.rank, loraAlpha: lora.scale * lora.rank, loraDropout: 0, useRslora: false }
      : undefined,
    maxSeqLength,
  });
  // Forward only: in full mode the weights stay initializers (nothing is trainable).
  const built = await buildTrainGraph({ base, cfg, withGradients: false, evalOnly: !lora });
  const session = await ort.InferenceSession.create(built.bytes, { intraOpNumThreads: opts.threads ?? 2, graphOptimizationLevel: "all" });
  const fixed: Record<string, ort.Tensor> = {};
  if (lora) {
    for (const [module, w] of lora.weights) {
      const n = loraNames(module);
      const a = built.trainable.find((t) => t.name === n.a);
      const b = built.trainable.find((t) => t.name === n.b);
      if (!a || !b) throw new Error(`adapter module ${module} is not a LoRA target of this model`);
      fixed[n.a] = new ort.Tensor("float32", w.a, a.shape);
      fixed[n.b] = new ort.Tensor("float32", w.b, b.shape);
    }
  }
  const score: SequenceScorer = async (rows) => {
    const batch = lmBatch(
      rows.map((r) => ({ ids: r.inputIds.slice(0, maxSeqLength), mask: r.lossMask.slice(0, maxSeqLength) })),
      maxSeqLength,
    );
    if (batch.lossTokens === 0) return { nll: 0, tokens: 0 };
    const dims = [batch.rows, batch.seqLen];
    const out = await session.run({
      ...fixed,
      input_ids: new ort.Tensor("int64", batch.inputIds, dims),
      labels: new ort.Tensor("int64", batch.labels, dims),
      label_weights: new ort.Tensor("float32", batch.labelMask, dims),
    });
    return { nll: Number(out[built.loss].data[0]), tokens: batch.lossTokens };
  };
  return { score, release: () => session.release() };
}

/** Token-level masked perplexity of `examples` under a model dir or in-memory model (+ adapter). */
export async function perplexity(
  model: string | BaseModel,
  examples: TrainExample[],
  opts: PerplexityOptions = {},
): Promise<PerplexityResult> {
  const scorer = await plainGraphScorer(model, opts);
  try {
    return await heldOutPerplexity(scorer.score, examples, opts.batchSize ?? 8);
  } finally {
    await scorer.release();
  }
}
