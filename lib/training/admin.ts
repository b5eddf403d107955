// What the admin console shows and does for retraining (routes in lib/admin/api.ts):
// runs (list and detail with the side-by-side comparison, events and loss curve — live
// from the gpu job while it runs), starting and cancelling a run, the adapters and which
// one is active, training-file uploads and the dataset's counts.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { chooseServedModel, gpuFunctionConfig } from "@/lib/chat/model";
import { forgetServedAdapterPointer, servedAdapterPointer } from "./active-adapter";
import { gpuFunctionClient, type GpuFunctionClient } from "./gpu-client";
import { lossFromEvents } from "./follow-job";
import { ACTIVE_STATES } from "./run-record";

type RunRow = typeof trainingRuns.$inferSelect;

export interface RunSummary {
  id: string;
  trigger: RunRow["trigger"];
  status: RunRow["status"];
  createdAt: Date;
  finishedAt: Date | null;
  datasetVersion: string | null;
  goldenVersion: string | null;
  adapterName: string | null;
  error: string | null;
  /** The gate's decision in words (why a run was promoted or kept), null before the evaluation. */
  decision: string | null;
  startedBy: string | null;
  progress: { step: number; totalSteps: number; trainLoss: number | null } | null;
}

function summary(r: RunRow): RunSummary {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    datasetVersion: r.datasetVersion,
    goldenVersion: r.goldenVersion,
    adapterName: r.adapterName,
    error: r.error,
    decision: r.decision,
    startedBy: r.startedBy,
    progress: r.progress ?? null,
  };
}

export async function listRuns(db: Db, limit = 50): Promise<{ runs: RunSummary[] }> {
  const rows = await db.select().from(trainingRuns).orderBy(desc(trainingRuns.createdAt)).limit(limit);
  return { runs: rows.map(summary) };
}

export async function runDetail(db: Db, id: string, gpu: GpuFunctionClient = gpuFunctionClient({ timeoutMs: 5_000 })) {
  const [row] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, id));
  if (!row) return null;
  const own = row.events ?? [];
  let jobEvents: { at: string; level: "info" | "warn" | "error"; message: string }[] = [];
  let loss = row.loss ?? [];
  let progress = row.progress ?? null;
  if (row.gpuJobId) {
    // Live from the gpu job while it runs (and afterwards while the gpu-function still has it).
    try {
      const events = await gpu.jobEvents(row.gpuJobId);
      jobEvents = events
        .filter((e) => e.type !== "metrics" || !/^Step \d+\/\d+: training loss/.test(e.message) || e === events.at(-1))
        .map((e) => ({ at: new Date(e.created_at * 1000).toISOString(), level: e.level, message: `[job] ${e.message}` }));
      if (ACTIVE_STATES.includes(row.status as (typeof ACTIVE_STATES)[number]) || loss.length === 0) {
        const live = lossFromEvents(events);
        loss = live.loss;
        progress = live.progress ?? progress;
      }
    } catch {
      // the gpu-function is away: what the run recorded is shown
    }
  }
  const events = [...own, ...jobEvents].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // Where the run's candidate stands now (kept, serving, retired), so the page can offer to promote it.
  const [adapter] = row.adapterName
    ? await db.select({ name: adapters.name, status: adapters.status }).from(adapters).where(eq(adapters.name, row.adapterName))
    : [];
  return {
    adapter: adapter ?? null,
    run: { ...summary(row), progress, hyperparameters: row.hyperparameters, metrics: row.metrics, baselineMetrics: row.baselineMetrics },
    comparison: row.comparison ?? [],
    decision: row.decision,
    events,
    loss,
  };
}

export async function listAdapters(db: Db) {
  const rows = await db
    .select({
      name: adapters.name,
      status: adapters.status,
      runId: adapters.runId,
      metrics: adapters.metrics,
      createdAt: adapters.createdAt,
      promotedAt: adapters.promotedAt,
    })
    .from(adapters)
    .orderBy(desc(adapters.createdAt))
    .limit(200);
  const active = [...rows]
    .filter((a) => a.status === "active")
    .sort((a, b) => (b.promotedAt?.getTime() ?? 0) - (a.promotedAt?.getTime() ?? 0))[0];
  return { adapters: rows, active: active?.name ?? null, serving: await servingNow(db) };
}

export interface ServingNow {
  /** The model the public chat asks for now; null when the gpu-function cannot be asked. */
  model: string | null;
  /** Why, in words for the console. */
  reason: string;
  /** Something an admin should act on (the promoted adapter is not loaded where the chat asks). */
  warning: boolean;
}

/** What the public chat serves at this moment, as the chat decides it (lib/chat/model.ts chooseServedModel). */
export async function servingNow(db: Db, gpu: GpuFunctionClient = gpuFunctionClient({ timeoutMs: 5_000 })): Promise<ServingNow> {
  const pinned = gpuFunctionConfig().model;
  if (pinned)
    return { model: pinned, reason: "pinned by CHAT_MODEL: promotion and rollback do not change what the chat serves", warning: true };
  forgetServedAdapterPointer(db);
  const pointer = await servedAdapterPointer(db);
  const listed = await gpu.listModels().catch(() => null);
  if (!listed) return { model: null, reason: `the gpu-function at ${gpu.url} does not answer GET /v1/models right now`, warning: true };
  const model = chooseServedModel(listed, pointer);
  if (pointer.active && model === pointer.active) return { model, reason: "the promoted adapter", warning: false };
  const what = listed.find((m) => m.id === model)?.parent ? "the gpu-function's own default adapter" : "the gpu-function's base model";
  if (pointer.active)
    return {
      model,
      reason: `${what}: the promoted adapter ${pointer.active} is not loaded on the gpu-function at ${gpu.url}`,
      warning: true,
    };
  return { model, reason: `${what} (no adapter is promoted)`, warning: false };
}
