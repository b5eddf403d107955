// A training run's record while a process drives it: every move is conditional on the run
// still being active, so a cancel (or another process ending it) always wins over a late
// result, and a heartbeat tells recoverRuns that the driver is alive.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { trainingRuns } from "@/lib/db/schema";
import { addRunEvent } from "./run-events";

export type RunStatus = (typeof trainingRuns.$inferSelect)["status"];
export type RetrainOutcome =
  { outcome: "skipped"; reason: string } | { outcome: "promoted" | "rejected" | "failed" | "cancelled"; runId: string; reason: string };
export type RunPatch = Partial<typeof trainingRuns.$inferInsert>;

export const ACTIVE_STATES = ["queued", "running", "evaluating"] as const;
export const isActiveStatus = (status: RunStatus) => ACTIVE_STATES.includes(status as (typeof ACTIVE_STATES)[number]);

/** Thrown when the run ended meanwhile (cancelled): the driver stops. */
export class RunEnded extends Error {}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Ends a run unless it already ended (a cancel wins over a late result); true when this call ended it. */
export async function finishRun(
  db: Db,
  runId: string,
  status: "promoted" | "rejected" | "failed" | "cancelled",
  reason: string,
  patch: Partial<typeof trainingRuns.$inferInsert> = {},
): Promise<boolean> {
  const rows = await db
    .update(trainingRuns)
    .set({ status, error: status === "failed" || status === "cancelled" ? reason : null, finishedAt: new Date(), ...patch })
    .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
    .returning({ id: trainingRuns.id });
  if (rows.length > 0) await addRunEvent(db, runId, `Run ${status}: ${reason}`, status === "failed" ? "error" : "info");
  return rows.length > 0;
}

export async function runStatus(db: Db, runId: string): Promise<{ status: RunStatus; error: string | null }> {
  const [row] = await db
    .select({ status: trainingRuns.status, error: trainingRuns.error })
    .from(trainingRuns)
    .where(eq(trainingRuns.id, runId));
  return row ?? { status: "failed", error: "run record missing" };
}

/** The record of one run being driven: heartbeat, conditional moves, and the outcome it ends with. */
export interface RunRecord {
  readonly runId: string;
  /** Moves the run on (status, progress, metrics) unless it was ended meanwhile: then throws RunEnded. */
  advance(patch: RunPatch): Promise<void>;
  /** Ends the run with this status, or — when it ended meanwhile — with how it ended. */
  finish(status: "promoted" | "rejected" | "failed", reason: string, patch?: RunPatch): Promise<RetrainOutcome>;
  /** How the run ended when something else ended it (cancelled, or failed elsewhere). */
  ended(): Promise<RetrainOutcome>;
  /** Stops the heartbeat. */
  close(): void;
}

export function openRunRecord(db: Db, runId: string, heartbeatMs = 15_000): RunRecord {
  const stillActive = and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES]));
  const heartbeat = setInterval(() => {
    void db
      .update(trainingRuns)
      .set({ heartbeatAt: new Date() })
      .where(stillActive)
      .catch(() => {});
  }, heartbeatMs);
  heartbeat.unref?.();
  const ended = async (): Promise<RetrainOutcome> => {
    const r = await runStatus(db, runId);
    return { outcome: r.status === "cancelled" ? "cancelled" : "failed", runId, reason: r.error ?? `run is ${r.status}` };
  };
  return {
    runId,
    ended,
    async advance(patch) {
      const rows = await db
        .update(trainingRuns)
        .set({ ...patch, heartbeatAt: new Date() })
        .where(stillActive)
        .returning({ id: trainingRuns.id });
      if (rows.length === 0) throw new RunEnded();
    },
    async finish(status, reason, patch = {}) {
      return (await finishRun(db, runId, status, reason, patch)) ? { outcome: status, runId, reason } : ended();
    },
    close: () => clearInterval(heartbeat),
  };
}
