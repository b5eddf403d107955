"use client";

// First: schemas built by the imports below must not probe eval (strict CSP).
import "@/lib/http/zod-jitless";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { Button } from "@/components/ui/button";
import { MenuIcon } from "@/components/ui/icons";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { ChatShell, type SurfaceTexts } from "./chat-shell";
import { ExampleQuestions } from "./example-questions";
import { HistorySidebar, type ConversationSummary } from "./history-sidebar";
import type { FeedbackValue } from "./feedback-controls";
import { useChatSession } from "./use-chat-session";

export interface ChatAppProps extends SurfaceTexts {
  chatId: string;
  isNew: boolean;
  title?: string;
  initialMessages: MedChatUIMessage[];
  initialFeedback: Record<string, FeedbackValue>;
  /** Offered by an empty conversation; a click asks it (lib/chat/example-questions.ts). */
  exampleQuestions?: string[];
}

const WEB_STORAGE_NOTE =
  "Your questions and answers are saved so you can come back to them from this browser; you can delete them at any time.";

export function ChatApp(props: ChatAppProps) {
  const { chatId, initialMessages, initialFeedback, disclaimerVersion } = props;
  const router = useRouter();
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [historyLoading, setHistoryLoading] = useState(true);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const startedNew = useRef(!props.isNew);
  const menuRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const refreshHistory = useCallback(async () => {
    try {
      const res = await fetch("/api/conversations", { cache: "no-store" });
      if (res.ok) setConversations(((await res.json()) as { conversations: ConversationSummary[] }).conversations);
    } finally {
      setHistoryLoading(false);
    }
  }, []);

  const session = useChatSession({
    chatId,
    initialMessages,
    disclaimerVersion,
    onFinish: () => {
      void refreshHistory();
    },
    onAccepted: () => {
      if (startedNew.current) return;
      // The conversation gets its own URL once the server has stored it, so a reload keeps it
      // (set at send, a reload before that found no conversation: "Conversation not found").
      startedNew.current = true;
      window.history.replaceState(null, "", `/c/${chatId}`);
    },
  });

  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  // On a phone the history covers the whole screen: focus goes into it, and back to the menu button when it closes.
  const historyWasOpen = useRef(false);
  useEffect(() => {
    if (sidebarOpen) closeRef.current?.focus();
    else if (historyWasOpen.current) menuRef.current?.focus();
    historyWasOpen.current = sidebarOpen;
  }, [sidebarOpen]);

  const newChat = () => {
    setSidebarOpen(false);
    router.push("/");
    router.refresh();
  };

  const deleteChat = async (id: string) => {
    if (!window.confirm("Delete this conversation? This cannot be undone.")) return;
    const res = await fetch(`/api/conversations/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (res.ok || res.status === 404) {
      setConversations((list) => list.filter((c) => c.id !== id));
      if (id === chatId) newChat();
    }
  };

  return (
    <ChatShell
      session={session}
      texts={props}
      feedback={initialFeedback}
      storageNote={WEB_STORAGE_NOTE}
      asideCovers={sidebarOpen}
      header={
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
          <Button
            ref={menuRef}
            variant="ghost"
            className="md:hidden"
            aria-expanded={sidebarOpen}
            aria-controls="history-panel"
            onClick={() => setSidebarOpen((o) => !o)}
          >
            <MenuIcon />
            <span className="sr-only">Conversation history</span>
          </Button>
          <h1 className="text-base font-semibold">MedChat</h1>
          <span className="truncate text-sm text-slate-500 dark:text-slate-400">{props.title}</span>
          <div className="ml-auto">
            <ThemeToggle />
          </div>
        </header>
      }
      aside={
        <aside
          id="history-panel"
          onKeyDown={(e) => {
            if (e.key === "Escape" && sidebarOpen) setSidebarOpen(false);
          }}
          className={`${sidebarOpen ? "fixed inset-0 top-0 z-40 block bg-white dark:bg-slate-900" : "hidden"} w-full border-r border-slate-200 dark:border-slate-700 md:static md:block md:w-64 md:shrink-0`}
        >
          {sidebarOpen && (
            <div className="flex justify-end p-2 md:hidden">
              <Button ref={closeRef} variant="ghost" onClick={() => setSidebarOpen(false)}>
                Close
                <span className="sr-only"> conversation history</span>
              </Button>
            </div>
          )}
          <HistorySidebar
            conversations={conversations}
            currentId={chatId}
            loading={historyLoading}
            onNewChat={newChat}
            onDelete={(id) => void deleteChat(id)}
            onNavigate={() => setSidebarOpen(false)}
          />
        </aside>
      }
      empty={(ask) => (
        <div className="mt-8 text-center text-slate-600 dark:text-slate-300">
          <p className="text-lg font-medium">Ask a question about a health topic.</p>
          <p className="mt-1 text-sm">Answers cite their sources and are for general information only.</p>
          <ExampleQuestions questions={props.exampleQuestions} onAsk={ask} />
        </div>
      )}
    />
  );
}
