// Trainer behaviour on a tiny Llama: loss falls, seeds reproduce, resume equals an
// uninterrupted run, LoRA starts at the base model, accumulation equals a bigger batch,
// and a trained adapter served by the engine gives the trained model's logits.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadPeftAdapter } from "../engine/peft";
import { loadModel } from "../runtime/load";
import { llamaFamily } from "../models/llama";
import { maxAbsDiff, plainLogits } from "../models/test-helpers";
import { preparedFromTrained, saveTrainedAdapter } from "./adapter-io";
import type { TrainExample } from "./batches";
import { TrainConfigError, type TrainConfigInput } from "./config";
import { initRandomModel, saveModelDir } from "./model-io";
import { perplexity } from "./perplexity";
import { TrainingCancelledError, trainModel, type TrainEvent } from "./trainer";

const config = llamaFamily.tinyConfig({
  vocabSize: 40,
  hiddenSize: 64,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  intermediateSize: 96,
  maxPositions: 64,
});
const base = initRandomModel(config, 5);

/** Prompt (4 tokens, no loss) + a completion that follows a learnable rule. */
function example(i: number): TrainExample {
  const start = (i * 5) % 30;
  const prompt = [1, 2, 3, 4 + (i % 3)];
  const completion = Array.from({ length: 8 + (i % 5) }, (_, t) => 5 + ((start + t * (1 + (i % 3))) % 33));
  return { inputIds: [...prompt, ...completion], lossMask: [...prompt.map(() => 0), ...completion.map(() => 1)] };
}
const train = Array.from({ length: 32 }, (_, i) => example(i));
const heldOut = Array.from({ length: 8 }, (_, i) => example(100 + i));

const lora: TrainConfigInput = {
  mode: "lora",
  lora: { targetModules: ["q_proj", "v_proj", "down_proj"], r: 4, loraAlpha: 8, loraDropout: 0.1 },
  learningRate: 1e-2,
  batchSize: 4,
  maxSteps: 6,
  maxSeqLength: 32,
  threads: 1,
  seed: 11,
};

const losses = (events: TrainEvent[]) => events.flatMap((e) => (e.type === "step" ? [e.loss] : []));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-trainer-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("trainModel", () => {
  it("full training lowers the loss", async () => {
    const events: TrainEvent[] = [];
    await trainModel(
      { mode: "full", learningRate: 5e-3, batchSize: 8, maxSteps: 40, maxSeqLength: 32, threads: 1, lrScheduler: "cosine", warmupSteps: 4 },
      { examples: train },
      { base, onEvent: (e) => events.push(e) },
    );
    const l = losses(events);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(l).toHaveLength(40);
    expect(mean(l.slice(-5))).toBeLessThan(0.6 * mean(l.slice(0, 5)));
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    const a = await trainModel(lora, { examples: train }, { base });
    const b = await trainModel(lora, { examples: train }, { base });
    const c = await trainModel({ ...lora, seed: 12 }, { examples: train }, { base });
    const first = (r: typeof a) => [...r.adapter!.weights.values()][0].b;
    expect(Array.from(first(a))).toEqual(Array.from(first(b)));
    expect(a.metrics.losses).toEqual(b.metrics.losses);
    expect(maxAbsDiff(first(a), first(c))).toBeGreaterThan(0);
  });

  it("resumes from a checkpoint to the same result as an uninterrupted run", async () => {
    const cfg = { ...lora, maxSteps: 6, checkpointEvery: 2, lrScheduler: "cosine" as const, warmupSteps: 2 };
    const whole = await trainModel(cfg, { examples: train }, { base });
    const dir = path.join(tmp, "ckpt");
    const ac = new AbortController();
    await expect(
      trainModel(
        { ...cfg, checkpointDir: dir },
        { examples: train },
        { base, signal: ac.signal, onEvent: (e) => e.type === "step" && e.step === 3 && ac.abort() },
      ),
    ).rejects.toBeInstanceOf(TrainingCancelledError);
    const starts: number[] = [];
    const resumed = await trainModel(
      { ...cfg, checkpointDir: dir },
      { examples: train },
      { base, onEvent: (e) => e.type === "start" && starts.push(e.resumedFromStep) },
    );
    expect(starts).toEqual([3]);
    expect(resumed.metrics.losses).toEqual(whole.metrics.losses);
    for (const [module, w] of whole.adapter!.weights) {
      expect(Array.from(resumed.adapter!.weights.get(module)!.a)).toEqual(Array.from(w.a));
      expect(Array.from(resumed.adapter!.weights.get(module)!.b)).toEqual(Array.from(w.b));
    }
  });

  it("stops early at stopAtStep on the full schedule and continues from there", async () => {
    const cfg = { ...lora, maxSteps: 5, lrScheduler: "cosine" as const, checkpointDir: path.join(tmp, "stop") };
    const part = await trainModel(cfg, { examples: train }, { base, stopAtStep: 2 });
    expect(part.metrics.steps).toBe(2);
    expect(part.metrics.totalSteps).toBe(5);
    const rest = await trainModel(cfg, { examples: train }, { base });
    const whole = await trainModel({ ...cfg, checkpointDir: "" }, { examples: train }, { base });
    expect(rest.metrics.losses).toEqual(whole.metrics.losses);
  });

  it("starts LoRA at the base model (B = 0): step-1 loss equals the base model's", async () => {
    const common = { learningRate: 1e-3, batchSize: 4, maxSteps: 1, maxSeqLength: 32, threads: 1, seed: 3 };
    const l = await trainModel({ ...common, mode: "lora", lora: { ...lora.lora, loraDropout: 0.3 } }, { examples: train }, { base });
    const f = await trainModel({ ...common, mode: "full" }, { examples: train }, { base });
    expect(Math.abs(l.metrics.losses[0].loss - f.metrics.losses[0].loss)).toBeLessThan(1e-5);
  });

  it("warm-starts LoRA from an adapter's A/B: equal before step 1, then trains on from there", async () => {
    const cfg = { ...lora, lora: { ...lora.lora, loraDropout: 0 } };
    const source = (await trainModel(cfg, { examples: train }, { base })).adapter!;
    const initialLora = source.weights;
    const before = (await trainModel(cfg, { examples: train }, { base, initialLora, stopAtStep: 0 })).adapter!;
    expect(before.weights.size).toBe(source.weights.size);
    for (const [module, w] of source.weights) {
      expect(before.weights.get(module)!.a).toEqual(w.a);
      expect(before.weights.get(module)!.b).toEqual(w.b);
    }
    const one = { ...cfg, maxSteps: 1 };
    const warm = await trainModel(one, { examples: train }, { base, initialLora });
    const cold = await trainModel(one, { examples: train }, { base });
    // Step 1's loss is measured on the starting weights: the trained adapter's, below PEFT's fresh init.
    expect(warm.metrics.losses[0].loss).toBeLessThan(cold.metrics.losses[0].loss - 0.05);
    const [module, w] = [...source.weights][0];
    expect(warm.adapter!.weights.get(module)!.b).not.toEqual(w.b);
    // The source is never modified in place.
    expect(initialLora.get(module)!.b).toEqual(before.weights.get(module)!.b);

    const missing = new Map([...initialLora].slice(1));
    await expect(trainModel(one, { examples: train }, { base, initialLora: missing })).rejects.toThrow(/no LoRA weights for/);
    const otherRank = { ...one, lora: { ...one.lora, r: 2 } };
    await expect(trainModel(otherRank, { examples: train }, { base, initialLora })).rejects.toThrow(/has \d+ values, expected/);
  });

  it("accumulates gradients exactly: 2×2 micro-batches equal one batch of 4", async () => {
    const common = { ...lora, lora: { ...lora.lora, loraDropout: 0 }, maxSteps: 2 };
    const big = await trainModel({ ...common, batchSize: 4, gradientAccumulationSteps: 1 }, { examples: train }, { base });
    const acc = await trainModel({ ...common, batchSize: 2, gradientAccumulationSteps: 2 }, { examples: train }, { base });
    expect(Math.abs(big.metrics.losses[1].loss - acc.metrics.losses[1].loss)).toBeLessThan(1e-5);
    for (const [m, w] of big.adapter!.weights) expect(maxAbsDiff(acc.adapter!.weights.get(m)!.a, w.a)).toBeLessThan(1e-5);
  });

  it("rejects bad configs and data with clear errors", async () => {
    await expect(trainModel({ learningRate: -1 }, { examples: train }, { base })).rejects.toThrow(TrainConfigError);
    await expect(trainModel({ lora: { r: 0 } }, { examples: train }, { base })).rejects.toThrow(/lora.r must be > 0/);
    await expect(trainModel({}, { examples: [{ inputIds: [1, 2], lossMask: [1] }] }, { base })).rejects.toThrow(/differ in length/);
    await expect(trainModel({ lora: { targetModules: ["nope"] } }, { examples: train }, { base })).rejects.toThrow(/nope/);
  });
});

describe("LoRA adapter round trip", () => {
  it("lowers held-out perplexity and is served by the engine with the trained logits", async () => {
    const result = await trainModel(
      { ...lora, maxSteps: 60, learningRate: 2e-2, lrScheduler: "cosine", warmupRatio: 0.1 },
      { examples: train },
      { base },
    );
    const adapter = result.adapter!;
    const before = await perplexity(base, heldOut, { threads: 1 });
    const after = await perplexity(base, heldOut, { threads: 1, lora: preparedFromTrained("t", adapter) });
    expect(after.perplexity).toBeLessThan(before.perplexity * 0.85);

    const modelDir = path.join(tmp, "base");
    const adapterDir = path.join(tmp, "adapter");
    await saveModelDir(modelDir, config, base.tensors);
    await saveTrainedAdapter(adapterDir, adapter, modelDir);
    const model = await loadModel(modelDir, { lora: { maxRank: 8, targetModules: adapter.targetModules }, intraOpThreads: 1 });
    try {
      const prepared = await loadPeftAdapter(adapterDir, "t", model.loraTargets);
      const tokens = heldOut[0].inputIds;
      const [served] = await model.forward([{ tokens, cache: model.newCache(), lora: prepared }]);
      const weights: Record<string, Float32Array> = {};
      for (const [m, w] of adapter.weights) {
        weights[`base_model.model.${m}.lora_A.weight`] = w.a;
        weights[`base_model.model.${m}.lora_B.weight`] = w.b;
      }
      const trained = (
        await plainLogits(modelDir, tokens, { lora: { targets: [...adapter.weights.keys()], rank: adapter.r, scale: 2, weights } })
      ).at(-1)!;
      const [plainBase] = await model.forward([{ tokens, cache: model.newCache(), lora: null }]);
      expect(maxAbsDiff(served, trained)).toBeLessThan(1e-4);
      expect(maxAbsDiff(served, plainBase)).toBeGreaterThan(1e-2);
    } finally {
      await model.dispose();
    }
  });
});
