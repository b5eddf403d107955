// Messages between the widget loader (on the host page) and the chat panel (the /embed
// iframe). Each side posts only to the other's exact origin and checks event.origin.
export const WIDGET_EVENTS = ["ready", "open", "close", "message"] as const;
export type WidgetEvent = (typeof WIDGET_EVENTS)[number];

/**
 * What the panel keeps between page loads (its visitor token, the conversation to restore,
 * the accepted disclaimer version). Browsers that block storage in third-party frames deny
 * the panel its own localStorage, so the loader keeps these few values for it in the host
 * page's storage, per site key, and hands them over when the panel is ready.
 */
export const PANEL_STORE_KEYS = ["visitor", "conversation", "consent"] as const;
export type PanelStoreKey = (typeof PANEL_STORE_KEYS)[number];
/** Longest value kept (a token, a conversation id with a time, a version). */
export const PANEL_STORE_MAX_CHARS = 300;

/** Loader → panel. */
export type WidgetInbound =
  { type: "medchat:focus" } | { type: "medchat:reset" } | { type: "medchat:store"; values: Partial<Record<PanelStoreKey, string>> };

/** Panel → loader. */
export type WidgetOutbound =
  | { type: "medchat:ready" }
  | { type: "medchat:close" }
  | { type: "medchat:message"; role: "user" | "assistant"; text: string }
  | { type: "medchat:save"; key: PanelStoreKey; value: string | null };
