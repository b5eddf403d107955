// POST /v1/rerank: scores each document against the query with the cross-encoder
// (RERANKER_MODEL_DIR) and returns them best first. Pairs are truncated longest-first to the
// model's length; texts are cut to a character budget before tokenising so a huge document
// costs no more than one that fills the model.
import { rerankRequestSchema, type RerankResponse } from "../shared/rerank";
import type { ServingDeps } from "./deps";
import { ApiError, parseBody, sendJson, type Route } from "./router";

/** Characters per model position kept before tokenising (generous: ~4–5 characters make a token). */
const CHARS_PER_POSITION = 16;

export function rerankRoutes(deps: ServingDeps): Route[] {
  return [
    {
      method: "POST",
      pattern: "/v1/rerank",
      maxBodyBytes: 40 * 1024 * 1024,
      async handler(_req, res, ctx) {
        const body = parseBody(rerankRequestSchema, await ctx.readJson());
        const reranker = deps.reranker;
        if (!reranker)
          throw new ApiError(404, "This server has no reranker (set RERANKER_MODEL_DIR)", { code: "model_not_found", param: "model" });
        if (body.model !== undefined && body.model !== reranker.id && body.model !== "default") {
          throw new ApiError(404, `The model '${body.model}' does not exist (reranker: ${reranker.id})`, {
            code: "model_not_found",
            param: "model",
          });
        }
        const budget = reranker.model.maxSequenceLength * CHARS_PER_POSITION;
        const texts = body.documents.map((d) => (typeof d === "string" ? d : d.text));
        const query = reranker.tokenizer.encode(body.query.slice(0, budget));
        if (query.length === 0) throw new ApiError(400, "query has no tokens", { param: "query" });
        const pairs = texts.map((t) => ({ query, document: reranker.tokenizer.encode(t.slice(0, budget)) }));
        const scores = await reranker.model.score(pairs);
        const order = texts.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
        const topN = Math.min(body.top_n ?? texts.length, texts.length);
        const tokens = pairs.reduce((n, p) => n + Math.min(p.query.length + p.document.length + 3, reranker.model.maxSequenceLength), 0);
        const response: RerankResponse = {
          object: "list",
          model: reranker.id,
          results: order.slice(0, topN).map((index) => ({
            index,
            relevance_score: scores[index],
            ...(body.return_documents ? { document: { text: texts[index] } } : {}),
          })),
          usage: { prompt_tokens: tokens, total_tokens: tokens },
        };
        sendJson(res, 200, response);
      },
    },
  ];
}
