// Conversation history and feedback for a visitor: what the sidebar, the conversation
// page and the feedback button use. Plain functions of (db, visitor) for testability.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { deleteConversation, getConversation, listConversations } from "@/lib/db/conversations";
import { listFeedbackForConversation, upsertFeedback } from "@/lib/db/feedback";
import { getVisitorMessage, listMessages } from "@/lib/db/messages";
import { AppError, errorResponse } from "@/lib/http/app-error";
import { isWellFormedText } from "@/lib/http/storable-text";
import { readJsonBody } from "./http";
import { settleInterruptedAnswers } from "./interrupted";
import { idSchema } from "./request";
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

/** Ids are client-chosen: one that could never have been stored (NUL, odd characters) is simply not found. */
function isStorableId(id: string): boolean {
  return idSchema.safeParse(id).success;
}

function invalidId(what: string): AppError {
  return new AppError(400, "invalid_id", `That is not a valid ${what} id (letters, digits, - and _, at most 128).`, { param: "id" });
}

/**
 * Narrows what a surface may read back: the widget restores only its own site's
 * conversation, recent enough, and only its last messages (the panel is small).
 */
export interface ConversationScope {
  widgetSiteId?: string;
  /** The conversation must have been active within this long. */
  maxIdleMs?: number;
  /** At most this many of the latest messages, starting at a question. */
  lastMessages?: number;
}

export async function loadConversationView(
  db: Db,
  id: string,
  visitorId: string,
  opts: { now?: number; staleMs?: number; scope?: ConversationScope } = {},
): Promise<ConversationView | undefined> {
  if (!isStorableId(id)) return undefined;
  const conversation = await getConversation(db, id, visitorId);
  if (!conversation) return undefined;
  const scope = opts.scope ?? {};
  if (scope.widgetSiteId !== undefined && conversation.widgetSiteId !== scope.widgetSiteId) return undefined;
  if (scope.maxIdleMs !== undefined && (opts.now ?? Date.now()) - conversation.updatedAt.getTime() > scope.maxIdleMs) return undefined;
  let stored = await settleInterruptedAnswers(db, await listMessages(db, id), opts.now, opts.staleMs);
  if (scope.lastMessages !== undefined && stored.length > scope.lastMessages) {
    const tail = stored.slice(-scope.lastMessages);
    const firstQuestion = tail.findIndex((m) => m.role === "user");
    stored = firstQuestion < 0 ? [] : tail.slice(firstQuestion);
  }
  const messages: MedChatUIMessage[] = stored
    .filter((m) => m.role !== "system")
    .map((m) => ({
      id: m.id,
      role: m.role as "user" | "assistant",
      parts: (Array.isArray(m.parts) ? m.parts : []) as MedChatUIMessage["parts"],
      metadata: { ...((m.metadata as object | null) ?? {}), status: m.status, createdAt: m.createdAt.toISOString() },
    }));
  const rows = await listFeedbackForConversation(
    db,
    messages.filter((m) => m.role === "assistant").map((m) => m.id),
    visitorId,
  );
  const feedback: Record<string, FeedbackState> = {};
  for (const row of rows) feedback[row.messageId] = { rating: row.rating, comment: row.comment };
  return { id, title: conversation.title, messages, feedback };
}

export async function listConversationsResponse(db: Db, visitorId: string): Promise<Response> {
  const rows = await listConversations(db, visitorId);
  return Response.json({ conversations: rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() })) });
}

export async function getConversationResponse(db: Db, id: string, visitorId: string, scope?: ConversationScope): Promise<Response> {
  if (!isStorableId(id)) return invalidId("conversation").toResponse();
  const view = await loadConversationView(db, id, visitorId, { scope });
  return view ? Response.json(view) : new AppError(404, "conversation_not_found", "No such conversation for this visitor.").toResponse();
}

export async function deleteConversationResponse(db: Db, id: string, visitorId: string): Promise<Response> {
  if (!isStorableId(id)) return invalidId("conversation").toResponse();
  const deleted = await deleteConversation(db, id, visitorId);
  return deleted
    ? new Response(null, { status: 204 })
    : new AppError(404, "conversation_not_found", "No such conversation for this visitor.").toResponse();
}

export const feedbackRequestSchema = z.object({
  messageId: idSchema,
  rating: z.enum(["up", "down"]),
  comment: z
    .string()
    .max(2_000, "comment must be at most 2000 characters")
    .refine(isWellFormedText, "comment contains invalid Unicode (an unpaired surrogate)")
    .optional()
    .nullable(),
});

export async function postFeedbackResponse(request: Request, db: Db, visitorId: string): Promise<Response> {
  try {
    const parsed = feedbackRequestSchema.safeParse(await readJsonBody(request, 16 * 1024));
    if (!parsed.success) throw AppError.from(parsed.error);
    const message = await getVisitorMessage(db, parsed.data.messageId, visitorId);
    if (!message || message.role !== "assistant")
      throw new AppError(404, "message_not_found", "No such answer in this visitor's conversations.");
    const comment = parsed.data.comment?.replace(/\u0000/g, "").trim() || null;
    const row = await upsertFeedback(db, {
      id: crypto.randomUUID(),
      messageId: message.id,
      visitorId,
      rating: parsed.data.rating,
      comment,
    });
    return Response.json({ feedback: { messageId: row.messageId, rating: row.rating, comment: row.comment } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
