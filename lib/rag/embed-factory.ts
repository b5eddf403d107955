// Picks the embedder for a process: the gpu-function over HTTP (what the app uses),
// the model in-process (CLI: loads once, no server needed) or the lexical hashing
// embedder (offline control). All produce EMBEDDING_DIM vectors.
import type { Embedder } from "./embed";
import { createGpuFunctionEmbedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";

export type EmbedderKind = "remote" | "local" | "hashing";

export function defaultEmbedderKind(): EmbedderKind {
  const env = process.env.MEDCHAT_EMBEDDER as EmbedderKind | undefined;
  if (env === "remote" || env === "local" || env === "hashing") return env;
  return process.env.GPU_FUNCTION_URL ? "remote" : "local";
}

export async function createEmbedder(kind: EmbedderKind = defaultEmbedderKind()): Promise<Embedder> {
  switch (kind) {
    case "remote":
      return createGpuFunctionEmbedder();
    case "hashing":
      return createHashingEmbedder();
    case "local": {
      const { createLocalEmbedder } = await import("./embed-local");
      return createLocalEmbedder();
    }
    default:
      throw new Error(`unknown embedder "${kind as string}" (use remote, local or hashing)`);
  }
}
