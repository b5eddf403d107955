"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useEffectEvent, useMemo, useSyncExternalStore } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { hasConsent, subscribeConsent } from "./consent-store";

export interface ChatSessionOptions {
  chatId: string;
  initialMessages: MedChatUIMessage[];
  disclaimerVersion: string;
  /** Extra request body fields a surface adds (the widget's site key and visitor token). */
  extraBody?: Record<string, unknown>;
  onFinish?: (event: { message: MedChatUIMessage }) => void;
  /** The server accepted a question (stored it with its conversation) and is answering it. */
  onAccepted?: () => void;
  /** Headers that read this conversation back (the widget's identity). */
  requestHeaders?: Record<string, string>;
}

/** How often, and how long, a page loaded while an answer was being written asks how it ended. */
const SETTLE_POLL_MS = 1_000;
const SETTLE_POLL_ATTEMPTS = 90;

const beingWritten = (messages: MedChatUIMessage[]) => messages.some((m) => m.metadata?.status === "streaming");

/**
 * A page loaded (a reload, a second tab) while an answer was still being written shows that
 * answer as stored then, status "streaming", without its end; the server settles it (complete,
 * stopped, or interrupted) moments later. Reads the conversation again until it has.
 */
function useSettleStoredAnswers(
  chatId: string,
  messages: MedChatUIMessage[],
  busy: boolean,
  setMessages: (messages: MedChatUIMessage[]) => void,
  headers: Record<string, string> | undefined,
) {
  const waiting = !busy && beingWritten(messages);
  const read = useEffectEvent(() => fetch(`/api/conversations/${encodeURIComponent(chatId)}`, { headers, cache: "no-store" }));
  const settle = useEffectEvent((settled: MedChatUIMessage[]) => setMessages(settled));
  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async (attempt: number) => {
      try {
        const res = await read();
        if (res.ok && !stopped) {
          const view = (await res.json()) as { messages: MedChatUIMessage[] };
          if (!beingWritten(view.messages)) return settle(view.messages);
        }
      } catch {
        // Offline for a moment: ask again.
      }
      if (!stopped && attempt < SETTLE_POLL_ATTEMPTS) timer = setTimeout(() => void poll(attempt + 1), SETTLE_POLL_MS);
    };
    timer = setTimeout(() => void poll(1), SETTLE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [waiting]);
}

/**
 * One conversation with /api/chat, shared by the web chat and the widget panel: the
 * visitor's consent, the transport (only the newest message travels; the server holds
 * the history) and the AI SDK chat state.
 */
export function useChatSession({
  chatId,
  initialMessages,
  disclaimerVersion,
  extraBody,
  onFinish,
  onAccepted,
  requestHeaders,
}: ChatSessionOptions) {
  const consented = useSyncExternalStore(
    subscribeConsent,
    () => hasConsent(disclaimerVersion),
    () => false,
  );
  const transport = useMemo(
    () =>
      new DefaultChatTransport<MedChatUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ id, messages, trigger }) => ({
          body: {
            id,
            message: messages.findLast((m) => m.role === "user"),
            consent: hasConsent(disclaimerVersion),
            trigger,
            locale: typeof navigator !== "undefined" ? navigator.language : undefined,
            ...extraBody,
          },
        }),
      }),
    [disclaimerVersion, extraBody],
  );
  const chat = useChat<MedChatUIMessage>({ id: chatId, messages: initialMessages, transport, onFinish });
  const busy = chat.status === "submitted" || chat.status === "streaming";
  useSettleStoredAnswers(chatId, chat.messages, busy, chat.setMessages, requestHeaders);
  // The server streams an answer only once it has stored the question with its conversation.
  const answered = chat.messages.at(-1)?.role === "assistant";
  const accepted = useEffectEvent(() => onAccepted?.());
  useEffect(() => {
    if (answered) accepted();
  }, [answered]);
  return { ...chat, busy, consented };
}

export type ChatSession = ReturnType<typeof useChatSession>;
