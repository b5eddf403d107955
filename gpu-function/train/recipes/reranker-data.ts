// Training groups and evaluation cases for the default cross-encoder, from MedQuAD only.
// A group is a query (the MedQuAD question, or a consumer-style variant of it), its answer,
// and hard negatives: answers about the same topic to other question types (the "causes"
// page when the user asked for "treatment") and BM25 neighbours of the question (other
// topics that share its words). Evaluation reranks BM25's top candidates for held-out
// questions, never trained on.
import { Rng } from "../rng";
import { Bm25Index } from "./bm25";
import { consumerVariants } from "./consumer-queries";
import type { MedQuadItem } from "./corpus";

export interface RerankTextExample {
  query: string;
  positive: string;
  negatives: string[];
}

export interface RerankDataOptions {
  count: number;
  negatives: number;
  seed: number;
  /** Share of queries rewritten in consumer style (the rest are the MedQuAD question). */
  consumerShare: number;
  /** Characters of an answer kept (the model reads ~200 tokens of it). */
  docChars: number;
}

/** Unique answer texts of the training split, with their topic. */
export class AnswerPool {
  readonly texts: string[] = [];
  readonly focus: string[] = [];
  readonly byText = new Map<string, number>();
  readonly byFocus = new Map<string, number[]>();
  readonly bm25: Bm25Index;

  constructor(items: MedQuadItem[], docChars: number) {
    for (const p of items) {
      const text = p.answer.slice(0, docChars);
      if (this.byText.has(text)) continue;
      const id = this.texts.length;
      this.byText.set(text, id);
      this.texts.push(text);
      this.focus.push(p.focus);
      const list = this.byFocus.get(p.focus.toLowerCase()) ?? [];
      list.push(id);
      this.byFocus.set(p.focus.toLowerCase(), list);
    }
    this.bm25 = new Bm25Index(this.texts);
  }
}

export function rerankTrainExamples(train: MedQuadItem[], pool: AnswerPool, o: RerankDataOptions): RerankTextExample[] {
  const rng = new Rng(o.seed);
  const items = rng.shuffle([...train]).slice(0, o.count);
  const out: RerankTextExample[] = [];
  for (const item of items) {
    const positive = pool.byText.get(item.answer.slice(0, o.docChars));
    if (positive === undefined) continue;
    const sameTopic = (pool.byFocus.get(item.focus.toLowerCase()) ?? []).filter((d) => d !== positive);
    const neighbours = pool.bm25
      .search(item.question, 12)
      .map((r) => r.doc)
      .filter((d) => d !== positive && !sameTopic.includes(d));
    const chosen: number[] = [];
    const take = (from: number[]) => {
      const left = from.filter((d) => !chosen.includes(d));
      if (left.length) chosen.push(left[Math.floor(rng.next() * Math.min(left.length, 8))]);
    };
    take(sameTopic);
    while (chosen.length < o.negatives && neighbours.some((d) => !chosen.includes(d))) take(neighbours);
    while (chosen.length < o.negatives) {
      const d = Math.floor(rng.next() * pool.texts.length);
      if (d !== positive && !chosen.includes(d)) chosen.push(d);
    }
    const query = rng.next() < o.consumerShare ? consumerVariants(item, 1, o.seed + out.length)[0] : item.question;
    out.push({ query, positive: pool.texts[positive], negatives: chosen.map((d) => pool.texts[d]) });
  }
  return out;
}

export interface RerankEvalCase {
  query: string;
  /** BM25's candidates, best first. */
  candidates: string[];
  /** Indexes into `candidates` of the relevant answer (identical texts count once each). */
  relevant: number[];
}

/**
 * For each held-out question (and, when `consumer`, one consumer-style variant of it):
 * BM25's top `k` over the training answers plus the held-out answers.
 */
export function rerankEvalCases(
  heldOut: MedQuadItem[],
  train: MedQuadItem[],
  o: { k: number; docChars: number; consumer: boolean; seed: number },
): RerankEvalCase[] {
  const pool = new AnswerPool([...train, ...heldOut], o.docChars);
  return heldOut.map((item) => {
    const query = o.consumer ? consumerVariants(item, 1, o.seed)[0] : item.question;
    const gold = item.answer.slice(0, o.docChars);
    const candidates = pool.bm25.search(query, o.k).map((r) => pool.texts[r.doc]);
    return { query, candidates, relevant: candidates.flatMap((c, i) => (c === gold ? [i] : [])) };
  });
}

/** MRR@10 and hit@1 / hit@10 of a ranking (candidate indexes, best first) over the cases. */
export function rankingMetrics(cases: RerankEvalCase[], orders: number[][]): { mrrAt10: number; hitAt1: number; hitAt10: number } {
  let mrr = 0;
  let h1 = 0;
  let h10 = 0;
  cases.forEach((c, i) => {
    const rank = orders[i].findIndex((d) => c.relevant.includes(d));
    if (rank >= 0 && rank < 10) {
      mrr += 1 / (rank + 1);
      h10++;
    }
    if (rank === 0) h1++;
  });
  const n = Math.max(1, cases.length);
  return { mrrAt10: mrr / n, hitAt1: h1 / n, hitAt10: h10 / n };
}
