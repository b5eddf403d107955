// The partner API's wire format: OpenAI Chat Completions (request schema, completion
// object, stream chunks) plus MedChat's extras as fields — `citations`, `disclaimer`,
// `emergency`. Only translation lives here; the answer comes from lib/chat's pipeline.
import { z } from "zod";
import { citedSourceNumbers } from "@/lib/chat/citations";
import { emergencyActions, noticeLabels, type EmergencyAction } from "@/lib/chat/emergency-actions";
import { sourceLabel, sourceSnippet } from "@/lib/chat/source-parts";
import type { ChatEvent, ChatSource, HistoryMessage } from "@/lib/chat/types";
import type { EmergencyNotice, TriageResult } from "@/lib/safety/triage";

/** The model id partners call: the MedChat pipeline (safety, retrieval, grounding, disclaimers). */
export const PARTNER_MODEL_ID = "medchat";
export const MAX_PARTNER_BODY_BYTES = 256 * 1024;
const SNIPPET_CHARS = 280;

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"], {
    message: 'role must be one of "system", "developer", "user", "assistant"',
  }),
  content: z.union([z.string(), z.array(contentPart).max(64), z.null()]).optional(),
});

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string({ message: "model is required" }).min(1, "model is required").max(200),
  messages: z
    .array(message, { message: "messages must be an array of messages" })
    .min(1, "messages must not be empty")
    .max(200, "at most 200 messages"),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.literal(1, { message: "n must be 1: one answer per request" }).nullish(),
  tools: z.array(z.unknown()).max(0, "tools are not supported").nullish(),
  /** MedChat extension: the user's locale (BCP 47), for the emergency number and crisis line. */
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "locale must be a BCP 47 tag such as en-US")
    .nullish(),
  user: z.string().max(256).nullish(),
  /** OpenAI's request metadata (string values); `metadata.locale` is read when `locale` is absent. */
  metadata: z.record(z.string().max(64), z.string().max(512)).nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The user's locale for the emergency number and crisis line: the request's `locale`, else
 * `metadata.locale` (a field the official OpenAI clients send as is), else the first language
 * of the Accept-Language header (a partner's backend may forward its user's). Anything that
 * is not a BCP 47 tag is ignored here (an invalid `locale` is refused by the schema).
 */
export function userLocaleOf(
  request: Pick<ChatCompletionRequest, "locale" | "metadata">,
  acceptLanguage: string | null,
): string | undefined {
  if (request.locale) return request.locale;
  const fromMetadata = request.metadata?.locale;
  if (fromMetadata && fromMetadata.length <= 35 && BCP47.test(fromMetadata)) return fromMetadata;
  const first = acceptLanguage?.slice(0, 200).split(",")[0]?.split(";")[0]?.trim();
  return first && first.length <= 35 && BCP47.test(first) ? first : undefined;
}

export class WireError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

function textOf(content: z.infer<typeof message>["content"], index: number): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content
    .map((part, j) => {
      if (part.type !== "text" || typeof part.text !== "string") {
        throw new WireError(
          `messages[${index}].content[${j}]: only text parts are supported (got "${part.type}")`,
          `messages[${index}].content`,
        );
      }
      return part.text;
    })
    .join("\n");
}

/**
 * The question (the last message, which must be the user's) and the earlier turns. A
 * partner's system/developer messages are not passed on: MedChat's own safety policy is
 * the only system prompt.
 */
export function conversationOf(request: ChatCompletionRequest): { question: string; history: HistoryMessage[] } {
  const turns: HistoryMessage[] = [];
  request.messages.forEach((m, i) => {
    if (m.role === "tool") throw new WireError(`messages[${i}]: tool messages are not supported`, `messages[${i}].role`);
    const text = textOf(m.content, i);
    if ((m.role === "user" || m.role === "assistant") && text.trim()) turns.push({ role: m.role, text });
  });
  const last = request.messages.at(-1);
  if (last?.role !== "user")
    throw new WireError("the last message must be the user's question", `messages[${request.messages.length - 1}].role`);
  const question = turns.pop();
  if (!question || question.role !== "user")
    throw new WireError("the last user message has no text", `messages[${request.messages.length - 1}].content`);
  return { question: question.text, history: turns };
}

export interface Citation {
  n: number;
  title: string;
  url: string | null;
  snippet: string;
  document_id: string;
}

/**
 * The emergency notice as a partner app renders it (before the answer, prominently): the
 * text and labels in `language`, the red-flag categories that fired, and the numbers of
 * `locale` with the calls to offer (`actions`: always the emergency number; the crisis line
 * when suicide or self-harm fired) — the same the web chat shows.
 */
export interface EmergencyField {
  text: string;
  /** ISO 639-1 language of `text` and `labels` (the language the user wrote in). */
  language: string;
  /** The locale whose emergency number and crisis line these are (BCP 47). */
  locale: string;
  categories: string[];
  labels: { heading: string; call: string; crisis_line: string };
  emergency_number: string;
  crisis_line: string;
  crisis_line_name: string;
  actions: { kind: EmergencyAction["kind"]; label: string; number: string; href: string }[];
}

export interface UsageField {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function citationOf(source: ChatSource): Citation {
  return {
    n: source.n,
    title: sourceLabel(source),
    url: source.url,
    // The chat's snippet (plain text, list items without their Markdown dashes), a little longer.
    snippet: sourceSnippet(source.text, SNIPPET_CHARS),
    document_id: source.documentId,
  };
}

export function emergencyOf(notice: EmergencyNotice, locale: string): EmergencyField {
  const labels = noticeLabels(notice);
  return {
    text: notice.text,
    language: notice.language,
    locale,
    categories: [...notice.categories],
    labels: { heading: labels.heading, call: labels.call, crisis_line: labels.crisisLine },
    emergency_number: notice.emergencyNumber,
    crisis_line: notice.crisisLine,
    crisis_line_name: notice.crisisLineName,
    actions: emergencyActions(notice),
  };
}

/** What one turn produced, gathered from the pipeline's events. */
export class TurnCollector {
  text = "";
  reasoning = "";
  sources: ChatSource[] = [];
  triage: TriageResult | null = null;
  emergency: EmergencyField | null = null;
  disclaimer = "";
  error: { code: string; message: string } | null = null;
  finish: Extract<ChatEvent, { type: "finish" }> | null = null;
  conversationId: string | null = null;
  /** Text/reasoning deltas received: the completion tokens seen when the model reports no usage. */
  deltas = 0;

  add(event: ChatEvent): void {
    switch (event.type) {
      case "start":
        this.conversationId = event.conversationId;
        this.triage = event.triage;
        break;
      case "emergency":
        this.emergency = emergencyOf(event.notice, this.triage?.locale ?? "");
        break;
      case "sources":
        this.sources = event.sources;
        break;
      case "text-delta":
        this.text += event.text;
        this.deltas++;
        break;
      case "reasoning-delta":
        this.reasoning += event.text;
        this.deltas++;
        break;
      case "error":
        this.error = { code: event.code, message: event.message };
        break;
      case "disclaimer":
        this.disclaimer = event.text;
        break;
      case "finish":
        this.finish = event;
        break;
    }
  }

  /**
   * The sources the answer cites, each with its [n] (as the web chat lists them): a retrieved
   * passage the answer does not use is not one of its citations. Read once the text is complete;
   * an answer with no marker at all (free text) gets every source it was given.
   */
  get citations(): Citation[] {
    const all = this.sources.map(citationOf);
    const cited = new Set(citedSourceNumbers(this.text, all.length));
    return cited.size > 0 ? all.filter((c) => cited.has(c.n)) : all;
  }

  finishReason(): "stop" | "length" {
    return this.finish?.finishReason === "length" ? "length" : "stop";
  }
}

export interface CompletionIds {
  id: string;
  created: number;
}

export function usageField(promptTokens: number, completionTokens: number): UsageField {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** The non-streaming answer: an OpenAI chat.completion with MedChat's fields. */
export function completionObject(turn: TurnCollector, ids: CompletionIds, usage: UsageField) {
  return {
    id: ids.id,
    object: "chat.completion" as const,
    created: ids.created,
    model: PARTNER_MODEL_ID,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant" as const,
          content: turn.text,
          refusal: null,
          ...(turn.reasoning ? { reasoning_content: turn.reasoning } : {}),
        },
        finish_reason: turn.finishReason(),
        logprobs: null,
      },
    ],
    usage,
    citations: turn.citations,
    disclaimer: turn.disclaimer,
    emergency: turn.emergency,
  };
}
export type CompletionObject = ReturnType<typeof completionObject>;

type Delta = { role?: "assistant"; content?: string; reasoning_content?: string };

export function chunkObject(ids: CompletionIds, delta: Delta, finishReason: string | null = null, extra: Record<string, unknown> = {}) {
  return {
    id: ids.id,
    object: "chat.completion.chunk" as const,
    created: ids.created,
    model: PARTNER_MODEL_ID,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...extra,
  };
}

export function sseData(value: unknown): string {
  return `data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`;
}

/** A stored completion replayed as a stream (Idempotency-Key on a streaming request). */
export function completionAsChunks(completion: CompletionObject, includeUsage: boolean): string {
  const ids = { id: completion.id, created: completion.created };
  const message = completion.choices[0]?.message;
  let out = sseData(
    chunkObject(ids, { role: "assistant", content: "" }, null, completion.emergency ? { emergency: completion.emergency } : {}),
  );
  if (message?.reasoning_content) out += sseData(chunkObject(ids, { reasoning_content: message.reasoning_content }));
  if (message?.content) out += sseData(chunkObject(ids, { content: message.content }));
  out += sseData(
    chunkObject(ids, {}, completion.choices[0]?.finish_reason ?? "stop", {
      citations: completion.citations,
      disclaimer: completion.disclaimer,
      usage: completion.usage,
    }),
  );
  if (includeUsage)
    out += sseData({
      id: ids.id,
      object: "chat.completion.chunk",
      created: ids.created,
      model: PARTNER_MODEL_ID,
      choices: [],
      usage: completion.usage,
    });
  return out + sseData("[DONE]");
}
