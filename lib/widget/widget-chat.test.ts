// /api/chat from the widget panel: the site and the host page's origin are checked
// before anything is stored or generated; an allowed request is a "widget" conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { insertMessage, listMessages } from "@/lib/db/messages";
import { conversations, feedback, usageRecords } from "@/lib/db/schema";
import { handleChatRequest, handleConversationRequest, handleFeedbackRequest, type WebChatDeps } from "@/lib/chat/web-handler";
import { appRequest, chatBody, startWebChatFixture, type WebChatFixture } from "@/lib/chat/web-chat-fixture.test-helper";
import { WIDGET_RESTORE, widgetIdentityHeaders } from "./identity";
import { createWidgetSite, updateWidgetSite, type WidgetSite } from "./sites";

let fx: WebChatFixture;
let handle: WebChatFixture["handle"];
let deps: WebChatDeps;
let site: WidgetSite;
beforeAll(async () => {
  fx = await startWebChatFixture(["Eczema is ", "not contagious."]);
  ({ handle, deps } = fx);
  site = await createWidgetSite(handle.db, { name: "Clinic", allowedOrigins: ["https://clinic.example"] });
});
afterAll(async () => {
  await fx?.close();
});

const VISITOR = "widgetvisitor0000000000000001";
/** The panel's requests come from the app's own origin (it is an iframe of the app). */
const PANEL_ORIGIN = { origin: "http://127.0.0.1" };
function post(conversationId: string, widget: Record<string, unknown>, headers: Record<string, string> = {}): Request {
  return appRequest("/api/chat", chatBody(conversationId, `${conversationId}-m1`, "Is eczema contagious?", { widget }), {
    ...PANEL_ORIGIN,
    ...headers,
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
    // Metered like every surface: the admin overview charts the widget's tokens.
    const usage = await handle.db.select().from(usageRecords).where(eq(usageRecords.conversationId, "w-ok"));
    expect(usage).toEqual([
      expect.objectContaining({
        surface: "widget",
        apiKeyId: null,
        status: "complete",
        promptTokens: 11,
        completionTokens: 2,
        emergency: false,
      }),
    ]);
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

describe("the widget panel's feedback and restored conversation", () => {
  const identity = () => ({ siteKey: site.id, hostOrigin: "https://clinic.example", visitor: VISITOR });
  const asPanel = (headers: Record<string, string> = {}) => ({ ...PANEL_ORIGIN, ...widgetIdentityHeaders(identity()), ...headers });
  let answerId: string;
  beforeAll(async () => {
    await (await handleChatRequest(post("w-restore", identity()), deps)).text();
    answerId = (await listMessages(handle.db, "w-restore")).find((m) => m.role === "assistant")!.id;
  });

  it("stores thumbs on an answer for the panel's visitor, with the site and origin checked", async () => {
    const res = await handleFeedbackRequest(
      appRequest("/api/feedback", { messageId: answerId, rating: "down", comment: "Too short" }, asPanel()),
      handle.db,
    );
    expect(res.status).toBe(201);
    const rows = await handle.db
      .select()
      .from(feedback)
      .where(and(eq(feedback.messageId, answerId), eq(feedback.visitorId, VISITOR)));
    expect(rows).toMatchObject([{ rating: "down", comment: "Too short" }]);

    // The host page itself (another Origin), another origin claimed, another visitor, a malformed identity: refused.
    const fromHost = await handleFeedbackRequest(
      appRequest("/api/feedback", { messageId: answerId, rating: "up" }, asPanel({ origin: "https://clinic.example" })),
      handle.db,
    );
    expect([fromHost.status, (await fromHost.json()).error.code]).toEqual([403, "origin_not_allowed"]);
    const wrongOrigin = await handleFeedbackRequest(
      appRequest("/api/feedback", { messageId: answerId, rating: "up" }, asPanel({ "x-medchat-widget-origin": "https://evil.example" })),
      handle.db,
    );
    expect(wrongOrigin.status).toBe(403);
    const stranger = await handleFeedbackRequest(
      appRequest(
        "/api/feedback",
        { messageId: answerId, rating: "up" },
        asPanel({ "x-medchat-widget-visitor": "someoneelse00000000000001" }),
      ),
      handle.db,
    );
    expect([stranger.status, (await stranger.json()).error.code]).toEqual([404, "message_not_found"]);
    const malformed = await handleFeedbackRequest(
      appRequest("/api/feedback", { messageId: answerId, rating: "up" }, asPanel({ "x-medchat-widget-visitor": "x" })),
      handle.db,
    );
    expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, "invalid_widget_identity"]);
    // Nothing but the first rating was stored.
    expect(await handle.db.select().from(feedback).where(eq(feedback.messageId, answerId))).toHaveLength(1);
  });

  it("gives the panel its conversation back after a reload, with the feedback, for its own site only", async () => {
    const res = await handleConversationRequest(appRequest("/api/conversations/w-restore", undefined, asPanel()), handle.db, "w-restore");
    expect(res.status).toBe(200);
    const view = (await res.json()) as { messages: { role: string }[]; feedback: Record<string, { rating: string }> };
    expect(view.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(view.feedback[answerId]).toMatchObject({ rating: "down" });

    // Another site's panel (its own allowed origin, the same visitor token) does not get it.
    const other = await createWidgetSite(handle.db, { name: "Other", allowedOrigins: ["https://other.example"] });
    const foreign = await handleConversationRequest(
      appRequest(
        "/api/conversations/w-restore",
        undefined,
        asPanel(widgetIdentityHeaders({ siteKey: other.id, hostOrigin: "https://other.example", visitor: VISITOR })),
      ),
      handle.db,
      "w-restore",
    );
    expect(foreign.status).toBe(404);
    // Nor does the web chat's cookie visitor, nor the host page.
    const web = await handleConversationRequest(appRequest("/api/conversations/w-restore"), handle.db, "w-restore");
    expect(web.status).toBe(404);
    const fromHost = await handleConversationRequest(
      appRequest("/api/conversations/w-restore", undefined, asPanel({ origin: "https://clinic.example" })),
      handle.db,
      "w-restore",
    );
    expect(fromHost.status).toBe(403);
  });

  it("restores only a recent conversation, and only its latest messages starting at a question", async () => {
    const id = "w-long";
    await (await handleChatRequest(post(id, identity()), deps)).text();
    const start = Date.now();
    for (let i = 0; i < WIDGET_RESTORE.lastMessages + 5; i++) {
      await insertMessage(handle.db, {
        id: `${id}-x${i}`,
        conversationId: id,
        role: i % 2 === 0 ? "user" : "assistant",
        parts: [{ type: "text", text: `turn ${i}` }],
        status: "complete",
        createdAt: new Date(start + 1000 * (i + 1)),
      });
    }
    const read = async () => handleConversationRequest(appRequest(`/api/conversations/${id}`, undefined, asPanel()), handle.db, id);
    const view = (await (await read()).json()) as { messages: { role: string; parts: { text?: string }[] }[] };
    expect(view.messages.length).toBeLessThanOrEqual(WIDGET_RESTORE.lastMessages);
    expect(view.messages.length).toBeGreaterThanOrEqual(WIDGET_RESTORE.lastMessages - 1);
    expect(view.messages[0].role).toBe("user");
    expect(view.messages.at(-1)!.parts[0].text).toBe(`turn ${WIDGET_RESTORE.lastMessages + 4}`);

    // A day without activity: nothing to restore.
    await handle.db
      .update(conversations)
      .set({ updatedAt: new Date(Date.now() - WIDGET_RESTORE.maxIdleMs - 60_000) })
      .where(eq(conversations.id, id));
    expect((await read()).status).toBe(404);
  });
});
