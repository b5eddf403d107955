// Contrastive (in-batch negatives) training of a tiny embedder: the loss falls, and the
// saved directory loads through the serving runtime's loadEmbedder, whose unit vectors
// now put each query closest to its own passage more often than before training.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadEmbedder } from "../runtime/load";
import { llamaFamily } from "../models/llama";
import type { ContrastivePair } from "./batches";
import { initRandomModel, saveModelDir } from "./model-io";
import { trainModel } from "./trainer";

const config = llamaFamily.tinyConfig({
  vocabSize: 48,
  hiddenSize: 64,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  intermediateSize: 96,
  maxPositions: 32,
});

/** Topic k: query tokens and passage tokens drawn from the same small token set. */
function pair(k: number, i: number): ContrastivePair {
  const topic = (t: number) => 8 + ((k * 5 + t) % 40);
  return { query: [1, topic(i % 3), topic((i + 1) % 5)], positive: [2, topic((i + 2) % 5), topic(i % 5), topic((i + 3) % 5), 3] };
}
const pairs = Array.from({ length: 64 }, (_, i) => pair(i % 8, i));

async function top1(dir: string): Promise<number> {
  const emb = await loadEmbedder(dir, { intraOpThreads: 1 });
  try {
    const probe = Array.from({ length: 8 }, (_, k) => pair(k, 100 + k));
    const q = await emb.embed(probe.map((p) => p.query));
    const d = await emb.embed(probe.map((p) => p.positive));
    expect(q[0].length).toBe(64);
    expect(Math.hypot(...q[0])).toBeCloseTo(1, 4);
    let hits = 0;
    q.forEach((qv, i) => {
      const sims = d.map((dv) => dv.reduce((a, x, j) => a + x * qv[j], 0));
      if (sims.indexOf(Math.max(...sims)) === i) hits++;
    });
    return hits;
  } finally {
    await emb.dispose();
  }
}

describe("contrastive embedder training", () => {
  it("lowers the InfoNCE loss and improves retrieval through loadEmbedder", async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-embtrain-"));
    try {
      const base = initRandomModel(config, 9);
      const before = path.join(tmp, "before");
      await saveModelDir(before, config, base.tensors);
      const result = await trainModel(
        {
          mode: "full",
          objective: "contrastive",
          learningRate: 3e-3,
          batchSize: 8,
          maxSteps: 40,
          maxSeqLength: 16,
          temperature: 0.1,
          threads: 1,
          seed: 2,
        },
        { pairs },
        { base },
      );
      const l = result.metrics.losses.map((x) => x.loss);
      expect(l.slice(-5).reduce((a, b) => a + b) / 5).toBeLessThan(0.5 * (l.slice(0, 5).reduce((a, b) => a + b) / 5));
      const after = path.join(tmp, "after");
      await saveModelDir(after, config, result.weights!);
      expect(await top1(after)).toBeGreaterThan(await top1(before));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
