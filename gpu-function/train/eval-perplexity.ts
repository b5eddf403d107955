// Held-out perplexity: exp of the mean negative log-likelihood over the tokens that
// carry loss (lossMask = 1), summed over all sequences before averaging — token-level,
// so long answers weigh by their length, and padding never counts because only real
// positions are scored. The scorer is pluggable: the trainer's batched forward when it
// is there, or any serving LoadedModel through its KV-cached step (a reference that
// shares no code with the training graph).

import type { PreparedLora } from "../models/types";
import type { LoadedModel } from "../runtime/types";

export interface ScoredRow {
  inputIds: number[];
  lossMask: number[];
}

export interface NllSum {
  /** Σ −log p(inputIds[t] | inputIds[<t]) over positions with lossMask[t] = 1. */
  nll: number;
  tokens: number;
}

export type SequenceScorer = (rows: ScoredRow[]) => Promise<NllSum>;

export interface PerplexityResult {
  /** Mean token NLL (nats). */
  loss: number;
  perplexity: number;
  tokens: number;
  sequences: number;
}

export async function heldOutPerplexity(score: SequenceScorer, rows: ScoredRow[], batchSize = 8): Promise<PerplexityResult> {
  let nll = 0;
  let tokens = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const r = await score(rows.slice(i, i + batchSize));
    nll += r.nll;
    tokens += r.tokens;
  }
  if (tokens === 0) throw new Error("held-out set has no tokens that carry loss");
  const loss = nll / tokens;
  return { loss, perplexity: Math.exp(loss), tokens, sequences: rows.length };
}

/** −log softmax(logits)[target], computed stably. */
export function tokenNll(logits: Float32Array, target: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  return Math.log(sum) + max - logits[target];
}

/**
 * Scores through a serving model (its forward returns only the last position's logits):
 * the unscored prompt goes in as one prefill, then one token per step while targets
 * remain. All rows advance together so the runtime can batch them.
 */
export function loadedModelScorer(model: LoadedModel, lora: PreparedLora | null = null): SequenceScorer {
  return async (rows) => {
    let nll = 0;
    let tokens = 0;
    const state = rows.map((r) => {
      const first = r.lossMask.indexOf(1, 1);
      const last = r.lossMask.lastIndexOf(1);
      return { r, fed: 0, first, last, cache: model.newCache() };
    });
    try {
      for (;;) {
        const live = state.filter((s) => s.first > 0 && s.fed < s.last);
        if (live.length === 0) break;
        const batch = live.map((s) => ({
          tokens: s.fed === 0 ? s.r.inputIds.slice(0, s.first) : [s.r.inputIds[s.fed]],
          cache: s.cache,
          lora,
        }));
        const logits = await model.forward(batch);
        live.forEach((s, k) => {
          s.fed += batch[k].tokens.length;
          if (s.r.lossMask[s.fed]) {
            nll += tokenNll(logits[k], s.r.inputIds[s.fed]);
            tokens++;
          }
        });
      }
    } finally {
      for (const s of state) s.cache.release();
    }
    return { nll, tokens };
  };
}
