// usage_records writes shared by every surface: a row per answered request, opened when
// it starts (status active) and settled to what it actually used when it ends. The partner
// API opens its rows inside its admission transaction (lib/partners/limits.ts, with a token
// reservation); the web chat and the widget open theirs in lib/chat/usage-meter.ts.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { usageRecords } from "./schema";

export type UsageRecord = typeof usageRecords.$inferSelect;

export interface UsageSettlement {
  status: "complete" | "partial" | "error";
  promptTokens: number;
  completionTokens: number;
  emergency: boolean;
  model: string | null;
  conversationId?: string | null;
  errorCode?: string | null;
  /** The completion to replay for a repeated Idempotency-Key (partner API; complete requests only). */
  response?: unknown;
}

/** Opens the row of a request that holds no reservation (web chat, widget). */
export async function openUsageRecord(
  db: Db,
  values: { id: string; surface: UsageRecord["surface"]; conversationId: string; stream: boolean; now?: number },
): Promise<void> {
  await db.insert(usageRecords).values({
    id: values.id,
    surface: values.surface,
    conversationId: values.conversationId,
    stream: values.stream,
    status: "active",
    createdAt: new Date(values.now ?? Date.now()),
  });
}

/** Replaces a request's reservation (if any) by the tokens it actually used. */
export async function settleUsageRecord(db: Db, usageId: string, s: UsageSettlement, now = Date.now()): Promise<void> {
  const charged = Math.max(0, s.promptTokens) + Math.max(0, s.completionTokens);
  await db
    .update(usageRecords)
    .set({
      status: s.status,
      promptTokens: Math.max(0, s.promptTokens),
      completionTokens: Math.max(0, s.completionTokens),
      chargedTokens: charged,
      emergency: s.emergency,
      model: s.model,
      conversationId: s.conversationId ?? null,
      errorCode: s.errorCode ?? null,
      response: s.status === "complete" ? (s.response ?? null) : null,
      // Only a completed answer is replayed; after a failure the same key may run again.
      ...(s.status === "complete" ? {} : { idempotencyKey: null }),
      leaseExpiresAt: null,
      finishedAt: new Date(now),
    })
    .where(eq(usageRecords.id, usageId));
}
