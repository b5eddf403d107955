// Bad input to the chat routes, each case a request that used to end in a 500 (a Postgres
// error) or tell the caller something it should not know; now a 4xx with a reason, in the
// app's one error shape, or an answer as if nothing were special.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "@/lib/db/messages";
import { deleteConversationResponse, getConversationResponse, loadConversationView, postFeedbackResponse } from "./history";
import { handleChatRequest } from "./web-handler";
import { appRequest, chatBody, startWebChatFixture, visitorCookie, type WebChatFixture } from "./web-chat-fixture.test-helper";

let fx: WebChatFixture;
let handle: WebChatFixture["handle"];
beforeAll(async () => {
  fx = await startWebChatFixture(["Rest ", "and fluids."]);
  handle = fx.handle;
});
afterAll(async () => {
  await fx?.close();
});

const ALICE = "visitor_aaaaaaaaaaaaaaaa";
const BOB = "visitor_bbbbbbbbbbbbbbbb";
function chat(body: string | object, visitor = ALICE): Promise<Response> {
  return handleChatRequest(appRequest("/api/chat", body, { cookie: visitorCookie(visitor) }), fx.deps);
}

/** The app's one error body shape (AppError): OpenAI's. */
async function appError(res: Response): Promise<{ message: string; type: string; code: string; param: string | null }> {
  const body = (await res.json()) as { error: { message: string; type: string; code: string; param: string | null } };
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  return body.error;
}

describe("chat routes: bad input gets a 4xx with a reason", () => {
  it("refuses a message with a lone surrogate (\\ud800) with a 400 and stores nothing", async () => {
    // Written as the JSON escape, exactly as the failing request sent it.
    const res = await chat(
      `{"id":"c-surrogate","message":{"id":"m-surrogate","role":"user","parts":[{"type":"text","text":"chest \\ud800 pain"}]},"consent":true}`,
    );
    expect(res.status).toBe(400);
    const error = await appError(res);
    expect(error.code).toBe("invalid_text");
    expect(error.type).toBe("invalid_request_error");
    expect(await listMessages(handle.db, "c-surrogate")).toEqual([]);
  });

  it("answers 400 for a NUL in a conversation id on GET and DELETE, and the page finds nothing", async () => {
    for (const res of [
      await getConversationResponse(handle.db, "conv\u0000x", ALICE),
      await deleteConversationResponse(handle.db, "conv\u0000x", ALICE),
    ]) {
      expect(res.status).toBe(400);
      expect((await appError(res)).code).toBe("invalid_id");
    }
    expect(await loadConversationView(handle.db, "conv\u0000x", ALICE)).toBeUndefined();
  });

  it("answers 400 for a NUL in a feedback message id, and for a lone surrogate in the comment", async () => {
    const feedback = (body: string) => postFeedbackResponse(appRequest("/api/feedback", body), handle.db, ALICE);
    const nul = await feedback(`{"messageId":"m\\u0000x","rating":"up"}`);
    expect(nul.status).toBe(400);
    expect((await appError(nul)).param).toBe("messageId");
    const surrogate = await feedback(`{"messageId":"m1","rating":"down","comment":"bad \\udfff"}`);
    expect(surrogate.status).toBe(400);
    expect((await appError(surrogate)).message).toMatch(/comment/);
  });

  it("answers a reused message id of another visitor as if it were new: no 409, nothing about the other message", async () => {
    const first = await chat(chatBody("c-alice", "shared-message-id", "What is a cold?"), ALICE);
    expect(first.status).toBe(200);
    await first.text();
    const reuse = await chat(chatBody("c-bob", "shared-message-id", "What is the flu?"), BOB);
    expect(reuse.status).toBe(200);
    expect(await reuse.text()).toContain("and fluids.");
    // Both visitors keep their own question; Alice's message is untouched.
    const alice = await listMessages(handle.db, "c-alice");
    expect(alice.find((m) => m.id === "shared-message-id")?.parts).toEqual([{ type: "text", text: "What is a cold?" }]);
    const bob = await listMessages(handle.db, "c-bob");
    expect(bob.filter((m) => m.role === "user").map((m) => m.parts)).toEqual([[{ type: "text", text: "What is the flu?" }]]);
  });

  it("answers every refusal in one error shape", async () => {
    const notJson = await chat("{nope");
    expect(notJson.status).toBe(400);
    expect((await appError(notJson)).code).toBe("invalid_json");
    const noConsent = await chat(
      JSON.stringify({ id: "c-x", message: { id: "m-x", role: "user", parts: [{ type: "text", text: "hi" }] } }),
    );
    expect(noConsent.status).toBe(403);
    expect(await appError(noConsent)).toMatchObject({ code: "consent_required", type: "permission_error" });
    const missing = await getConversationResponse(handle.db, "no-such-conversation", ALICE);
    expect(missing.status).toBe(404);
    expect(await appError(missing)).toMatchObject({ code: "conversation_not_found", type: "not_found_error" });
  });
});
