"use client";

import type { ReactNode } from "react";
import { AiDisclosure } from "./ai-disclosure";
import { Composer } from "./composer";
import { ConsentGate } from "./consent-gate";
import { saveConsent } from "./consent-store";
import { ConversationLog } from "./conversation-log";
import { DisclaimerBanner } from "./disclaimer-banner";
import type { FeedbackValue } from "./feedback-controls";
import { RequestHeadersContext } from "./request-headers";
import type { ChatSession } from "./use-chat-session";

/** What the page gives every surface from the server: the safety texts and the disclosure's link. */
export interface SurfaceTexts {
  consentText: string;
  bannerText: string;
  /** Consent is remembered per disclaimer version. */
  disclaimerVersion: string;
  /** The operator's "talk to a person" link, shown beside the AI disclosure. */
  talkToPersonUrl?: string | null;
}

export interface ChatShellProps {
  session: ChatSession;
  texts: SurfaceTexts;
  /** Called with a question just before it is sent (the surface's bookkeeping). */
  onSend?: (text: string) => void;
  /** The surface's top bar (title, menu, theme or close button). */
  header: ReactNode;
  /** A column beside the conversation (the web chat's history); none in the widget. */
  aside?: ReactNode;
  /** The aside covers the screen (the history on a phone): everything else is inert until it closes. */
  asideCovers?: boolean;
  /** What an empty conversation shows (the widget's greeting); given `ask` to send a question from it. */
  empty: ReactNode | ((ask: (text: string) => void) => ReactNode);
  feedback: Record<string, FeedbackValue>;
  /** What the consent gate says about storing the conversation on this surface. */
  storageNote: string;
  /** Smaller text for a small panel (the widget). */
  compact?: boolean;
  requestHeaders?: Record<string, string>;
}

/**
 * One chat surface's layout, shared by the web chat and the widget panel: the consent gate
 * (everything behind it inert until accepted), the persistent disclaimer banner and AI
 * disclosure, the conversation log with per-answer feedback, and the message box.
 */
export function ChatShell(props: ChatShellProps) {
  const { session, texts } = props;
  const { messages, status, regenerate, error, stop, busy, consented } = session;
  const send = (text: string) => {
    props.onSend?.(text);
    session.clearError();
    void session.sendMessage({ text });
  };
  return (
    <RequestHeadersContext.Provider value={props.requestHeaders ?? {}}>
      <div className="flex h-dvh flex-col" inert={!consented}>
        <div inert={props.asideCovers}>
          <a
            href="#composer"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
          >
            Skip to message box
          </a>
          {props.header}
          <DisclaimerBanner text={texts.bannerText} />
          <AiDisclosure talkToPersonUrl={texts.talkToPersonUrl} compact={props.compact} />
        </div>
        <div className="flex min-h-0 flex-1">
          {props.aside}
          <main className="flex min-w-0 flex-1 flex-col" inert={props.asideCovers}>
            <ConversationLog
              messages={messages}
              busy={busy}
              submitted={status === "submitted"}
              error={error}
              onRetry={() => void regenerate()}
              feedback={props.feedback}
              empty={typeof props.empty === "function" ? props.empty(send) : props.empty}
            />
            <div id="composer">
              <Composer disabled={!consented} busy={busy} onSend={send} onStop={() => void stop()} />
            </div>
          </main>
        </div>
      </div>
      {!consented && (
        <ConsentGate text={texts.consentText} storageNote={props.storageNote} onAccept={() => saveConsent(texts.disclaimerVersion)} />
      )}
    </RequestHeadersContext.Provider>
  );
}
