// Who a chat request (a message, feedback, restoring a conversation) speaks for: the web
// chat's cookie visitor, or the widget panel's visitor token for a widget site. The panel is
// an iframe on the app's own origin, so its requests carry the app's Origin; a host page
// calling the routes directly is refused. The site must exist, be enabled and list the host
// page's origin. Refusals are AppErrors with a reason.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { widgetIdentitySchema, type WidgetIdentity } from "@/lib/chat/request";
import { WIDGET_HEADERS } from "./identity";
import { authorizeWidget, WidgetSiteError, type WidgetSite } from "./sites";

async function widgetSiteForChat(db: Db, request: Request, widget: WidgetIdentity): Promise<WidgetSite> {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== appOriginFromHeaders(request)) {
    throw new WidgetSiteError(
      403,
      "origin_not_allowed",
      "Widget messages must come from the MedChat panel, not from the host page directly.",
    );
  }
  return (await authorizeWidget(db, widget.siteKey, widget.hostOrigin)).site;
}

/** The widget identity a request carries in its headers (WIDGET_HEADERS), if any; 400 when it is malformed. */
export function widgetIdentityFromHeaders(request: Request): WidgetIdentity | undefined {
  const raw = {
    siteKey: request.headers.get(WIDGET_HEADERS.site) ?? undefined,
    hostOrigin: request.headers.get(WIDGET_HEADERS.origin) ?? undefined,
    visitor: request.headers.get(WIDGET_HEADERS.visitor) ?? undefined,
  };
  if (raw.siteKey === undefined && raw.hostOrigin === undefined && raw.visitor === undefined) return undefined;
  const parsed = widgetIdentitySchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      400,
      "invalid_widget_identity",
      `The widget headers are incomplete or malformed (${Object.values(WIDGET_HEADERS).join(", ")}).`,
    );
  }
  return parsed.data;
}

export interface ChatVisitor {
  visitorId: string;
  /** The widget site the request chats for; null on the web chat. */
  widgetSiteId: string | null;
}

/**
 * The visitor a request speaks for: the widget's (site and origin checked) when it carries a
 * widget identity, else the cookie visitor.
 */
export async function chatVisitor(
  db: Db,
  request: Request,
  cookieVisitorId: string,
  widget: WidgetIdentity | undefined,
): Promise<ChatVisitor> {
  if (!widget) return { visitorId: cookieVisitorId, widgetSiteId: null };
  try {
    const site = await widgetSiteForChat(db, request, widget);
    return { visitorId: widget.visitor, widgetSiteId: site.id };
  } catch (error) {
    if (error instanceof WidgetSiteError) throw new AppError(error.status, error.code, error.message);
    throw error;
  }
}

/** The visitor of a request that may come from the widget panel (widget headers) or the web chat (cookie). */
export function requestChatVisitor(db: Db, request: Request, cookieVisitorId: string): Promise<ChatVisitor> {
  return chatVisitor(db, request, cookieVisitorId, widgetIdentityFromHeaders(request));
}

/** The app's public origin as the client addressed it (Host header), for deployments behind a proxy. */
function appOriginFromHeaders(request: Request): string | undefined {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return undefined;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
