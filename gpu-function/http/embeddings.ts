// POST /v1/embeddings: OpenAI Embeddings from the embedding model (mean-pooled, L2-normalised).
import { embeddingRequestSchema, type EmbeddingRequest, type EmbeddingResponse } from "../shared/openai";
import type { EmbedderDeps, ServingDeps } from "./deps";
import { ApiError, parseBody, sendJson, type Route } from "./router";

const MAX_INPUTS = 2048;
/** Characters of a string input read at most per token of the window (text far past the window is never tokenised). */
const MAX_CHARS_PER_WINDOW_TOKEN = 16;

export function embeddingRoutes(deps: ServingDeps): Route[] {
  return [
    {
      method: "POST",
      pattern: "/v1/embeddings",
      maxBodyBytes: 8 * 1024 * 1024,
      async handler(_req, res, ctx) {
        const body = parseBody(embeddingRequestSchema, await ctx.readJson());
        const embedder = deps.embedder;
        if (!embedder)
          throw new ApiError(404, "This server has no embedding model (set EMBEDDING_MODEL_DIR)", {
            code: "model_not_found",
            param: "model",
          });
        if (body.model !== embedder.id && body.model !== "default") {
          throw new ApiError(404, `The model '${body.model}' does not exist (embedding model: ${embedder.id})`, {
            code: "model_not_found",
            param: "model",
          });
        }
        if (body.dimensions !== undefined && body.dimensions !== embedder.model.dim) {
          throw new ApiError(400, `dimensions must be ${embedder.model.dim} for ${embedder.id} (it cannot be shortened)`, {
            param: "dimensions",
          });
        }
        const inputs = await tokenizeInputs(embedder, body.input);
        // One call: the model sorts the inputs by length and runs batches of similar lengths
        // (its maxBatch); slicing first padded each short input to its slice's longest.
        const vectors = await embedder.model.embed(inputs);
        const promptTokens = inputs.reduce((a, t) => a + t.length, 0);
        const response: EmbeddingResponse = {
          object: "list",
          data: vectors.map((v, index) => ({
            object: "embedding",
            index,
            embedding: body.encoding_format === "base64" ? toBase64(v) : Array.from(v),
          })),
          model: body.model,
          usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
        };
        sendJson(res, 200, response);
      },
    },
  ];
}

async function tokenizeInputs(embedder: EmbedderDeps, input: EmbeddingRequest["input"]): Promise<number[][]> {
  const list: Array<string | number[]> =
    typeof input === "string" ? [input] : typeof input[0] === "number" ? [input as number[]] : (input as Array<string | number[]>);
  if (list.length > MAX_INPUTS) throw new ApiError(400, `input may hold at most ${MAX_INPUTS} items`, { param: "input" });
  const vocab = embedder.vocabSize;
  const limit = embedder.model.maxSequenceLength;
  const tooLong = (i: number, tokens: number, note = "") =>
    new ApiError(400, `input[${i}] has ${tokens} tokens; ${embedder.id} accepts at most ${limit} tokens${note}`, {
      param: "input",
      code: "context_length_exceeded",
    });
  const out: number[][] = [];
  for (const [i, item] of list.entries()) {
    let ids: number[];
    if (typeof item === "string") {
      // Passages longer than the encoder's window are truncated to it, as sentence-transformers
      // and embedding servers do: only the head the window reads is tokenised (encodeHead), and the
      // text is cut first, so huge input is never tokenised whole.
      ids = embedder.tokenizer.encodeHead(item.slice(0, limit * MAX_CHARS_PER_WINDOW_TOKEN), limit, true);
    } else {
      ids = item;
      if (ids.length > limit) throw tooLong(i, ids.length);
      if (vocab !== undefined && ids.some((t) => t >= vocab)) {
        throw new ApiError(400, `input[${i}] has a token id outside the vocabulary (ids must be below ${vocab})`, {
          param: "input",
          code: "invalid_token_id",
        });
      }
    }
    if (ids.length === 0) throw new ApiError(400, `input[${i}] is empty`, { param: "input" });
    out.push(ids);
  }
  return out;
}

function toBase64(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}
