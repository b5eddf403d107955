// Message queries. Parts are stored exactly as the AI SDK UIMessage parts so a
// conversation reloads into useChat unchanged.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { conversations, messages } from "./schema";

export type StoredMessage = typeof messages.$inferSelect;
export type MessageStatus = StoredMessage["status"];
export type MessageRole = StoredMessage["role"];

export async function listMessages(db: Db, conversationId: string): Promise<StoredMessage[]> {
  return db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function getMessage(db: Db, id: string): Promise<StoredMessage | undefined> {
  const rows = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return rows[0];
}

/** The message, only when it belongs to a conversation of this visitor. */
export async function getVisitorMessage(db: Db, id: string, visitorId: string): Promise<StoredMessage | undefined> {
  const rows = await db
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, id), eq(conversations.visitorId, visitorId)))
    .limit(1);
  return rows[0]?.message;
}

export async function insertMessage(
  db: Db,
  values: {
    id: string;
    conversationId: string;
    role: MessageRole;
    parts: unknown[];
    metadata?: unknown;
    status?: MessageStatus;
    createdAt?: Date;
  },
): Promise<StoredMessage> {
  const rows = await db.insert(messages).values(values).returning();
  return rows[0];
}

/** Inserts or replaces an assistant message (the final write of a streamed answer). */
export async function upsertMessage(
  db: Db,
  values: { id: string; conversationId: string; role: MessageRole; parts: unknown[]; metadata?: unknown; status: MessageStatus },
): Promise<void> {
  await db
    .insert(messages)
    .values(values)
    .onConflictDoUpdate({ target: messages.id, set: { parts: values.parts, metadata: values.metadata, status: values.status } });
}

/** Removes the messages after a given one (regenerating an answer replaces what followed the question). */
export async function deleteMessagesAfter(db: Db, conversationId: string, after: StoredMessage): Promise<number> {
  const later = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.createdAt, after.createdAt)));
  if (later.length === 0) return 0;
  await db.delete(messages).where(
    inArray(
      messages.id,
      later.map((m) => m.id),
    ),
  );
  return later.length;
}
