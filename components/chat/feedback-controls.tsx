"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ThumbDownIcon, ThumbUpIcon } from "@/components/ui/icons";
import { useChatRequestHeaders } from "./request-headers";

export interface FeedbackValue {
  rating: "up" | "down";
  comment: string | null;
}

/**
 * Thumbs up/down with an optional comment, saved through POST /api/feedback. A thumb is saved
 * at once and opens the comment box with the focus in it: saved only with "Send feedback", a
 * tap on a phone recorded nothing, and the box opened below the screen's edge, so the tap
 * seemed to do nothing (visitor walk-through).
 */
export function FeedbackControls({ messageId, initial }: { messageId: string; initial?: FeedbackValue }) {
  const [saved, setSaved] = useState<FeedbackValue | undefined>(initial);
  const [draft, setDraft] = useState<"up" | "down" | null>(null);
  const [comment, setComment] = useState("");
  const [status, setStatus] = useState<"idle" | "error">("idle");
  const [sendingComment, setSendingComment] = useState(false);
  // Saves run one after another, so a comment sent while its thumb is still saving lands last.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const commentId = useId();
  const requestHeaders = useChatRequestHeaders();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (draft) commentRef.current?.focus();
  }, [draft]);

  function save(rating: "up" | "down", text: string): Promise<boolean> {
    const post = async () => {
      try {
        const res = await fetch("/api/feedback", {
          method: "POST",
          headers: { ...requestHeaders, "content-type": "application/json" },
          body: JSON.stringify({ messageId, rating, comment: text || null }),
        });
        if (!res.ok) throw new Error(await res.text());
        setSaved({ rating, comment: text || null });
        setStatus("idle");
        return true;
      } catch {
        setStatus("error");
        return false;
      }
    };
    const done = saving.current.then(post);
    saving.current = done;
    return done;
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-1" role="group" aria-label="Rate this answer">
        {(["up", "down"] as const).map((rating) => (
          <Button
            key={rating}
            variant="ghost"
            aria-label={rating === "up" ? "Helpful" : "Not helpful"}
            aria-pressed={saved?.rating === rating}
            className={saved?.rating === rating ? "bg-slate-200 dark:bg-slate-700" : ""}
            onClick={() => {
              setDraft(rating);
              const same = saved?.rating === rating;
              setComment(same ? (saved.comment ?? "") : "");
              if (!same) void save(rating, "");
            }}
          >
            {rating === "up" ? <ThumbUpIcon /> : <ThumbDownIcon />}
          </Button>
        ))}
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {status === "error" ? "Could not save your feedback." : saved ? "Thanks for your feedback." : ""}
        </span>
      </div>
      {draft && (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            setSendingComment(true);
            void save(draft, comment.trim()).then((ok) => {
              setSendingComment(false);
              if (ok) setDraft(null);
            });
          }}
        >
          <div className="flex-1">
            <label htmlFor={commentId} className="text-xs text-slate-600 dark:text-slate-300">
              {draft === "up" ? "What was helpful? (optional)" : "What was wrong or missing? (optional)"}
            </label>
            <textarea
              ref={commentRef}
              id={commentId}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={2000}
              rows={2}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={sendingComment}>
              Send feedback
            </Button>
            <Button variant="ghost" onClick={() => setDraft(null)}>
              No comment
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
