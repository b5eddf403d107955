"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TrashIcon } from "@/components/ui/icons";

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
}

export interface HistorySidebarProps {
  conversations: ConversationSummary[];
  currentId: string;
  loading: boolean;
  onNewChat: () => void;
  onDelete: (id: string) => void;
  onNavigate: () => void;
}

export function HistorySidebar({ conversations, currentId, loading, onNewChat, onDelete, onNavigate }: HistorySidebarProps) {
  return (
    <nav aria-label="Conversation history" className="flex h-full flex-col gap-2 p-3">
      <Button variant="primary" onClick={onNewChat} className="w-full">
        + New chat
      </Button>
      <h2 className="mt-2 px-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">History</h2>
      {loading && conversations.length === 0 ? (
        <p className="px-1 text-sm text-slate-500">Loading…</p>
      ) : conversations.length === 0 ? (
        <p className="px-1 text-sm text-slate-500 dark:text-slate-400">No conversations yet.</p>
      ) : (
        <ul className="flex-1 space-y-1 overflow-y-auto" data-testid="history-list">
          {conversations.map((c) => (
            <li
              key={c.id}
              className={`group flex items-center gap-1 rounded-md ${c.id === currentId ? "bg-slate-200 dark:bg-slate-700" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
            >
              <Link
                href={`/c/${c.id}`}
                onClick={onNavigate}
                aria-current={c.id === currentId ? "page" : undefined}
                className="min-w-0 flex-1 truncate px-2 py-1.5 text-sm"
              >
                {c.title}
              </Link>
              <Button variant="danger" className="px-2" aria-label={`Delete conversation: ${c.title}`} onClick={() => onDelete(c.id)}>
                <TrashIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
