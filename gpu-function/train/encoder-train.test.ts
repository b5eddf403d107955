// Training the bert encoder family with the project's trainer: float64 gradient checks of the
// rerank (listwise cross-encoder) and contrastive losses over the plain BERT graph (padding
// masked, token types), and a short cross-encoder training run whose saved directory loads
// through the serving runtime's loadReranker and ranks relevant documents first more often.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { bertFamily } from "../models/bert";
import { tinyWordPieceTokenizerJson, tinyWordPieceVocab } from "../models/bert-tiny";
import { gradientCheck } from "../onnx/autodiff-check";
import { loadReranker } from "../runtime/load-encoder";
import { rerankBatch, type RerankGroup } from "./batches";
import { resolveTrainConfig } from "./config";
import { initRandomModel, saveModelDir } from "./model-io";
import { Rng } from "./rng";
import { trainModel } from "./trainer";
import { buildTrainGraph } from "./train-graph";

const CLS = 2;
/**
 * The key bias's true gradient is exactly 0 (a softmax does not change when every score of a
 * row gains the same q·b), so its relative error is noise over noise: left out. Step 1e-4:
 * central differences are O(h²) accurate and clear of rounding in the masked scores.
 */
const checked = (names: string[]) => names.filter((n) => !n.endsWith(".attention.self.key.bias"));
const STEP = 1e-4;
const SEP = 3;

describe("bert 2-layer gradients (float64)", () => {
  const classifier = bertFamily.tinyConfig({
    vocabSize: 23,
    hiddenSize: 16,
    numLayers: 2,
    numHeads: 4,
    intermediateSize: 24,
    maxPositions: 16,
    numLabels: 1,
  });
  const rng = new Rng(3);
  /** Random values for every trainable tensor, then finite differences against the graph's gradients. */
  async function checkTrainableGradients(built: Awaited<ReturnType<typeof buildTrainGraph>>, feeds: Record<string, ort.Tensor>) {
    for (const t of built.trainable)
      feeds[t.name] = new ort.Tensor(
        "float64",
        Float64Array.from({ length: t.shape.reduce((a, b) => a * b, 1) }, () => (rng.next() * 2 - 1) * 0.5),
        t.shape,
      );
    return gradientCheck(built.graph!, {
      loss: built.loss,
      wrt: checked(built.trainable.map((t) => t.name)),
      feeds,
      samplesPerTensor: 3,
      step: STEP,
    });
  }
  const groups: RerankGroup[] = [
    { query: [5, 6], positive: [7, 8, 9], negatives: [[10], [11, 12, 13, 14]] },
    {
      query: [15, 16, 17],
      positive: [18],
      negatives: [
        [19, 20],
        [21, 5],
      ],
    },
  ];

  it.each(["full", "lora"] as const)("rerank loss, %s (right-padded pairs with token types)", async (mode) => {
    const base = initRandomModel(classifier, 7, 0.3);
    const cfg = resolveTrainConfig({
      mode,
      objective: "rerank",
      rerankGroupSize: 3,
      lora: { targetModules: ["query", "value"], r: 2, loraAlpha: 4, loraDropout: 0 },
    });
    const built = await buildTrainGraph({ base, cfg, withGradients: false, floatType: "float64", keepGraph: true });
    const batch = rerankBatch(groups, { maxSeqLength: 16, groupSize: 3, cls: CLS, sep: SEP });
    expect(new Set(Array.from(batch.attentionMask)).size).toBe(2); // some padding is masked
    const dims = [6, batch.seqLen];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", batch.inputIds, dims),
      token_type_ids: new ort.Tensor("int64", batch.tokenTypeIds, dims),
      attention_mask: new ort.Tensor("int64", batch.attentionMask, dims),
    };
    const res = await checkTrainableGradients(built, feeds);
    expect(built.trainable.length).toBeGreaterThan(mode === "full" ? 20 : 3);
    expect([...res.relativeError].filter(([, e]) => e > 1e-5)).toEqual([]);
    expect(res.worst).toBeLessThanOrEqual(1e-5);
  });

  it("contrastive loss over a bert encoder (mean pooling weights, attention mask)", async () => {
    const encoder = bertFamily.tinyConfig({
      vocabSize: 23,
      hiddenSize: 16,
      numLayers: 2,
      numHeads: 4,
      intermediateSize: 24,
      maxPositions: 16,
    });
    const base = initRandomModel(encoder, 8, 0.3);
    const cfg = resolveTrainConfig({ mode: "full", objective: "contrastive", temperature: 0.5 });
    const built = await buildTrainGraph({ base, cfg, withGradients: false, floatType: "float64", keepGraph: true });
    const rows = [
      [5, 6, 7],
      [8, 9, 0],
      [10, 11, 12],
      [13, 0, 0],
    ];
    const lengths = [3, 2, 3, 1];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(rows.flat(), BigInt), [4, 3]),
      token_type_ids: new ort.Tensor("int64", new BigInt64Array(12), [4, 3]),
      attention_mask: new ort.Tensor(
        "int64",
        BigInt64Array.from(rows.flatMap((r, i) => r.map((_, s) => (s < lengths[i] ? 1n : 0n)))),
        [4, 3],
      ),
      pool_weights: new ort.Tensor(
        "float64",
        Float64Array.from(rows.flatMap((r, i) => r.map((_, s) => (s < lengths[i] ? 1 / lengths[i] : 0)))),
        [4, 3],
      ),
      pair_targets: new ort.Tensor("int64", BigInt64Array.of(0n, 1n), [2, 1]),
    };
    const res = await checkTrainableGradients(built, feeds);
    expect([...res.relativeError].filter(([, e]) => e > 1e-5)).toEqual([]);
    expect(res.worst).toBeLessThanOrEqual(1e-5);
  });
});

describe("cross-encoder training", () => {
  const vocab = tinyWordPieceVocab().length;
  const config = bertFamily.tinyConfig({
    vocabSize: vocab,
    hiddenSize: 32,
    numLayers: 2,
    numHeads: 4,
    intermediateSize: 64,
    maxPositions: 48,
    numLabels: 1,
  });
  const token = (rng: Rng) => 5 + Math.floor(rng.next() * (vocab - 5));
  /** Relevant = the document repeats the query's words among noise; negatives share none. */
  function group(rng: Rng): RerankGroup {
    const query = [token(rng), token(rng), token(rng)];
    const noise = () => Array.from({ length: 6 }, () => token(rng)).filter((t) => !query.includes(t));
    const positive = [...noise().slice(0, 3), query[0], query[1], ...noise().slice(0, 2), query[2]];
    return { query, positive, negatives: [noise(), noise(), noise()] };
  }

  async function hitsAt1(dir: string, probes: RerankGroup[]): Promise<number> {
    const reranker = await loadReranker(dir, { intraOpThreads: 1 });
    try {
      let hits = 0;
      for (const g of probes) {
        const scores = await reranker.score([g.positive, ...g.negatives].map((document) => ({ query: g.query, document })));
        if (scores.indexOf(Math.max(...scores)) === 0) hits++;
      }
      return hits;
    } finally {
      await reranker.dispose();
    }
  }

  it("lowers the listwise loss and ranks the relevant document first more often, through loadReranker", async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-rerank-train-"));
    try {
      const rng = new Rng(11);
      const groups = Array.from({ length: 256 }, () => group(rng));
      const probes = Array.from({ length: 24 }, () => group(rng));
      const base = initRandomModel(config, 5);
      const save = async (dir: string, tensors: typeof base.tensors) => {
        await saveModelDir(dir, config, tensors);
        await writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tinyWordPieceTokenizerJson()));
      };
      const before = path.join(tmp, "before");
      await save(before, base.tensors);
      const result = await trainModel(
        {
          mode: "full",
          objective: "rerank",
          rerankGroupSize: 4,
          learningRate: 2e-3,
          warmupSteps: 5,
          batchSize: 8,
          maxSteps: 60,
          maxSeqLength: 32,
          threads: 1,
          seed: 4,
        },
        { rerank: { groups, cls: CLS, sep: SEP } },
        { base },
      );
      const l = result.metrics.losses.map((x) => x.loss);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
      expect(mean(l.slice(0, 5))).toBeGreaterThan(1.2); // ≈ ln 4 at the start
      expect(mean(l.slice(-5))).toBeLessThan(0.6 * mean(l.slice(0, 5)));
      const after = path.join(tmp, "after");
      await save(after, result.weights!);
      const [hitsBefore, hitsAfter] = [await hitsAt1(before, probes), await hitsAt1(after, probes)];
      expect(hitsAfter).toBeGreaterThan(hitsBefore);
      expect(hitsAfter).toBeGreaterThanOrEqual(16);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
