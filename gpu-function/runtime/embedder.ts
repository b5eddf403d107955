// Sentence embeddings from a decoder LM: the fused graph's final hidden states, mean-pooled
// over each text's tokens and L2-normalised. Texts are sorted by length and run in
// right-padded batches: attention is causal, so real tokens never see the padding.
import * as ort from "onnxruntime-node";

import { pastKeyName, pastValueName } from "../models/fused-graph";
import type { ModelDims } from "../models/types";
import type { LoadedEmbedder } from "./types";

export class OrtEmbedder implements LoadedEmbedder {
  readonly dim: number;

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly dims: ModelDims,
    readonly maxSequenceLength: number,
    private readonly maxBatch: number,
    private readonly kvType: "float32" | "float16",
  ) {
    this.dim = dims.hiddenSize;
  }

  async embed(batch: number[][]): Promise<Float32Array[]> {
    batch.forEach((ids, i) => {
      if (ids.length === 0) throw new Error(`embed: input ${i} is empty`);
      if (ids.length > this.maxSequenceLength)
        throw new Error(`embed: input ${i} has ${ids.length} tokens, over the limit of ${this.maxSequenceLength}`);
      for (const t of ids)
        if (!Number.isInteger(t) || t < 0 || t >= this.dims.vocabSize)
          throw new Error(`embed: input ${i} has token id ${t} outside [0, ${this.dims.vocabSize})`);
    });
    const order = batch.map((_, i) => i).sort((a, b) => batch[a].length - batch[b].length);
    const out: Float32Array[] = new Array(batch.length);
    for (let start = 0; start < order.length; start += this.maxBatch) {
      const chunk = order.slice(start, start + this.maxBatch);
      const vectors = await this.embedPadded(chunk.map((i) => batch[i]));
      chunk.forEach((i, j) => (out[i] = vectors[j]));
    }
    return out;
  }

  private async embedPadded(texts: number[][]): Promise<Float32Array[]> {
    const b = texts.length;
    const seq = Math.max(...texts.map((t) => t.length));
    const ids = new BigInt64Array(b * seq);
    const positions = new BigInt64Array(b * seq);
    texts.forEach((t, i) =>
      t.forEach((id, s) => {
        ids[i * seq + s] = BigInt(id);
        positions[i * seq + s] = BigInt(s);
      }),
    );
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", ids, [b, seq]),
      seqlens_k: new ort.Tensor(
        "int32",
        Int32Array.from(texts, (t) => t.length - 1),
        [b],
      ),
      total_sequence_length: new ort.Tensor("int32", Int32Array.of(seq), []),
    };
    if (this.session.inputNames.includes("position_ids")) feeds.position_ids = new ort.Tensor("int64", positions, [b, seq]);
    // A first prompt needs no past: empty caches (capacity 0); the presents are not fetched.
    const emptyCache = () =>
      new ort.Tensor(this.kvType, this.kvType === "float16" ? new Uint16Array(0) : new Float32Array(0), [
        b,
        this.dims.numKvHeads,
        0,
        this.dims.headDim,
      ]);
    for (let l = 0; l < this.dims.numLayers; l++) {
      feeds[pastKeyName(l)] = emptyCache();
      feeds[pastValueName(l)] = emptyCache();
    }
    const hidden = (await this.session.run(feeds, ["hidden"])).hidden.data as Float32Array;
    const h = this.dim;
    return texts.map((t, i) => {
      const v = new Float32Array(h);
      for (let s = 0; s < t.length; s++) for (let k = 0; k < h; k++) v[k] += hidden[(i * seq + s) * h + k];
      let norm = 0;
      for (let k = 0; k < h; k++) norm += v[k] * v[k];
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0; // mean then L2 = sum then L2
      for (let k = 0; k < h; k++) v[k] *= inv;
      return v;
    });
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
