// A run's own event log (shown on its console page beside its gpu job's events).
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { trainingRuns } from "@/lib/db/schema";

export type RunEvent = { at: string; level: "info" | "warn" | "error"; message: string };

/** Appends one line to the run's own event log (a no-op for a run that does not exist). */
export async function addRunEvent(db: Db, runId: string, message: string, level: RunEvent["level"] = "info"): Promise<void> {
  const event: RunEvent = { at: new Date().toISOString(), level, message: message.slice(0, 2000) };
  await db
    .update(trainingRuns)
    .set({ events: sql`${trainingRuns.events} || ${JSON.stringify([event])}::jsonb` })
    .where(eq(trainingRuns.id, runId));
}
