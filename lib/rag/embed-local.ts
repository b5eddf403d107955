// In-process embedder for the CLI and evaluation: loads the embedding model once.
// Placeholder until gpu-function/models/load.ts (loadEmbedder) lands.
import type { Embedder } from "./embed";

export async function createLocalEmbedder(): Promise<Embedder> {
  throw new Error("the in-process embedder is not available yet; use --embedder remote (GPU_FUNCTION_URL) or --embedder hashing");
}
