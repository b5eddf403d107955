// Usage of the public surfaces (web chat, widget): one usage_records row per answered
// message, like the partner API keeps per request, so the admin overview charts tokens and
// emergencies per surface. Wraps the pipeline's events for any surface adapter: the row is
// opened when the answer starts and settled however the stream ends (finish, client gone,
// error). Metering never breaks an answer: a failed write is logged, the answer goes on.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { openUsageRecord, settleUsageRecord, type UsageSettlement } from "@/lib/db/usage";
import type { PreparedTurn } from "./pipeline";
import type { ChatEvent } from "./types";

export async function* meteredTurn(db: Db, turn: PreparedTurn, events: AsyncIterable<ChatEvent>): AsyncGenerator<ChatEvent> {
  const { input } = turn;
  const id = `req_${crypto.randomBytes(12).toString("base64url")}`;
  let opened = false;
  try {
    await openUsageRecord(db, { id, surface: input.surface, conversationId: input.conversationId, stream: true });
    opened = true;
  } catch (error) {
    console.error("[chat] could not open the usage record", error);
  }
  let emergency = false;
  let deltas = 0;
  let errorCode: string | null = null;
  let finish: Extract<ChatEvent, { type: "finish" }> | undefined;
  try {
    for await (const event of events) {
      if (event.type === "emergency") emergency = true;
      else if (event.type === "text-delta" || event.type === "reasoning-delta") deltas++;
      else if (event.type === "error") errorCode = event.code;
      else if (event.type === "finish") finish = event;
      yield event;
    }
  } finally {
    if (opened) {
      const settlement: UsageSettlement = {
        // No finish: the client went away mid-answer (what was written is kept as a partial answer).
        status: finish?.status ?? (deltas > 0 ? "partial" : "error"),
        // The model's own count; a fixed no-passage answer calls no model.
        promptTokens: finish?.finishReason === "no_passage" ? 0 : (finish?.usage.inputTokens ?? 0),
        completionTokens: finish?.finishReason === "no_passage" ? 0 : (finish?.usage.outputTokens ?? 0),
        emergency,
        model: finish?.model ?? null,
        conversationId: input.conversationId,
        errorCode: errorCode ?? (!finish || finish.aborted ? "client_disconnected" : null),
      };
      await settleUsageRecord(db, id, settlement).catch((error: unknown) =>
        console.error("[chat] could not settle the usage record", error),
      );
    }
  }
}
