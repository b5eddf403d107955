"use client";

// First: schemas built by the imports below must not probe eval (strict CSP).
import "@/lib/http/zod-jitless";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MedChatUIMessage } from "@/lib/chat/ui-types";
import { widgetIdentityHeaders, type WidgetIdentity } from "@/lib/widget/identity";
import { ChatShell, type SurfaceTexts } from "@/components/chat/chat-shell";
import { ExampleQuestions } from "@/components/chat/example-questions";
import type { FeedbackValue } from "@/components/chat/feedback-controls";
import { useChatSession } from "@/components/chat/use-chat-session";
import { Button } from "@/components/ui/button";
import { hasConsent, saveConsent, subscribeConsent } from "@/components/chat/consent-store";
import {
  forgetConversation,
  hostStorage,
  lastConversation,
  ownStorage,
  rememberConversation,
  widgetVisitorToken,
  type PanelStore,
} from "./panel-storage";
import type { PanelStoreKey, WidgetInbound, WidgetOutbound } from "./protocol";

export interface WidgetPanelProps extends SurfaceTexts {
  siteKey: string;
  hostOrigin: string;
  title: string;
  greeting?: string;
  theme: "light" | "dark";
  /** The same examples the web chat's empty state offers (lib/chat/example-questions.ts). */
  exampleQuestions?: string[];
}

interface Conversation {
  id: string;
  messages: MedChatUIMessage[];
  feedback: Record<string, FeedbackValue>;
}

const freshConversation = (): Conversation => ({ id: crypto.randomUUID(), messages: [], feedback: {} });

const STORAGE_NOTE =
  "Your questions and answers are saved, and this chat is shown again if you reload the page within a day; “New chat” starts afresh.";

const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The consent button while the gate is open (the chat behind it is inert), else the message box. */
function focusPanel(): boolean {
  window.focus();
  const target =
    document.querySelector<HTMLElement>("[data-testid=consent-gate] button") ?? document.querySelector<HTMLElement>("textarea");
  target?.focus();
  return target !== null;
}

/**
 * The conversation this panel last showed on this site (a fresh one when there is none, it is
 * over a day old or the server refuses it), read through the route the web chat reads a
 * conversation from, with the widget's identity: the server checks the site and bounds it.
 */
async function restoreConversation(identity: WidgetIdentity, store: PanelStore, signal: AbortSignal): Promise<Conversation> {
  const id = lastConversation(store);
  if (!id) return freshConversation();
  try {
    const res = await fetch(`/api/conversations/${encodeURIComponent(id)}`, {
      headers: widgetIdentityHeaders(identity),
      cache: "no-store",
      signal,
    });
    if (!res.ok) throw new Error(`restore refused: ${res.status}`);
    const view = (await res.json()) as { messages: MedChatUIMessage[]; feedback: Record<string, FeedbackValue> };
    return { id, messages: view.messages, feedback: view.feedback };
  } catch (error) {
    if (signal.aborted) throw error;
    forgetConversation(store);
    return freshConversation();
  }
}

/** Where the panel remembers things, and who it is: known once the loader has handed its values over. */
interface PanelSession {
  store: PanelStore;
  identity: WidgetIdentity;
}

/** How long the panel waits for the loader's values before using what it has (a panel opened without the loader). */
const STORE_WAIT_MS = 1_500;

/** The chat panel inside the widget iframe (/embed): same guarantees as the web chat, posting only to its host's exact origin. */
export function WidgetPanel(props: WidgetPanelProps) {
  const { hostOrigin, siteKey, disclaimerVersion } = props;
  const [session, setSession] = useState<PanelSession | null>(null);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const storeRef = useRef<PanelStore | null>(null);
  const focusPending = useRef(false);

  const post = useCallback(
    (message: WidgetOutbound) => {
      if (window.parent !== window) window.parent.postMessage(message, hostOrigin);
    },
    [hostOrigin],
  );
  const startNew = useCallback(() => {
    if (storeRef.current) forgetConversation(storeRef.current);
    setConversation(freshConversation());
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle("dark", props.theme === "dark");
  }, [props.theme]);

  useEffect(() => {
    const begin = (values: Partial<Record<PanelStoreKey, string>>) => {
      if (storeRef.current) return;
      // The frame's own storage when the browser allows it; else the host page's, through the loader.
      const store = ownStorage(siteKey) ?? hostStorage(values, (key, value) => post({ type: "medchat:save", key, value }));
      storeRef.current = store;
      setSession({ store, identity: { siteKey, hostOrigin, visitor: widgetVisitorToken(store) } });
    };
    const noLoader = setTimeout(() => begin({}), STORE_WAIT_MS);
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== hostOrigin || event.source !== window.parent) return;
      const message = event.data as WidgetInbound;
      if (message?.type === "medchat:store" && message.values && typeof message.values === "object") {
        clearTimeout(noLoader);
        begin(message.values);
      }
      if (message?.type === "medchat:reset") startNew();
      // Asked before the conversation is on screen: focus it once it is.
      if (message?.type === "medchat:focus") focusPending.current = !focusPanel();
    };
    window.addEventListener("message", onMessage);
    post({ type: "medchat:ready" });
    return () => {
      clearTimeout(noLoader);
      window.removeEventListener("message", onMessage);
    };
  }, [hostOrigin, siteKey, post, startNew]);

  // Once the store is known: the consent given on an earlier visit, and the conversation to restore.
  useEffect(() => {
    if (!session) return;
    const { store, identity } = session;
    if (store.get("consent") === disclaimerVersion && !hasConsent(disclaimerVersion)) saveConsent(disclaimerVersion);
    const unsubscribe = subscribeConsent(() => {
      if (hasConsent(disclaimerVersion)) store.set("consent", disclaimerVersion);
    });
    const abort = new AbortController();
    restoreConversation(identity, store, abort.signal).then(
      (restored) => {
        if (!abort.signal.aborted) setConversation(restored);
      },
      () => {
        // Unmounted while restoring: nothing to show.
      },
    );
    return () => {
      abort.abort();
      unsubscribe();
    };
  }, [session, disclaimerVersion]);

  useEffect(() => {
    if (conversation && focusPending.current) focusPending.current = !focusPanel();
  }, [conversation]);

  // Escape closes the panel; Tab stays inside it (the panel is the only thing in this frame).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        post({ type: "medchat:close" });
        return;
      }
      if (event.key !== "Tab") return;
      const items = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null && !el.closest("[inert]"),
      );
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [post]);

  if (!session || !conversation) {
    return (
      <p role="status" className="flex h-dvh items-center justify-center text-sm text-slate-600 dark:text-slate-300">
        Loading the chat…
      </p>
    );
  }
  return (
    <WidgetConversation
      key={conversation.id}
      {...props}
      conversation={conversation}
      session={session}
      onClose={() => post({ type: "medchat:close" })}
      onNewChat={startNew}
      post={post}
    />
  );
}

function WidgetConversation(
  props: WidgetPanelProps & {
    conversation: Conversation;
    session: PanelSession;
    onClose: () => void;
    onNewChat: () => void;
    post: (m: WidgetOutbound) => void;
  },
) {
  const { conversation, post } = props;
  const { store, identity } = props.session;
  const extraBody = useMemo(() => ({ widget: identity }), [identity]);
  const requestHeaders = useMemo(() => widgetIdentityHeaders(identity), [identity]);
  const session = useChatSession({
    chatId: conversation.id,
    initialMessages: conversation.messages,
    disclaimerVersion: props.disclaimerVersion,
    extraBody,
    requestHeaders,
    // A reload of the host page from now on shows this conversation again (the server has stored it).
    onAccepted: () => rememberConversation(store, conversation.id),
    onFinish: ({ message }) => {
      rememberConversation(store, conversation.id);
      const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
      post({ type: "medchat:message", role: "assistant", text });
    },
  });
  const beforeSend = (text: string) => {
    post({ type: "medchat:message", role: "user", text });
  };
  return (
    <ChatShell
      session={session}
      texts={props}
      onSend={beforeSend}
      feedback={conversation.feedback}
      requestHeaders={requestHeaders}
      storageNote={STORAGE_NOTE}
      compact
      header={
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
          <h1 className="truncate text-base font-semibold">{props.title}</h1>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-100">
            AI
          </span>
          <div className="ml-auto flex items-center gap-1">
            {session.messages.length > 0 && (
              <Button variant="ghost" className="whitespace-nowrap" onClick={props.onNewChat} disabled={session.busy}>
                New chat
              </Button>
            )}
            <Button variant="ghost" aria-label="Close chat" onClick={props.onClose}>
              ✕
            </Button>
          </div>
        </header>
      }
      empty={(ask) => (
        <div className="mt-6 text-center text-sm text-slate-600 dark:text-slate-300">
          <p className="font-medium">{props.greeting || "Hi! Ask a question about a health topic."}</p>
          <p className="mt-1">Answers cite their sources and are general information only.</p>
          <ExampleQuestions questions={props.exampleQuestions} onAsk={ask} compact />
        </div>
      )}
    />
  );
}
