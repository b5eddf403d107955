// The surface-neutral contract of the chat pipeline: what a turn needs, and the
// events it emits. Surface adapters (ui-stream.ts for /api/chat; an OpenAI-chunk
// adapter for the partner API) only translate these events to their wire format.
import type { RetrievedChunk } from "@/lib/rag/types";
import type { EmergencyNotice, TriageResult } from "@/lib/safety/triage";
import type { ChatStreamErrorCode } from "./ui-types";

export type { RetrievedChunk } from "@/lib/rag/types";

/**
 * Finds knowledge-base passages for a question; the RAG module provides the real one.
 * `options.context`: the query is one asked part of a longer message (asked-parts.ts), whose
 * words (`partContext`) lend it its topic.
 */
export type Retriever = (query: string, signal?: AbortSignal, options?: { context?: string }) => Promise<RetrievedChunk[]>;

export interface ChatSource {
  /** 1-based number the answer cites as [n]. */
  n: number;
  chunkId: string;
  documentId: string;
  title: string;
  url: string | null;
  headingPath: string;
  text: string;
}

export type ChatSurface = "web" | "widget" | "api";

export interface ChatTurnInput {
  surface: ChatSurface;
  visitorId: string;
  conversationId: string;
  userMessage: { id: string; text: string };
  consent: boolean;
  locale?: string;
  widgetSiteId?: string | null;
  apiKeyId?: string | null;
  /**
   * Earlier turns sent by a stateless client (the partner API sends the whole
   * conversation each time). When given, it replaces the stored history.
   */
  history?: HistoryMessage[];
}

export interface HistoryMessage {
  role: "user" | "assistant";
  text: string;
  /** When it was sent (stored turns; a stateless caller's history has none). Bounds the triage window. */
  at?: Date;
}

export interface ChatUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export type AnswerStatus = "complete" | "partial" | "error";

export type ChatEvent =
  | { type: "start"; conversationId: string; messageId: string; triage: TriageResult }
  | { type: "emergency"; notice: EmergencyNotice }
  | { type: "sources"; sources: ChatSource[] }
  | { type: "reasoning-delta"; text: string }
  | { type: "text-delta"; text: string }
  | { type: "error"; code: ChatStreamErrorCode; message: string }
  | { type: "disclaimer"; text: string }
  | { type: "finish"; status: AnswerStatus; aborted: boolean; usage: ChatUsage; model: string; finishReason?: string };
