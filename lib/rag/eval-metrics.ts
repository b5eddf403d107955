// Ranking metrics for the retrieval evaluation. Relevance is binary: a query has a set
// of relevant document ids (its own answer, plus exact duplicates of that answer).

/** 1 when any relevant document is in the first `k` results (success@k, "recall@k" with one answer). */
export function recallAt(ranked: string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

/** nDCG@k with binary gains; the ideal ranking puts every relevant document first. */
export function ndcgAt(ranked: string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) idcg += 1 / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Distinct document ids in rank order (a document counts once, at its best chunk). */
export function rankedDocuments(chunks: { documentId: string }[]): string[] {
  return [...new Set(chunks.map((c) => c.documentId))];
}

export interface RetrievalMetrics {
  queries: number;
  recall1: number;
  recall5: number;
  recall10: number;
  ndcg10: number;
}

export function aggregate(runs: { ranked: string[]; relevant: ReadonlySet<string> }[]): RetrievalMetrics {
  const n = runs.length || 1;
  const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0) / n;
  return {
    queries: runs.length,
    recall1: mean((r) => recallAt(r.ranked, r.relevant, 1)),
    recall5: mean((r) => recallAt(r.ranked, r.relevant, 5)),
    recall10: mean((r) => recallAt(r.ranked, r.relevant, 10)),
    ndcg10: mean((r) => ndcgAt(r.ranked, r.relevant, 10)),
  };
}

/** Share of the relevant documents found in the first `k` (recall proper, for queries with several). */
export function recallFractionAt(ranked: string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

export interface SetMetrics extends RetrievalMetrics {
  /** Mean share of relevant documents in the top 10. */
  recallFraction10: number;
  /** Share of queries for which retrieval returned no passage at all. */
  noPassage: number;
}

export function aggregateSet(runs: { ranked: string[]; relevant: ReadonlySet<string> }[]): SetMetrics {
  const n = runs.length || 1;
  return {
    ...aggregate(runs),
    recallFraction10: runs.reduce((s, r) => s + recallFractionAt(r.ranked, r.relevant, 10), 0) / n,
    noPassage: runs.filter((r) => r.ranked.length === 0).length / n,
  };
}

/**
 * Paired bootstrap over queries: resamples the queries with replacement and returns the 2.5th and
 * 97.5th percentiles of mean(b) / mean(a) − 1 (b's relative gain over a). Seeded, so a run repeats.
 */
export function pairedBootstrapGain(a: readonly number[], b: readonly number[], resamples = 5000, seed = 1): { low: number; high: number } {
  if (a.length !== b.length || a.length === 0) throw new Error("paired bootstrap needs two non-empty lists of the same length");
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic, good enough to pick indices
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const gains: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < a.length; i++) {
      const j = Math.floor(next() * a.length);
      sa += a[j];
      sb += b[j];
    }
    gains.push(sa > 0 ? sb / sa - 1 : 0);
  }
  gains.sort((x, y) => x - y);
  return { low: gains[Math.floor(0.025 * (resamples - 1))], high: gains[Math.ceil(0.975 * (resamples - 1))] };
}
