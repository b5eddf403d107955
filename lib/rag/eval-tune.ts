// Fusion tuning for scripts/eval-retrieval.ts: fetch each query's vector and full-text
// candidate lists once, then replay reciprocal rank fusion in memory for every setting
// (the same formula as the SQL in lib/rag/retrieve.ts). Only non-held-out questions.
import type { Db } from "@/lib/db/client";
import type { Embedder } from "@/lib/rag/embed";
import { aggregate, rankedDocuments, type RetrievalMetrics } from "@/lib/rag/eval-metrics";
import { retrieveHybrid } from "@/lib/rag/retrieve";

export interface FusionParams {
  rrfK: number;
  weights: { vector: number; text: number };
  minSimilarity: number;
}

interface Candidates {
  relevant: Set<string>;
  vector: { chunkId: string; documentId: string; rank: number; similarity: number }[];
  text: { chunkId: string; documentId: string; rank: number }[];
}

const CANDIDATES = 50;

function fuse(c: Candidates, p: FusionParams): string[] {
  const scores = new Map<string, { documentId: string; s: number }>();
  const add = (chunkId: string, documentId: string, s: number) => {
    const e = scores.get(chunkId) ?? { documentId, s: 0 };
    e.s += s;
    scores.set(chunkId, e);
  };
  for (const v of c.vector) if (v.similarity >= p.minSimilarity) add(v.chunkId, v.documentId, p.weights.vector / (p.rrfK + v.rank));
  for (const t of c.text) add(t.chunkId, t.documentId, p.weights.text / (p.rrfK + t.rank));
  const ordered = [...scores.entries()].sort((a, b) => b[1].s - a[1].s || a[0].localeCompare(b[0]));
  return rankedDocuments(ordered.map(([, e]) => e)).slice(0, 10);
}

export async function tuneFusion(
  db: Db,
  embedder: Embedder,
  queries: { text: string; relevant: Set<string> }[],
  log: (s: string) => void,
): Promise<{ best: FusionParams; summary: string; metrics: RetrievalMetrics }> {
  const cands: Candidates[] = [];
  for (const q of queries) {
    const base = { k: CANDIDATES, candidates: CANDIDATES, minSimilarity: -1, minScore: 0 };
    const vector = await retrieveHybrid(db, embedder, q.text, { ...base, mode: "vector" });
    const text = await retrieveHybrid(db, null, q.text, { ...base, mode: "text" });
    cands.push({
      relevant: q.relevant,
      vector: vector.map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, rank: r.vectorRank!, similarity: r.similarity! })),
      text: text.map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, rank: r.textRank! })),
    });
  }
  const grid: FusionParams[] = [];
  for (const rrfK of [5, 10, 20, 40, 60, 100])
    for (const vector of [0.25, 0.5, 0.75, 1, 1.5, 2, 3])
      for (const minSimilarity of [-1, 0, 0.1, 0.2, 0.3, 0.4])
        grid.push({ rrfK, weights: { vector, text: 1 }, minSimilarity });
  let best = grid[0];
  let bestM: RetrievalMetrics | null = null;
  const score = (m: RetrievalMetrics) => m.ndcg10 + 0.001 * m.recall10;
  for (const p of grid) {
    const m = aggregate(cands.map((c) => ({ ranked: fuse(c, p), relevant: c.relevant })));
    // Ties go to the higher floor: same quality, fewer weak passages in prompts.
    if (!bestM || score(m) > score(bestM) + 1e-9 || (Math.abs(score(m) - score(bestM)) <= 1e-9 && p.minSimilarity > best.minSimilarity)) {
      best = p;
      bestM = m;
    }
  }
  const textOnly = aggregate(cands.map((c) => ({ ranked: rankedDocuments(c.text).slice(0, 10), relevant: c.relevant })));
  const vecOnly = aggregate(cands.map((c) => ({ ranked: rankedDocuments(c.vector).slice(0, 10), relevant: c.relevant })));
  const summary =
    `best nDCG@10 ${bestM!.ndcg10.toFixed(3)} (text only ${textOnly.ndcg10.toFixed(3)}, vector only ${vecOnly.ndcg10.toFixed(3)}) ` +
    `over ${grid.length} settings`;
  log(`  ${summary}: k=${best.rrfK} wv=${best.weights.vector} floor=${best.minSimilarity}`);
  return { best, summary, metrics: bestM! };
}
