import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { dailyActivity } from "@/lib/admin/overview";
import { listMessages } from "@/lib/db/messages";
import { usageRecords } from "@/lib/db/schema";
import { startInFreshWindow } from "@/lib/rate-limit/fresh-window.test-helper";
import { startFakeGpuFunction } from "./fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "./model";
import { handleChatRequest, type WebChatDeps } from "./web-handler";
import { VISITOR_COOKIE } from "./visitor";
import { appRequest, chatBody, startWebChatFixture, visitorCookie, type WebChatFixture } from "./web-chat-fixture.test-helper";

let fx: WebChatFixture;
let handle: WebChatFixture["handle"];
let deps: WebChatDeps;
beforeAll(async () => {
  fx = await startWebChatFixture(["Hello ", "there."]);
  ({ handle, deps } = fx);
});
afterAll(async () => {
  await fx?.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  appRequest("/api/chat", body, { cookie: visitorCookie("visitor_bbbbbbbbbbbbbbbb"), ...headers });
const body = (id: string, text: string, extra: Record<string, unknown> = {}) => chatBody(id, `${id}-m1`, text, extra);

describe("POST /api/chat handler", () => {
  it("refuses a request without the consent flag (403 with a reason) and stores nothing", async () => {
    const res = await handleChatRequest(post(body("c-noconsent", "hi", { consent: undefined })), deps);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("consent_required");
    expect(await listMessages(handle.db, "c-noconsent")).toEqual([]);
    const refused = await handleChatRequest(post(body("c-noconsent", "hi", { consent: false })), deps);
    expect(refused.status).toBe(403);
  });

  it("answers 400 with the reason for malformed bodies", async () => {
    const notJson = await handleChatRequest(post("{nope"), deps);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_json");
    const wrong = await handleChatRequest(post({ id: "x", message: { id: "m", role: "assistant", parts: [] } }), deps);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toMatch(/message\.role/);
  });

  it("answers 413 for an oversized message or body", async () => {
    const long = await handleChatRequest(post(body("c-long", "a".repeat(5000))), deps);
    expect(long.status).toBe(413);
    const huge = await handleChatRequest(post(body("c-huge", "b".repeat(70_000))), deps);
    expect(huge.status).toBe(413);
  });

  it("streams a UI message stream with the disclaimer part and sets a visitor cookie for new visitors", async () => {
    const res = await handleChatRequest(post(body("c-stream", "What is a cold?"), { cookie: "" }), deps);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${VISITOR_COOKIE}=\\w+; Path=/;.*HttpOnly`));
    const sse = await res.text();
    const chunks = sse
      .split("\n\n")
      .filter((l) => l.startsWith("data: ") && !l.includes("[DONE]"))
      .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: string });
    expect(chunks[0].type).toBe("start");
    expect(
      chunks
        .filter((c) => c.type === "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("Hello there.");
    const types = chunks.map((c) => c.type);
    expect(types.indexOf("data-disclaimer")).toBeGreaterThan(types.lastIndexOf("text-delta"));
    expect(types.at(-1)).toBe("finish");
  });

  it("does not let another visitor write into someone else's conversation", async () => {
    await (await handleChatRequest(post(body("c-owned", "hello")), deps)).text();
    const res = await handleChatRequest(
      post(body("c-owned", "hijack", { message: { id: "x2", role: "user", parts: [{ type: "text", text: "hijack" }] } }), {
        cookie: `${VISITOR_COOKIE}=visitor_cccccccccccccccc`,
      }),
      deps,
    );
    expect(res.status).toBe(404);
  });

  it("answers 429 with Retry-After and a reason that still points to emergency help once a visitor is over the limit, and stores nothing", async () => {
    const limited: WebChatDeps = { ...deps, env: { CHAT_RATE_LIMIT_PER_MINUTE: "2" } };
    await startInFreshWindow(60_000, 30_000);
    const visitor = { cookie: `${VISITOR_COOKIE}=visitor_rrrrrrrrrrrrrrrr` };
    for (const n of [1, 2]) {
      const ok = await handleChatRequest(post(body(`c-rate-${n}`, "What is a cold?"), visitor), limited);
      expect(ok.status).toBe(200);
      await ok.text();
    }
    const refused = await handleChatRequest(post(body("c-rate-3", "What is a cold?", { locale: "en-GB" }), visitor), limited);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/try again in \d+ seconds/);
    expect(error.message).toContain("call 999");
    expect(await listMessages(handle.db, "c-rate-3")).toEqual([]);
    // Another visitor is not affected.
    const other = await handleChatRequest(
      post(body("c-rate-4", "What is a cold?"), { cookie: `${VISITOR_COOKIE}=visitor_ssssssssssssssss` }),
      limited,
    );
    expect(other.status).toBe(200);
    await other.text();
  });

  it("records usage for every answered message: tokens, emergencies and answers the visitor left, which the admin overview charts per surface", async () => {
    const usageOf = (conversationId: string) => fx.db.select().from(usageRecords).where(eq(usageRecords.conversationId, conversationId));
    const visitor = { cookie: visitorCookie("visitor_uuuuuuuuuuuuuuuu") };
    await (await handleChatRequest(post(body("c-usage", "What is a cold?"), visitor), deps)).text();
    expect(await usageOf("c-usage")).toEqual([
      expect.objectContaining({
        surface: "web",
        apiKeyId: null,
        status: "complete",
        promptTokens: 11,
        completionTokens: 2,
        emergency: false,
      }),
    ]);
    await (
      await handleChatRequest(post(body("c-usage-emergency", "I have crushing chest pain and my left arm is numb"), visitor), deps)
    ).text();
    expect(await usageOf("c-usage-emergency")).toEqual([expect.objectContaining({ surface: "web", emergency: true, status: "complete" })]);

    // The visitor goes away mid-answer: the row is settled as partial, not left running.
    const slow = await startFakeGpuFunction({ deltas: ["One ", "two ", "three ", "four."], delayMs: 400 });
    try {
      const leaving = new AbortController();
      const res = await handleChatRequest(
        new Request("http://127.0.0.1/api/chat", {
          method: "POST",
          headers: { "content-type": "application/json", ...visitor },
          body: JSON.stringify(body("c-usage-left", "What is a cold?")),
          signal: leaving.signal,
        }),
        { ...deps, gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: slow.url, CHAT_MODEL: "fake-model" }) },
      );
      const reader = res.body!.getReader();
      for (let seen = ""; !seen.includes("text-delta");) seen += new TextDecoder().decode((await reader.read()).value);
      leaving.abort();
      await reader.cancel().catch(() => {});
      await expect.poll(async () => (await usageOf("c-usage-left"))[0]?.status, { timeout: 10_000 }).toBe("partial");
      expect((await usageOf("c-usage-left"))[0]).toMatchObject({ surface: "web", errorCode: "client_disconnected" });
    } finally {
      await slow.close();
    }

    const today = (await dailyActivity(fx.db, 1)).filter((row) => row.surface === "web");
    expect(today.reduce((sum, row) => sum + row.tokens, 0)).toBeGreaterThanOrEqual(2 * 13);
  });
});
