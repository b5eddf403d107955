// Conversation queries. Every read/write is scoped to the visitor that owns it.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { conversations } from "./schema";

export type Conversation = typeof conversations.$inferSelect;
export type Surface = Conversation["surface"];

export const MAX_TITLE_LENGTH = 80;

/** A short title from the first user message: first line, whitespace collapsed, cut at a word boundary. */
export function titleFromMessage(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "New chat";
  if (line.length <= MAX_TITLE_LENGTH) return line;
  const cut = line.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > 40 ? cut.slice(0, lastSpace) : cut) + "…";
}

export async function getConversation(db: Db, id: string, visitorId: string): Promise<Conversation | undefined> {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.visitorId, visitorId)))
    .limit(1);
  return rows[0];
}

/** Whether a conversation with this id exists for anyone (ids are client-chosen, so another visitor's id must not be reused). */
export async function conversationExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, id)).limit(1);
  return rows.length > 0;
}

export async function createConversation(
  db: Db,
  values: { id: string; visitorId: string; surface?: Surface; title: string; widgetSiteId?: string | null; apiKeyId?: string | null },
): Promise<Conversation> {
  const rows = await db
    .insert(conversations)
    .values({ surface: "web", ...values })
    .returning();
  return rows[0];
}

export async function listConversations(
  db: Db,
  visitorId: string,
  limit = 50,
): Promise<Pick<Conversation, "id" | "title" | "updatedAt" | "createdAt">[]> {
  return db
    .select({ id: conversations.id, title: conversations.title, updatedAt: conversations.updatedAt, createdAt: conversations.createdAt })
    .from(conversations)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.updatedAt))
    .limit(limit);
}

export async function touchConversation(db: Db, id: string): Promise<void> {
  await db
    .update(conversations)
    .set({ updatedAt: sql`now()` })
    .where(eq(conversations.id, id));
}

/** Deletes a visitor's conversation (messages and feedback cascade). Returns whether it existed. */
export async function deleteConversation(db: Db, id: string, visitorId: string): Promise<boolean> {
  const rows = await db
    .delete(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.visitorId, visitorId)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}
