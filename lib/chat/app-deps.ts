// Process-wide wiring for the Next.js routes: the database and the retriever.
import { getDb } from "@/lib/db";
import type { Embedder } from "@/lib/rag/embed";
import { createServiceEmbedder, embedderKind } from "@/lib/rag/embedder-kind";
import { gpuFunctionConfig } from "./model";
import { createKnowledgeBaseRetriever } from "./retriever";
import type { Retriever } from "./types";

let embedder: Embedder | undefined;
let retriever: Retriever | undefined;

/** The embedder the app uses for queries and starter-KB ingestion (the gpu-function's, unless MEDCHAT_EMBEDDER=hashing; lib/rag/embedder-kind.ts). */
export function appEmbedder(): Embedder {
  if (!embedder) {
    const gpu = gpuFunctionConfig();
    embedder = createServiceEmbedder(embedderKind(process.env, "app"), { baseURL: gpu.url, token: gpu.token });
  }
  return embedder;
}

export function appRetriever(): Retriever | undefined {
  if (process.env.MEDCHAT_RETRIEVAL === "off") return undefined;
  retriever ??= createKnowledgeBaseRetriever(getDb, appEmbedder());
  return retriever;
}

export { getDb };
