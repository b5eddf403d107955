// What the admin console shows and does for retraining: the runs (newest first) with their
// candidate vs baseline metrics, the adapters and which one is active.
import { desc } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";

export async function listTrainingRuns(db: Db, limit = 50) {
  const runs = await db.select().from(trainingRuns).orderBy(desc(trainingRuns.createdAt)).limit(limit);
  const adapterRows = await db
    .select({
      name: adapters.name,
      runId: adapters.runId,
      status: adapters.status,
      metrics: adapters.metrics,
      promotedAt: adapters.promotedAt,
      createdAt: adapters.createdAt,
    })
    .from(adapters)
    .orderBy(desc(adapters.createdAt))
    .limit(limit);
  return { runs, adapters: adapterRows, active: adapterRows.find((a) => a.status === "active")?.name ?? null };
}
