// Conversation review: list by surface, rating, emergency and date; read one with its
// sources; approve or correct an answer, which makes it a curated training example
// (question, sources, answer) for adapter retraining (lib/training).
import crypto from "node:crypto";
import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { labelOfSourcePart } from "@/lib/chat/source-parts";
import { chunks, conversations, curatedExamples, feedback, messages } from "@/lib/db/schema";
import { recordAudit, type Actor } from "./audit";
import { AdminError } from "./errors";

import type { CuratedExample } from "@/lib/db/curated-examples";

export type { CuratedExample };
type Part = { type: string; text?: string; url?: string; title?: string; sourceId?: string; providerMetadata?: unknown; data?: unknown };

export const conversationFilterSchema = z.object({
  surface: z.enum(["web", "widget", "api"]).optional(),
  rating: z.enum(["up", "down", "none"]).optional(),
  emergency: z.enum(["yes", "no"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationFilter = z.input<typeof conversationFilterSchema>;

// Spelled out: inside a select list drizzle would print the bare column, ambiguous in these subqueries.
const CONVERSATION_ID = sql.raw(`"conversations"."id"`);
const hasEmergency = sql`exists (select 1 from ${messages} m where m.conversation_id = ${CONVERSATION_ID} and m.parts @> '[{"type":"data-emergency"}]'::jsonb)`;
const ratingOf = (rating: "up" | "down") =>
  sql`exists (select 1 from ${feedback} f join ${messages} m on m.id = f.message_id where m.conversation_id = ${CONVERSATION_ID} and f.rating = ${rating})`;

export async function listConversationsForReview(db: Db, filter: ConversationFilter = {}) {
  const f = conversationFilterSchema.parse(filter);
  const where: SQL[] = [];
  if (f.surface) where.push(eq(conversations.surface, f.surface));
  if (f.from) where.push(gte(conversations.createdAt, f.from));
  if (f.to) where.push(lte(conversations.createdAt, f.to));
  if (f.emergency === "yes") where.push(hasEmergency);
  if (f.emergency === "no") where.push(sql`not ${hasEmergency}`);
  if (f.rating === "up" || f.rating === "down") where.push(ratingOf(f.rating));
  if (f.rating === "none")
    where.push(
      sql`not exists (select 1 from ${feedback} f join ${messages} m on m.id = f.message_id where m.conversation_id = ${CONVERSATION_ID})`,
    );
  return db
    .select({
      id: conversations.id,
      title: conversations.title,
      surface: conversations.surface,
      createdAt: conversations.createdAt,
      updatedAt: conversations.updatedAt,
      messages: sql<number>`(select count(*) from ${messages} m where m.conversation_id = ${CONVERSATION_ID})`.mapWith(Number),
      emergency: sql<boolean>`${hasEmergency}`,
      up: sql<number>`(select count(*) from ${feedback} f join ${messages} m on m.id = f.message_id where m.conversation_id = ${CONVERSATION_ID} and f.rating = 'up')`.mapWith(
        Number,
      ),
      down: sql<number>`(select count(*) from ${feedback} f join ${messages} m on m.id = f.message_id where m.conversation_id = ${CONVERSATION_ID} and f.rating = 'down')`.mapWith(
        Number,
      ),
    })
    .from(conversations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(conversations.updatedAt))
    .limit(f.limit);
}

export interface ReviewedMessage {
  id: string;
  role: string;
  status: string;
  createdAt: Date;
  text: string;
  emergency: string | null;
  sources: { n: number; chunkId: string | null; title: string; url: string | null; text: string }[];
  ratings: { up: number; down: number; comments: string[] };
  curated: CuratedExample | null;
}

function sourcesOf(parts: Part[]) {
  return parts
    .filter((p) => p.type === "source-url" || p.type === "source-document")
    .map((p, i) => {
      const meta = (p.providerMetadata as { medchat?: { snippet?: string; text?: string } } | undefined)?.medchat;
      return {
        n: i + 1,
        chunkId: p.sourceId ?? null,
        title: labelOfSourcePart(p as Parameters<typeof labelOfSourcePart>[0]) || `Source ${i + 1}`,
        url: p.url ?? null,
        text: meta?.text ?? meta?.snippet ?? "",
      };
    });
}

export async function readConversation(db: Db, id: string) {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  if (!conversation) throw new AdminError(404, "not_found", "No such conversation.");
  const rows = await db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.createdAt));
  const ids = rows.map((m) => m.id);
  const ratings = ids.length
    ? await db
        .select()
        .from(feedback)
        .where(sql`${feedback.messageId} in ${ids}`)
    : [];
  const curated = ids.length
    ? await db
        .select()
        .from(curatedExamples)
        .where(sql`${curatedExamples.messageId} in ${ids}`)
    : [];
  const view: ReviewedMessage[] = rows.map((m) => {
    const parts = (m.parts as Part[]) ?? [];
    const mine = ratings.filter((r) => r.messageId === m.id);
    const emergency = parts.find((p) => p.type === "data-emergency")?.data as { text?: string } | undefined;
    return {
      id: m.id,
      role: m.role,
      status: m.status,
      createdAt: m.createdAt,
      text: parts
        .filter((p) => p.type === "text")
        .map((p) => p.text ?? "")
        .join(""),
      emergency: emergency?.text ?? null,
      sources: sourcesOf(parts),
      ratings: {
        up: mine.filter((r) => r.rating === "up").length,
        down: mine.filter((r) => r.rating === "down").length,
        comments: mine.map((r) => r.comment).filter((c): c is string => !!c),
      },
      curated: curated.find((c) => c.messageId === m.id) ?? null,
    };
  });
  return { conversation, messages: view };
}

export const reviewSchema = z.object({
  verdict: z.enum(["approved", "corrected"]),
  /** The corrected answer (required for "corrected"). */
  answer: z.string().trim().max(8000).optional(),
});

/** Marks an assistant answer good, or corrects it: either way it becomes (or updates) a curated example. */
export async function reviewAnswer(db: Db, actor: Actor, messageId: string, input: z.input<typeof reviewSchema>): Promise<CuratedExample> {
  const review = reviewSchema.parse(input);
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  if (!message || message.role !== "assistant") throw new AdminError(404, "not_found", "No such answer.");
  const history = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, message.conversationId))
    .orderBy(asc(messages.createdAt));
  const question = history
    .filter((m) => m.role === "user" && m.createdAt <= message.createdAt)
    .map((m) =>
      ((m.parts as Part[]) ?? [])
        .filter((p) => p.type === "text")
        .map((p) => p.text ?? "")
        .join(""),
    )
    .at(-1);
  if (!question) throw new AdminError(400, "no_question", "This answer has no question before it.");
  const parts = (message.parts as Part[]) ?? [];
  const original = parts
    .filter((p) => p.type === "text")
    .map((p) => p.text ?? "")
    .join("");
  const answer = review.verdict === "corrected" ? review.answer : original;
  if (!answer)
    throw new AdminError(
      400,
      "answer_required",
      review.verdict === "corrected" ? "A correction needs the corrected answer." : "This answer has no text to approve.",
    );
  const [before] = await db.select().from(curatedExamples).where(eq(curatedExamples.messageId, messageId)).limit(1);
  // The example keeps each source's full passage (the stored answer holds only a snippet).
  const sources = sourcesOf(parts);
  const chunkIds = sources.map((s) => s.chunkId).filter((id): id is string => !!id);
  const texts = chunkIds.length
    ? await db
        .select({ id: chunks.id, text: chunks.text })
        .from(chunks)
        .where(sql`${chunks.id} in ${chunkIds}`)
    : [];
  for (const source of sources) source.text = texts.find((t) => t.id === source.chunkId)?.text ?? source.text;
  const values = { question, sources, answer, verdict: review.verdict, reviewerId: actor.id, updatedAt: new Date() };
  const [after] = await db
    .insert(curatedExamples)
    .values({ id: crypto.randomUUID(), messageId, conversationId: message.conversationId, ...values })
    .onConflictDoUpdate({ target: curatedExamples.messageId, set: values })
    .returning();
  await recordAudit(db, actor, {
    action: `review.${review.verdict}`,
    targetType: "curated_example",
    targetId: after.id,
    before: before ?? null,
    after,
  });
  return after;
}
