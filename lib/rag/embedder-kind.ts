// The one reading of MEDCHAT_EMBEDDER, for the app and the CLIs alike:
//   remote  — the gpu-function's /v1/embeddings;
//   local   — the same model loaded in this process (CLIs, benchmark, evaluation; the app
//             has no in-process model and asks the gpu-function, which serves that model);
//   hashing — the model-free lexical embedder (offline control, tests).
// Unset: remote when a gpu-function is known (GPU_FUNCTION_URL; the app always has one),
// local otherwise. Ingestion and queries must use the same model.
// Kept apart from embed-factory.ts so the app never references the in-process embedder.
import type { Embedder, GpuFunctionEmbedderOptions } from "./embed";
import { createGpuFunctionEmbedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";

export type EmbedderKind = "remote" | "local" | "hashing";
/** The kinds that need no model in this process. */
export type ServiceEmbedderKind = Exclude<EmbedderKind, "local">;

type Env = Record<string, string | undefined>;

export function embedderKind(env: Env, where: "app"): ServiceEmbedderKind;
export function embedderKind(env?: Env, where?: "cli"): EmbedderKind;
export function embedderKind(env: Env = process.env, where: "app" | "cli" = "cli"): EmbedderKind {
  const set = env.MEDCHAT_EMBEDDER;
  if (set === "hashing") return "hashing";
  if (where === "app") return "remote";
  if (set === "remote" || set === "local") return set;
  return env.GPU_FUNCTION_URL ? "remote" : "local";
}

/** An embedder that needs no model in this process. */
export function createServiceEmbedder(kind: ServiceEmbedderKind, remote: GpuFunctionEmbedderOptions = {}): Embedder {
  return kind === "hashing" ? createHashingEmbedder() : createGpuFunctionEmbedder(remote);
}
