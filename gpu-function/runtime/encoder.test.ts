// The served BERT embedder and cross-encoder reranker against the plain reference graph:
// sentence-transformers pooling, [CLS] q [SEP] d [SEP] pair encoding (as the tokenizer's own
// template), fast-tokenizer longest-first truncation, batching, and what is refused.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphs, rows, runGraph } from "../models/bert-test-helpers";
import { writeTinyBert } from "../models/bert-tiny";
import { PLAIN_SESSION_OPTIONS } from "../models/plain";
import { poolRow } from "../models/pooling";
import { maxAbsDiff, tempDir } from "../models/test-helpers";
import { encodePair, relevance, truncatePair } from "./encoder";
import { loadEmbedder, loadModel } from "./load";
import { loadReranker } from "./load-encoder";

const TOLERANCE = 1e-4;

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("encoder");
});
afterAll(async () => root.cleanup());

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
      batch.forEach((r, b) =>
        expect(maxAbsDiff(vectors[b], poolRow(ref, b * 17 * h, r.ids.length, h, st)), `row ${b}`).toBeLessThan(TOLERANCE),
      );
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
    const docs = [
      "high blood pressure causes: salt, stress and age.",
      "flu symptoms: fever and cough",
      "my child has a rash and fever ".repeat(6),
    ].map(enc);
    // The tokenizer's own pair template gives the same ids and token types as encodePair.
    const hf = tokenizer.encode("what causes high blood pressure?", {
      text_pair: "flu symptoms: fever and cough",
      add_special_tokens: true,
      return_token_type_ids: true,
    });
    const mine = encodePair({ query, document: docs[1] }, { cls: 2, sep: 3 }, 32);
    expect(mine.ids).toEqual(hf.ids);
    expect(mine.types).toEqual(hf.token_type_ids);
    expect(truncatePair(Array(20).fill(9), Array(40).fill(8), 32)).toEqual({ query: Array(14).fill(9), doc: Array(15).fill(8) });

    const { plain } = await graphs(dir, "logits");
    const encoded = docs.map((d) => encodePair({ query, document: d }, { cls: 2, sep: 3 }, 32));
    expect(encoded[2].ids.length).toBe(32);
    const ref = await runGraph(
      plain.toBytes(),
      encoded.map((e) => ({ ids: e.ids, types: e.types! })),
      "logits",
      PLAIN_SESSION_OPTIONS,
    );
    const reranker = await loadReranker(dir, { maxBatch: 2 });
    try {
      const scores = await reranker.score(docs.map((d) => ({ query, document: d })));
      scores.forEach((s, i) => expect(Math.abs(s - relevance(ref.subarray(i, i + 1)))).toBeLessThan(TOLERANCE));
      scores.forEach((s) => expect(s > 0 && s < 1).toBe(true));
    } finally {
      await reranker.dispose();
    }
  });

  it("a reranker is served at its tokenizer's model_max_length (positions past the training length are untrained)", async () => {
    const dir = path.join(root.dir, "reranker-max-length");
    await writeTinyBert(dir, { seed: 51, numLabels: 1, maxPositions: 64 });
    const cfgFile = path.join(dir, "tokenizer_config.json");
    await writeFile(cfgFile, JSON.stringify({ ...JSON.parse(await readFile(cfgFile, "utf8")), model_max_length: 20 }));
    const capped = await loadReranker(dir);
    expect(capped.maxSequenceLength).toBe(20);
    await capped.dispose();
    // transformers' "no limit" sentinel leaves the model's own max positions.
    await writeFile(cfgFile, JSON.stringify({ ...JSON.parse(await readFile(cfgFile, "utf8")), model_max_length: 1e30 }));
    const uncapped = await loadReranker(dir, { maxSequenceLength: 48 });
    expect(uncapped.maxSequenceLength).toBe(48);
    await uncapped.dispose();
  });

  it("an encoder cannot be served as the chat model, and an embedder is not a reranker", async () => {
    const dir = path.join(root.dir, "not-a-decoder");
    await writeTinyBert(dir, { seed: 60 });
    await expect(loadModel(dir)).rejects.toThrow(/encoder cannot generate text/);
    await expect(loadReranker(dir)).rejects.toThrow(
      /logits output needs a sequence-classification checkpoint|not a sequence-classification/,
    );
  });
});
