// LoRA as graph inputs: an adapter's output must equal a model whose weights were merged by
// hand; rows with different adapters (or none) share one batch; merged mode matches too.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafetensors, writeSafetensors } from "../onnx/safetensors";
import { loadModel, readHfModel } from "./load";
import { loraInputNames } from "../models/plain";
import { maxAbsDiff, plainLogits, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import { seededRandom } from "../models/tiny";
import type { PreparedLora } from "../models/types";
import type { LoadedModel } from "./types";

const TOLERANCE = 1e-4;

async function randomAdapter(
  dir: string,
  name: string,
  shortNames: string[],
  rank: number,
  scale: number,
  seed: number,
): Promise<PreparedLora> {
  const model = await readHfModel(dir);
  const rng = seededRandom(seed);
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of model.family.loraTargets(model.dims).filter((t) => shortNames.includes(t.shortName))) {
    weights.set(t.module, {
      a: Float32Array.from({ length: rank * t.inFeatures }, () => rng.normal() * 0.2),
      b: Float32Array.from({ length: t.outFeatures * rank }, () => rng.normal() * 0.2),
    });
  }
  return { name, rank, scale, weights };
}

/** Writes a copy of the model with W += scale·B·A, computed here independently of the runtime. */
async function handMerged(dir: string, out: string, lora: PreparedLora): Promise<string> {
  await mkdir(out, { recursive: true });
  for (const f of ["config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json"])
    await copyFile(path.join(dir, f), path.join(out, f));
  const tensors = readSafetensors(await readFile(path.join(dir, "model.safetensors")));
  const record: Parameters<typeof writeSafetensors>[0] = {};
  for (const [name, t] of tensors) record[name] = { dtype: "F32", shape: t.shape, data: Float32Array.from(t.data) };
  for (const [module, { a, b }] of lora.weights) {
    const w = record[`${module}.weight`];
    const [rows, cols] = w.shape;
    for (let o = 0; o < rows; o++) {
      for (let i = 0; i < cols; i++) {
        let delta = 0;
        for (let r = 0; r < lora.rank; r++) delta += b[o * lora.rank + r] * a[r * cols + i];
        w.data[o * cols + i] += lora.scale * delta;
      }
    }
  }
  await writeFile(path.join(out, "model.safetensors"), writeSafetensors(record));
  return out;
}

async function decode(model: LoadedModel, tokens: number[], lora: PreparedLora | null): Promise<Float32Array[]> {
  const cache = model.newCache();
  const out = await model.forward([{ tokens: tokens.slice(0, 4), cache, lora }]);
  for (const t of tokens.slice(4)) out.push(...(await model.forward([{ tokens: [t], cache, lora }])));
  cache.release();
  return out;
}

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("lora");
});
afterAll(async () => root.cleanup());

describe.each([
  { family: "llama" as const, targets: ["q_proj", "v_proj", "down_proj"] },
  { family: "gpt-neo" as const, targets: ["q_proj", "v_proj", "c_fc"] },
  // The seed cards' setup (q_proj/v_proj) plus o_proj, the other fused linear of gpt-oss attention.
  { family: "gpt-oss" as const, targets: ["q_proj", "v_proj", "o_proj"] },
])("LoRA on $family", ({ family, targets }) => {
  it("adapter inputs equal hand-merged weights; mixed-adapter batches equal solo runs; merged mode matches", async () => {
    const base = await tinyModelDir(root.dir, `${family}-base`, { family, seed: 31 });
    const one = await randomAdapter(base, "one", targets, 4, 2, 1);
    const two = await randomAdapter(base, "two", targets.slice(0, 2), 2, 0.5, 2);
    const mergedDir = await handMerged(base, path.join(root.dir, `${family}-merged`), one);
    const tokens = seededTokens(9, 7);

    const served = await loadModel(base, { maxBatch: 4, lora: { maxRank: 8, targetModules: targets } });
    const merged = await loadModel(mergedDir, { maxBatch: 4 });
    const mergedMode = await loadModel(base, { maxBatch: 4, mergeAdapter: one });
    try {
      const viaInputs = await decode(served, tokens, one);
      const viaMerge = await decode(merged, tokens, null);
      const viaMergeMode = await decode(mergedMode, tokens, null);
      const baseline = await decode(served, tokens, null);
      viaInputs.forEach((l, i) => {
        expect(maxAbsDiff(l, viaMerge[i])).toBeLessThan(TOLERANCE);
        expect(maxAbsDiff(viaMergeMode[i], viaMerge[i])).toBeLessThan(TOLERANCE);
      });
      expect(maxAbsDiff(viaInputs[0], baseline[0])).toBeGreaterThan(1e-2); // the adapter does change the output

      // One batch, three rows: adapter "one", adapter "two" (smaller rank, fewer modules), no adapter.
      const soloTwo = await decode(served, tokens, two);
      const caches = [served.newCache(), served.newCache(), served.newCache()];
      const adapters = [one, two, null];
      let logits = await served.forward(caches.map((cache, i) => ({ tokens: tokens.slice(0, 4), cache, lora: adapters[i] })));
      for (let step = 4; ; step++) {
        [viaInputs, soloTwo, baseline].forEach((solo, i) =>
          expect(maxAbsDiff(logits[i], solo[step - 4]), `row ${i} step ${step}`).toBeLessThan(TOLERANCE),
        );
        if (step === tokens.length) break;
        logits = await served.forward(caches.map((cache, i) => ({ tokens: [tokens[step]], cache, lora: adapters[i] })));
      }
    } finally {
      await Promise.all([served.dispose(), merged.dispose(), mergedMode.dispose()]);
    }
  });
});

describe("LoRA validation and the plain graph", () => {
  it("refuses adapters with wrong shapes or modules outside the load's targets", async () => {
    const base = await tinyModelDir(root.dir, "validate", { family: "llama", seed: 32 });
    const model = await loadModel(base, { lora: { maxRank: 8, targetModules: ["q_proj"] } });
    try {
      const good = await randomAdapter(base, "good", ["q_proj"], 2, 1, 3);
      const wrongShape: PreparedLora = { ...good, name: "bad-shape", rank: 3 };
      const wrongModule = await randomAdapter(base, "bad-module", ["q_proj", "k_proj"], 2, 1, 4);
      await expect(model.forward([{ tokens: [1], cache: model.newCache(), lora: wrongShape }])).rejects.toThrow(
        /adapter "bad-shape": .*lora_A has \d+ values, expected r×in = 3×64/,
      );
      await expect(model.forward([{ tokens: [1], cache: model.newCache(), lora: wrongModule }])).rejects.toThrow(
        /module "model.layers.0.self_attn.k_proj" is not a LoRA target/,
      );
      await expect(loadModel(base, { lora: { maxRank: 8, targetModules: ["qkv"] } })).rejects.toThrow(
        /LoRA target "qkv" is not a linear layer/,
      );
      await expect(loadModel(base, { mergeAdapter: wrongShape })).rejects.toThrow(/do not match r=3/);
      const tooBig = await randomAdapter(base, "big", ["q_proj"], 16, 1, 6);
      const small = await loadModel(base, { lora: { maxRank: 8, targetModules: ["q_proj"] } });
      await expect(small.forward([{ tokens: [1], cache: small.newCache(), lora: tooBig }])).rejects.toThrow(
        /rank 16 exceeds this load's maxRank 8/,
      );
      await small.dispose();
      await expect(loadModel(base, { maxBatch: 0 })).rejects.toThrow(/maxBatch must be a positive integer/);
    } finally {
      await model.dispose();
    }
  });

  it("the plain graph's LoRA inputs (PEFT names and layout) equal hand-merged weights", async () => {
    const base = await tinyModelDir(root.dir, "plain-lora", { family: "llama", seed: 33 });
    const lora = await randomAdapter(base, "p", ["q_proj", "v_proj"], 3, 1.5, 5);
    const mergedDir = await handMerged(base, path.join(root.dir, "plain-merged"), lora);
    const weights: Record<string, Float32Array> = {};
    for (const [module, w] of lora.weights) {
      weights[loraInputNames(module).a] = w.a;
      weights[loraInputNames(module).b] = w.b;
    }
    const tokens = seededTokens(8, 9);
    const withInputs = await plainLogits(base, tokens, { lora: { targets: ["q_proj", "v_proj"], rank: 3, scale: 1.5, weights } });
    const reference = await plainLogits(mergedDir, tokens);
    withInputs.forEach((l, i) => expect(maxAbsDiff(l, reference[i])).toBeLessThan(TOLERANCE));
  });
});
