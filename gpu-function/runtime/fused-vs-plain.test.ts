// The fused inference graph (contrib ops, KV cache) must match the plain reference graph
// (standard ops, full recompute) for every family and attention variant.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadModel } from "./load";
import { maxAbsDiff, plainLogits, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import type { TinyModelOptions } from "../models/tiny";

const TOLERANCE = 1e-4;

const VARIANTS: { name: string; opts: TinyModelOptions; patch?: Record<string, unknown> }[] = [
  { name: "llama GQA (4 heads, 2 kv heads)", opts: { family: "llama", seed: 11, numHeads: 4, numKvHeads: 2 } },
  {
    name: "llama MQA, untied head, Llama-3.1 rope scaling",
    opts: { family: "llama", seed: 12, numHeads: 4, numKvHeads: 1, tieWordEmbeddings: false },
    patch: {
      rope_theta: 500000,
      rope_scaling: { rope_type: "llama3", factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 64 },
    },
  },
  {
    name: "mistral, sliding window 5",
    opts: { family: "llama", seed: 13, windowSize: 5 },
    patch: { model_type: "mistral", architectures: ["MistralForCausalLM"] },
  },
  { name: "qwen2 (q/k/v bias) with sliding window 6", opts: { family: "llama", seed: 14, qkvBias: true, windowSize: 6, numLayers: 3 } },
  { name: "gpt-neo global/local, window 4", opts: { family: "gpt-neo", seed: 15, windowSize: 4, numLayers: 4 } },
  // 20 tokens > window 4: sliding and full layers differ; YaRN, sinks, MoE top-2 of 4 (MoE contrib op vs dense plain ops).
  {
    name: "gpt-oss MoE top-2 of 4, sinks, sliding window 4 / full, yarn",
    opts: { family: "gpt-oss", seed: 16, windowSize: 4, numLayers: 3 },
  },
];

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("fused");
});
afterAll(async () => root.cleanup());

describe.each(VARIANTS)("fused graph vs plain reference: $name", ({ name, opts, patch }) => {
  const tokens = seededTokens(20, opts.seed ?? 0);

  it("prefill, KV-cached decode, padded batched prefill and chunked prefill all match the plain graph within 1e-4", async () => {
    const dir = await tinyModelDir(root.dir, name.replace(/\W+/g, "-"), opts);
    if (patch) {
      const file = path.join(dir, "config.json");
      await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, "utf8")), ...patch }));
    }
    const reference = await plainLogits(dir, tokens);
    // A small initial KV capacity makes the pool grow (and copy) during the test.
    const model = await loadModel(dir, { maxBatch: 8, kvInitialCapacity: 4 });
    try {
      const whole = model.newCache();
      const [last] = await model.forward([{ tokens, cache: whole, lora: null }]);
      expect(maxAbsDiff(last, reference[19])).toBeLessThan(TOLERANCE);
      expect(whole.length).toBe(20);
      whole.release();

      const stepwise = model.newCache();
      const [first] = await model.forward([{ tokens: tokens.slice(0, 7), cache: stepwise, lora: null }]);
      expect(maxAbsDiff(first, reference[6])).toBeLessThan(TOLERANCE);
      for (let t = 7; t < tokens.length; t++) {
        const [step] = await model.forward([{ tokens: [tokens[t]], cache: stepwise, lora: null }]);
        expect(maxAbsDiff(step, reference[t]), `position ${t}`).toBeLessThan(TOLERANCE);
      }

      // Fresh prompts of different lengths in one forward: one right-padded prefill run.
      const lengths = [20, 11, 5];
      const padded = await model.forward(lengths.map((n) => ({ tokens: tokens.slice(0, n), cache: model.newCache(), lora: null })));
      lengths.forEach((n, i) => expect(maxAbsDiff(padded[i], reference[n - 1]), `padded row ${i}`).toBeLessThan(TOLERANCE));

      const chunked = model.newCache();
      await model.forward([{ tokens: tokens.slice(0, 7), cache: chunked, lora: null }]);
      const [afterChunk] = await model.forward([{ tokens: tokens.slice(7, 13), cache: chunked, lora: null }]);
      expect(maxAbsDiff(afterChunk, reference[12])).toBeLessThan(TOLERANCE);
      const [next] = await model.forward([{ tokens: [tokens[13]], cache: chunked, lora: null }]);
      expect(maxAbsDiff(next, reference[13])).toBeLessThan(TOLERANCE);
    } finally {
      await model.dispose();
    }
  });
});

describe("threading does not change the numbers", () => {
  it("2 intra-op threads whose pool spins between ops (LoadOptions.spinning, the benchmark's third setting) decode like the plain graph", async () => {
    const opts: TinyModelOptions = { family: "llama", seed: 21, numHeads: 4, numKvHeads: 2, hiddenSize: 128, intermediateSize: 320 };
    const dir = await tinyModelDir(root.dir, "spinning", opts);
    const tokens = seededTokens(12, 21);
    const reference = await plainLogits(dir, tokens);
    const model = await loadModel(dir, { maxBatch: 2, intraOpThreads: 2, spinning: true });
    try {
      const cache = model.newCache();
      const [first] = await model.forward([{ tokens: tokens.slice(0, 4), cache, lora: null }]);
      expect(maxAbsDiff(first, reference[3])).toBeLessThan(TOLERANCE);
      for (let t = 4; t < tokens.length; t++) {
        const [step] = await model.forward([{ tokens: [tokens[t]], cache, lora: null }]);
        expect(maxAbsDiff(step, reference[t]), `position ${t}`).toBeLessThan(TOLERANCE);
      }
    } finally {
      await model.dispose();
    }
  });
});

describe("logit scale sanity", () => {
  it("the tiny models produce non-trivial logits (so a 1e-4 match means something)", async () => {
    const dir = await tinyModelDir(root.dir, "scale", { family: "gpt-neo", seed: 3 });
    const [logits] = (await plainLogits(dir, seededTokens(6, 3))).slice(-1);
    const spread = Math.max(...logits) - Math.min(...logits);
    expect(spread).toBeGreaterThan(1);
  });
});
