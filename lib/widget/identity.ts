// The headers that carry the widget panel's identity (site key, host page origin, visitor
// token: lib/chat/request.ts widgetIdentitySchema) on its requests other than a chat message
// (feedback, restoring the conversation). Shared by the panel (client) and the routes.
import type { WidgetIdentity } from "@/lib/chat/request";

export type { WidgetIdentity } from "@/lib/chat/request";

export const WIDGET_HEADERS = {
  site: "x-medchat-widget-site",
  origin: "x-medchat-widget-origin",
  visitor: "x-medchat-widget-visitor",
} as const;

export function widgetIdentityHeaders(identity: WidgetIdentity): Record<string, string> {
  return {
    [WIDGET_HEADERS.site]: identity.siteKey,
    [WIDGET_HEADERS.origin]: identity.hostOrigin,
    [WIDGET_HEADERS.visitor]: identity.visitor,
  };
}

/**
 * What the panel restores when the visitor reloads the host page (same visitor, same site):
 * the conversation it last showed, if active within a day, and its latest messages.
 */
export const WIDGET_RESTORE = { maxIdleMs: 24 * 60 * 60 * 1000, lastMessages: 40 } as const;
