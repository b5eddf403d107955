// A model-free lexical embedder (signed feature hashing of words and word pairs).
// Used by tests and by the benchmark's control run; deterministic, instant, and good
// enough to tell "asthma inhaler" from "kidney stones", but it knows no synonyms.
import { fnv1a32 } from "@/gpu-function/shared/hash";
import { EMBEDDING_DIM } from "@/lib/db/schema";
import type { Embedder } from "./embed";

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from how i in is it of on or the this to what when which who why with you your".split(" "),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w));
}

export function hashingEmbedding(text: string, dim = EMBEDDING_DIM): number[] {
  const v = new Array<number>(dim).fill(0);
  const ws = words(text);
  const add = (feature: string, weight: number) => {
    const h = fnv1a32(feature);
    v[h % dim] += h & 0x80000000 ? -weight : weight;
  };
  ws.forEach((w, i) => {
    add(w, 1);
    if (i > 0) add(`${ws[i - 1]} ${w}`, 0.5);
  });
  const norm = Math.hypot(...v);
  if (norm === 0) {
    v[0] = 1; // a zero vector has no cosine distance; keep empty inputs valid and far from text
    return v;
  }
  return v.map((x) => x / norm);
}

export function createHashingEmbedder(dim = EMBEDDING_DIM): Embedder {
  return {
    id: `hashing-${dim}`,
    dim,
    async embedQuery(text) {
      return hashingEmbedding(text, dim);
    },
    async embedQueries(texts) {
      return texts.map((t) => hashingEmbedding(t, dim));
    },
    async embedDocuments(texts) {
      return texts.map((t) => hashingEmbedding(t, dim));
    },
    async close() {},
  };
}
