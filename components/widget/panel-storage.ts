// What the widget panel remembers between page loads, per site: its visitor token (the
// widget's stand-in for the web chat's cookie), the conversation to restore, the accepted
// disclaimer version. Kept in the panel's own storage when the browser allows it in a
// third-party frame (partitioned by host site); otherwise in the host page's storage through
// the loader (protocol.ts); otherwise for the page's lifetime only.
import { WIDGET_RESTORE } from "@/lib/widget/identity";
import type { PanelStoreKey } from "./protocol";

export interface PanelStore {
  get(key: PanelStoreKey): string | undefined;
  /** null removes the value. */
  set(key: PanelStoreKey, value: string | null): void;
}

/** The frame's own localStorage, if this browser lets a third-party frame use it. */
export function ownStorage(siteKey: string): PanelStore | undefined {
  const name = (key: PanelStoreKey) => `medchat-widget:${siteKey}:${key}`;
  try {
    localStorage.setItem(name("visitor") + ":probe", "1");
    localStorage.removeItem(name("visitor") + ":probe");
  } catch {
    return undefined;
  }
  return {
    get: (key) => localStorage.getItem(name(key)) ?? undefined,
    set: (key, value) => {
      try {
        if (value === null) localStorage.removeItem(name(key));
        else localStorage.setItem(name(key), value);
      } catch {
        // Storage full or revoked: remembered for this page only.
      }
    },
  };
}

/** Values the loader keeps for the panel in the host page's storage; changes are sent back to it. */
export function hostStorage(
  values: Partial<Record<PanelStoreKey, string>>,
  save: (key: PanelStoreKey, value: string | null) => void,
): PanelStore {
  const kept = new Map(Object.entries(values).filter(([, v]) => typeof v === "string") as [PanelStoreKey, string][]);
  return {
    get: (key) => kept.get(key),
    set: (key, value) => {
      if (value === null) kept.delete(key);
      else kept.set(key, value);
      save(key, value);
    },
  };
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const CHAT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function widgetVisitorToken(store: PanelStore): string {
  const existing = store.get("visitor");
  if (existing && TOKEN.test(existing)) return existing;
  const fresh = crypto.randomUUID().replace(/-/g, "");
  store.set("visitor", fresh);
  return fresh;
}

/** The conversation to restore after a reload: the last one this site's panel showed, if recent. */
export function lastConversation(store: PanelStore, now = Date.now()): string | undefined {
  try {
    const raw = JSON.parse(store.get("conversation") ?? "null") as { id?: unknown; at?: unknown } | null;
    if (raw && typeof raw.id === "string" && CHAT_ID.test(raw.id) && typeof raw.at === "number" && now - raw.at < WIDGET_RESTORE.maxIdleMs)
      return raw.id;
  } catch {
    // Unreadable: nothing to restore.
  }
  forgetConversation(store);
  return undefined;
}

export function rememberConversation(store: PanelStore, id: string, now = Date.now()): void {
  store.set("conversation", JSON.stringify({ id, at: now }));
}

export function forgetConversation(store: PanelStore): void {
  if (store.get("conversation") !== undefined) store.set("conversation", null);
}
