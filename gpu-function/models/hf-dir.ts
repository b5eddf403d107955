// Reads a Hugging Face model directory (config.json + model.safetensors, or a sharded
// model.safetensors.index.json) and checks the weights against the family's expectations.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { openSafetensorsLazy, readSafetensorsPath, type LazySafetensorsFile } from "../onnx/safetensors-lazy";
import type { Family, Tensors } from "./family";
import { familyFor } from "./registry";
import type { HfConfig, ModelDims } from "./types";

export interface HfModel {
  config: HfConfig;
  dims: ModelDims;
  family: Family;
  tensors: Tensors;
  /**
   * Closes the checkpoint files of a lazy read (no-op for an eager one). Call it once the
   * graph is built: the lazy tensors cannot be read afterwards.
   */
  close(): void;
}

export interface ReadHfModelOptions {
  /**
   * Lazy tensors (onnx/safetensors-lazy.ts): headers are parsed now, each tensor is read from
   * disk when the graph builder uses it, and the files stay open until `close()`. Default
   * false (eager fp32 in memory: the trainer and tests that reuse `data` freely).
   */
  lazy?: boolean;
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

/** The checkpoint files: model.safetensors, or the shards listed by model.safetensors.index.json. */
async function weightFiles(dir: string): Promise<string[]> {
  const single = path.join(dir, "model.safetensors");
  if (existsSync(single)) return [single];
  const indexFile = path.join(dir, "model.safetensors.index.json");
  if (!existsSync(indexFile)) throw new Error(`model directory ${dir}: neither model.safetensors nor model.safetensors.index.json found`);
  const index = JSON.parse(await readFile(indexFile, "utf8")) as { weight_map?: Record<string, string> };
  return [...new Set(Object.values(index.weight_map ?? {}))].map((shard) => path.join(dir, shard));
}

async function readWeights(files: string[]): Promise<Tensors> {
  const tensors: Tensors = new Map();
  for (const file of files) {
    for (const [name, t] of (await readSafetensorsPath(file)).tensors) tensors.set(name, t);
  }
  return tensors;
}

/** Opens every file lazily (closing those already open if one fails). */
function openWeightsLazy(files: string[]): { tensors: Tensors; opened: LazySafetensorsFile[] } {
  const opened: LazySafetensorsFile[] = [];
  const tensors: Tensors = new Map();
  try {
    for (const file of files) {
      const f = openSafetensorsLazy(file);
      opened.push(f);
      for (const [name, t] of f.tensors) tensors.set(name, t);
    }
  } catch (e) {
    for (const f of opened) f.close();
    throw e;
  }
  return { tensors, opened };
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

/** Reads config, picks the family, reads (or, lazily, opens) and validates the weights. */
export async function readHfModel(dir: string, opts: ReadHfModelOptions = {}): Promise<HfModel> {
  const config = await readHfConfig(dir);
  const family = familyFor(config);
  const dims = family.dims(config);
  const files = await weightFiles(dir);
  if (!opts.lazy) {
    const raw = await readWeights(files);
    const tensors = family.prepareTensors ? family.prepareTensors(raw) : raw;
    checkTensors(family, dims, config, tensors);
    return { config, dims, family, tensors, close: () => {} };
  }
  const { tensors: raw, opened } = openWeightsLazy(files);
  const close = () => {
    for (const f of opened) f.close();
  };
  try {
    const tensors = family.prepareTensors ? family.prepareTensors(raw) : raw;
    checkTensors(family, dims, config, tensors);
    return { config, dims, family, tensors, close };
  } catch (e) {
    close();
    throw e;
  }
}
