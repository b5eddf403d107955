// THE chat pipeline every surface calls: validate → consent → triage → retrieve →
// prompt → stream from the gpu-function → persist. It emits surface-neutral events
// (types.ts); the web/widget stream and the partner API only adapt them.
import { setTimeout as sleep } from "node:timers/promises";
import { streamText, type LanguageModel } from "ai";
import type { Db } from "@/lib/db/client";
import { conversationExists, createConversation, getConversation, titleFromMessage, touchConversation } from "@/lib/db/conversations";
import { deleteMessagesAfter, getMessage, insertMessage, listMessages, upsertMessage, type StoredMessage } from "@/lib/db/messages";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { answerDisclaimer } from "@/lib/safety/disclaimers";
import { triage } from "@/lib/safety/triage";
import { AnswerRecorder } from "./answer-parts";
import { AppError } from "@/lib/http/app-error";
import { classifyModelError, isContextLengthError, isDroppedConnection, userMessageFor } from "./errors";
import { CitationFilter } from "./citations";
import {
  gpuFunctionChatModel,
  gpuFunctionConfig,
  resolveAnswerMode,
  resolveModelId,
  type AnswerMode,
  type GpuFunctionConfig,
} from "./model";
import { crisisAnswer, needsCrisisAnswer, noPassageAnswer } from "./no-passage";
import { socialKind, socialReply } from "./social-message";
import { englishOnlyAnswer, nonEnglishLanguageOf } from "./english-only";
import { isWellFormedText } from "@/lib/http/storable-text";
import { numberPartSources, retrievePerPart } from "./part-sources";
import { readInConversation, retrieveInConversation } from "./follow-up";
import { buildPrompt, PROMPT_LEVELS, sourcesShown, type PromptLevel } from "./prompt";
import { servedAdapterPointer } from "@/lib/training/active-adapter";
import type { AnswerStatus, ChatEvent, ChatTurnInput, ChatUsage, HistoryMessage, Retriever } from "./types";
import type { ChatStreamErrorCode } from "./ui-types";

export const MAX_MESSAGE_CHARS = 4_000;
/** A streaming answer's row is rewritten with the text so far at most this often… */
export const ANSWER_CHECKPOINT_MS = 2_000;
/** …and touched at least this often while waiting on the model (lib/chat/interrupted.ts reads it). */
export const ANSWER_HEARTBEAT_MS = 5_000;
/** Pause before asking the model server again after it dropped the connection unanswered. */
const RECONNECT_DELAY_MS = 150;

export interface ChatDeps {
  db: Db;
  retriever?: Retriever;
  gpu?: GpuFunctionConfig;
  /** Overrides the gpu-function model (tests). */
  model?: LanguageModel;
  env?: Record<string, string | undefined>;
  newId?: () => string;
}

export interface PreparedTurn {
  input: ChatTurnInput;
  text: string;
  history: HistoryMessage[];
  assistantMessageId: string;
}

/** Postgres text and jsonb cannot hold U+0000 (a small model can emit it): drop it. */
function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replace(/\u0000/g, "") : text;
}

function storedText(message: StoredMessage): string {
  const parts = Array.isArray(message.parts) ? (message.parts as { type?: string; text?: string }[]) : [];
  return parts.map((p) => (p.type === "text" && typeof p.text === "string" ? p.text : "")).join("");
}

function toHistory(messages: StoredMessage[]): HistoryMessage[] {
  return messages
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => ({ role: m.role as "user" | "assistant", text: storedText(m), at: m.createdAt }))
    .filter((m) => m.text.length > 0);
}

/**
 * Checks the request (consent, size, ownership) and stores the user's message at once,
 * so nothing the user sent is lost whatever happens to the answer.
 */
export async function prepareChatTurn(input: ChatTurnInput, deps: ChatDeps): Promise<PreparedTurn> {
  if (input.consent !== true) {
    throw new AppError(403, "consent_required", "Please accept the medical disclaimer first: this request lacks consent: true.");
  }
  // Postgres text/jsonb cannot store a lone UTF-16 surrogate (an unpaired "\ud800" escape in the JSON).
  if (!isWellFormedText(input.userMessage.text)) {
    throw new AppError(400, "invalid_text", "The message contains invalid Unicode (an unpaired surrogate character). Please retype it.", {
      param: "message",
    });
  }
  const text = withoutNul(input.userMessage.text).trim();
  if (!text) throw new AppError(400, "empty_message", "The message has no text.");
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new AppError(413, "message_too_long", `The message is ${text.length} characters long; the limit is ${MAX_MESSAGE_CHARS}.`);
  }
  const { db } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const conversation = await getConversation(db, input.conversationId, input.visitorId);
  if (!conversation && (await conversationExists(db, input.conversationId))) {
    throw new AppError(404, "conversation_not_found", "No such conversation for this visitor.");
  }
  const stored = conversation ? await listMessages(db, input.conversationId) : [];
  const existing = stored.find((m) => m.id === input.userMessage.id);
  if (existing && existing.role !== "user") throw new AppError(400, "not_a_user_message", "Only a user message can be answered again.");
  // Message ids are client-chosen but global: an id already used elsewhere (another visitor's
  // message) is not reported — that would tell the caller it exists — the question is stored
  // under a fresh server id instead and answered as any new one.
  let userMessageId = input.userMessage.id;
  if (!existing && (await getMessage(db, userMessageId))) userMessageId = newId();
  for (let attempt = 0; ; attempt++) {
    try {
      await storeUserTurn(db, input, text, conversation === undefined, existing, userMessageId);
      break;
    } catch (error) {
      // A concurrent request took the id between the check and the insert: same answer, fresh id.
      if (!existing && attempt === 0 && isUniqueViolation(error)) {
        userMessageId = newId();
        continue;
      }
      throw error;
    }
  }
  const history = toHistory(existing ? stored.slice(0, stored.indexOf(existing)) : stored);
  return { input, text, history: input.history ?? history, assistantMessageId: newId() };
}

/** One transaction: a refused message never leaves a new, empty conversation behind. */
async function storeUserTurn(
  db: Db,
  input: ChatTurnInput,
  text: string,
  isNew: boolean,
  existing: StoredMessage | undefined,
  userMessageId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (isNew) {
      await createConversation(tx, {
        id: input.conversationId,
        visitorId: input.visitorId,
        surface: input.surface,
        title: titleFromMessage(text),
        widgetSiteId: input.widgetSiteId ?? null,
        apiKeyId: input.apiKeyId ?? null,
      });
    }
    // A resent or regenerated question: answer it again, replacing what followed it.
    if (existing) await deleteMessagesAfter(tx, input.conversationId, existing);
    // (A "regenerate" of a question that was never stored, e.g. after a refused request, is a first answer.)
    else
      await insertMessage(tx, { id: userMessageId, conversationId: input.conversationId, role: "user", parts: [{ type: "text", text }] });
    await touchConversation(tx, input.conversationId);
  });
}

/** Streams one answer as neutral events and persists it (complete, partial or error) however the stream ends. */
export async function* streamChatTurn(turn: PreparedTurn, deps: ChatDeps, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
  const env = deps.env ?? process.env;
  const gpu = deps.gpu ?? gpuFunctionConfig(env);
  const { input, text } = turn;
  const contacts = emergencyContactsFor(input.locale, env);
  // Triage reads the user's recent turns with this one (an emergency told in two messages).
  const previousTurns = turn.history.filter((m) => m.role === "user").map((m) => ({ text: m.text, at: m.at }));
  const triageResult = triage(text, input.locale ?? contacts.locale, { env, previousTurns });
  const recorder = new AnswerRecorder();
  // A question clearly in another language, no emergency: the English knowledge base answers
  // in English — say so in the question's language (english-only.ts), no retrieval, no model.
  const otherLanguage = deps.retriever && !triageResult.emergency ? nonEnglishLanguageOf(text) : null;
  // A greeting or thanks gets an English reply (social-message.ts), so its footer is English too:
  // "hi" is too short to tell its language, which then came from the browser's (a Spanish footer under "Hello!").
  const greeting = !triageResult.emergency && !otherLanguage ? socialKind(text) : null;
  const disclaimer = answerDisclaimer(contacts, otherLanguage ?? (greeting ? "en" : triageResult.language));
  let modelId = "unknown";
  let status: AnswerStatus = "complete";
  let usage: ChatUsage = {};
  let persisted = false;
  let disclaimerRecorded = false;

  const triageMeta = { emergency: triageResult.emergency, categories: triageResult.categories };
  // Writes of this answer's row run one after another, so a checkpoint never lands after the final write.
  let writes: Promise<void> = Promise.resolve();
  const write = (fn: () => Promise<void>): Promise<void> => {
    writes = writes.then(fn).catch((error: unknown) => console.error("[chat] could not store the answer", error));
    return writes;
  };
  let lastCheckpoint = 0;
  // The answer row exists from the start and is checkpointed as it grows (status "streaming",
  // with a heartbeat): if the app dies mid-answer, a later read finds it and marks it interrupted.
  const checkpoint = (): Promise<void> => {
    lastCheckpoint = Date.now();
    return write(async () => {
      if (persisted) return;
      await upsertMessage(deps.db, {
        id: turn.assistantMessageId,
        conversationId: input.conversationId,
        role: "assistant",
        parts: [
          ...recorder.partsSoFar(),
          ...(disclaimerRecorded ? [] : [{ type: "data-disclaimer" as const, data: { text: disclaimer } }]),
        ],
        metadata: { status: "streaming", model: modelId, triage: triageMeta, heartbeatAt: new Date().toISOString() },
        status: "streaming",
      });
    });
  };
  const heartbeat = setInterval(() => void checkpoint(), ANSWER_HEARTBEAT_MS);
  heartbeat.unref?.();

  const persist = async (final: AnswerStatus) => {
    if (persisted) return;
    clearInterval(heartbeat);
    if (!disclaimerRecorded) recorder.record({ type: "disclaimer", text: disclaimer });
    const parts = recorder.finalParts();
    persisted = true;
    await write(async () => {
      await upsertMessage(deps.db, {
        id: turn.assistantMessageId,
        conversationId: input.conversationId,
        role: "assistant",
        parts,
        metadata: { status: final, model: modelId, usage, triage: triageMeta },
        status: final,
      });
      await touchConversation(deps.db, input.conversationId);
    });
  };

  const emit = (event: ChatEvent): ChatEvent => {
    recorder.record(event);
    if (event.type === "disclaimer") disclaimerRecorded = true;
    return event;
  };

  try {
    await checkpoint();
    yield emit({ type: "start", conversationId: input.conversationId, messageId: turn.assistantMessageId, triage: triageResult });
    // The emergency notice goes out before retrieval or the model, so it is always first.
    if (triageResult.emergency && triageResult.notice) yield emit({ type: "emergency", notice: triageResult.notice });

    let chunks: Awaited<ReturnType<Retriever>> = [];
    // A message asking several things: each part's own passages too (part-sources.ts).
    let perPart: Array<Awaited<ReturnType<Retriever>>> = [];
    // Suicide or self-harm: the crisis answer, never passages (no-passage.ts).
    const crisis = needsCrisisAnswer(triageResult, triage(text, input.locale ?? contacts.locale, { env }));
    // "hi", "thanks so much", "ok bye": a fixed reply, no retrieval (social-message.ts).
    const social = crisis ? null : greeting;
    // What the message leans on in the conversation and what it asks, read once for retrieval and the prompt (follow-up.ts).
    const reading = readInConversation(text, turn.history);
    if (deps.retriever && !crisis && !otherLanguage && !social) {
      try {
        // A follow-up ("how is it treated?") is searched with the conversation's subject (follow-up.ts);
        // when that finds nothing, the message alone.
        chunks = await retrieveInConversation(deps.retriever, text, turn.history, signal, reading);
        if (chunks.length > 0 && gpu.multiPart) perPart = await retrievePerPart(deps.retriever, text, signal);
      } catch (error) {
        // Retrieval is best effort: answer without sources rather than not at all.
        console.error("[chat] retrieval failed", error);
      }
    }
    // Only the sources the prompt will quote are shown (the starting prompt level caps them).
    const startLevel = Math.max(0, Math.min(gpu.promptLevel, PROMPT_LEVELS.length - 1));
    const numbered = numberPartSources(chunks, perPart, text);
    const sources = numbered.sources.slice(0, sourcesShown(PROMPT_LEVELS[startLevel].sources, numbered.parts));
    if (sources.length > 0) yield emit({ type: "sources", sources });

    // A follow-up's sentences are weighed against the conversation's subject too (prompt.ts), and one that asks
    // nothing of its own ("and for my dad?") asks the question before it again.
    const promptInput = {
      question: reading.question,
      history: turn.history,
      sources,
      parts: numbered.parts,
      triage: triageResult,
      contacts,
      subject: reading.subject ?? undefined,
    };
    const timeout = AbortSignal.timeout(gpu.timeoutMs);
    const abortSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let errorCode: ChatStreamErrorCode | undefined;
    let aborted = false;
    let finishReason: string | undefined;
    let mode: AnswerMode | undefined;
    let reconnected = false;
    for (let level: PromptLevel = gpu.promptLevel; ; level++) {
      try {
        // The crisis answer needs no model, and must not wait on one that is down.
        if (crisis) {
          yield emit({ type: "text-delta", text: crisisAnswer(contacts, triageResult.language) });
          finishReason = "no_passage";
          break;
        }
        if (otherLanguage) {
          yield emit({ type: "text-delta", text: englishOnlyAnswer(contacts, otherLanguage) });
          finishReason = "no_passage";
          break;
        }
        if (social) {
          yield emit({ type: "text-delta", text: socialReply(social) });
          finishReason = "no_passage";
          break;
        }
        if (modelId === "unknown")
          modelId = deps.model
            ? "override"
            : await resolveModelId(gpu, abortSignal, gpu.model ? undefined : await servedAdapterPointer(deps.db).catch(() => undefined));
        mode ??= deps.model ? (gpu.grounding === "quote" ? "quote" : "free") : await resolveAnswerMode(gpu, modelId, abortSignal);
        // Nothing found (or nothing to quote): a fixed, honest answer, and no generation.
        if (sources.length === 0 && (deps.retriever || mode === "quote")) {
          yield emit({ type: "text-delta", text: noPassageAnswer(contacts, triageResult, triageResult.language) });
          finishReason = "no_passage";
          break;
        }
        const prompt = buildPrompt(promptInput, level, mode);
        const model = deps.model ?? gpuFunctionChatModel(gpu, modelId);
        // Markers naming no source the prompt holds are removed (quote mode never writes one).
        const citations = new CitationFilter(prompt.quoteSources.length);
        const result = streamText({
          model,
          instructions: prompt.instructions,
          messages: prompt.messages,
          maxOutputTokens: gpu.maxOutputTokens,
          // Quote mode picks the most likely sentences (what eval:answers measures); sampling is for free text.
          temperature: mode === "quote" ? 0 : gpu.temperature,
          abortSignal,
          maxRetries: 0,
          ...(mode === "quote"
            ? {
                providerOptions: {
                  gpuFunction: {
                    grounding: {
                      mode: "quote",
                      sources: prompt.quoteSources,
                      prior: gpu.quotePrior,
                      // A question asking several things: which sources answer each part (the engine covers them in turn).
                      ...(prompt.quoteParts.length > 0 ? { parts: prompt.quoteParts } : {}),
                    },
                  },
                },
              }
            : {}),
          // Failures surface as `error` parts below; the default handler would only log them twice.
          onError: () => {},
        });
        for await (const part of result.stream) {
          if ((part.type === "text-delta" || part.type === "reasoning-delta") && Date.now() - lastCheckpoint >= ANSWER_CHECKPOINT_MS)
            void checkpoint();
          if (part.type === "text-delta" && part.text) {
            const text = citations.push(withoutNul(part.text));
            if (text) yield emit({ type: "text-delta", text });
          } else if (part.type === "reasoning-delta" && part.text) yield emit({ type: "reasoning-delta", text: withoutNul(part.text) });
          else if (part.type === "error") throw part.error;
          else if (part.type === "abort") aborted = true;
          else if (part.type === "finish") {
            finishReason = part.finishReason;
            usage = { inputTokens: part.totalUsage.inputTokens, outputTokens: part.totalUsage.outputTokens };
          }
        }
        const rest = citations.flush();
        if (rest) yield emit({ type: "text-delta", text: rest });
        break;
      } catch (error) {
        const nothingYet = recorder.text.length === 0 && recorder.reasoning.length === 0;
        // The prompt did not fit the model's context: nothing was generated, retry smaller.
        // (Quote mode stops at the last level that still has sources.)
        const lastLevel = mode === "quote" ? PROMPT_LEVELS.findLastIndex((l) => l.sources > 0) : PROMPT_LEVELS.length - 1;
        if (!signal?.aborted && nothingYet && level < lastLevel && isContextLengthError(error)) continue;
        // A connection dropped before any answer (a busy server resetting sockets): ask once more, same prompt.
        if (!signal?.aborted && !timeout.aborted && nothingYet && !reconnected && isDroppedConnection(error)) {
          reconnected = true;
          level--;
          await sleep(RECONNECT_DELAY_MS);
          continue;
        }
        if (signal?.aborted) aborted = true;
        else {
          errorCode = classifyModelError(error, { hadText: recorder.text.length > 0, timedOut: timeout.aborted });
          if (errorCode !== "stream_interrupted")
            console.error("[chat] model call failed:", error instanceof Error ? error.message : error);
        }
        break;
      }
    }
    if (signal?.aborted) aborted = true;
    if (errorCode) status = recorder.text.length > 0 ? "partial" : "error";
    else if (aborted) status = "partial";
    if (errorCode)
      yield emit({ type: "error", code: errorCode, message: userMessageFor(errorCode, contacts.emergencyNumber, triageResult.language) });
    yield emit({ type: "disclaimer", text: disclaimer });
    await persist(status);
    yield { type: "finish", status, aborted, usage, model: modelId, finishReason };
  } finally {
    // The consumer went away mid-stream (client disconnect): keep what was produced.
    await persist(status === "complete" ? "partial" : status);
    clearInterval(heartbeat);
  }
}

/** Convenience for tests and non-streaming callers: runs a whole turn and collects its events. */
export async function runChatTurn(input: ChatTurnInput, deps: ChatDeps, signal?: AbortSignal): Promise<ChatEvent[]> {
  const turn = await prepareChatTurn(input, deps);
  const events: ChatEvent[] = [];
  for await (const event of streamChatTurn(turn, deps, signal)) events.push(event);
  return events;
}

/** Postgres unique_violation (23505), as PGlite, pg and Neon report it (drizzle may wrap it). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
