// Base models for training: random initialisation from a family's tensor specs
// (pretraining), reading an HF directory, and writing one back (config.json +
// model.safetensors) so the serving engine's loadModel reads what the trainer wrote.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Family, Tensors } from "../models/family";
import { readHfModel } from "../models/hf-dir";
import { familyFor } from "../models/registry";
import type { HfConfig } from "../models/types";
import { writeSafetensors, type WritableDType } from "../onnx/safetensors";
import { writeFileAtomic } from "../shared/atomic-file";
import { Rng } from "./rng";
import type { BaseModel } from "./train-graph";

/**
 * GPT-2/nanoGPT initialisation: N(0, 0.02) matrices, residual output projections scaled
 * by 1/√(2·layers) so the residual stream's variance does not grow with depth.
 */
export function initRandomModel(config: HfConfig, seed: number, std = 0.02): BaseModel {
  const family: Family = familyFor(config);
  const dims = family.dims(config);
  const rng = new Rng(seed);
  const tensors: Tensors = new Map();
  const residualStd = std / Math.sqrt(2 * dims.numLayers);
  for (const spec of family.tensorSpecs(dims, config)) {
    if (spec.optional) continue;
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (spec.init === "ones") data.fill(1);
    else if (spec.init === "normal") {
      const isBias = spec.shape.length === 1;
      const s = /(o_proj|down_proj|out_proj|c_proj)\.weight$/.test(spec.name) ? residualStd : std;
      if (!isBias) for (let i = 0; i < n; i++) data[i] = rng.normal() * s;
    }
    tensors.set(spec.name, { dtype: "F32", shape: spec.shape, data });
  }
  return { family, dims, config, tensors };
}

export async function loadBaseModel(dir: string): Promise<BaseModel> {
  const m = await readHfModel(dir);
  return { family: m.family, dims: m.dims, config: m.config, tensors: m.tensors };
}

/** Writes config.json + model.safetensors (atomically: temp file, then rename). */
export async function saveModelDir(dir: string, config: HfConfig, tensors: Tensors, dtype: WritableDType = "F32"): Promise<void> {
  await mkdir(dir, { recursive: true });
  const record: Record<string, { dtype: WritableDType; shape: number[]; data: Float32Array }> = {};
  const family = familyFor(config);
  for (const [name, t] of family.checkpointNames ? family.checkpointNames(config, tensors) : tensors)
    record[name] = { dtype, shape: t.shape, data: t.data };
  const bytes = writeSafetensors(record, { format: "pt" });
  await writeFileAtomic(path.join(dir, "model.safetensors"), bytes);
  const torchDtype = dtype === "F16" ? "float16" : dtype === "BF16" ? "bfloat16" : "float32";
  await writeFile(path.join(dir, "config.json"), `${JSON.stringify({ ...config, torch_dtype: torchDtype }, null, 2)}\n`);
}

export function countParameters(tensors: Tensors): number {
  let n = 0;
  for (const t of tensors.values()) n += t.data.length;
  return n;
}
