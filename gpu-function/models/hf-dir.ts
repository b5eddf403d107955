// Reads a Hugging Face model directory (config.json + model.safetensors, or a sharded
// model.safetensors.index.json) and checks the weights against the family's expectations.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { readSafetensorsPath } from "../onnx/safetensors";
import type { Family, Tensors } from "./family";
import { familyFor } from "./registry";
import type { HfConfig, ModelDims } from "./types";

export interface HfModel {
  config: HfConfig;
  dims: ModelDims;
  family: Family;
  tensors: Tensors;
}

export async function readHfConfig(dir: string): Promise<HfConfig> {
  const file = path.join(dir, "config.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Error(`model directory ${dir}: config.json not found`);
  }
  try {
    return JSON.parse(text) as HfConfig;
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`);
  }
}

async function readWeights(dir: string): Promise<Tensors> {
  const single = path.join(dir, "model.safetensors");
  if (existsSync(single)) return (await readSafetensorsPath(single)).tensors;
  const indexFile = path.join(dir, "model.safetensors.index.json");
  if (!existsSync(indexFile)) throw new Error(`model directory ${dir}: neither model.safetensors nor model.safetensors.index.json found`);
  const index = JSON.parse(await readFile(indexFile, "utf8")) as { weight_map?: Record<string, string> };
  const shards = [...new Set(Object.values(index.weight_map ?? {}))];
  const tensors: Tensors = new Map();
  for (const shard of shards) {
    for (const [name, t] of (await readSafetensorsPath(path.join(dir, shard))).tensors) tensors.set(name, t);
  }
  return tensors;
}

/** Every tensor the family needs must be present with the shape config.json implies (extra tensors are ignored). */
function checkTensors(family: Family, dims: ModelDims, config: HfConfig, tensors: Tensors): void {
  for (const spec of family.tensorSpecs(dims, config)) {
    const t = tensors.get(spec.name);
    if (!t) {
      if (spec.optional) continue;
      throw new Error(`model.safetensors: missing tensor "${spec.name}" (${family.name} family, shape ${JSON.stringify(spec.shape)})`);
    }
    if (t.shape.length !== spec.shape.length || t.shape.some((s, i) => s !== spec.shape[i])) {
      throw new Error(`model.safetensors: tensor "${spec.name}" has shape ${JSON.stringify(t.shape)}, config.json implies ${JSON.stringify(spec.shape)}`);
    }
  }
}

/** Reads config, picks the family, reads and validates the weights. */
export async function readHfModel(dir: string): Promise<HfModel> {
  const config = await readHfConfig(dir);
  const family = familyFor(config);
  const dims = family.dims(config);
  const raw = await readWeights(dir);
  const tensors = family.prepareTensors ? family.prepareTensors(raw) : raw;
  checkTensors(family, dims, config, tensors);
  return { config, dims, family, tensors };
}
