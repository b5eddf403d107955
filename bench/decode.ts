// Measures the runtime on a mid-sized random model: decode tokens/s at several batch sizes,
// per-step time as the context grows (the KV cache is never copied per token, so only
// attention itself should grow), and LoRA-as-inputs vs merged overhead.
// Usage: npm run bench:decode -- [--family llama|gpt-neo] [--threads 2]
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { loadModel } from "../gpu-function/runtime/load";
import { seededRandom, writeTinyModel } from "../gpu-function/models/tiny";
import type { PreparedLora } from "../gpu-function/models/types";
import type { LoadedModel } from "../gpu-function/runtime/types";

const { values } = parseArgs({ options: { family: { type: "string", default: "llama" }, threads: { type: "string", default: "2" } } });
const family = values.family === "gpt-neo" ? "gpt-neo" : "llama";
const threads = Number(values.threads);

/** Decode rate by wall clock and by process CPU time (the latter is steadier on a shared machine). */
async function decodeRate(
  model: LoadedModel,
  batch: number,
  steps: number,
  lora: PreparedLora | null = null,
  context = 16,
): Promise<number> {
  const caches = Array.from({ length: batch }, () => model.newCache());
  await model.forward(caches.map((cache, i) => ({ tokens: Array.from({ length: context }, (_, t) => (t * 7 + i) % 250), cache, lora })));
  await model.forward(caches.map((cache) => ({ tokens: [1], cache, lora }))); // warm-up
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let s = 0; s < steps; s++) await model.forward(caches.map((cache) => ({ tokens: [(s * 13) % 250], cache, lora })));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  lastCpuMsPerStep = (cpu.user + cpu.system) / 1000 / steps;
  caches.forEach((c) => c.release());
  return (batch * steps) / seconds;
}
let lastCpuMsPerStep = 0;

const root = await mkdtemp(path.join(os.tmpdir(), "medchat-measure-"));
try {
  const dir = path.join(root, "model");
  await writeTinyModel(dir, {
    family,
    seed: 1,
    hiddenSize: 512,
    numLayers: 8,
    numHeads: 8,
    numKvHeads: family === "llama" ? 4 : 8,
    intermediateSize: 1536,
    vocabSize: 8192,
    maxPositions: 2048,
    std: 0.02,
  });
  const model = await loadModel(dir, { maxBatch: 16, intraOpThreads: threads, maxSequenceLength: 2048 });
  console.log(`${family}: ${(model.weightBytes() / 1e6).toFixed(1)} MB of weights read per step, ${threads} threads`);
  for (const batch of [1, 4, 16]) {
    const rate = await decodeRate(model, batch, batch === 16 ? 10 : 20);
    console.log(`decode batch ${String(batch).padStart(2)}: ${rate.toFixed(1)} tokens/s (${lastCpuMsPerStep.toFixed(1)} CPU-ms/step)`);
  }
  for (const context of [16, 256, 1024]) {
    const rate = await decodeRate(model, 1, 10, null, context);
    console.log(
      `batch 1 at context ${String(context).padStart(4)}: ${(1000 / rate).toFixed(2)} ms/step (${lastCpuMsPerStep.toFixed(1)} CPU-ms/step)`,
    );
  }

  const targets = ["q_proj", "v_proj"];
  const lora = await loadModel(dir, { maxBatch: 16, intraOpThreads: threads, lora: { maxRank: 16, targetModules: targets } });
  const rng = seededRandom(2);
  const adapter: PreparedLora = {
    name: "a",
    rank: 16,
    scale: 2,
    weights: new Map(
      lora.loraTargets.map((t) => [
        t.module,
        {
          a: Float32Array.from({ length: 16 * t.inFeatures }, () => rng.normal() * 0.01),
          b: Float32Array.from({ length: t.outFeatures * 16 }, () => rng.normal() * 0.01),
        },
      ]),
    ),
  };
  const merged = await loadModel(dir, { maxBatch: 16, intraOpThreads: threads, mergeAdapter: adapter });
  for (const batch of [1, 4]) {
    const cpu = { merged: 0, lora: 0, none: 0 };
    for (let rep = 0; rep < 3; rep++) {
      await decodeRate(merged, batch, 15);
      cpu.merged += lastCpuMsPerStep / 3;
      await decodeRate(lora, batch, 15, adapter);
      cpu.lora += lastCpuMsPerStep / 3;
      await decodeRate(lora, batch, 15, null);
      cpu.none += lastCpuMsPerStep / 3;
    }
    console.log(
      `batch ${batch} CPU-ms/step: merged ${cpu.merged.toFixed(2)}, LoRA inputs ${cpu.lora.toFixed(2)} (overhead ${((cpu.lora / cpu.merged - 1) * 100).toFixed(1)}%), LoRA-slot model without adapter ${cpu.none.toFixed(2)}`,
    );
  }
  await Promise.all([model.dispose(), lora.dispose(), merged.dispose()]);
} finally {
  await rm(root, { recursive: true, force: true });
}
