// Where the server finds its models when no directory is configured: the committed defaults
// under <repo>/models, else a tiny random model generated once under <repo>/.data/models.
// Paths resolve from this file, not the cwd (`npm run gpu-function` runs with cwd gpu-function/).
import { existsSync } from "node:fs";
import path from "node:path";

import { writeTinyEmbedder, writeTinyModel } from "../models/tiny";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

const TINY_SEED = 1234;

export interface ResolvedModelDir {
  dir: string;
  /** How it was found, for the start-up log. */
  origin: "env" | "default" | "generated-tiny" | "cached-tiny";
}

function isModelDir(dir: string): boolean {
  // All three, so a default still being written (tokenizer first, weights last) is not picked up half-done.
  const hasWeights = existsSync(path.join(dir, "model.safetensors")) || existsSync(path.join(dir, "model.safetensors.index.json"));
  return hasWeights && existsSync(path.join(dir, "config.json")) && existsSync(path.join(dir, "tokenizer.json"));
}

async function resolve(
  configured: string | undefined,
  defaultDir: string,
  tinyDir: string,
  generate: (dir: string) => Promise<unknown>,
): Promise<ResolvedModelDir> {
  if (configured) return { dir: path.resolve(REPO_ROOT, configured), origin: "env" };
  if (isModelDir(defaultDir)) return { dir: defaultDir, origin: "default" };
  if (isModelDir(tinyDir)) return { dir: tinyDir, origin: "cached-tiny" };
  await generate(tinyDir);
  return { dir: tinyDir, origin: "generated-tiny" };
}

export function resolveBaseModelDir(configured?: string): Promise<ResolvedModelDir> {
  return resolve(configured, path.join(REPO_ROOT, "models", "base"), path.join(REPO_ROOT, ".data", "models", "tiny"), (dir) =>
    writeTinyModel(dir, {
      family: "llama",
      seed: TINY_SEED,
      hiddenSize: 128,
      numLayers: 2,
      numHeads: 4,
      numKvHeads: 2,
      maxPositions: 1024,
    }),
  );
}

export function resolveEmbedderDir(configured?: string): Promise<ResolvedModelDir> {
  return resolve(configured, path.join(REPO_ROOT, "models", "embedder"), path.join(REPO_ROOT, ".data", "models", "tiny-embedder"), (dir) =>
    writeTinyEmbedder(dir, { dim: 256, seed: TINY_SEED }),
  );
}

/**
 * The reranker: RERANKER_MODEL_DIR, or the committed models/reranker when present; none
 * otherwise (a random cross-encoder would only reorder results by noise). "off" disables it.
 */
export function resolveRerankerDir(configured?: string): ResolvedModelDir | null {
  if (configured === "off" || configured === "none") return null;
  if (configured) return { dir: path.resolve(REPO_ROOT, configured), origin: "env" };
  const dir = path.join(REPO_ROOT, "models", "reranker");
  return isModelDir(dir) ? { dir, origin: "default" } : null;
}

/**
 * Adapter roots scanned at start: ADAPTERS_DIR, and <repo>/models/adapters when the base is
 * the committed default model they were trained for (another base could not load them).
 */
export function adapterRoots(configured: string | undefined, base: ResolvedModelDir): string[] {
  const isDefaultBase = path.resolve(REPO_ROOT, base.dir) === path.join(REPO_ROOT, "models", "base");
  const roots = isDefaultBase ? [path.join(REPO_ROOT, "models", "adapters")] : [];
  if (configured) roots.push(path.resolve(REPO_ROOT, configured));
  return roots;
}
