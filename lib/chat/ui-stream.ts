// Adapter: pipeline events → AI SDK UI message stream (what useChat reads). Used by
// /api/chat for the web chat and the widget. Only the wire format lives here.
import { createUIMessageStream, createUIMessageStreamResponse, type InferUIMessageChunk } from "ai";
import { answerWordingFor } from "@/lib/safety/answer-texts";
import type { TriageLanguage } from "@/lib/safety/red-flags/types";
import { sourcePart } from "./source-parts";
import type { ChatEvent } from "./types";
import type { MedChatUIMessage } from "./ui-types";

type Chunk = InferUIMessageChunk<MedChatUIMessage>;

/** Stateful mapper: opens/closes text and reasoning blocks around their deltas. */
export function createChunkMapper(): (event: ChatEvent) => Chunk[] {
  let textOpen = false;
  let reasoningOpen = false;
  let messageId = "answer";
  const closeBlocks = (): Chunk[] => {
    const out: Chunk[] = [];
    if (reasoningOpen) out.push({ type: "reasoning-end", id: `${messageId}-reasoning` });
    if (textOpen) out.push({ type: "text-end", id: `${messageId}-text` });
    reasoningOpen = false;
    textOpen = false;
    return out;
  };
  return (event) => {
    switch (event.type) {
      case "start":
        messageId = event.messageId;
        return [
          { type: "start", messageId, messageMetadata: { conversationId: event.conversationId, createdAt: new Date().toISOString() } },
        ];
      case "emergency":
        return [{ type: "data-emergency", data: event.notice }];
      case "sources":
        return event.sources.map((s): Chunk => sourcePart(s));
      case "reasoning-delta": {
        const out: Chunk[] = [];
        if (!reasoningOpen) {
          reasoningOpen = true;
          out.push({ type: "reasoning-start", id: `${messageId}-reasoning` });
        }
        out.push({ type: "reasoning-delta", id: `${messageId}-reasoning`, delta: event.text });
        return out;
      }
      case "text-delta": {
        const out: Chunk[] = [];
        if (reasoningOpen) {
          reasoningOpen = false;
          out.push({ type: "reasoning-end", id: `${messageId}-reasoning` });
        }
        if (!textOpen) {
          textOpen = true;
          out.push({ type: "text-start", id: `${messageId}-text` });
        }
        out.push({ type: "text-delta", id: `${messageId}-text`, delta: event.text });
        return out;
      }
      case "error":
        // A data part, not an `error` chunk: the message keeps its partial text and footer.
        return [...closeBlocks(), { type: "data-error", data: { code: event.code, message: event.message } }];
      case "disclaimer":
        return [...closeBlocks(), { type: "data-disclaimer", data: { text: event.text } }];
      case "finish":
        return [...closeBlocks(), { type: "finish", messageMetadata: { status: event.status, model: event.model, usage: event.usage } }];
    }
  };
}

export function chatEventsToUIMessageStream(events: AsyncIterable<ChatEvent>): ReadableStream<Chunk> {
  // The answer's language, known from its first event: the last-resort error text is written in it.
  let language: TriageLanguage | undefined;
  return createUIMessageStream<MedChatUIMessage>({
    async execute({ writer }) {
      const map = createChunkMapper();
      for await (const event of events) {
        if (event.type === "start") language = event.triage.language;
        for (const chunk of map(event)) writer.write(chunk);
      }
    },
    onError: (error) => {
      console.error("[chat] stream failed", error);
      return answerWordingFor(language).errors.unexpected;
    },
  });
}

export function chatUIMessageResponse(events: AsyncIterable<ChatEvent>, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  // The stream is the whole exchange: close the socket with it rather than idle for keep-alive.
  merged.set("connection", "close");
  return createUIMessageStreamResponse({ stream: chatEventsToUIMessageStream(events), headers: merged });
}
