// The setup the served-adapter tests share (server.test.ts, http/grounding.test.ts, and the
// app's lib/training/rollback-serving.test.ts): a tiny random llama on disk and random LoRA
// adapters beside it for the server to load at start-up or to push.
import path from "node:path";
import { writePeftAdapter, type PeftAdapterSpec } from "./engine/peft";
import { seededRandom, writeTinyModel } from "./models/tiny";
import type { LoraTarget } from "./models/types";
import { createGpuFunctionServer } from "./server";

/** A rank-4 adapter on q_proj/v_proj with seeded normal weights (large enough to change every answer). */
export function randomAdapter(targets: LoraTarget[], seed: number): PeftAdapterSpec {
  const rng = seededRandom(seed);
  const r = 4;
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of targets) {
    weights.set(t.module, {
      a: Float32Array.from({ length: r * t.inFeatures }, () => rng.normal() * 0.3),
      b: Float32Array.from({ length: t.outFeatures * r }, () => rng.normal() * 0.3),
    });
  }
  return { r, loraAlpha: 8, targetModules: ["q_proj", "v_proj"], weights };
}

/** Writes randomAdapter(targets, seed) as a PEFT directory (adapter_config.json + adapter_model.safetensors). */
export async function writeRandomAdapter(dir: string, targets: LoraTarget[], seed: number): Promise<void> {
  await writePeftAdapter(dir, randomAdapter(targets, seed));
}

/**
 * Writes `dir/model` (a tiny llama) and `dir/adapters/{alpha,beta}`; returns the model's LoRA
 * targets (found by a first load) for more adapters.
 */
export async function writeTinyModelWithAdapters(dir: string, seed: number): Promise<LoraTarget[]> {
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed, maxPositions: 512 });
  const probe = await createGpuFunctionServer({ modelDir: path.join(dir, "model"), log: () => {} });
  const targets = probe.deps.model.loraTargets;
  await probe.close();
  await writeRandomAdapter(path.join(dir, "adapters", "alpha"), targets, 1);
  await writeRandomAdapter(path.join(dir, "adapters", "beta"), targets, 2);
  return targets;
}
