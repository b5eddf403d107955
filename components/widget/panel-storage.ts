// What the widget panel remembers in its storage. The panel is a third-party frame: the
// browser partitions its storage by the host site, so what is kept here belongs to this
// visitor on this site only. Storage may be unavailable (blocked third-party storage): the
// panel then works for the page's lifetime and restores nothing.
import { WIDGET_RESTORE } from "@/lib/widget/identity";

const VISITOR_KEY = "medchat-widget-visitor";
const CONVERSATION_KEY = "medchat-widget-conversation";
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const CHAT_ID = /^[A-Za-z0-9_-]{1,128}$/;

function randomToken(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

let pageVisitor: string | undefined;

/** The panel's visitor token (the widget's stand-in for the web chat's cookie). */
export function widgetVisitorToken(): string {
  try {
    const existing = localStorage.getItem(VISITOR_KEY);
    if (existing && TOKEN.test(existing)) return existing;
    const fresh = randomToken();
    localStorage.setItem(VISITOR_KEY, fresh);
    return fresh;
  } catch {
    return (pageVisitor ??= randomToken());
  }
}

const conversationKey = (siteKey: string) => `${CONVERSATION_KEY}:${siteKey}`;

/** The conversation to restore after a reload: the last one this site's panel showed, if recent. */
export function lastConversation(siteKey: string, now = Date.now()): string | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(conversationKey(siteKey)) ?? "null") as { id?: unknown; at?: unknown } | null;
    if (raw && typeof raw.id === "string" && CHAT_ID.test(raw.id) && typeof raw.at === "number" && now - raw.at < WIDGET_RESTORE.maxIdleMs)
      return raw.id;
    forgetConversation(siteKey);
  } catch {
    // Unreadable or unavailable: nothing to restore.
  }
  return undefined;
}

export function rememberConversation(siteKey: string, id: string, now = Date.now()): void {
  try {
    localStorage.setItem(conversationKey(siteKey), JSON.stringify({ id, at: now }));
  } catch {
    // Storage unavailable: the conversation lasts for this page.
  }
}

export function forgetConversation(siteKey: string): void {
  try {
    localStorage.removeItem(conversationKey(siteKey));
  } catch {
    // Nothing stored.
  }
}
