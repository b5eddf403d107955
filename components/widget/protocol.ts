// Messages between the widget loader (on the host page) and the chat panel (the /embed
// iframe). Each side posts only to the other's exact origin and checks event.origin.
export const WIDGET_EVENTS = ["ready", "open", "close", "message"] as const;
export type WidgetEvent = (typeof WIDGET_EVENTS)[number];

/** Loader → panel. */
export type WidgetInbound = { type: "medchat:focus" } | { type: "medchat:reset" };

/** Panel → loader. */
export type WidgetOutbound =
  { type: "medchat:ready" } | { type: "medchat:close" } | { type: "medchat:message"; role: "user" | "assistant"; text: string };
