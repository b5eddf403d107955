// The BERT family's fused graph (EmbedLayerNormalization, Attention, SkipLayerNormalization,
// BiasGelu) must match its plain reference (standard ops) on tiny random configs: the encoder's
// hidden states on right-padded batches with token types, a cross-encoder's classifier logits,
// and the served embedder / reranker built on them (pooling, pair encoding, truncation).
import path from "node:path";

import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Tokenizer } from "@huggingface/tokenizers";
import { readFile } from "node:fs/promises";

import { readSafetensors } from "../onnx/safetensors";
import { BERT_PLAIN_EXTRA_OPS } from "./bert";
import { writeTinyBert } from "./bert-tiny";
import { encodePair, relevance, truncatePair } from "./encoder";
import { readHfModel } from "./hf-dir";
import { loadEmbedder, loadModel } from "./load";
import { loadReranker } from "./load-encoder";
import { buildPlainGraph, PLAIN_OPS, PLAIN_SESSION_OPTIONS } from "./plain";
import { poolRow } from "./pooling";
import { maxAbsDiff, tempDir } from "./test-helpers";

const TOLERANCE = 1e-4;

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("bert");
});
afterAll(async () => root.cleanup());

interface Row {
  ids: number[];
  types: number[];
}

/** Rows of different lengths (so the batch is padded), token types 0 then 1 as in a pair. */
function rows(vocab: number, seed: number): Row[] {
  return [17, 9, 4].map((n, r) => {
    const ids = Array.from({ length: n }, (_, i) => 5 + ((seed * 31 + r * 53 + i * 7 + ((i * i) % 11)) % (vocab - 5)));
    return { ids, types: ids.map((_, i) => (i >= Math.floor(n / 2) ? 1 : 0)) };
  });
}

function feeds(batch: Row[]): Record<string, ort.Tensor> {
  const seq = Math.max(...batch.map((r) => r.ids.length));
  const ids = new BigInt64Array(batch.length * seq);
  const types = new BigInt64Array(batch.length * seq);
  const mask = new BigInt64Array(batch.length * seq);
  batch.forEach((r, b) => r.ids.forEach((id, s) => {
    ids[b * seq + s] = BigInt(id);
    types[b * seq + s] = BigInt(r.types[s]);
    mask[b * seq + s] = 1n;
  }));
  const dims = [batch.length, seq];
  return { input_ids: new ort.Tensor("int64", ids, dims), token_type_ids: new ort.Tensor("int64", types, dims), attention_mask: new ort.Tensor("int64", mask, dims) };
}

async function runGraph(bytes: Uint8Array, batch: Row[], output: string, options: ort.InferenceSession.SessionOptions): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, options);
  try {
    return (await session.run(feeds(batch), [output]))[output].data as Float32Array;
  } finally {
    await session.release();
  }
}

async function graphs(dir: string, output: "hidden" | "logits") {
  const model = await readHfModel(dir);
  const plain = buildPlainGraph(model, { output });
  const fused = model.family.buildFusedGraph(model.dims, model.config, model.tensors, { loraModules: new Set(), quantize: "none", floatType: "float32", output, maxSequenceLength: model.dims.maxPositions });
  return { model, plain, fused };
}

describe("bert fused graph vs plain reference", () => {
  it("hidden states match within 1e-4 on a right-padded batch with token types; padding does not change a row", async () => {
    const dir = path.join(root.dir, "encoder");
    await writeTinyBert(dir, { seed: 21, hiddenSize: 32, numLayers: 3, numHeads: 4 });
    const { model, plain, fused } = await graphs(dir, "hidden");
    const ops = new Set(plain.nodes.map((n) => n.op));
    for (const op of ops) expect([...PLAIN_OPS, ...BERT_PLAIN_EXTRA_OPS] as string[]).toContain(op);
    for (const op of ["EmbedLayerNormalization", "Attention", "SkipLayerNormalization", "BiasGelu"]) expect(fused.nodes.some((n) => n.op === op && n.domain === "com.microsoft"), op).toBe(true);

    const batch = rows(model.dims.vocabSize, 1);
    const h = model.dims.hiddenSize;
    const seq = 17;
    const ref = await runGraph(plain.toBytes(), batch, "hidden", PLAIN_SESSION_OPTIONS);
    const out = await runGraph(fused.toBytes(), batch, "hidden", { graphOptimizationLevel: "all" });
    batch.forEach((r, b) => {
      const span = [b * seq * h, (b * seq + r.ids.length) * h] as const;
      expect(maxAbsDiff(out.subarray(...span), ref.subarray(...span)), `row ${b}`).toBeLessThan(TOLERANCE);
    });
    // The shortest row alone (no padding) equals its padded run: the mask hides padding keys.
    const alone = await runGraph(plain.toBytes(), [batch[2]], "hidden", PLAIN_SESSION_OPTIONS);
    expect(maxAbsDiff(alone, ref.subarray(2 * seq * h, (2 * seq + 4) * h))).toBeLessThan(TOLERANCE);
    // Non-trivial outputs (so a 1e-4 match means something).
    expect(Math.max(...ref.subarray(0, h)) - Math.min(...ref.subarray(0, h))).toBeGreaterThan(0.5);
  });

  it.each([1, 2])("cross-encoder (%i labels) logits match, from a checkpoint with `bert.` names", async (numLabels) => {
    const dir = path.join(root.dir, `cross-${numLabels}`);
    await writeTinyBert(dir, { seed: 30 + numLabels, numLabels });
    const names = [...readSafetensors(await readFile(path.join(dir, "model.safetensors"))).keys()];
    expect(names.filter((n) => !n.startsWith("bert.") && !n.startsWith("classifier."))).toEqual([]);
    const { model, plain, fused } = await graphs(dir, "logits");
    const batch = rows(model.dims.vocabSize, numLabels);
    const ref = await runGraph(plain.toBytes(), batch, "logits", PLAIN_SESSION_OPTIONS);
    const out = await runGraph(fused.toBytes(), batch, "logits", { graphOptimizationLevel: "all" });
    expect(ref.length).toBe(3 * numLabels);
    expect(maxAbsDiff(out, ref)).toBeLessThan(TOLERANCE);
    expect(Math.max(...ref) - Math.min(...ref)).toBeGreaterThan(0.05);
  });
});

describe("served bert embedder and reranker", () => {
  it.each([
    { mode: "cls", normalize: true },
    { mode: "mean", normalize: true },
    { mode: "mean", normalize: false },
    { mode: "max", normalize: false },
  ] as const)("loadEmbedder pools as sentence-transformers says ($mode, normalize $normalize)", async (st) => {
    const dir = path.join(root.dir, `st-${st.mode}-${st.normalize}`);
    await writeTinyBert(dir, { seed: 40, sentenceTransformers: { ...st, maxSeqLength: 24 } });
    const { model, plain } = await graphs(dir, "hidden");
    const batch = rows(model.dims.vocabSize, 5).map((r) => ({ ids: r.ids, types: r.ids.map(() => 0) }));
    const ref = await runGraph(plain.toBytes(), batch, "hidden", PLAIN_SESSION_OPTIONS);
    const embedder = await loadEmbedder(dir, { maxBatch: 2 });
    try {
      expect(embedder.maxSequenceLength).toBe(24);
      const vectors = await embedder.embed(batch.map((r) => r.ids));
      const h = model.dims.hiddenSize;
      batch.forEach((r, b) => expect(maxAbsDiff(vectors[b], poolRow(ref, b * 17 * h, r.ids.length, h, st)), `row ${b}`).toBeLessThan(TOLERANCE));
      const norm = Math.hypot(...vectors[0]);
      if (st.normalize) expect(norm).toBeCloseTo(1, 5);
      else expect(Math.abs(norm - 1)).toBeGreaterThan(1e-3);
      await expect(embedder.embed([Array.from({ length: 25 }, () => 7)])).rejects.toThrow(/over the limit of 24/);
    } finally {
      await embedder.dispose();
    }
  });

  it("reranker encodes [CLS] q [SEP] d [SEP] with token types 0/1, truncates longest-first, and scores like the plain graph", async () => {
    const dir = path.join(root.dir, "reranker");
    await writeTinyBert(dir, { seed: 50, numLabels: 1, maxPositions: 32 });
    const tokenizer = new Tokenizer(JSON.parse(await readFile(path.join(dir, "tokenizer.json"), "utf8")) as object, {});
    const enc = (t: string) => tokenizer.encode(t, { add_special_tokens: false }).ids;
    const query = enc("what causes high blood pressure?");
    const docs = ["high blood pressure causes: salt, stress and age.", "flu symptoms: fever and cough", "my child has a rash and fever ".repeat(6)].map(enc);
    // The tokenizer's own pair template gives the same ids and token types as encodePair.
    const hf = tokenizer.encode("what causes high blood pressure?", { text_pair: "flu symptoms: fever and cough", add_special_tokens: true, return_token_type_ids: true });
    const mine = encodePair({ query, document: docs[1] }, { cls: 2, sep: 3 }, 32);
    expect(mine.ids).toEqual(hf.ids);
    expect(mine.types).toEqual(hf.token_type_ids);
    expect(truncatePair(Array(20).fill(9), Array(40).fill(8), 32)).toEqual({ query: Array(14).fill(9), doc: Array(15).fill(8) });

    const { plain } = await graphs(dir, "logits");
    const encoded = docs.map((d) => encodePair({ query, document: d }, { cls: 2, sep: 3 }, 32));
    expect(encoded[2].ids.length).toBe(32);
    const ref = await runGraph(plain.toBytes(), encoded.map((e) => ({ ids: e.ids, types: e.types! })), "logits", PLAIN_SESSION_OPTIONS);
    const reranker = await loadReranker(dir, { maxBatch: 2 });
    try {
      const scores = await reranker.score(docs.map((d) => ({ query, document: d })));
      scores.forEach((s, i) => expect(Math.abs(s - relevance(ref.subarray(i, i + 1)))).toBeLessThan(TOLERANCE));
      scores.forEach((s) => expect(s > 0 && s < 1).toBe(true));
    } finally {
      await reranker.dispose();
    }
  });

  it("an encoder cannot be served as the chat model, and an embedder is not a reranker", async () => {
    const dir = path.join(root.dir, "not-a-decoder");
    await writeTinyBert(dir, { seed: 60 });
    await expect(loadModel(dir)).rejects.toThrow(/encoder cannot generate text/);
    await expect(loadReranker(dir)).rejects.toThrow(/logits output needs a sequence-classification checkpoint|not a sequence-classification/);
  });
});
