// POST /api/v1/chat/completions: the partner surface over the one chat pipeline. It
// authenticates the key, validates the OpenAI-shaped body, reserves the worst case in
// Postgres, runs prepareChatTurn/streamChatTurn and translates their events to an OpenAI
// completion or SSE chunks; the reservation is settled however the request ends.
import crypto from "node:crypto";
import { ChatRequestError } from "@/lib/chat/errors";
import { BodyError, readJsonBody, zodReason } from "@/lib/chat/http";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { prepareChatTurn, streamChatTurn, type ChatDeps, type PreparedTurn } from "@/lib/chat/pipeline";
import type { ChatEvent } from "@/lib/chat/types";
import type { Db } from "@/lib/db/client";
import { checkOrigin, corsHeaders } from "./cors";
import { PartnerError } from "./errors";
import { authenticateApiKey, touchApiKey, type ApiKeyRecord } from "./keys";
import { admitRequest, rateLimitHeaders, settleRequest } from "./limits";
import { promptTokenBound, type BudgetInput } from "./token-budget";
import {
  chatCompletionRequestSchema,
  chunkObject,
  completionAsChunks,
  completionObject,
  conversationOf,
  MAX_PARTNER_BODY_BYTES,
  PARTNER_MODEL_ID,
  sseData,
  TurnCollector,
  usageField,
  userLocaleOf,
  WireError,
  type ChatCompletionRequest,
  type CompletionIds,
  type CompletionObject,
  type EmergencyField,
} from "./wire";

export interface PartnerDeps extends Omit<ChatDeps, "db"> {
  getDb: () => Promise<Db>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** A reservation outlives the answer's own time limit by this much before it counts as abandoned. */
const LEASE_MARGIN_MS = 60_000;

export async function openDb(getDb: () => Promise<Db>): Promise<Db> {
  try {
    return await getDb();
  } catch (error) {
    console.error("[partner-api] database unavailable", error);
    throw new PartnerError(503, "database_unavailable", "The service's database is unavailable right now; retry in a moment.", {
      headers: { "retry-after": "5" },
    });
  }
}

/** Runs a partner route, answering any failure in OpenAI's error shape (never an HTML 500). */
export async function withPartnerErrors(request: Request, run: (cors: Record<string, string>) => Promise<Response>): Promise<Response> {
  const cors = corsHeaders(request.headers.get("origin"));
  try {
    return await run(cors);
  } catch (error) {
    if (error instanceof PartnerError) return error.toResponse(error.status === 403 && error.code === "origin_not_allowed" ? {} : cors);
    console.error("[partner-api] unexpected error", error);
    return new PartnerError(500, "internal_error", "The server failed to handle this request; it has been logged.").toResponse(cors);
  }
}

export function handleChatCompletions(request: Request, deps: PartnerDeps): Promise<Response> {
  return withPartnerErrors(request, async (cors) => {
    const db = await openDb(deps.getDb);
    const key = await authenticateApiKey(db, request.headers.get("authorization"), "chat");
    checkOrigin(key, request.headers.get("origin"));
    const body = await readBody(request);
    if (body.model !== PARTNER_MODEL_ID) {
      throw new PartnerError(
        404,
        "model_not_found",
        `The model "${body.model.slice(0, 100)}" does not exist; use "${PARTNER_MODEL_ID}" (GET /api/v1/models).`,
        { param: "model" },
      );
    }
    let conversation: ReturnType<typeof conversationOf>;
    try {
      conversation = conversationOf(body);
    } catch (error) {
      if (error instanceof WireError) throw new PartnerError(400, "invalid_messages", error.message, { param: error.param });
      throw error;
    }
    const locale = userLocaleOf(body, request.headers.get("accept-language"));
    const env = deps.env ?? process.env;
    const baseGpu = deps.gpu ?? gpuFunctionConfig(env);
    const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? baseGpu.maxOutputTokens;
    if (maxTokens > baseGpu.maxOutputTokens) {
      throw new PartnerError(
        400,
        "max_tokens_too_large",
        `max_tokens is ${maxTokens}; the most this server generates is ${baseGpu.maxOutputTokens}.`,
        { param: "max_tokens" },
      );
    }
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new PartnerError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
    }
    const budget = {
      question: conversation.question,
      history: conversation.history,
      locale,
      promptLevel: baseGpu.promptLevel,
      env,
    };
    const promptBound = promptTokenBound(budget);
    const stream = body.stream === true;
    const admission = await admitRequest(db, key, {
      reserveTokens: promptBound + maxTokens,
      maxTokens,
      stream,
      idempotencyKey,
      requestHash: idempotencyKey ? crypto.createHash("sha256").update(JSON.stringify(body)).digest("hex") : undefined,
      leaseMs: baseGpu.timeoutMs + LEASE_MARGIN_MS,
    });
    if (admission.kind === "replay") return replay(admission.response as CompletionObject, stream, body, cors);
    void touchApiKey(db, key.id).catch((error) => console.error("[partner-api] could not stamp the key's last use", error));

    const headers = { ...cors, ...rateLimitHeaders(admission.snapshot), "x-request-id": admission.usageId };
    const run = new PartnerTurn(db, key, admission.usageId, budget, !!idempotencyKey);
    const chatDeps: ChatDeps = {
      ...deps,
      db,
      gpu: { ...baseGpu, maxOutputTokens: maxTokens, temperature: body.temperature ?? baseGpu.temperature },
    };
    let turn: PreparedTurn;
    try {
      turn = await prepareChatTurn(
        {
          surface: "api",
          visitorId: `api_${key.id}`,
          conversationId: `api_${crypto.randomUUID()}`,
          userMessage: { id: crypto.randomUUID(), text: conversation.question },
          // A partner key stands for the partner's own consent flow (see README, Partner API).
          consent: true,
          locale,
          apiKeyId: key.id,
          history: conversation.history,
        },
        chatDeps,
      );
    } catch (error) {
      await run.settle();
      if (error instanceof ChatRequestError) throw new PartnerError(error.status, error.code, error.message, { param: "messages" });
      throw error;
    }
    // Client disconnects abort the model call; the pipeline then ends with a partial answer.
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    request.signal.addEventListener("abort", onAbort, { once: true });
    const events = streamChatTurn(turn, chatDeps, abort.signal)[Symbol.asyncIterator]();
    try {
      return stream
        ? await run.streamResponse(events, abort, body.stream_options?.include_usage === true, headers)
        : await run.jsonResponse(events, headers);
    } finally {
      request.signal.removeEventListener("abort", onAbort);
    }
  });
}

async function readBody(request: Request): Promise<ChatCompletionRequest> {
  let raw: unknown;
  try {
    raw = await readJsonBody(request, MAX_PARTNER_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyError) throw new PartnerError(error.status, error.code, error.message);
    throw error;
  }
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PartnerError(400, "invalid_request_body", zodReason(parsed.error), {
      param: first?.path.length ? first.path.join(".") : null,
    });
  }
  return parsed.data;
}

function replay(completion: CompletionObject, stream: boolean, body: ChatCompletionRequest, cors: Record<string, string>): Response {
  const headers = { ...cors, "idempotent-replayed": "true" };
  if (!stream) return Response.json(completion, { headers });
  return new Response(completionAsChunks(completion, body.stream_options?.include_usage === true), {
    headers: { ...headers, ...SSE_HEADERS },
  });
}

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/**
 * Model failures before any output become an HTTP error; after output, a final error chunk.
 * When triage fired, the notice leads the message itself, so even a client that reads only
 * error.message shows it.
 */
function modelFailure(code: string, message: string, extra: { emergency: EmergencyField | null } & Record<string, unknown>): PartnerError {
  const status = code === "model_error" ? 500 : 503;
  const text = extra.emergency ? `${extra.emergency.text} ${message}` : message;
  return new PartnerError(status, code, text, { headers: status === 503 ? { "retry-after": "5" } : {}, extra });
}

/** One admitted request: gathers the pipeline's events and settles its reservation exactly once. */
class PartnerTurn {
  readonly collector = new TurnCollector();
  readonly ids: CompletionIds = { id: `chatcmpl-${crypto.randomBytes(12).toString("base64url")}`, created: Math.floor(Date.now() / 1000) };
  private settled = false;

  constructor(
    private readonly db: Db,
    private readonly key: ApiKeyRecord,
    private readonly usageId: string,
    private readonly budget: Omit<BudgetInput, "maxTokens" | "actual">,
    private readonly storeResponse: boolean,
  ) {}

  /**
   * Tokens actually used: the model's own count; else (cut short before the model reported it)
   * the bound of the prompt really sent (its sources and triage) and the deltas seen.
   */
  usage() {
    const c = this.collector;
    // No passage found: the pipeline answered with its fixed text, without calling the model.
    if (c.finish?.finishReason === "no_passage") return usageField(0, 0);
    const reported = c.finish?.usage;
    if (reported?.inputTokens !== undefined && reported.outputTokens !== undefined)
      return usageField(reported.inputTokens, reported.outputTokens);
    const completion = reported?.outputTokens ?? c.deltas;
    const actual = c.triage ? { sources: c.sources, triage: c.triage } : undefined;
    const prompt = reported?.inputTokens ?? (completion > 0 ? promptTokenBound({ ...this.budget, actual }) : 0);
    return usageField(prompt, completion);
  }

  async settle(response?: CompletionObject): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    const c = this.collector;
    const usage = this.usage();
    try {
      await settleRequest(this.db, this.usageId, {
        status: c.finish ? c.finish.status : c.deltas > 0 ? "partial" : "error",
        promptTokens: usage.prompt_tokens,
        completionTokens: usage.completion_tokens,
        emergency: c.emergency !== null,
        model: c.finish?.model ?? null,
        conversationId: c.conversationId,
        errorCode: c.error?.code ?? (c.finish?.aborted ? "client_disconnected" : null),
        response: this.storeResponse ? response : undefined,
      });
    } catch (error) {
      // The lease expiry releases the reservation if this write is lost.
      console.error(`[partner-api] could not settle ${this.usageId} of ${this.key.id}`, error);
    }
  }

  private extras(): { emergency: EmergencyField | null } & Record<string, unknown> {
    const c = this.collector;
    return { emergency: c.emergency, disclaimer: c.disclaimer || null, citations: c.citations };
  }

  async jsonResponse(events: AsyncIterator<ChatEvent>, headers: Record<string, string>): Promise<Response> {
    try {
      for (let next = await events.next(); !next.done; next = await events.next()) this.collector.add(next.value);
    } catch (error) {
      await this.settle();
      throw error;
    }
    const c = this.collector;
    if (c.error) {
      await this.settle();
      throw modelFailure(c.error.code, c.error.message, this.extras());
    }
    const completion = completionObject(c, this.ids, this.usage());
    await this.settle(c.finish?.status === "complete" ? completion : undefined);
    return Response.json(completion, { headers });
  }

  /**
   * Holds the response until the first token (or the end) so that a model that fails before
   * answering gets a real HTTP status; then streams chunks while the pipeline runs.
   */
  async streamResponse(
    events: AsyncIterator<ChatEvent>,
    abort: AbortController,
    includeUsage: boolean,
    headers: Record<string, string>,
  ): Promise<Response> {
    const c = this.collector;
    const held: ChatEvent[] = [];
    let ended = false;
    try {
      for (;;) {
        const next = await events.next();
        if (next.done) {
          ended = true;
          break;
        }
        c.add(next.value);
        held.push(next.value);
        const t = next.value.type;
        if (t === "text-delta" || t === "reasoning-delta" || t === "finish") break;
        if (t === "error") {
          for (let rest = await events.next(); !rest.done; rest = await events.next()) c.add(rest.value);
          await this.settle();
          throw modelFailure(c.error!.code, c.error!.message, this.extras());
        }
      }
    } catch (error) {
      await this.settle();
      throw error;
    }

    const encoder = new TextEncoder();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        const write = (text: string) => {
          if (cancelled) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cancelled = true;
          }
        };
        const emit = (event: ChatEvent) => {
          if (event.type === "text-delta") write(sseData(chunkObject(this.ids, { content: event.text })));
          else if (event.type === "reasoning-delta") write(sseData(chunkObject(this.ids, { reasoning_content: event.text })));
          else if (event.type === "finish") this.writeEnd(write, includeUsage);
        };
        void (async () => {
          let failure: unknown;
          try {
            write(sseData(chunkObject(this.ids, { role: "assistant", content: "" }, null, c.emergency ? { emergency: c.emergency } : {})));
            for (const event of held) emit(event);
            if (!ended) {
              for (let next = await events.next(); !next.done; next = await events.next()) {
                c.add(next.value);
                emit(next.value);
              }
            }
          } catch (error) {
            failure = error;
            console.error("[partner-api] stream failed", error);
          } finally {
            const completion = c.finish?.status === "complete" && !failure ? completionObject(c, this.ids, this.usage()) : undefined;
            await this.settle(completion);
            if (failure) {
              write(
                sseData({
                  error: {
                    message: "The answer failed on the server; what was sent may be incomplete.",
                    type: "server_error",
                    param: null,
                    code: "internal_error",
                  },
                }),
              );
              write(sseData("[DONE]"));
            }
            if (!cancelled) {
              try {
                controller.close();
              } catch {
                // already closed by a cancel
              }
            }
          }
        })();
      },
      cancel: () => {
        // The client went away: stop the model; the loop above still drains and settles.
        cancelled = true;
        abort.abort();
      },
    });
    return new Response(body, { headers: { ...headers, ...SSE_HEADERS } });
  }

  /** The last chunks: citations, disclaimer and usage; a mid-stream failure as a final error chunk. */
  private writeEnd(write: (text: string) => void, includeUsage: boolean): void {
    const c = this.collector;
    const usage = this.usage();
    const extras = { citations: c.citations, disclaimer: c.disclaimer, usage };
    if (c.error) {
      write(sseData(chunkObject(this.ids, {}, null, extras)));
      write(sseData(new PartnerError(503, c.error.code, c.error.message).body()));
    } else {
      write(sseData(chunkObject(this.ids, {}, c.finishReason(), extras)));
      if (includeUsage)
        write(
          sseData({
            id: this.ids.id,
            object: "chat.completion.chunk",
            created: this.ids.created,
            model: PARTNER_MODEL_ID,
            choices: [],
            usage,
          }),
        );
    }
    write(sseData("[DONE]"));
  }
}
