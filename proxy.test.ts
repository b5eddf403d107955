import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "./proxy";
import { VISITOR_COOKIE } from "./lib/chat/visitor";

describe("proxy", () => {
  it("gives a new browser an httpOnly visitor cookie and security headers", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3000/"));
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`${VISITOR_COOKIE}=[A-Za-z0-9]{32}`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });

  it("sets a strict CSP with a fresh nonce per request, passed on to the page render", async () => {
    const first = await proxy(new NextRequest("http://127.0.0.1:3000/"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));
    expect(directive("default-src")).toBe("default-src 'self'");
    expect(directive("script-src")).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(directive("style-src")).toMatch(/^style-src 'self' 'nonce-/);
    expect(directive("img-src")).toBe("img-src 'self' data:");
    expect(directive("connect-src")).toBe("connect-src 'self'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Next.js reads the nonce from the request headers the proxy passes on.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const second = await proxy(new NextRequest("http://127.0.0.1:3000/"));
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("answers 405 with Allow and a reason for a file written to (Next.js's static server answered a bare 500)", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const path of ["/widget.js", "/widget.js?%ZZ", "/favicon.ico", "/_next/static/chunks/x.js"]) {
        const res = await proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method }));
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD");
        expect((await res.json()).error).toMatchObject({ code: "method_not_allowed", type: "invalid_request_error" });
      }
    }
    expect((await proxy(new NextRequest("http://127.0.0.1:3000/widget.js"))).status).toBe(200);
    // Pages and API routes are not files: their own handlers answer.
    for (const path of ["/", "/c/0b5e8a4e-1c1f-4a8e-9c55-3f8f1d3f6a10", "/admin/login", "/api/v1/openapi.json", "/api/chat"])
      expect((await proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method: "POST" }))).status, path).not.toBe(405);
  });

  it("answers 400 for paths whose percent-encoding does not decode", async () => {
    for (const path of ["/api/conversations/%ZZ", "/c/%ZZ", "/c/%ED%A0%80", "/api/conversations/%ED%A0%80"]) {
      const res = await proxy(new NextRequest(`http://127.0.0.1:3000${path}`));
      expect(res.status, path).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "invalid_path", type: "invalid_request_error" });
    }
    expect((await proxy(new NextRequest("http://127.0.0.1:3000/c/abc%20def"))).status).toBe(200);
  });

  it("gives a partner API call no visitor cookie (keyed, server to server), with the same security headers", async () => {
    for (const path of ["/api/v1/models", "/api/v1/chat/completions", "/api/v1/openapi.json"]) {
      const res = await proxy(new NextRequest(`http://127.0.0.1:3000${path}`));
      expect(res.headers.get("set-cookie"), path).toBeNull();
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("keeps an existing visitor id", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { cookie: `${VISITOR_COOKIE}=abcdefabcdefabcdef12` } }));
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("rejects an oversized chat body before it reaches the route", async () => {
    const res = await proxy(
      new NextRequest("http://127.0.0.1:3000/api/chat", { method: "POST", headers: { "content-length": String(10 * 1024 * 1024) } }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("body_too_large");
  });
});
