// The embedder of a CLI process (kb, eval:retrieval, bench:retrieval): MEDCHAT_EMBEDDER as
// read by embedder-kind.ts; "local" loads the model in-process (lib/rag/embed-local.ts).
// The app uses embedder-kind.ts directly and never imports this file.
import type { Embedder } from "./embed";
import { createServiceEmbedder, embedderKind, type EmbedderKind } from "./embedder-kind";

export async function createEmbedder(kind: EmbedderKind = embedderKind()): Promise<Embedder> {
  switch (kind) {
    case "remote":
    case "hashing":
      return createServiceEmbedder(kind);
    case "local": {
      const { createLocalEmbedder } = await import("./embed-local");
      return createLocalEmbedder();
    }
    default:
      throw new Error(`unknown embedder "${kind as string}" (use remote, local or hashing)`);
  }
}
