// An answer row is stored when the answer starts (status "streaming") and checkpointed as it
// grows (pipeline.ts). One whose heartbeat has stopped was cut off by the app stopping (a
// crash, a kill, a deploy): on the next read it is marked "interrupted" for good, keeping the
// text that was checkpointed, with the interruption notice before the disclaimer.
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { StoredMessage } from "@/lib/db/messages";
import { messages as messagesTable } from "@/lib/db/schema";
import { answerLanguageOfFooter } from "@/lib/safety/answer-texts";
import { userMessageFor } from "./errors";
import { ANSWER_HEARTBEAT_MS } from "./pipeline";
import type { AnswerPart } from "./answer-parts";

/** Four missed heartbeats: the process writing the answer is gone. */
export const STREAMING_STALE_MS = 4 * ANSWER_HEARTBEAT_MS;

function heartbeatOf(message: StoredMessage): number {
  const beat = (message.metadata as { heartbeatAt?: unknown } | null)?.heartbeatAt;
  const at = typeof beat === "string" ? Date.parse(beat) : NaN;
  return Number.isFinite(at) ? at : message.createdAt.getTime();
}

function interruptedParts(parts: AnswerPart[]): AnswerPart[] {
  const settled = parts.map((p) => (p.type === "text" || p.type === "reasoning" ? { ...p, state: "done" as const } : p));
  // The notice in the answer's language, which its footer (stored when the answer started) tells.
  const footer = parts.find((p) => p.type === "data-disclaimer");
  const language = footer ? answerLanguageOfFooter(footer.data.text) : undefined;
  const notice: AnswerPart = {
    type: "data-error",
    data: { code: "stream_interrupted", message: userMessageFor("stream_interrupted", "", language) },
  };
  const at = settled.findIndex((p) => p.type === "data-disclaimer");
  return at < 0 ? [...settled, notice] : [...settled.slice(0, at), notice, ...settled.slice(at)];
}

/** Marks (in the database too) the stale streaming answers among `messages`; returns the list as it now stands. */
export async function settleInterruptedAnswers(
  db: Db,
  messages: StoredMessage[],
  now = Date.now(),
  staleMs = STREAMING_STALE_MS,
): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for (const m of messages) {
    if (m.status !== "streaming" || now - heartbeatOf(m) <= staleMs) {
      out.push(m);
      continue;
    }
    const parts = interruptedParts((Array.isArray(m.parts) ? m.parts : []) as AnswerPart[]);
    const metadata = { ...((m.metadata as object | null) ?? {}), status: "interrupted" as const };
    await db.update(messagesTable).set({ status: "interrupted", parts, metadata }).where(eq(messagesTable.id, m.id));
    out.push({ ...m, status: "interrupted", parts, metadata });
  }
  return out;
}
