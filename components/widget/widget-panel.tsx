"use client";

// First: schemas built by the imports below must not probe eval (strict CSP).
import "@/lib/http/zod-jitless";
import { useCallback, useEffect, useMemo, useState } from "react";
import { AiDisclosure } from "@/components/chat/ai-disclosure";
import { Composer } from "@/components/chat/composer";
import { ConsentGate } from "@/components/chat/consent-gate";
import { saveConsent } from "@/components/chat/consent-store";
import { ConversationLog } from "@/components/chat/conversation-log";
import { DisclaimerBanner } from "@/components/chat/disclaimer-banner";
import { useChatSession } from "@/components/chat/use-chat-session";
import { Button } from "@/components/ui/button";
import type { WidgetInbound, WidgetOutbound } from "./protocol";

export interface WidgetPanelProps {
  siteKey: string;
  hostOrigin: string;
  title: string;
  greeting?: string;
  theme: "light" | "dark";
  talkToPersonUrl?: string | null;
  consentText: string;
  bannerText: string;
  disclaimerVersion: string;
}

const VISITOR_KEY = "medchat-widget-visitor";

/**
 * The widget's visitor token. The panel is a third-party frame, where the browser does
 * not send the app's SameSite=Lax cookie, so the panel keeps its own random id (in this
 * site's partition of storage) and sends it with each message.
 */
function widgetVisitorToken(): string {
  try {
    const existing = localStorage.getItem(VISITOR_KEY);
    if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
    const fresh = crypto.randomUUID().replace(/-/g, "");
    localStorage.setItem(VISITOR_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID().replace(/-/g, "");
  }
}

function newChatId(): string {
  return crypto.randomUUID();
}

const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The chat panel inside the widget iframe (/embed): same guarantees as the web chat, posting only to its host's exact origin. */
export function WidgetPanel(props: WidgetPanelProps) {
  const { hostOrigin } = props;
  const [chatId, setChatId] = useState(newChatId);

  const post = useCallback(
    (message: WidgetOutbound) => {
      if (window.parent !== window) window.parent.postMessage(message, hostOrigin);
    },
    [hostOrigin],
  );

  useEffect(() => {
    document.documentElement.classList.toggle("dark", props.theme === "dark");
  }, [props.theme]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== hostOrigin || event.source !== window.parent) return;
      const message = event.data as WidgetInbound;
      if (message?.type === "medchat:reset") setChatId(newChatId());
      if (message?.type === "medchat:focus") {
        window.focus();
        // The consent button while the gate is open (the chat behind it is inert), else the message box.
        const target =
          document.querySelector<HTMLElement>("[data-testid=consent-gate] button") ?? document.querySelector<HTMLElement>("textarea");
        target?.focus();
      }
    };
    window.addEventListener("message", onMessage);
    post({ type: "medchat:ready" });
    return () => window.removeEventListener("message", onMessage);
  }, [hostOrigin, post]);

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

  return (
    <WidgetConversation
      key={chatId}
      chatId={chatId}
      {...props}
      onClose={() => post({ type: "medchat:close" })}
      onNewChat={() => setChatId(newChatId())}
      post={post}
    />
  );
}

function WidgetConversation(
  props: WidgetPanelProps & { chatId: string; onClose: () => void; onNewChat: () => void; post: (m: WidgetOutbound) => void },
) {
  const { chatId, siteKey, hostOrigin, disclaimerVersion, post } = props;
  const extraBody = useMemo(() => ({ widget: { siteKey, hostOrigin, visitor: widgetVisitorToken() } }), [siteKey, hostOrigin]);
  const { messages, sendMessage, status, stop, regenerate, error, clearError, busy, consented } = useChatSession({
    chatId,
    initialMessages: [],
    disclaimerVersion,
    extraBody,
    onFinish: ({ message }) => {
      const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
      post({ type: "medchat:message", role: "assistant", text });
    },
  });
  const send = (text: string) => {
    clearError();
    post({ type: "medchat:message", role: "user", text });
    void sendMessage({ text });
  };
  return (
    <>
      <div className="flex h-dvh flex-col" inert={!consented}>
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
          <h1 className="truncate text-base font-semibold">{props.title}</h1>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-100">
            AI
          </span>
          <div className="ml-auto flex items-center gap-1">
            {messages.length > 0 && (
              <Button variant="ghost" className="whitespace-nowrap" onClick={props.onNewChat} disabled={busy}>
                New chat
              </Button>
            )}
            <Button variant="ghost" aria-label="Close chat" onClick={props.onClose}>
              ✕
            </Button>
          </div>
        </header>
        <DisclaimerBanner text={props.bannerText} />
        <AiDisclosure talkToPersonUrl={props.talkToPersonUrl} compact />
        <ConversationLog
          messages={messages}
          busy={busy}
          submitted={status === "submitted"}
          error={error}
          onRetry={() => void regenerate()}
          feedbackEnabled={false}
          empty={
            <div className="mt-6 text-center text-sm text-slate-600 dark:text-slate-300">
              <p className="font-medium">{props.greeting || "Hi! Ask a question about a health topic."}</p>
              <p className="mt-1">Answers cite their sources and are general information only.</p>
            </div>
          }
        />
        <Composer disabled={!consented} busy={busy} onSend={send} onStop={() => void stop()} />
      </div>
      {!consented && <ConsentGate text={props.consentText} onAccept={() => saveConsent(disclaimerVersion)} />}
    </>
  );
}
