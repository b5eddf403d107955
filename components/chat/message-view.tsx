"use client";

import { useState } from "react";
import { citedSourceNumbers } from "@/lib/chat/citations";
import { emergencyActions, noticeLabels } from "@/lib/chat/emergency-actions";
import { sectionOfSourcePart, snippetOfSourcePart } from "@/lib/chat/source-parts";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { Button } from "@/components/ui/button";
import { Markdown } from "./markdown";
import { FeedbackControls, type FeedbackValue } from "./feedback-controls";

type Part = MedChatUIMessage["parts"][number];
type SourcePart = Extract<Part, { type: "source-url" | "source-document" }>;

function EmergencyNotice({ data }: { data: Extract<Part, { type: "data-emergency" }>["data"] }) {
  return (
    <div
      role="alert"
      lang={data.language}
      dir={data.language === "ar" ? "rtl" : undefined}
      data-testid="emergency-notice"
      className="scroll-mt-3 rounded-lg border-2 border-red-600 bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{noticeLabels(data).heading}</p>
      <p className="mt-1 text-sm">{data.text}</p>
      <p className="mt-2 flex flex-wrap gap-2 text-sm font-semibold">
        {emergencyActions(data).map((action) => (
          <a
            key={action.kind}
            href={action.href}
            className={
              action.kind === "emergency" ? "rounded-md bg-red-600 px-3 py-1 text-white" : "rounded-md border border-red-600 px-3 py-1"
            }
          >
            {action.label}
          </a>
        ))}
      </p>
    </div>
  );
}

/** The sources the answer cites, each under the number its markers use (the list skips sources it does not cite). */
function SourcesList({ sources, anchorPrefix }: { sources: { n: number; part: SourcePart }[]; anchorPrefix: string }) {
  return (
    <section aria-label="Sources" className="mt-2 text-sm wrap-anywhere">
      <h3 className="font-semibold text-slate-700 dark:text-slate-200">Sources</h3>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5" data-testid="sources">
        {sources.map(({ n, part: s }) => {
          const snippet = snippetOfSourcePart(s);
          // The section quoted, as every surface names a source (sourceLabel): "Asthma — What it is".
          const section = sectionOfSourcePart(s);
          return (
            <li key={s.sourceId} id={`${anchorPrefix}${n}`} value={n}>
              {s.type === "source-url" ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline dark:text-blue-300">
                  {s.title || s.url}
                </a>
              ) : (
                <span>{s.title}</span>
              )}
              {section && <span className="text-slate-700 dark:text-slate-300"> — {section}</span>}
              {snippet && <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{snippet}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * Which sources to list: those the answer cites; an answer without any marker (free text from
 * a model that cites nothing) lists all it was given once it is finished.
 */
function listedSources(sources: SourcePart[], text: string, done: boolean): { n: number; part: SourcePart }[] {
  // An answer with no text (stopped before its first word) rests on no source.
  if (!text.trim()) return [];
  const numbered = sources.map((part, i) => ({ n: i + 1, part }));
  const cited = new Set(citedSourceNumbers(text, sources.length));
  if (cited.size > 0) return numbered.filter((s) => cited.has(s.n));
  return done ? numbered : [];
}

export interface MessageViewProps {
  message: MedChatUIMessage;
  streaming: boolean;
  isLastAssistant: boolean;
  onRetry?: () => void;
  feedback?: FeedbackValue;
}

export function MessageView({ message, streaming, isLastAssistant, onRetry, feedback }: MessageViewProps) {
  const [copied, setCopied] = useState(false);
  const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  if (message.role === "user") {
    return (
      <div className="flex justify-end" data-testid="user-message">
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-blue-600 px-4 py-2 text-white">
          <span className="sr-only">You said: </span>
          {text}
        </div>
      </div>
    );
  }
  const anchorPrefix = `src-${message.id}-`;
  const sources = message.parts.filter((p): p is SourcePart => p.type === "source-url" || p.type === "source-document");
  const stored = message.metadata?.status;
  // Loaded while the server was still writing it (a reload mid-answer): its end is on the way
  // (use-chat-session reads the conversation again until the server has settled it).
  const finishing = !streaming && stored === "streaming";
  const done = !streaming && !finishing;
  const listed = listedSources(sources, text, done);
  return (
    <article
      aria-label="MedChat answer"
      data-testid="assistant-message"
      data-status={stored ?? (streaming ? "streaming" : "complete")}
      className="flex flex-col gap-2"
      aria-busy={streaming}
    >
      {message.parts.map((part, i) => {
        switch (part.type) {
          case "data-emergency":
            return <EmergencyNotice key={i} data={part.data} />;
          case "reasoning":
            return part.text ? (
              <details key={i} className="text-sm text-slate-500 dark:text-slate-400">
                <summary className="cursor-pointer">Reasoning</summary>
                <p className="mt-1 whitespace-pre-wrap">{part.text}</p>
              </details>
            ) : null;
          case "text":
            return (
              <div key={i} data-testid="answer-text">
                <Markdown
                  text={part.text}
                  anchorPrefix={anchorPrefix}
                  sourceCount={sources.length}
                  sourceTitles={sources.map((s) => s.title ?? "")}
                />
              </div>
            );
          case "data-error":
            return (
              <div
                key={i}
                role="alert"
                data-testid="answer-error"
                className="rounded-lg border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
              >
                {part.data.message}
              </div>
            );
          default:
            return null;
        }
      })}
      {finishing && (
        <p role="status" className="text-sm text-slate-500 dark:text-slate-400" data-testid="answer-finishing">
          MedChat is finishing this answer…
        </p>
      )}
      {stored === "partial" && !message.parts.some((p) => p.type === "data-error") && (
        <p className="text-xs italic text-slate-500 dark:text-slate-400" data-testid="answer-stopped">
          {text.trim()
            ? "This answer was stopped before it finished, so it may be incomplete."
            : "This answer was stopped before any of it was written. Retry to ask again."}
        </p>
      )}
      {listed.length > 0 && <SourcesList sources={listed} anchorPrefix={anchorPrefix} />}
      {message.parts.map((part, i) =>
        part.type === "data-disclaimer" ? (
          <p
            key={`d${i}`}
            data-testid="disclaimer-footer"
            className="border-t border-slate-200 pt-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400"
          >
            {part.data.text}
          </p>
        ) : null,
      )}
      {done && (
        <div className="flex flex-wrap items-start gap-1">
          <Button
            variant="ghost"
            aria-label="Copy answer"
            disabled={!text}
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(text);
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              } catch {
                setCopied(false);
              }
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
          {isLastAssistant && onRetry && (
            <Button variant="ghost" onClick={onRetry} aria-label="Retry this answer">
              Retry
            </Button>
          )}
          <FeedbackControls messageId={message.id} initial={feedback} />
        </div>
      )}
    </article>
  );
}
