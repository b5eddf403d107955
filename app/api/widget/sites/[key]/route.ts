// GET /api/widget/sites/:key — the public embedding policy of a widget site (its allowed
// origins, whether it is on). proxy.ts reads it to send /embed's frame-ancestors.
import { getDb } from "@/lib/chat/app-deps";
import { getWidgetSite } from "@/lib/widget/sites";
import { AppError } from "@/lib/http/app-error";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }): Promise<Response> {
  const { key } = await params;
  const site = await getWidgetSite(await getDb(), key);
  if (!site) return new AppError(404, "unknown_site", "No widget site with this key.").toResponse({ "cache-control": "no-store" });
  return Response.json(
    { siteKey: site.id, enabled: site.enabled, allowedOrigins: site.allowedOrigins },
    { headers: { "cache-control": "no-store" } },
  );
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
