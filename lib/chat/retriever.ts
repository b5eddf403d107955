// The app's retriever: hybrid search over the knowledge base (lib/rag), embedding the
// question through the gpu-function. If embedding fails (gpu-function down), it falls
// back to full-text search so answers keep their sources. When the gpu-function serves a
// reranker (or RERANK_MODEL names one), the fused candidates are re-ordered by it.
import type { Db } from "@/lib/db/client";
import type { QueryEmbedder } from "@/lib/rag/embed";
import { sharedReranker } from "@/lib/rag/rerank";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { MAX_SOURCES } from "./prompt";
import type { Retriever } from "./types";

export function createKnowledgeBaseRetriever(getDb: () => Promise<Db>, embedder: QueryEmbedder | null): Retriever {
  return async (query, _signal, asked) => {
    const db = await getDb();
    const options = { k: MAX_SOURCES, maxPerDocument: 2, reranker: await sharedReranker(), context: asked?.context };
    if (embedder) {
      try {
        return await retrieveHybrid(db, embedder, query, { ...options, mode: "hybrid" });
      } catch (error) {
        console.warn("[chat] hybrid retrieval failed, using full-text only:", error instanceof Error ? error.message : error);
      }
    }
    return retrieveHybrid(db, null, query, { ...options, mode: "text" });
  };
}
