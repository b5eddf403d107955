// GET /api/widget/sites/:key — the public embedding policy of a widget site (its allowed
// origins, whether it is on). proxy.ts reads it to send /embed's frame-ancestors.
import { getDb } from "@/lib/chat/app-deps";
import { getWidgetSite } from "@/lib/widget/sites";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }): Promise<Response> {
  const { key } = await params;
  const site = await getWidgetSite(await getDb(), key);
  if (!site) return Response.json({ error: { code: "unknown_site", message: "No widget site with this key." } }, { status: 404 });
  return Response.json(
    { siteKey: site.id, enabled: site.enabled, allowedOrigins: site.allowedOrigins },
    { headers: { "cache-control": "no-store" } },
  );
}
