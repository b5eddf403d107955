// POST /v1/perplexity {model, data: chat JSONL} → {model, perplexity, tokens}: assistant-token
// perplexity of a served model (base id, alias or adapter — a succeeded job's adapter is
// loaded by name) on chat examples, measured exactly as a fine-tuning job's validation
// does: the same importer, the same completion-only tokenization through the model's chat
// template, the same held-out perplexity over the serving runtime (train/eval-perplexity).
// The app's retraining gate scores the candidate and the active adapter with it.
import { z } from "zod";
import { ImportFormatError } from "../data/chat-example";
import { importTrainingRows } from "../data/importers";
import { tokenizeChatDataset } from "../data/tokenize-chat";
import { asChatTemplateTokenizer } from "../train/chat-tokenizer";
import { heldOutPerplexity, loadedModelScorer } from "../train/eval-perplexity";
import { resolveServedModel, type ServingDeps } from "./deps";
import { ApiError, parseBody, sendJson, type Route } from "./router";

const perplexityRequestSchema = z
  .object({
    model: z.string().min(1).max(200),
    /** Chat examples, JSONL (or a JSON array) in any format fine-tuning jobs accept. */
    data: z.string().min(1, "data needs at least one example"),
    /** Longest example in tokens (as a job's max_seq_length; default 1024, capped by the model). */
    max_seq_length: z.number().int().min(16).max(131072).optional(),
  })
  .strict();

/** Sequences scored per forward batch: few, so chat requests keep their KV cache slots. */
const SCORE_BATCH = 4;

export function perplexityRoutes(deps: ServingDeps): Route[] {
  // One scoring at a time: it is CPU-bound and shares the serving model with chat.
  let queue: Promise<unknown> = Promise.resolve();
  return [
    {
      method: "POST",
      pattern: "/v1/perplexity",
      maxBodyBytes: 32 * 1024 * 1024,
      async handler(_req, res, ctx) {
        const body = parseBody(perplexityRequestSchema, await ctx.readJson());
        const lora = await resolveServedModel(deps, body.model);
        let imported;
        try {
          imported = importTrainingRows(body.data);
        } catch (err) {
          if (err instanceof ImportFormatError) throw new ApiError(400, `data: ${err.message}`, { param: "data", code: "invalid_data" });
          throw err;
        }
        if (imported.examples.length === 0) {
          const first = imported.issues[0];
          throw new ApiError(400, `data has no usable example${first ? ` (line ${first.line ?? "?"}: ${first.reason})` : ""}`, {
            param: "data",
            code: "invalid_data",
          });
        }
        const maxLen = Math.min(body.max_seq_length ?? 1024, deps.model.maxSequenceLength);
        const { rows, issues } = tokenizeChatDataset(asChatTemplateTokenizer(deps.tokenizer), imported.examples, maxLen);
        if (rows.length === 0)
          throw new ApiError(400, `no example has assistant tokens within max_seq_length ${maxLen}`, {
            param: "data",
            code: "invalid_data",
          });
        const run = queue.then(() => heldOutPerplexity(loadedModelScorer(deps.model, lora), rows, SCORE_BATCH));
        queue = run.catch(() => undefined);
        const result = await run;
        sendJson(res, 200, {
          object: "perplexity",
          model: body.model,
          perplexity: result.perplexity,
          loss: result.loss,
          tokens: result.tokens,
          sequences: result.sequences,
          skipped: imported.issues.length + issues.length,
        });
      },
    },
  ];
}
