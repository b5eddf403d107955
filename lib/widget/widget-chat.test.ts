// /api/chat from the widget panel: the site and the host page's origin are checked
// before anything is stored or generated; an allowed request is a "widget" conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { listMessages } from "@/lib/db/messages";
import { conversations } from "@/lib/db/schema";
import { startFakeGpuFunction, type FakeServer } from "@/lib/chat/fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { handleChatRequest, type WebChatDeps } from "@/lib/chat/web-handler";
import { createWidgetSite, updateWidgetSite, type WidgetSite } from "./sites";

let handle: DbHandle;
let server: FakeServer;
let deps: WebChatDeps;
let site: WidgetSite;
beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  server = await startFakeGpuFunction({ deltas: ["Eczema is ", "not contagious."] });
  deps = { getDb: async () => handle.db, gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: server.url, CHAT_MODEL: "fake-model" }), env: {} };
  site = await createWidgetSite(handle.db, { name: "Clinic", allowedOrigins: ["https://clinic.example"] });
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const VISITOR = "widgetvisitor0000000000000001";
function post(conversationId: string, widget: Record<string, unknown>, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1:3000/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", ...headers },
    body: JSON.stringify({
      id: conversationId,
      message: { id: `${conversationId}-m1`, role: "user", parts: [{ type: "text", text: "Is eczema contagious?" }] },
      consent: true,
      widget,
    }),
  });
}

describe("widget chat requests", () => {
  it("answers for a registered site embedded on an allowed origin and records the conversation as the widget's", async () => {
    const res = await handleChatRequest(post("w-ok", { siteKey: site.id, hostOrigin: "https://clinic.example", visitor: VISITOR }), deps);
    expect(res.status).toBe(200);
    const stream = await res.text();
    expect(stream).toContain("not contagious");
    expect(stream).toContain("not medical advice");
    const [row] = await handle.db.select().from(conversations).where(eq(conversations.id, "w-ok"));
    expect(row).toMatchObject({ surface: "widget", widgetSiteId: site.id, visitorId: VISITOR });
  });

  it.each([
    [
      "an unknown site",
      { siteKey: "ws_000000000000000000000000", hostOrigin: "https://clinic.example", visitor: VISITOR },
      {},
      404,
      "unknown_site",
    ],
    [
      "a host origin the site does not list",
      { siteKey: "SITE", hostOrigin: "https://evil.example", visitor: VISITOR },
      {},
      403,
      "origin_not_allowed",
    ],
    [
      "a request sent by the host page itself",
      { siteKey: "SITE", hostOrigin: "https://clinic.example", visitor: VISITOR },
      { origin: "https://clinic.example" },
      403,
      "origin_not_allowed",
    ],
  ])("refuses %s before storing anything", async (_name, widget, headers, status, code) => {
    const id = `w-refused-${code}-${status}-${Object.keys(headers).length}`;
    const res = await handleChatRequest(
      post(id, { ...widget, siteKey: widget.siteKey === "SITE" ? site.id : widget.siteKey }, headers),
      deps,
    );
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatchObject({ code, message: expect.any(String) });
    expect(await listMessages(handle.db, id)).toEqual([]);
  });

  it("refuses a disabled site", async () => {
    const other = await createWidgetSite(handle.db, { name: "Closed", allowedOrigins: ["https://closed.example"] });
    await updateWidgetSite(handle.db, other.id, { enabled: false });
    const res = await handleChatRequest(
      post("w-disabled", { siteKey: other.id, hostOrigin: "https://closed.example", visitor: VISITOR }),
      deps,
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("site_disabled");
  });

  it("rejects a malformed widget visitor token with a reason", async () => {
    const res = await handleChatRequest(
      post("w-badvisitor", { siteKey: site.id, hostOrigin: "https://clinic.example", visitor: "x" }),
      deps,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/widget\.visitor/);
  });
});
