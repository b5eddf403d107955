// CORS for partners that call from a browser: each key lists the origins allowed to use
// it. A preflight carries no key, so it is answered for origins that some usable key
// lists; the real request is then checked against its own key's list.
import type { Db } from "@/lib/db/client";
import { PartnerError } from "./errors";
import { originAllowedByAnyKey, type ApiKeyRecord } from "./keys";

const EXPOSED_HEADERS = [
  "retry-after",
  "x-request-id",
  "idempotent-replayed",
  "x-ratelimit-limit-requests",
  "x-ratelimit-remaining-requests",
  "x-ratelimit-reset-requests",
  "x-ratelimit-limit-tokens",
  "x-ratelimit-remaining-tokens",
  "x-ratelimit-reset-tokens",
].join(", ");
const DEFAULT_ALLOWED_HEADERS = "authorization, content-type, idempotency-key";

export function corsHeaders(origin: string | null): Record<string, string> {
  if (!origin) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" };
}

/** Refuses a browser request whose Origin this key does not list (403); server-to-server calls send none. */
export function checkOrigin(key: ApiKeyRecord, origin: string | null): void {
  if (!origin) return;
  if (!key.allowedOrigins.includes(origin)) {
    throw new PartnerError(
      403,
      "origin_not_allowed",
      `The origin ${origin.slice(0, 200)} is not allowed for the API key ${key.prefix}…; add it to the key's allowed origins.`,
    );
  }
}

/** OPTIONS: the preflight of a browser request. */
export async function handlePreflight(request: Request, getDb: () => Promise<Db>): Promise<Response> {
  const origin = request.headers.get("origin");
  if (!origin) return new Response(null, { status: 204, headers: { allow: "GET, POST, OPTIONS" } });
  if (origin.length > 300 || !(await originAllowedByAnyKey(await getDb(), origin))) {
    return new PartnerError(403, "origin_not_allowed", "This origin is not allowed to call the MedChat API.").toResponse({
      vary: "Origin",
    });
  }
  // The official clients send their own headers (x-stainless-*); echo a well-formed request list.
  const requested = request.headers.get("access-control-request-headers") ?? "";
  const allowHeaders =
    requested && requested.length <= 2_000 && /^[A-Za-z0-9_\-, ]+$/.test(requested) ? requested : DEFAULT_ALLOWED_HEADERS;
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": allowHeaders,
      "access-control-max-age": "600",
    },
  });
}
