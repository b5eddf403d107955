"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export const MAX_MESSAGE_CHARS = 4000;

export interface ComposerProps {
  disabled: boolean;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** Message box: Enter sends, Shift+Enter adds a line; Stop while an answer streams. */
export function Composer({ disabled, busy, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState("");
  const inputId = useId();
  const hintId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > MAX_MESSAGE_CHARS;
  const wasDisabled = useRef(disabled);
  useEffect(() => {
    // Right after the consent gate closes, keyboard focus goes to the message box — and to this
    // window first: in the widget the box is in a cross-origin frame, and the browser sends keys
    // to the frame it holds focused, which is not always this one when the gate closes (an e2e
    // trace showed the box focused by script, and the text typed into it lost).
    if (wasDisabled.current && !disabled) {
      window.focus();
      ref.current?.focus();
    }
    wasDisabled.current = disabled;
  }, [disabled]);
  const send = () => {
    const value = text.trim();
    if (!value || disabled || busy || tooLong) return;
    onSend(value);
    setText("");
    ref.current?.focus();
  };
  return (
    <form
      className="border-t border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Your health question
      </label>
      <div className="mx-auto flex max-w-3xl items-end gap-2">
        <textarea
          id={inputId}
          ref={ref}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
          rows={2}
          placeholder="Ask a health question…"
          aria-describedby={hintId}
          aria-invalid={tooLong}
          className="max-h-48 min-h-[2.75rem] flex-1 resize-y rounded-lg border border-slate-300 bg-white p-2 text-base dark:border-slate-600 dark:bg-slate-800"
        />
        {busy ? (
          <Button variant="secondary" onClick={onStop} aria-label="Stop the answer">
            Stop
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={disabled || !text.trim() || tooLong}>
            Send
          </Button>
        )}
      </div>
      <p id={hintId} className={`mx-auto mt-1 max-w-3xl text-xs ${tooLong ? "text-red-600" : "text-slate-500 dark:text-slate-400"}`}>
        {tooLong
          ? `Too long: ${text.length} of ${MAX_MESSAGE_CHARS} characters.`
          : "Enter to send, Shift+Enter for a new line. Do not share names or other identifying details."}
      </p>
    </form>
  );
}
