// The CSP frame-ancestors source list for /embed?site=…: the site's allowed origins,
// or 'none' for an unknown, disabled or unreachable site. proxy.ts cannot open the
// database, so it asks the app's own /api/widget/sites/:key and keeps answers briefly.
import { isSiteKey } from "./site-key";

const TTL_MS = 10_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { value: string; expires: number }>();

export const FRAME_NONE = "'none'";

export async function embedFrameAncestors(siteKey: string | null, appOrigin: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (!siteKey || !isSiteKey(siteKey)) return FRAME_NONE;
  const hit = cache.get(siteKey);
  if (hit && hit.expires > Date.now()) return hit.value;
  let value = FRAME_NONE;
  try {
    const res = await fetchImpl(`${appOrigin}/api/widget/sites/${siteKey}`, { signal: AbortSignal.timeout(3_000), cache: "no-store" });
    if (res.ok) {
      const site = (await res.json()) as { enabled?: boolean; allowedOrigins?: unknown };
      const origins = Array.isArray(site.allowedOrigins)
        ? site.allowedOrigins.filter((o): o is string => typeof o === "string" && /^https?:\/\/[^\s;,'"]+$/.test(o))
        : [];
      if (site.enabled && origins.length) value = origins.join(" ");
    }
  } catch {
    // Unreachable: refuse framing, and do not cache the failure.
    return FRAME_NONE;
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(siteKey, { value, expires: Date.now() + TTL_MS });
  return value;
}
