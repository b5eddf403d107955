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
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'/);
  });

  it("keeps an existing visitor id", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { cookie: `${VISITOR_COOKIE}=abcdefabcdefabcdef12` } }));
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("rejects an oversized chat body before it reaches the route", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3000/api/chat", { method: "POST", headers: { "content-length": String(10 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("body_too_large");
  });
});
