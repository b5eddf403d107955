"use client";

import Link from "next/link";
import { useState } from "react";
import { Markdown } from "@/components/chat/markdown";
import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { inputClass, ListState, NotLoaded, Panel, Refreshing, StatusLine } from "./admin-shell";
import { RatingCounts } from "./ratings";
import { SURFACE_LABELS, surfaceLabel } from "./surface-labels";
import { WideTable } from "./wide-table";

interface Row {
  id: string;
  title: string;
  surface: string;
  createdAt: string;
  messages: number;
  emergency: boolean;
  up: number;
  down: number;
}

export function ConversationsPanel() {
  const [filter, setFilter] = useState({ surface: "", rating: "", emergency: "", from: "", to: "" });
  const { data, status, loading, refreshing } = useAdminResource<{ conversations: Row[] }>(
    `conversations?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}`,
  );
  const rows = data?.conversations ?? [];
  const select = (name: keyof typeof filter, label: string, options: [string, string][]) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select value={filter[name]} onChange={(e) => setFilter({ ...filter, [name]: e.target.value })} className={inputClass}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel title="Conversations">
      <div className="mb-3 flex flex-wrap gap-3">
        {select("surface", "Surface", Object.entries(SURFACE_LABELS))}
        {select("rating", "Rating", [
          ["up", "Thumbs up"],
          ["down", "Thumbs down"],
          ["none", "Not rated"],
        ])}
        {select("emergency", "Emergency", [
          ["yes", "With emergency notice"],
          ["no", "Without"],
        ])}
        <label className="flex flex-col gap-1 text-sm">
          From
          <input type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          To
          <input type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} className={inputClass} />
        </label>
      </div>
      <StatusLine status={status} />
      <Refreshing refreshing={refreshing} what="conversations" />
      <WideTable label="Conversations list" busy={refreshing}>
        <table className="w-full text-left text-sm" data-testid="conversations-table">
          <thead>
            <tr>
              <th scope="col">Conversation</th>
              <th scope="col">Surface</th>
              <th scope="col">Messages</th>
              <th scope="col">Rating</th>
              <th scope="col">Emergency</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                <td>
                  <Link className="text-blue-700 underline dark:text-blue-300" href={`/admin/conversations/${encodeURIComponent(r.id)}`}>
                    {r.title}
                  </Link>
                </td>
                <td>{surfaceLabel(r.surface)}</td>
                <td>{r.messages}</td>
                <td>
                  <RatingCounts up={r.up} down={r.down} />
                </td>
                <td>{r.emergency ? "yes" : "—"}</td>
                <td>{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      <ListState
        loading={loading}
        refreshing={refreshing}
        rows={data?.conversations.length}
        what="conversations"
        empty="No conversations match."
      />
    </Panel>
  );
}

interface Message {
  id: string;
  role: string;
  status: string;
  text: string;
  emergency: string | null;
  sources: { n: number; title: string; url: string | null; text: string }[];
  ratings: { up: number; down: number; comments: string[] };
  curated: { verdict: string; answer: string } | null;
}

/** Where an answer's [n] markers lead: its numbered sources under it. */
const sourceAnchor = (messageId: string) => `review-src-${messageId}-`;

export function ConversationReview({ id }: { id: string }) {
  const { api, data, run, status } = useAdminResource<{ conversation: { title: string; surface: string }; messages: Message[] }>(
    `conversations/${encodeURIComponent(id)}`,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const review = async (messageId: string, verdict: "approved" | "corrected", answer?: string) => {
    const saved = await run(
      () => api(`messages/${encodeURIComponent(messageId)}/review`, { body: { verdict, answer } }),
      verdict === "approved" ? "Approved: saved as a curated training example." : "Correction saved as a curated training example.",
    );
    if (saved !== undefined) setEditing(null);
  };
  if (!data) return <NotLoaded what="the conversation" status={status} />;
  return (
    <Panel title={`${data.conversation.title} (${surfaceLabel(data.conversation.surface)})`}>
      <StatusLine status={status} />
      <ol className="mt-3 space-y-4">
        {data.messages.map((m) => (
          <li
            key={m.id}
            data-testid={`review-${m.role}`}
            className={`rounded border p-3 text-sm ${m.role === "user" ? "border-blue-200 bg-blue-50 dark:border-blue-900 dark:bg-slate-900" : "border-slate-200 dark:border-slate-700"}`}
          >
            <p className="mb-1 text-xs font-semibold uppercase text-slate-600 dark:text-slate-300">
              {m.role === "user" ? "Visitor" : "MedChat"} · {m.status}
              {m.role === "assistant" && (
                <>
                  {" · "}
                  <RatingCounts up={m.ratings.up} down={m.ratings.down} />
                </>
              )}
              {m.curated && ` · curated (${m.curated.verdict})`}
            </p>
            {m.emergency && (
              <p className="mb-1 rounded bg-red-50 p-2 text-red-900 dark:bg-red-950 dark:text-red-100">Emergency notice: {m.emergency}</p>
            )}
            {!m.text ? (
              <p>
                <em>(no text)</em>
              </p>
            ) : m.role === "assistant" ? (
              // As the chat shows it: Markdown rendered (sanitised), each [n] a link to its source below.
              <Markdown
                text={m.text}
                anchorPrefix={sourceAnchor(m.id)}
                sourceCount={m.sources.length}
                sourceTitles={m.sources.map((s) => s.title)}
              />
            ) : (
              <p className="whitespace-pre-wrap">{m.text}</p>
            )}
            {m.ratings.comments.map((c, i) => (
              <p key={i} className="mt-1 italic">
                Feedback: “{c}”
              </p>
            ))}
            {m.sources.length > 0 && (
              <details className="mt-2">
                <summary className="cursor-pointer">Sources ({m.sources.length})</summary>
                <ol className="mt-1 list-decimal pl-5">
                  {m.sources.map((s) => (
                    <li key={s.n} id={`${sourceAnchor(m.id)}${s.n}`} value={s.n}>
                      {s.url ? (
                        <a className="text-blue-700 underline dark:text-blue-300" href={s.url} target="_blank" rel="noopener noreferrer">
                          {s.title}
                        </a>
                      ) : (
                        s.title
                      )}
                      <p className="text-xs text-slate-600 dark:text-slate-300">{s.text}</p>
                    </li>
                  ))}
                </ol>
              </details>
            )}
            {m.role === "assistant" && (
              <div className="mt-2 flex flex-wrap gap-2">
                <Button onClick={() => void review(m.id, "approved")}>Mark good</Button>
                <Button onClick={() => setEditing(editing === m.id ? null : m.id)} aria-expanded={editing === m.id}>
                  Correct
                </Button>
              </div>
            )}
            {editing === m.id && (
              <form
                className="mt-2 flex flex-col gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  void review(m.id, "corrected", String(new FormData(e.currentTarget).get("answer")));
                }}
              >
                <label className="flex flex-col gap-1">
                  Corrected answer
                  <textarea name="answer" defaultValue={m.curated?.answer ?? m.text} rows={5} className={inputClass} required />
                </label>
                <Button type="submit" variant="primary">
                  Save correction
                </Button>
              </form>
            )}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
