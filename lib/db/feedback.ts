// Thumbs up/down with an optional comment; one rating per visitor and message (a new rating replaces the old).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { feedback } from "./schema";

export type Feedback = typeof feedback.$inferSelect;

export async function upsertFeedback(
  db: Db,
  values: { id: string; messageId: string; visitorId: string; rating: Feedback["rating"]; comment?: string | null },
): Promise<Feedback> {
  const rows = await db
    .insert(feedback)
    .values({ ...values, comment: values.comment ?? null })
    .onConflictDoUpdate({
      target: [feedback.messageId, feedback.visitorId],
      set: { rating: values.rating, comment: values.comment ?? null, createdAt: sql`now()` },
    })
    .returning();
  return rows[0];
}

export async function getFeedback(db: Db, messageId: string, visitorId: string): Promise<Feedback | undefined> {
  const rows = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.messageId, messageId), eq(feedback.visitorId, visitorId)))
    .limit(1);
  return rows[0];
}

export async function listFeedbackForConversation(db: Db, messageIds: string[], visitorId: string): Promise<Feedback[]> {
  if (messageIds.length === 0) return [];
  return db
    .select()
    .from(feedback)
    .where(and(eq(feedback.visitorId, visitorId), inArray(feedback.messageId, messageIds)));
}
