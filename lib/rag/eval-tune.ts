// Fusion tuning for scripts/eval-retrieval.ts. Each query's vector and full-text candidate
// lists are fetched once; reciprocal rank fusion (the same formula as the SQL in
// retrieve.ts) is then replayed in memory for every setting. Only NON-held-out questions
// are used, plus off-topic questions to set the relevance floors.
import type { Db } from "@/lib/db/client";
import type { Embedder } from "./embed";
import { aggregate, rankedDocuments, type RetrievalMetrics } from "./eval-metrics";
import { retrieveHybrid } from "./retrieve";

export interface FusionParams {
  rrfK: number;
  weights: { vector: number; text: number };
  minSimilarity: number;
  minScore: number;
}

interface Candidates {
  relevant: Set<string>;
  vector: { chunkId: string; documentId: string; rank: number; similarity: number }[];
  text: { chunkId: string; documentId: string; rank: number }[];
}

const CANDIDATES = 50;

/** Fused, floored document ranking (top 10) for one query's candidates. */
export function fuse(c: Candidates, p: FusionParams): string[] {
  const scores = new Map<string, { documentId: string; s: number }>();
  const add = (chunkId: string, documentId: string, s: number) => {
    const e = scores.get(chunkId) ?? { documentId, s: 0 };
    e.s += s;
    scores.set(chunkId, e);
  };
  for (const v of c.vector) if (v.similarity >= p.minSimilarity) add(v.chunkId, v.documentId, p.weights.vector / (p.rrfK + v.rank));
  for (const t of c.text) add(t.chunkId, t.documentId, p.weights.text / (p.rrfK + t.rank));
  const norm = (p.weights.vector + p.weights.text) / (p.rrfK + 1);
  const ordered = [...scores.entries()].filter(([, e]) => e.s / norm >= p.minScore).sort((a, b) => b[1].s - a[1].s || a[0].localeCompare(b[0]));
  return rankedDocuments(ordered.map(([, e]) => e)).slice(0, 10);
}

async function candidatesFor(db: Db, embedder: Embedder, text: string, relevant: Set<string>): Promise<Candidates> {
  const base = { k: CANDIDATES, candidates: CANDIDATES, minSimilarity: -1, minScore: 0 };
  const vector = await retrieveHybrid(db, embedder, text, { ...base, mode: "vector" });
  const lexical = await retrieveHybrid(db, null, text, { ...base, mode: "text" });
  return {
    relevant,
    vector: vector.map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, rank: r.vectorRank!, similarity: r.similarity! })),
    text: lexical.map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, rank: r.textRank! })),
  };
}

export interface TuneResult {
  best: FusionParams;
  summary: string;
  metrics: RetrievalMetrics;
  /** Share of off-topic questions for which retrieval returns nothing, with the chosen floors. */
  offTopicRejected: number;
}

export async function tuneFusion(
  db: Db,
  embedder: Embedder,
  queries: { text: string; relevant: Set<string> }[],
  offTopic: readonly string[],
  log: (s: string) => void,
): Promise<TuneResult> {
  const cands: Candidates[] = [];
  for (const q of queries) cands.push(await candidatesFor(db, embedder, q.text, q.relevant));
  const off: Candidates[] = [];
  for (const q of offTopic) off.push(await candidatesFor(db, embedder, q, new Set()));
  const measure = (p: FusionParams) => aggregate(cands.map((c) => ({ ranked: fuse(c, p), relevant: c.relevant })));

  // 1. Ranking quality without floors: RRF constant and the vector/text balance.
  let best: FusionParams = { rrfK: 60, weights: { vector: 1, text: 1 }, minSimilarity: -1, minScore: 0 };
  let bestM = measure(best);
  for (const rrfK of [5, 10, 20, 40, 60, 100])
    for (const vector of [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5]) {
      const p = { ...best, rrfK, weights: { vector, text: 1 } };
      const m = measure(p);
      if (m.ndcg10 > bestM.ndcg10 + 1e-9) {
        best = p;
        bestM = m;
      }
    }
  // 2. Floors: reject as many off-topic questions as possible while keeping recall@10
  //    within one point of the unfloored ranking.
  const rejected = (p: FusionParams) => off.filter((c) => fuse(c, p).length === 0).length / Math.max(1, off.length);
  let floor = { minSimilarity: -1, minScore: 0, rejected: rejected(best), m: bestM };
  for (const minSimilarity of [-1, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    for (const minScore of [0, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]) {
      const p = { ...best, minSimilarity, minScore };
      const m = measure(p);
      if (m.recall10 < bestM.recall10 - 0.01) continue;
      const r = rejected(p);
      if (r > floor.rejected + 1e-9 || (Math.abs(r - floor.rejected) <= 1e-9 && m.ndcg10 > floor.m.ndcg10 + 1e-9)) {
        floor = { minSimilarity, minScore, rejected: r, m };
      }
    }
  best = { ...best, minSimilarity: floor.minSimilarity, minScore: floor.minScore };
  const textOnly = aggregate(cands.map((c) => ({ ranked: rankedDocuments(c.text).slice(0, 10), relevant: c.relevant })));
  const vecOnly = aggregate(cands.map((c) => ({ ranked: rankedDocuments(c.vector).slice(0, 10), relevant: c.relevant })));
  const summary =
    `nDCG@10 ${floor.m.ndcg10.toFixed(3)} hybrid vs ${textOnly.ndcg10.toFixed(3)} text only, ${vecOnly.ndcg10.toFixed(3)} vector only; ` +
    `floors reject ${(floor.rejected * 100).toFixed(0)} % of ${off.length} off-topic questions`;
  log(`  ${summary}: k=${best.rrfK} wv=${best.weights.vector} minSimilarity=${best.minSimilarity} minScore=${best.minScore}`);
  return { best, summary, metrics: floor.m, offTopicRejected: floor.rejected };
}
