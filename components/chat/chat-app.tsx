"use client";

// First: schemas built by the imports below must not probe eval (strict CSP).
import "@/lib/http/zod-jitless";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { Button } from "@/components/ui/button";
import { MenuIcon } from "@/components/ui/icons";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Composer } from "./composer";
import { ConsentGate } from "./consent-gate";
import { hasConsent, saveConsent, subscribeConsent } from "./consent-store";
import { DisclaimerBanner } from "./disclaimer-banner";
import { HistorySidebar, type ConversationSummary } from "./history-sidebar";
import { MessageView } from "./message-view";
import type { FeedbackValue } from "./feedback-controls";

export interface ChatAppProps {
  chatId: string;
  isNew: boolean;
  title?: string;
  initialMessages: MedChatUIMessage[];
  initialFeedback: Record<string, FeedbackValue>;
  consentText: string;
  bannerText: string;
  disclaimerVersion: string;
}

/** The server's JSON error ({error: {message}}) or a generic text for a failed request. */
function describeError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not JSON: a network failure.
  }
  return /fetch|network/i.test(error.message) ? "The connection to MedChat was lost. Check your connection and try again." : "Something went wrong. Please try again.";
}

export function ChatApp(props: ChatAppProps) {
  const { chatId, initialMessages, initialFeedback, disclaimerVersion } = props;
  const router = useRouter();
  const consented = useSyncExternalStore(subscribeConsent, () => hasConsent(disclaimerVersion), () => false);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [historyLoading, setHistoryLoading] = useState(true);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const startedNew = useRef(!props.isNew);
  const endRef = useRef<HTMLDivElement>(null);

  const refreshHistory = useCallback(async () => {
    try {
      const res = await fetch("/api/conversations", { cache: "no-store" });
      if (res.ok) setConversations(((await res.json()) as { conversations: ConversationSummary[] }).conversations);
    } finally {
      setHistoryLoading(false);
    }
  }, []);

  const transport = useMemo(
    () =>
      new DefaultChatTransport<MedChatUIMessage>({
        api: "/api/chat",
        // Only the newest message travels: the server holds the history.
        prepareSendMessagesRequest: ({ id, messages, trigger }) => ({
          body: {
            id,
            message: messages.findLast((m) => m.role === "user"),
            consent: hasConsent(disclaimerVersion),
            trigger,
            locale: typeof navigator !== "undefined" ? navigator.language : undefined,
          },
        }),
      }),
    [disclaimerVersion],
  );

  const { messages, sendMessage, status, stop, regenerate, error, clearError } = useChat<MedChatUIMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    onFinish: () => {
      void refreshHistory();
    },
  });

  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  const busy = status === "submitted" || status === "streaming";
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages, status]);

  const send = (text: string) => {
    if (!startedNew.current) {
      // The conversation gets its own URL as soon as it starts, so a reload keeps it.
      startedNew.current = true;
      window.history.replaceState(null, "", `/c/${chatId}`);
    }
    clearError();
    void sendMessage({ text });
  };

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

  const lastAssistantId = [...messages].reverse().find((m) => m.role === "assistant")?.id;

  return (
    <>
      {/* Until consent is given the chat is inert: the dialog is the only thing to interact with. */}
      <div className="flex h-dvh flex-col" inert={!consented}>
        <a href="#composer" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to message box
        </a>
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
          <Button variant="ghost" className="md:hidden" aria-expanded={sidebarOpen} aria-controls="history-panel" onClick={() => setSidebarOpen((o) => !o)}>
            <MenuIcon />
            <span className="sr-only">Conversation history</span>
          </Button>
          <h1 className="text-base font-semibold">MedChat</h1>
          <span className="truncate text-sm text-slate-500 dark:text-slate-400">{props.title}</span>
          <div className="ml-auto">
            <ThemeToggle />
          </div>
        </header>
        <DisclaimerBanner text={props.bannerText} />
        <div className="flex min-h-0 flex-1">
          <aside
            id="history-panel"
            className={`${sidebarOpen ? "fixed inset-0 top-0 z-40 block bg-white dark:bg-slate-900" : "hidden"} w-full border-r border-slate-200 dark:border-slate-700 md:static md:block md:w-64 md:shrink-0`}
          >
            {sidebarOpen && (
              <div className="flex justify-end p-2 md:hidden">
                <Button variant="ghost" onClick={() => setSidebarOpen(false)}>
                  Close
                </Button>
              </div>
            )}
            <HistorySidebar conversations={conversations} currentId={chatId} loading={historyLoading} onNewChat={newChat} onDelete={(id) => void deleteChat(id)} onNavigate={() => setSidebarOpen(false)} />
          </aside>
          <main className="flex min-w-0 flex-1 flex-col">
            <div role="log" aria-live="polite" aria-label="Conversation" aria-busy={busy} className="flex-1 overflow-y-auto px-3 py-4">
              <div className="mx-auto flex max-w-3xl flex-col gap-5">
                {messages.length === 0 && (
                  <div className="mt-8 text-center text-slate-600 dark:text-slate-300">
                    <p className="text-lg font-medium">Ask a question about a health topic.</p>
                    <p className="mt-1 text-sm">Answers cite their sources and are for general information only.</p>
                  </div>
                )}
                {messages.map((m) => (
                  <MessageView
                    key={m.id}
                    message={m}
                    streaming={busy && m.id === messages.at(-1)?.id && m.role === "assistant"}
                    isLastAssistant={m.id === lastAssistantId && m.id === messages.at(-1)?.id}
                    onRetry={busy ? undefined : () => void regenerate()}
                    feedback={initialFeedback[m.id]}
                  />
                ))}
                {status === "submitted" && (
                  <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
                    MedChat is looking this up…
                  </p>
                )}
                {error && (
                  <div role="alert" data-testid="request-error" className="rounded-lg border border-red-400 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
                    <p>{describeError(error)}</p>
                    <Button className="mt-2" onClick={() => void regenerate()}>
                      Try again
                    </Button>
                  </div>
                )}
                <div ref={endRef} />
              </div>
            </div>
            <div id="composer">
              <Composer disabled={!consented} busy={busy} onSend={send} onStop={() => void stop()} />
            </div>
          </main>
        </div>
      </div>
      {!consented && <ConsentGate text={props.consentText} onAccept={() => saveConsent(disclaimerVersion)} />}
    </>
  );
}
