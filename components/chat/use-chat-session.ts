"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useMemo, useSyncExternalStore } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { hasConsent, subscribeConsent } from "./consent-store";

export interface ChatSessionOptions {
  chatId: string;
  initialMessages: MedChatUIMessage[];
  disclaimerVersion: string;
  /** Extra request body fields a surface adds (the widget's site key and visitor token). */
  extraBody?: Record<string, unknown>;
  onFinish?: (event: { message: MedChatUIMessage }) => void;
}

/**
 * One conversation with /api/chat, shared by the web chat and the widget panel: the
 * visitor's consent, the transport (only the newest message travels; the server holds
 * the history) and the AI SDK chat state.
 */
export function useChatSession({ chatId, initialMessages, disclaimerVersion, extraBody, onFinish }: ChatSessionOptions) {
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
  return { ...chat, busy, consented };
}

export type ChatSession = ReturnType<typeof useChatSession>;
