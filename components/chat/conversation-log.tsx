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

/** Room left above an emergency notice scrolled to the top of the log (its padding). */
const LOG_TOP_GAP_PX = 16;

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
  const logRef = useRef<HTMLDivElement>(null);
  // Follows the conversation to its end: each new part, and the answer's buttons (copy, retry,
  // rating) that appear only once it has finished streaming (busy turns false). An answer that
  // opens with an emergency notice stops at the notice instead: following its text to the end
  // scrolled the notice and its call buttons out of a small panel or a phone's screen.
  const last = messages.at(-1);
  const endsWithEmergency = last?.role === "assistant" && last.parts.some((p) => p.type === "data-emergency");
  // Only the log scrolls: scrollIntoView also scrolls the page (or the widget's frame) when the
  // log cannot bring the notice to its top, and the header, the disclaimer banner and the close
  // button left the screen. `relative` keeps the log's absolutely placed screen-reader texts
  // ("You said:") inside it: placed by the page, they made it taller than the screen.
  useEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const notices = log.querySelectorAll("[data-testid='emergency-notice']");
    const notice = endsWithEmergency ? notices[notices.length - 1] : undefined;
    if (notice) log.scrollTop += notice.getBoundingClientRect().top - log.getBoundingClientRect().top - LOG_TOP_GAP_PX;
    else log.scrollTop = log.scrollHeight;
  }, [messages, submitted, busy, endsWithEmergency]);
  const lastAssistantId = [...messages].reverse().find((m) => m.role === "assistant")?.id;
  return (
    <div
      ref={logRef}
      role="log"
      aria-live="polite"
      aria-label="Conversation"
      aria-busy={busy}
      className="relative flex-1 overflow-y-auto px-3 py-4"
    >
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
      </div>
    </div>
  );
}
