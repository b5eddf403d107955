// Optimizer, schedule, batching and config units against hand-computed references.
import { describe, expect, it } from "vitest";

import { adamwStep, globalNorm, newAdamWState } from "./adamw";
import { contrastiveBatches, epochRows, lmBatch, lmBatches } from "./batches";
import { loraScaling, resolveTrainConfig } from "./config";
import { learningRateAt, warmupStepsFor } from "./schedule";

describe("AdamW", () => {
  it("matches torch.optim.AdamW's update for two steps", () => {
    const params = new Map([["w", Float32Array.of(1, -2)]]);
    const state = newAdamWState(params);
    const o = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 };
    // Reference: p = p·(1 − lr·wd) − lr·m̂/(√v̂ + ε), first step m̂ = g, v̂ = g² → step of lr·sign(g).
    adamwStep(params, new Map([["w", Float32Array.of(0.5, -0.25)]]), state, 0.01, o, () => true);
    expect(params.get("w")![0]).toBeCloseTo(1 * (1 - 0.001) - 0.01, 6);
    expect(params.get("w")![1]).toBeCloseTo(-2 * (1 - 0.001) + 0.01, 6);
    const before = params.get("w")![0];
    adamwStep(params, new Map([["w", Float32Array.of(0.5, -0.25)]]), state, 0.01, o, () => false);
    expect(params.get("w")![0]).toBeCloseTo(before - 0.01, 6); // same gradient → m̂/√v̂ = 1, no decay
  });

  it("computes the global gradient norm over all tensors", () => {
    expect(
      globalNorm(
        new Map([
          ["a", Float32Array.of(3)],
          ["b", Float32Array.of(4)],
        ]),
      ),
    ).toBe(5);
  });
});

describe("learning-rate schedules", () => {
  const s = { peakLr: 1, totalSteps: 110, warmupSteps: 10 };
  it("warms up linearly, then decays (cosine to the floor, linear to zero)", () => {
    expect(learningRateAt(0, { ...s, scheduler: "cosine" })).toBeCloseTo(0.1);
    expect(learningRateAt(9, { ...s, scheduler: "cosine" })).toBeCloseTo(1);
    expect(learningRateAt(60, { ...s, scheduler: "cosine" })).toBeCloseTo(0.5);
    expect(learningRateAt(110, { ...s, scheduler: "cosine", minLrRatio: 0.1 })).toBeCloseTo(0.1);
    expect(learningRateAt(60, { ...s, scheduler: "linear" })).toBeCloseTo(0.5);
    expect(learningRateAt(100, { ...s, scheduler: "constant" })).toBe(1);
  });
  it("takes warmup from steps or a ratio", () => {
    expect(warmupStepsFor(200, 0, 0.05)).toBe(10);
    expect(warmupStepsFor(200, 7, 0.05)).toBe(7);
    expect(warmupStepsFor(200)).toBe(0);
  });
});

describe("batches", () => {
  const ex = (n: number, prompt: number) => ({
    inputIds: Array.from({ length: n }, (_, i) => i + 1),
    lossMask: Array.from({ length: n }, (_, i) => (i < prompt ? 0 : 1)),
  });

  it("shifts labels, masks prompts and padding", () => {
    const b = lmBatch(
      [
        { ids: [5, 6, 7, 8], mask: [0, 0, 1, 1] },
        { ids: [9, 10], mask: [0, 1] },
      ],
      16,
    );
    expect(b.seqLen).toBe(8);
    expect(Array.from(b.labels.slice(0, 3), Number)).toEqual([6, 7, 8]);
    expect(Array.from(b.labelMask.slice(0, 8))).toEqual([0, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(b.labelMask.slice(8, 16))).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(b.lossTokens).toBe(3);
    expect(b.inputTokens).toBe(6);
  });

  it("packs examples into full rows and keeps every token once", () => {
    const examples = Array.from({ length: 5 }, (_, i) => ex(7 + i, 2));
    const rows = epochRows(examples, 16, true, 1, 0);
    expect(rows.slice(0, -1).every((r) => r.ids.length === 16)).toBe(true);
    expect(rows.reduce((a, r) => a + r.ids.length, 0)).toBe(examples.reduce((a, e) => a + e.inputIds.length, 0));
  });

  it("truncates to max length and shuffles per epoch, reproducibly", () => {
    const examples = Array.from({ length: 20 }, (_, i) => ex(10 + i, 3));
    const a = lmBatches(examples, { maxSeqLength: 12, packing: false, batchSize: 4, seed: 3, epoch: 0 });
    const b = lmBatches(examples, { maxSeqLength: 12, packing: false, batchSize: 4, seed: 3, epoch: 0 });
    const c = lmBatches(examples, { maxSeqLength: 12, packing: false, batchSize: 4, seed: 3, epoch: 1 });
    expect(a.every((x) => x.seqLen <= 12)).toBe(true);
    expect(a.map((x) => Array.from(x.inputIds, Number))).toEqual(b.map((x) => Array.from(x.inputIds, Number)));
    expect(a.map((x) => x.inputTokens)).not.toEqual(c.map((x) => x.inputTokens));
  });

  it("builds contrastive batches of queries then positives with mean-pooling weights", () => {
    const pairs = Array.from({ length: 5 }, (_, i) => ({ query: [1, 2 + i], positive: [3, 4, 5] }));
    const [b] = contrastiveBatches(pairs, { maxSeqLength: 8, batchSize: 4, seed: 1, epoch: 0 });
    expect(b.pairs).toBe(4);
    expect(b.poolWeights[0]).toBeCloseTo(0.5);
    expect(b.poolWeights[4 * b.seqLen]).toBeCloseTo(1 / 3);
  });
});

describe("TrainConfig", () => {
  it("fills defaults and computes PEFT's scaling (rsLoRA too)", () => {
    const c = resolveTrainConfig({ lora: { r: 16, loraAlpha: 32 } });
    expect(c.lora.targetModules).toEqual(["q_proj", "v_proj"]);
    expect(loraScaling(c.lora)).toBe(2);
    expect(loraScaling({ r: 16, loraAlpha: 32, useRslora: true })).toBe(8);
  });
  it("rejects impossible values", () => {
    expect(() => resolveTrainConfig({ warmupRatio: 1 })).toThrow(/warmupRatio/);
    expect(() => resolveTrainConfig({ batchSize: 1.5 })).toThrow(/integer/);
    expect(() => resolveTrainConfig({ lrScheduler: "step" as never })).toThrow(/lrScheduler/);
  });
});
