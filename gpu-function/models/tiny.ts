// Writes small random-weight models in Hugging Face layout (config.json, model.safetensors,
// tokenizer.json, tokenizer_config.json with a ChatML chat_template, generation_config.json).
// Tests build them on the fly; the server falls back to one when no trained default exists.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { writeSafetensors, type WritableDType } from "../onnx/safetensors";
import { mulberry32 } from "../shared/hash";
import type { TinyOverrides } from "./family";
import { familyByName } from "./registry";
import { byteLevelTokenizerJson, chatTokenizerConfig, ENDOFTEXT_ID, IM_END_ID } from "./tiny-tokenizer";
import type { HfConfig } from "./types";

export interface TinyModelOptions extends TinyOverrides {
  family: "llama" | "gpt-neo" | "gpt-oss";
  seed?: number;
  /** Standard deviation of the random weights (HF initializer_range is 0.02; larger makes logits less flat). */
  std?: number;
  dtype?: WritableDType;
}

/** Deterministic PRNG (mulberry32) with Box–Muller normals, so a seed always gives the same model. */
export function seededRandom(seed: number): { uniform(): number; normal(): number } {
  const uniform = mulberry32(seed);
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

export async function writeTinyModel(dir: string, opts: TinyModelOptions): Promise<HfConfig> {
  const family = familyByName(opts.family);
  const config = family.tinyConfig({ eosTokenIds: opts.family !== "gpt-neo" ? [IM_END_ID, ENDOFTEXT_ID] : undefined, bosTokenId: ENDOFTEXT_ID, ...opts });
  const dims = family.dims(config);
  if (dims.vocabSize < 259) throw new Error(`tiny models need vocab_size ≥ 259 (256 bytes + 3 special tokens), got ${dims.vocabSize}`);
  const rng = seededRandom(opts.seed ?? 0);
  const std = opts.std ?? 0.2;
  const tensors: Record<string, { dtype: WritableDType; shape: number[]; data: Float32Array }> = {};
  for (const spec of family.tensorSpecs(dims, config)) {
    if (spec.optional) continue;
    const n = spec.shape.reduce((a, b) => a * b, 1);
    // Norm gains near 1 (not exactly 1) and small random biases so tests exercise every parameter.
    const value = spec.init === "normal" ? () => rng.normal() * std : spec.init === "ones" ? () => 1 + rng.normal() * 0.1 : () => rng.normal() * 0.02;
    tensors[spec.name] = { dtype: opts.dtype ?? "F32", shape: spec.shape, data: Float32Array.from({ length: n }, value) };
  }
  await mkdir(dir, { recursive: true });
  const maxLen = dims.maxPositions;
  await Promise.all([
    writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2)),
    writeFile(path.join(dir, "model.safetensors"), writeSafetensors(tensors, { format: "pt" })),
    writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(byteLevelTokenizerJson())),
    writeFile(path.join(dir, "tokenizer_config.json"), JSON.stringify(chatTokenizerConfig(maxLen), null, 2)),
    writeFile(path.join(dir, "generation_config.json"), JSON.stringify({ bos_token_id: ENDOFTEXT_ID, eos_token_id: [IM_END_ID, ENDOFTEXT_ID], max_length: maxLen }, null, 2)),
  ]);
  return config;
}

/** A tiny LM directory whose hidden size is the embedding dimension (EMBEDDING_DIM = 256). */
export async function writeTinyEmbedder(dir: string, opts: { dim?: number; seed?: number; family?: "llama" | "gpt-neo" } = {}): Promise<HfConfig> {
  const dim = opts.dim ?? 256;
  return writeTinyModel(dir, { family: opts.family ?? "llama", seed: opts.seed, hiddenSize: dim, numHeads: 4, numKvHeads: 4, numLayers: 2, intermediateSize: dim * 2, maxPositions: 512 });
}
