// Serving runtime of encoder families (bert.ts): rows are sorted by length and run in
// right-padded batches with an attention mask, no KV cache. `BertEmbedder` pools the last
// hidden states as the checkpoint's sentence-transformers config says; `CrossEncoderReranker`
// encodes [CLS] query [SEP] document [SEP] (token types 0 then 1), truncated longest-first
// like transformers' tokenizers, and turns the classifier logits into relevance scores.
import * as ort from "onnxruntime-node";

import { poolRow, type PoolingConfig } from "../models/pooling";
import type { ModelDims } from "../models/types";
import type { LoadedEmbedder, LoadedReranker, RerankPair } from "./types";

export interface EncoderRow {
  ids: number[];
  /** Token types (segment ids); all 0 when absent. */
  types?: number[];
}

/** One encoder session: padded batched runs over rows of any length ≤ maxSequenceLength. */
export class EncoderSession {
  constructor(
    readonly session: ort.InferenceSession,
    readonly dims: ModelDims,
    readonly maxSequenceLength: number,
    private readonly maxBatch: number,
  ) {}

  checkRows(rows: EncoderRow[], what: string): void {
    rows.forEach((r, i) => {
      if (r.ids.length === 0) throw new Error(`${what}: input ${i} is empty`);
      if (r.ids.length > this.maxSequenceLength)
        throw new Error(`${what}: input ${i} has ${r.ids.length} tokens, over the limit of ${this.maxSequenceLength}`);
      for (const t of r.ids)
        if (!Number.isInteger(t) || t < 0 || t >= this.dims.vocabSize)
          throw new Error(`${what}: input ${i} has token id ${t} outside [0, ${this.dims.vocabSize})`);
    });
  }

  /** Runs `output` for every row (in the caller's order) and hands each batch's flat result to `take`. */
  async run<T>(
    rows: EncoderRow[],
    output: "hidden" | "logits",
    take: (data: Float32Array, batch: EncoderRow[], seq: number) => T[],
  ): Promise<T[]> {
    const order = rows.map((_, i) => i).sort((a, b) => rows[a].ids.length - rows[b].ids.length);
    const out: T[] = new Array(rows.length);
    for (let start = 0; start < order.length; start += this.maxBatch) {
      const chunk = order.slice(start, start + this.maxBatch);
      const batch = chunk.map((i) => rows[i]);
      const seq = Math.max(...batch.map((r) => r.ids.length));
      const n = batch.length * seq;
      const ids = new BigInt64Array(n);
      const types = new BigInt64Array(n);
      const mask = new BigInt64Array(n);
      batch.forEach((r, b) =>
        r.ids.forEach((id, s) => {
          ids[b * seq + s] = BigInt(id);
          types[b * seq + s] = BigInt(r.types?.[s] ?? 0);
          mask[b * seq + s] = 1n;
        }),
      );
      const dims = [batch.length, seq];
      const feeds = {
        input_ids: new ort.Tensor("int64", ids, dims),
        token_type_ids: new ort.Tensor("int64", types, dims),
        attention_mask: new ort.Tensor("int64", mask, dims),
      };
      const data = (await this.session.run(feeds, [output]))[output].data as Float32Array;
      take(data, batch, seq).forEach((v, j) => (out[chunk[j]] = v));
    }
    return out;
  }

  dispose(): Promise<void> {
    return this.session.release();
  }
}

export class BertEmbedder implements LoadedEmbedder {
  readonly dim: number;
  readonly maxSequenceLength: number;

  constructor(
    private readonly enc: EncoderSession,
    readonly pooling: PoolingConfig,
  ) {
    this.dim = enc.dims.hiddenSize;
    this.maxSequenceLength = enc.maxSequenceLength;
  }

  async embed(batch: number[][]): Promise<Float32Array[]> {
    const rows = batch.map((ids) => ({ ids }));
    this.enc.checkRows(rows, "embed");
    const h = this.dim;
    return this.enc.run(rows, "hidden", (data, chunk, seq) =>
      chunk.map((r, b) => poolRow(data, b * seq * h, r.ids.length, h, this.pooling)),
    );
  }

  dispose(): Promise<void> {
    return this.enc.dispose();
  }
}

/** [CLS] and [SEP] ids of the checkpoint's tokenizer. */
export interface PairSpecialTokens {
  cls: number;
  sep: number;
}

/**
 * Truncates (query, document) so that [CLS] q [SEP] d [SEP] fits `maxLength`, as the fast
 * (Rust) tokenizers' "longest_first" does: the shorter side keeps its length when it fits in
 * half, otherwise both get half (the second side the odd token); ends are cut.
 */
export function truncatePair(query: number[], doc: number[], maxLength: number): { query: number[]; doc: number[] } {
  const budget = maxLength - 3;
  if (budget < 2) throw new Error(`maxLength ${maxLength} leaves no room for a query and a document`);
  if (query.length + doc.length <= budget) return { query, doc };
  const swap = query.length > doc.length;
  let small = Math.min(query.length, doc.length);
  let large = small > budget ? small : Math.max(small, budget - small);
  if (small + large > budget) {
    small = Math.floor(budget / 2);
    large = small + (budget % 2);
  }
  const [q, d] = swap ? [large, small] : [small, large];
  return { query: query.slice(0, q), doc: doc.slice(0, d) };
}

export function encodePair(pair: RerankPair, special: PairSpecialTokens, maxLength: number): EncoderRow {
  const { query, doc } = truncatePair(pair.query, pair.document, maxLength);
  const ids = [special.cls, ...query, special.sep, ...doc, special.sep];
  const types = ids.map((_, i) => (i < query.length + 2 ? 0 : 1));
  return { ids, types };
}

export class CrossEncoderReranker implements LoadedReranker {
  readonly maxSequenceLength: number;

  constructor(
    private readonly enc: EncoderSession,
    private readonly special: PairSpecialTokens,
    private readonly numLabels: number,
  ) {
    this.maxSequenceLength = enc.maxSequenceLength;
  }

  async score(pairs: RerankPair[]): Promise<Float32Array> {
    const rows = pairs.map((p) => encodePair(p, this.special, this.maxSequenceLength));
    this.enc.checkRows(rows, "rerank");
    const k = this.numLabels;
    const scores = await this.enc.run(rows, "logits", (data, chunk) => chunk.map((_, b) => relevance(data.subarray(b * k, (b + 1) * k))));
    return Float32Array.from(scores);
  }

  dispose(): Promise<void> {
    return this.enc.dispose();
  }
}

/** One logit → sigmoid (ms-marco cross-encoders); several → softmax probability of the last label ("relevant"). */
export function relevance(logits: Float32Array): number {
  if (logits.length === 1) return 1 / (1 + Math.exp(-logits[0]));
  const max = Math.max(...logits);
  let sum = 0;
  for (const l of logits) sum += Math.exp(l - max);
  return Math.exp(logits[logits.length - 1] - max) / sum;
}
