// Which widget site a /api/chat request chats for (WidgetSiteError with a reason otherwise). The panel is an iframe on the app's
// own origin, so its requests carry the app's Origin; a host page calling /api/chat
// directly is refused. The site must exist, be enabled and list the host page's origin.
import type { Db } from "@/lib/db/client";
import { authorizeWidget, WidgetSiteError, type WidgetSite } from "./sites";

export interface WidgetChatRequest {
  siteKey: string;
  hostOrigin: string;
  visitor: string;
}

export async function widgetSiteForChat(db: Db, request: Request, widget: WidgetChatRequest): Promise<WidgetSite> {
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

/** The app's public origin as the client addressed it (Host header), for deployments behind a proxy. */
function appOriginFromHeaders(request: Request): string | undefined {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return undefined;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
