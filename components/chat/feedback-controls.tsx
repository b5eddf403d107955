"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ThumbDownIcon, ThumbUpIcon } from "@/components/ui/icons";
import { useChatRequestHeaders } from "./request-headers";

export interface FeedbackValue {
  rating: "up" | "down";
  comment: string | null;
}

/** Thumbs up/down with an optional comment, saved through POST /api/feedback. */
export function FeedbackControls({ messageId, initial }: { messageId: string; initial?: FeedbackValue }) {
  const [saved, setSaved] = useState<FeedbackValue | undefined>(initial);
  const [draft, setDraft] = useState<"up" | "down" | null>(null);
  const [comment, setComment] = useState("");
  const [status, setStatus] = useState<"idle" | "saving" | "error">("idle");
  const commentId = useId();
  const requestHeaders = useChatRequestHeaders();

  async function submit(rating: "up" | "down", text: string) {
    setStatus("saving");
    try {
      const res = await fetch("/api/feedback", {
        method: "POST",
        headers: { ...requestHeaders, "content-type": "application/json" },
        body: JSON.stringify({ messageId, rating, comment: text || null }),
      });
      if (!res.ok) throw new Error(await res.text());
      setSaved({ rating, comment: text || null });
      setDraft(null);
      setStatus("idle");
    } catch {
      setStatus("error");
    }
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
              setComment(saved?.rating === rating ? (saved.comment ?? "") : "");
            }}
          >
            {rating === "up" ? <ThumbUpIcon /> : <ThumbDownIcon />}
          </Button>
        ))}
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {status === "error" ? "Could not save your feedback." : saved && !draft ? "Thanks for your feedback." : ""}
        </span>
      </div>
      {draft && (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(draft, comment.trim());
          }}
        >
          <div className="flex-1">
            <label htmlFor={commentId} className="text-xs text-slate-600 dark:text-slate-300">
              {draft === "up" ? "What was helpful? (optional)" : "What was wrong or missing? (optional)"}
            </label>
            <textarea
              id={commentId}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={2000}
              rows={2}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={status === "saving"}>
              Send feedback
            </Button>
            <Button variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
