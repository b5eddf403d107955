// Turns tokenized examples into padded micro-batches. LM rows predict token t+1 from
// tokens ≤ t; a label carries loss only where the example's lossMask says so
// (completion-only training), never on padding. With packing, examples are
// concatenated and cut into full rows (pretraining); otherwise one example per row,
// truncated to maxSeqLength.
import { truncatePair } from "../runtime/encoder";
import { Rng } from "./rng";

export interface TrainExample {
  inputIds: number[];
  /** lossMask[t] = 1: predicting inputIds[t] from inputIds[<t] is trained. */
  lossMask: number[];
}

/** A query and its positive document (contrastive embedder training). */
export interface ContrastivePair {
  query: number[];
  positive: number[];
}

export interface LmBatch {
  rows: number;
  seqLen: number;
  inputIds: BigInt64Array;
  labels: BigInt64Array;
  /** 1 where the label carries loss, else 0. */
  labelMask: Float32Array;
  /** Positions with loss. */
  lossTokens: number;
  /** Real (non-padding) input tokens. */
  inputTokens: number;
}

export interface ContrastiveBatch {
  pairs: number;
  seqLen: number;
  /** 2·pairs rows: queries then positives. */
  inputIds: BigInt64Array;
  /** Mean-pooling weights: 1/length on real tokens, 0 on padding. */
  poolWeights: Float32Array;
  inputTokens: number;
}

interface Row {
  ids: number[];
  mask: number[];
}

/** A query with its relevant document and hard negatives (cross-encoder training); token ids without special tokens. */
export interface RerankGroup {
  query: number[];
  positive: number[];
  negatives: number[][];
}

/** Rows are [CLS] query [SEP] document [SEP]: per group the positive first, then its negatives. */
export interface RerankBatch {
  groups: number;
  groupSize: number;
  seqLen: number;
  inputIds: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  attentionMask: BigInt64Array;
  inputTokens: number;
}

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatasetError";
  }
}

export function validateExamples(examples: TrainExample[]): void {
  if (examples.length === 0) throw new DatasetError("training data is empty");
  examples.forEach((e, i) => {
    if (e.inputIds.length !== e.lossMask.length)
      throw new DatasetError(`example ${i}: inputIds (${e.inputIds.length}) and lossMask (${e.lossMask.length}) differ in length`);
    if (e.inputIds.length < 2) throw new DatasetError(`example ${i}: needs at least 2 tokens`);
  });
}

/** Rows for one epoch in a seed-and-epoch-determined order. */
export function epochRows(examples: TrainExample[], maxSeqLength: number, packing: boolean, seed: number, epoch: number): Row[] {
  const order = new Rng(seed ^ Math.imul(epoch + 1, 0x27d4eb2d)).shuffle(examples.map((_, i) => i));
  if (!packing)
    return order.map((i) => ({ ids: examples[i].inputIds.slice(0, maxSeqLength), mask: examples[i].lossMask.slice(0, maxSeqLength) }));
  const rows: Row[] = [];
  let ids: number[] = [];
  let mask: number[] = [];
  for (const i of order) {
    const e = examples[i];
    for (let t = 0; t < e.inputIds.length; t++) {
      ids.push(e.inputIds[t]);
      mask.push(e.lossMask[t]);
      if (ids.length === maxSeqLength) {
        rows.push({ ids, mask });
        ids = [];
        mask = [];
      }
    }
  }
  if (ids.length >= 2) rows.push({ ids, mask });
  return rows;
}

/** Pads to the longest row, rounded up to a multiple of 8 (fewer distinct shapes for onnxruntime). */
function paddedLength(lengths: number[], cap: number): number {
  const longest = Math.max(...lengths);
  return Math.min(cap, Math.ceil(longest / 8) * 8);
}

export function lmBatch(rows: Row[], maxSeqLength: number, padId = 0): LmBatch {
  const seqLen = paddedLength(
    rows.map((r) => r.ids.length),
    Math.max(maxSeqLength, ...rows.map((r) => r.ids.length)),
  );
  const n = rows.length * seqLen;
  const inputIds = new BigInt64Array(n).fill(BigInt(padId));
  const labels = new BigInt64Array(n);
  const labelMask = new Float32Array(n);
  let lossTokens = 0;
  let inputTokens = 0;
  rows.forEach((r, b) => {
    const o = b * seqLen;
    for (let t = 0; t < r.ids.length; t++) inputIds[o + t] = BigInt(r.ids[t]);
    inputTokens += r.ids.length;
    for (let t = 0; t + 1 < r.ids.length; t++) {
      labels[o + t] = BigInt(r.ids[t + 1]);
      if (r.mask[t + 1]) {
        labelMask[o + t] = 1;
        lossTokens++;
      }
    }
  });
  return { rows: rows.length, seqLen, inputIds, labels, labelMask, lossTokens, inputTokens };
}

export function lmBatches(
  examples: TrainExample[],
  o: { maxSeqLength: number; packing: boolean; batchSize: number; seed: number; epoch: number },
): LmBatch[] {
  const rows = epochRows(examples, o.maxSeqLength, o.packing, o.seed, o.epoch);
  const out: LmBatch[] = [];
  for (let i = 0; i < rows.length; i += o.batchSize) out.push(lmBatch(rows.slice(i, i + o.batchSize), o.maxSeqLength));
  return out;
}

export function contrastiveBatch(pairs: ContrastivePair[], maxSeqLength: number, padId = 0): ContrastiveBatch {
  const seqs = [...pairs.map((p) => p.query.slice(0, maxSeqLength)), ...pairs.map((p) => p.positive.slice(0, maxSeqLength))];
  const seqLen = paddedLength(
    seqs.map((s) => s.length),
    maxSeqLength,
  );
  const inputIds = new BigInt64Array(seqs.length * seqLen).fill(BigInt(padId));
  const poolWeights = new Float32Array(seqs.length * seqLen);
  let inputTokens = 0;
  seqs.forEach((s, r) => {
    if (s.length === 0) throw new DatasetError(`contrastive pair ${r % pairs.length}: empty ${r < pairs.length ? "query" : "positive"}`);
    for (let t = 0; t < s.length; t++) {
      inputIds[r * seqLen + t] = BigInt(s[t]);
      poolWeights[r * seqLen + t] = 1 / s.length;
    }
    inputTokens += s.length;
  });
  return { pairs: pairs.length, seqLen, inputIds, poolWeights, inputTokens };
}

export function contrastiveBatches(
  pairs: ContrastivePair[],
  o: { maxSeqLength: number; batchSize: number; seed: number; epoch: number },
): ContrastiveBatch[] {
  if (pairs.length < 2) throw new DatasetError("contrastive training needs at least 2 pairs (in-batch negatives)");
  const order = new Rng(o.seed ^ Math.imul(o.epoch + 1, 0x27d4eb2d)).shuffle(pairs.map((_, i) => i));
  const out: ContrastiveBatch[] = [];
  for (let i = 0; i + 1 < order.length; i += o.batchSize) {
    out.push(
      contrastiveBatch(
        order.slice(i, i + o.batchSize).map((k) => pairs[k]),
        o.maxSeqLength,
      ),
    );
  }
  return out;
}

/** One micro-batch of rerank groups; each pair truncated longest-first to maxSeqLength. */
export function rerankBatch(
  groups: RerankGroup[],
  o: { maxSeqLength: number; groupSize: number; cls: number; sep: number; padId?: number },
): RerankBatch {
  const rows: { ids: number[]; types: number[] }[] = [];
  groups.forEach((g, gi) => {
    if (g.query.length === 0 || g.positive.length === 0) throw new DatasetError(`rerank group ${gi}: empty query or positive`);
    if (g.negatives.length < o.groupSize - 1)
      throw new DatasetError(`rerank group ${gi}: ${g.negatives.length} negatives, the group size needs ${o.groupSize - 1}`);
    for (const doc of [g.positive, ...g.negatives.slice(0, o.groupSize - 1)]) {
      const { query, doc: d } = truncatePair(g.query, doc, o.maxSeqLength);
      const ids = [o.cls, ...query, o.sep, ...d, o.sep];
      rows.push({ ids, types: ids.map((_, i) => (i < query.length + 2 ? 0 : 1)) });
    }
  });
  const seqLen = paddedLength(
    rows.map((r) => r.ids.length),
    o.maxSeqLength,
  );
  const n = rows.length * seqLen;
  const inputIds = new BigInt64Array(n).fill(BigInt(o.padId ?? 0));
  const tokenTypeIds = new BigInt64Array(n);
  const attentionMask = new BigInt64Array(n);
  let inputTokens = 0;
  rows.forEach((r, i) => {
    r.ids.forEach((id, t) => {
      inputIds[i * seqLen + t] = BigInt(id);
      tokenTypeIds[i * seqLen + t] = BigInt(r.types[t]);
      attentionMask[i * seqLen + t] = 1n;
    });
    inputTokens += r.ids.length;
  });
  return { groups: groups.length, groupSize: o.groupSize, seqLen, inputIds, tokenTypeIds, attentionMask, inputTokens };
}

export function rerankBatches(
  groups: RerankGroup[],
  o: { maxSeqLength: number; batchSize: number; groupSize: number; cls: number; sep: number; seed: number; epoch: number },
): RerankBatch[] {
  if (groups.length === 0) throw new DatasetError("rerank training data is empty");
  const order = new Rng(o.seed ^ Math.imul(o.epoch + 1, 0x27d4eb2d)).shuffle(groups.map((_, i) => i));
  const out: RerankBatch[] = [];
  for (let i = 0; i < order.length; i += o.batchSize)
    out.push(
      rerankBatch(
        order.slice(i, i + o.batchSize).map((k) => groups[k]),
        o,
      ),
    );
  return out;
}
