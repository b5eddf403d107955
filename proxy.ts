// Runs before every page and API route: gives each browser an anonymous visitor id
// (httpOnly cookie, also passed on to the request so the first page render sees it),
// sets security headers and rejects oversized chat bodies early.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/request";
import { isValidVisitorId, newVisitorId, VISITOR_COOKIE, visitorCookieOptions } from "@/lib/chat/visitor";
import { embedFrameAncestors } from "@/lib/widget/frame-ancestors";

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  // The chat itself is not embeddable; the widget issue serves its own framable route.
  "content-security-policy": "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-frame-options": "SAMEORIGIN",
};

/** Set by lib/db in this process while a server database's schema is behind drizzle/ (no database import here). */
const SCHEMA_PROBLEM = Symbol.for("medchat.db.schemaProblem");

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const problem = (globalThis as { [SCHEMA_PROBLEM]?: () => string | null })[SCHEMA_PROBLEM]?.() ?? null;
  if (problem) {
    const headers = { "retry-after": "10", "cache-control": "no-store" };
    if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "schema_not_current", message: problem } }, { status: 503, headers });
    return new NextResponse(`MedChat is not available: ${problem}\n`, { status: 503, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  if (request.nextUrl.pathname === "/api/chat" && request.method === "POST") {
    const declared = Number(request.headers.get("content-length") ?? "");
    if (Number.isFinite(declared) && declared > MAX_CHAT_BODY_BYTES) {
      return NextResponse.json(
        { error: { code: "body_too_large", message: `The request body is ${declared} bytes; the limit is ${MAX_CHAT_BODY_BYTES}.` } },
        { status: 413 },
      );
    }
  }
  const existing = request.cookies.get(VISITOR_COOKIE)?.value;
  let response: NextResponse;
  if (isValidVisitorId(existing)) {
    response = NextResponse.next();
  } else {
    const id = newVisitorId();
    request.cookies.set(VISITOR_COOKIE, id);
    const headers = new Headers(request.headers);
    headers.set("cookie", request.cookies.toString());
    response = NextResponse.next({ request: { headers } });
    response.cookies.set(VISITOR_COOKIE, id, visitorCookieOptions(request.nextUrl.protocol === "https:"));
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (request.nextUrl.pathname === "/embed") return allowSiteFraming(request, response);
  return response;
}

/** The widget panel may be framed only by its site's own origins (frame-ancestors), never by others. */
async function allowSiteFraming(request: NextRequest, response: NextResponse): Promise<NextResponse> {
  const ancestors = await embedFrameAncestors(request.nextUrl.searchParams.get("site"), request.nextUrl.origin);
  response.headers.set("content-security-policy", SECURITY_HEADERS["content-security-policy"].replace("frame-ancestors 'self'", `frame-ancestors ${ancestors}`));
  response.headers.delete("x-frame-options");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
