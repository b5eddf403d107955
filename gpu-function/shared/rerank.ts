// POST /v1/rerank wire format, shaped like the common rerank APIs (Cohere, Jina, TEI):
// query + documents → results sorted by relevance_score (descending) with each document's
// index. Shared by the gpu-function (validation) and the app's client (types).
import { z } from "zod";

/** Bounds: documents per request, characters per query / document (text past them could not fit a cross-encoder anyway). */
export const RERANK_LIMITS = { maxDocuments: 1000, maxQueryChars: 8_000, maxDocumentChars: 32_000 } as const;

const documentSchema = z.union([
  z.string().max(RERANK_LIMITS.maxDocumentChars, `a document may hold at most ${RERANK_LIMITS.maxDocumentChars} characters`),
  z.object({
    text: z.string().max(RERANK_LIMITS.maxDocumentChars, `a document may hold at most ${RERANK_LIMITS.maxDocumentChars} characters`),
  }),
]);

export const rerankRequestSchema = z.object({
  model: z.string().min(1).optional(),
  query: z
    .string()
    .min(1, "query must not be empty")
    .max(RERANK_LIMITS.maxQueryChars, `query may hold at most ${RERANK_LIMITS.maxQueryChars} characters`),
  documents: z
    .array(documentSchema)
    .min(1, "documents must hold at least one document")
    .max(RERANK_LIMITS.maxDocuments, `documents may hold at most ${RERANK_LIMITS.maxDocuments} items`),
  top_n: z.number().int().positive().optional(),
  return_documents: z.boolean().optional(),
});

export type RerankRequest = z.infer<typeof rerankRequestSchema>;

export interface RerankResult {
  /** Position of the document in the request's `documents`. */
  index: number;
  /** In [0, 1]; higher is more relevant (sigmoid of the cross-encoder's logit). */
  relevance_score: number;
  document?: { text: string };
}

export interface RerankResponse {
  object: "list";
  model: string;
  /** Sorted by relevance_score, highest first; at most top_n. */
  results: RerankResult[];
  usage: { prompt_tokens: number; total_tokens: number };
}
