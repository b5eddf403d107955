import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createConversation, titleFromMessage } from "@/lib/db/conversations";
import { insertMessage } from "@/lib/db/messages";
import { getFeedback } from "@/lib/db/feedback";
import { deleteConversationResponse, getConversationResponse, listConversationsResponse, postFeedbackResponse } from "./history";

let handle: DbHandle;
const alice = "visitor_alice_aaaaaaaaaa";
const bob = "visitor_bob_bbbbbbbbbbbb";

beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  await createConversation(handle.db, { id: "h1", visitorId: alice, title: "Asthma" });
  await insertMessage(handle.db, { id: "h1-u", conversationId: "h1", role: "user", parts: [{ type: "text", text: "What is asthma?" }] });
  await insertMessage(handle.db, {
    id: "h1-a",
    conversationId: "h1",
    role: "assistant",
    parts: [
      { type: "text", text: "A condition." },
      { type: "data-disclaimer", data: { text: "Not advice." } },
    ],
    status: "partial",
  });
});
afterAll(() => handle?.close());

const feedbackRequest = (body: unknown) =>
  new Request("http://x/api/feedback", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("history and feedback", () => {
  it("lists and loads only the visitor's own conversations, with stored parts and status", async () => {
    const list = await (await listConversationsResponse(handle.db, alice)).json();
    expect(list.conversations.map((c: { id: string }) => c.id)).toEqual(["h1"]);
    expect((await (await listConversationsResponse(handle.db, bob)).json()).conversations).toEqual([]);
    const view = await (await getConversationResponse(handle.db, "h1", alice)).json();
    expect(view.messages[1].parts[1]).toEqual({ type: "data-disclaimer", data: { text: "Not advice." } });
    expect(view.messages[1].metadata.status).toBe("partial");
    expect((await getConversationResponse(handle.db, "h1", bob)).status).toBe(404);
  });

  it("stores thumbs-down with a comment, replaces it on a new rating, and validates input", async () => {
    const res = await postFeedbackResponse(
      feedbackRequest({ messageId: "h1-a", rating: "down", comment: "  Too vague  " }),
      handle.db,
      alice,
    );
    expect(res.status).toBe(201);
    expect(await getFeedback(handle.db, "h1-a", alice)).toMatchObject({ rating: "down", comment: "Too vague" });
    await postFeedbackResponse(feedbackRequest({ messageId: "h1-a", rating: "up" }), handle.db, alice);
    expect(await getFeedback(handle.db, "h1-a", alice)).toMatchObject({ rating: "up", comment: null });
    expect((await postFeedbackResponse(feedbackRequest({ messageId: "h1-a", rating: "meh" }), handle.db, alice)).status).toBe(400);
    expect((await postFeedbackResponse(feedbackRequest({ messageId: "h1-u", rating: "up" }), handle.db, alice)).status).toBe(404);
    expect((await postFeedbackResponse(feedbackRequest({ messageId: "h1-a", rating: "up" }), handle.db, bob)).status).toBe(404);
  });

  it("deletes a conversation for its owner only", async () => {
    expect((await deleteConversationResponse(handle.db, "h1", bob)).status).toBe(404);
    expect((await deleteConversationResponse(handle.db, "h1", alice)).status).toBe(204);
    expect((await getConversationResponse(handle.db, "h1", alice)).status).toBe(404);
  });

  it("titles a conversation from its first message", () => {
    expect(titleFromMessage("  What is\n asthma? ")).toBe("What is asthma?");
    const long = titleFromMessage("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("…")).toBe(true);
  });
});
