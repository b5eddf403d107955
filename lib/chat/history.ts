// Conversation history and feedback for a visitor: what the sidebar, the conversation
// page and the feedback button use. Plain functions of (db, visitor) for testability.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { deleteConversation, getConversation, listConversations } from "@/lib/db/conversations";
import { listFeedbackForConversation, upsertFeedback } from "@/lib/db/feedback";
import { getVisitorMessage, listMessages } from "@/lib/db/messages";
import { jsonError, readJsonBody, zodReason, BodyError } from "./http";
import type { MedChatUIMessage } from "./ui-types";

export interface FeedbackState {
  rating: "up" | "down";
  comment: string | null;
}

export interface ConversationView {
  id: string;
  title: string;
  messages: MedChatUIMessage[];
  feedback: Record<string, FeedbackState>;
}

export async function loadConversationView(db: Db, id: string, visitorId: string): Promise<ConversationView | undefined> {
  const conversation = await getConversation(db, id, visitorId);
  if (!conversation) return undefined;
  const stored = await listMessages(db, id);
  const messages: MedChatUIMessage[] = stored
    .filter((m) => m.role !== "system")
    .map((m) => ({
      id: m.id,
      role: m.role as "user" | "assistant",
      parts: (Array.isArray(m.parts) ? m.parts : []) as MedChatUIMessage["parts"],
      metadata: { ...((m.metadata as object | null) ?? {}), status: m.status, createdAt: m.createdAt.toISOString() },
    }));
  const rows = await listFeedbackForConversation(db, messages.filter((m) => m.role === "assistant").map((m) => m.id), visitorId);
  const feedback: Record<string, FeedbackState> = {};
  for (const row of rows) feedback[row.messageId] = { rating: row.rating, comment: row.comment };
  return { id, title: conversation.title, messages, feedback };
}

export async function listConversationsResponse(db: Db, visitorId: string): Promise<Response> {
  const rows = await listConversations(db, visitorId);
  return Response.json({ conversations: rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() })) });
}

export async function getConversationResponse(db: Db, id: string, visitorId: string): Promise<Response> {
  const view = await loadConversationView(db, id, visitorId);
  return view ? Response.json(view) : jsonError(404, "conversation_not_found", "No such conversation for this visitor.");
}

export async function deleteConversationResponse(db: Db, id: string, visitorId: string): Promise<Response> {
  const deleted = await deleteConversation(db, id, visitorId);
  return deleted ? new Response(null, { status: 204 }) : jsonError(404, "conversation_not_found", "No such conversation for this visitor.");
}

export const feedbackRequestSchema = z.object({
  messageId: z.string().min(1).max(128),
  rating: z.enum(["up", "down"]),
  comment: z.string().max(2_000, "comment must be at most 2000 characters").optional().nullable(),
});

export async function postFeedbackResponse(request: Request, db: Db, visitorId: string): Promise<Response> {
  let raw: unknown;
  try {
    raw = await readJsonBody(request, 16 * 1024);
  } catch (error) {
    if (error instanceof BodyError) return jsonError(error.status, error.code, error.message);
    throw error;
  }
  const parsed = feedbackRequestSchema.safeParse(raw);
  if (!parsed.success) return jsonError(400, "invalid_body", zodReason(parsed.error));
  const message = await getVisitorMessage(db, parsed.data.messageId, visitorId);
  if (!message || message.role !== "assistant") return jsonError(404, "message_not_found", "No such answer in this visitor's conversations.");
  const comment = parsed.data.comment?.trim() || null;
  const row = await upsertFeedback(db, { id: crypto.randomUUID(), messageId: message.id, visitorId, rating: parsed.data.rating, comment });
  return Response.json({ feedback: { messageId: row.messageId, rating: row.rating, comment: row.comment } }, { status: 201 });
}
