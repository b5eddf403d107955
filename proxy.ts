// Runs before every page and API route: rejects what no route can handle (undecodable paths,
// oversized chat bodies) early, gives each browser an anonymous visitor id (httpOnly cookie,
// also passed on to the request so the first page render sees it) and sets the security
// headers, with a strict per-request-nonce CSP (lib/http/csp.ts).
import { NextResponse, type NextRequest } from "next/server";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/request";
import { isValidVisitorId, newVisitorId, VISITOR_COOKIE, visitorCookieOptions } from "@/lib/chat/visitor";
import { AppError } from "@/lib/http/app-error";
import { contentSecurityPolicy, newCspNonce } from "@/lib/http/csp";
import { embedFrameAncestors, FRAME_NONE } from "@/lib/widget/frame-ancestors";

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  // The chat itself is not embeddable (CSP frame-ancestors 'none'); the widget serves /embed, framable per site.
  "x-frame-options": "DENY",
};

/** A path whose percent-escapes do not decode to well-formed text (%ZZ, an encoded lone surrogate %ED%A0%80). */
function undecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** A file of public/ (widget.js …) or any other path with a file extension outside /api: only GET and HEAD read it. */
function staticFilePath(pathname: string): boolean {
  if (pathname.startsWith("/api/")) return false;
  const name = pathname.slice(pathname.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 && /^[A-Za-z0-9]{1,10}$/.test(name.slice(dot + 1));
}

/** Who may frame this page: the widget panel only by its site's own origins, everything else by nobody. */
async function frameAncestorsFor(request: NextRequest): Promise<string[]> {
  if (request.nextUrl.pathname !== "/embed") return [];
  const ancestors = await embedFrameAncestors(request.nextUrl.searchParams.get("site"), request.nextUrl.origin);
  return ancestors === FRAME_NONE ? [] : ancestors.split(" ");
}

/** Set by lib/db in this process while a server database's schema is behind drizzle/ (no database import here). */
const SCHEMA_PROBLEM = Symbol.for("medchat.db.schemaProblem");

export async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  const problem = (globalThis as { [SCHEMA_PROBLEM]?: () => string | null })[SCHEMA_PROBLEM]?.() ?? null;
  if (problem) {
    const headers = { "retry-after": "10", "cache-control": "no-store" };
    if (request.nextUrl.pathname.startsWith("/api/")) return new AppError(503, "schema_not_current", problem, { headers }).toResponse();
    return new NextResponse(`MedChat is not available: ${problem}\n`, {
      status: 503,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (undecodablePath(request.nextUrl.pathname)) {
    return new AppError(400, "invalid_path", "The address contains an invalid percent-encoding.").toResponse();
  }
  if (staticFilePath(request.nextUrl.pathname) && request.method !== "GET" && request.method !== "HEAD") {
    // Next.js's static file server answers other methods with a bare 500.
    return new AppError(405, "method_not_allowed", `${request.method} is not supported on a file; use GET.`, {
      headers: { allow: "GET, HEAD" },
    }).toResponse();
  }
  if (request.nextUrl.pathname === "/api/chat" && request.method === "POST") {
    const declared = Number(request.headers.get("content-length") ?? "");
    if (Number.isFinite(declared) && declared > MAX_CHAT_BODY_BYTES) {
      return new AppError(
        413,
        "body_too_large",
        `The request body is ${declared} bytes; the limit is ${MAX_CHAT_BODY_BYTES}.`,
      ).toResponse();
    }
  }
  const nonce = newCspNonce();
  const frameAncestors = await frameAncestorsFor(request);
  const csp = contentSecurityPolicy({ nonce, frameAncestors, development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts; the layout reads x-nonce.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const existing = request.cookies.get(VISITOR_COOKIE)?.value;
  let newVisitor: string | undefined;
  // The partner API is keyed and server to server: no browser visitor to remember there.
  if (!isValidVisitorId(existing) && !request.nextUrl.pathname.startsWith("/api/v1/")) {
    newVisitor = newVisitorId();
    request.cookies.set(VISITOR_COOKIE, newVisitor);
    headers.set("cookie", request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers } });
  if (newVisitor) response.cookies.set(VISITOR_COOKIE, newVisitor, visitorCookieOptions(request.nextUrl.protocol === "https:"));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("content-security-policy", csp);
  if (frameAncestors.length > 0) response.headers.delete("x-frame-options");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
