// POST /v1/chat/completions: OpenAI Chat Completions over the continuous-batching scheduler,
// streaming (SSE, `data: [DONE]`, optional usage chunk) or not.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

import { ContextLengthError, QueueFullError, ShuttingDownError, type GenerationRequest, type GenerationResult } from "../engine/scheduler";
import { QuoteConstraint, QuoteSourceError, QuoteTables } from "../engine/quote-constraint";
import { DEFAULT_QUOTE_PRIOR, NO_QUOTE_PRIOR } from "../engine/quote-prior";
import type { SamplingParams } from "../engine/sampler";
import { chatCompletionRequestSchema, type ChatCompletion, type ChatCompletionChunk, type ChatCompletionRequest } from "../shared/openai";
import { resolveServedModel, type ServingDeps } from "./deps";
import { ApiError, clientAbortSignal, parseBody, sendJson, SseWriter, type Route } from "./router";

/** Streamed tokens arriving within this many ms of the last write share one write (well under a screen refresh). */
export const SSE_COALESCE_MS = 10;

export function chatRoutes(deps: ServingDeps): Route[] {
  return [
    {
      method: "POST",
      pattern: "/v1/chat/completions",
      maxBodyBytes: 4 * 1024 * 1024,
      async handler(req, res, ctx) {
        const body = parseBody(chatCompletionRequestSchema, await ctx.readJson());
        const lora = await resolveServedModel(deps, body.model);
        const promptTokens = await renderPrompt(deps, body);
        const refusal = deps.scheduler.admissionError(promptTokens.length);
        if (refusal) throw toApiError(refusal);

        const remaining = deps.model.maxSequenceLength - promptTokens.length;
        const maxTokens = Math.min(body.max_completion_tokens ?? body.max_tokens ?? deps.defaultMaxTokens, remaining);
        const constraint = body.grounding ? quoteConstraint(deps, body) : undefined;
        const generation: GenerationRequest = {
          promptTokens,
          lora,
          sampling: samplingParams(body),
          maxTokens,
          stop: body.stop === undefined || body.stop === null ? [] : typeof body.stop === "string" ? [body.stop] : body.stop,
          ignoreEos: body.ignore_eos === true,
          constraint,
          signal: clientAbortSignal(req, res),
        };
        const meta = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: body.model };
        if (body.stream) await streamCompletion(deps, res, generation, meta, body.stream_options?.include_usage === true);
        else sendJson(res, 200, toCompletion(await submit(deps, generation), meta));
      },
    },
  ];
}

async function renderPrompt(deps: ServingDeps, body: ChatCompletionRequest): Promise<number[]> {
  let text: string;
  try {
    text = deps.tokenizer.applyChatTemplate(body.messages);
  } catch (err) {
    // Templates reject what the model cannot take (e.g. "roles must alternate") via raise_exception.
    throw new ApiError(400, `messages could not be rendered with the model's chat template: ${(err as Error).message}`, {
      param: "messages",
      code: "invalid_messages",
    });
  }
  const limit = deps.model.maxSequenceLength;
  const ids = await deps.tokenizer.encodeWithin(text, limit);
  if (!ids) {
    throw new ApiError(
      400,
      `This model's maximum context length is ${limit} tokens; the messages (${text.length} characters) are longer.`,
      {
        param: "messages",
        code: "context_length_exceeded",
      },
    );
  }
  return ids;
}

/** Compiles `grounding` (quote mode) into this request's decoding constraint, or a 400 with the reason. */
function quoteConstraint(deps: ServingDeps, body: ChatCompletionRequest): QuoteConstraint {
  const grounding = body.grounding!;
  // Either could end the answer inside a quote.
  if (body.stop !== undefined && body.stop !== null)
    throw new ApiError(400, "stop cannot be combined with grounding (quote mode ends answers between quotes)", {
      param: "stop",
      code: "invalid_grounding",
    });
  if (body.ignore_eos)
    throw new ApiError(400, "ignore_eos cannot be combined with grounding", { param: "ignore_eos", code: "invalid_grounding" });
  try {
    const tables = new QuoteTables(deps.tokenizer, grounding.sources);
    return new QuoteConstraint(tables, {
      eosTokenIds: deps.model.dims.eosTokenIds,
      reasoningOpeners: deps.tokenizer.reasoningOpenerIds(),
      prior: grounding.prior === "none" ? NO_QUOTE_PRIOR : DEFAULT_QUOTE_PRIOR,
      // Parts lean the answer through each asked part in turn; "none" leaves every choice to the model.
      parts: grounding.prior === "none" ? undefined : grounding.parts,
    });
  } catch (err) {
    if (err instanceof QuoteSourceError)
      throw new ApiError(400, `grounding.sources: ${err.message}`, { param: "grounding.sources", code: "invalid_grounding" });
    throw err;
  }
}

function samplingParams(body: ChatCompletionRequest): SamplingParams {
  return {
    temperature: body.temperature ?? 1,
    topP: body.top_p ?? 1,
    topK: body.top_k && body.top_k > 0 ? body.top_k : 0,
    seed: body.seed ?? undefined,
    frequencyPenalty: body.frequency_penalty ?? 0,
    presencePenalty: body.presence_penalty ?? 0,
    repetitionPenalty: body.repetition_penalty ?? 1,
  };
}

function toApiError(err: unknown): unknown {
  if (err instanceof QueueFullError) {
    return new ApiError(429, err.message, { code: "queue_full", headers: { "retry-after": String(err.retryAfterSeconds) } });
  }
  if (err instanceof ShuttingDownError) return new ApiError(503, err.message, { code: "shutting_down", headers: { "retry-after": "5" } });
  if (err instanceof ContextLengthError)
    return new ApiError(400, `This model's maximum context length is exceeded: ${err.message}`, {
      param: "messages",
      code: "context_length_exceeded",
    });
  return err;
}

async function submit(deps: ServingDeps, generation: GenerationRequest): Promise<GenerationResult> {
  try {
    return await deps.scheduler.submit(generation);
  } catch (err) {
    throw toApiError(err);
  }
}

/**
 * `data: <chunk>\n\n` for a content/reasoning delta, from the constant parts of `chunk`'s JSON
 * rendered once per stream: per event only the delta's strings are stringified.
 */
export function deltaFrame(chunk: (delta: ChatCompletionChunk["choices"][0]["delta"]) => ChatCompletionChunk) {
  const template = JSON.stringify(chunk({}));
  // `"delta":{}` occurs once: user-given strings (the model name) are escaped inside quotes.
  const at = template.lastIndexOf('"delta":{}');
  const head = `data: ${template.slice(0, at)}"delta":{`;
  const tail = `}${template.slice(at + '"delta":{}'.length)}\n\n`;
  return (content: string, reasoning: string): string => {
    const r = reasoning ? `"reasoning_content":${JSON.stringify(reasoning)}` : "";
    const c = content ? `"content":${JSON.stringify(content)}` : "";
    return head + r + (r && c ? "," : "") + c + tail;
  };
}

interface Meta {
  id: string;
  created: number;
  model: string;
}

function toCompletion(r: GenerationResult, meta: Meta): ChatCompletion {
  return {
    ...meta,
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: r.content, ...(r.reasoning ? { reasoning_content: r.reasoning } : {}) },
        finish_reason: r.finishReason,
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: r.promptTokens, completion_tokens: r.completionTokens, total_tokens: r.promptTokens + r.completionTokens },
  };
}

async function streamCompletion(
  deps: ServingDeps,
  res: ServerResponse,
  generation: GenerationRequest,
  meta: Meta,
  includeUsage: boolean,
): Promise<void> {
  const sse = new SseWriter(res);
  const chunk = (
    delta: ChatCompletionChunk["choices"][0]["delta"],
    finish: ChatCompletionChunk["choices"][0]["finish_reason"] = null,
  ): ChatCompletionChunk => ({
    ...meta,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...(includeUsage ? { usage: null } : {}),
  });
  sse.data(chunk({ role: "assistant", content: "" }));
  // A small model streams a token every ~0.5 ms. Tokens within SSE_COALESCE_MS of the last write
  // go out in ONE write and ONE event whose delta holds all their text: one socket write, one
  // JSON.stringify here and one JSON.parse in the client per interval instead of per token. The
  // first token after a pause goes out at once.
  sse.coalesce(SSE_COALESCE_MS);
  const frame = deltaFrame(chunk);
  let content = "";
  let reasoning = "";
  const render = () => {
    const text = frame(content, reasoning);
    content = reasoning = "";
    return text;
  };
  generation.onDelta = (d) => {
    const queued = content !== "" || reasoning !== "";
    content += d.content;
    reasoning += d.reasoning;
    if (!queued) sse.render(render);
  };
  const result = await submit(deps, generation);
  if (sse.closed) return;
  sse.data(chunk({}, result.finishReason));
  if (includeUsage) {
    const usage = {
      prompt_tokens: result.promptTokens,
      completion_tokens: result.completionTokens,
      total_tokens: result.promptTokens + result.completionTokens,
    };
    sse.data({ ...meta, object: "chat.completion.chunk", choices: [], usage });
  }
  sse.done();
}
