"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { Button } from "@/components/ui/button";
import { MessageView } from "./message-view";
import type { FeedbackValue } from "./feedback-controls";

/** The server's JSON error ({error: {message}}) or a generic text for a failed request. */
export function describeChatError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not JSON: a network failure.
  }
  return /fetch|network/i.test(error.message)
    ? "The connection to MedChat was lost. Check your connection and try again."
    : "Something went wrong. Please try again.";
}

export interface ConversationLogProps {
  messages: MedChatUIMessage[];
  busy: boolean;
  submitted: boolean;
  error: Error | undefined;
  onRetry: () => void;
  feedback?: Record<string, FeedbackValue>;
  empty: ReactNode;
}

/** The live region with the messages, the "looking this up" status and request errors (web chat and widget). */
export function ConversationLog({ messages, busy, submitted, error, onRetry, feedback = {}, empty }: ConversationLogProps) {
  const endRef = useRef<HTMLDivElement>(null);
  // Follows the conversation to its end: each new part, and the answer's buttons (copy, retry,
  // rating) that appear only once it has finished streaming (busy turns false).
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages, submitted, busy]);
  const lastAssistantId = [...messages].reverse().find((m) => m.role === "assistant")?.id;
  return (
    <div role="log" aria-live="polite" aria-label="Conversation" aria-busy={busy} className="flex-1 overflow-y-auto px-3 py-4">
      <div className="mx-auto flex max-w-3xl flex-col gap-5">
        {messages.length === 0 && empty}
        {messages.map((m) => (
          <MessageView
            key={m.id}
            message={m}
            streaming={busy && m.id === messages.at(-1)?.id && m.role === "assistant"}
            isLastAssistant={m.id === lastAssistantId && m.id === messages.at(-1)?.id}
            onRetry={busy ? undefined : onRetry}
            feedback={feedback[m.id]}
          />
        ))}
        {submitted && (
          <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
            MedChat is looking this up…
          </p>
        )}
        {error && (
          <div
            role="alert"
            data-testid="request-error"
            className="rounded-lg border border-red-400 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
          >
            <p>{describeChatError(error)}</p>
            <Button className="mt-2" onClick={onRetry}>
              Try again
            </Button>
          </div>
        )}
        <div ref={endRef} />
      </div>
    </div>
  );
}
