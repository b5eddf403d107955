// One retraining run, the single entry point the cron route, the npm-start schedule and
// the admin console's "Retrain now" all use:
//   build the dataset → skip when nothing is new → claim the single-flight slot (a unique
//   index on non-terminal runs, so two app instances cannot both start) → send the job to
//   the gpu-function and follow it (progress, loss) → evaluate the candidate AND the active
//   adapter (or the base model) on the same golden set → gate → promote (push to every
//   replica, then flip the pointer in one transaction) or keep the active adapter.
// Any failure ends the run `failed` with its reason; a cancel ends it `cancelled`; the
// pointer flips only inside the transaction that also marks the run promoted, so nothing is
// ever half-promoted. A run whose driving process stopped (app restart) is resumed from its
// gpu job by the next process that looks (recoverRuns), or failed when it had no job yet.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNotNull, lt, or, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { buildDataset, exampleKind, toJsonl, type BuiltDataset, type TrainingExample } from "./dataset";
import { allTrainingExamples, curatedTrainingExamples } from "./dataset-sources";
import { addRunEvent } from "./run-events";
import { forgetServedAdapterPointer, servedAdapterPointer } from "./active-adapter";
import { afterFlip } from "./promotion";
import { pickDefaultModel } from "@/lib/chat/model";
import { evalSettingsFromEnv, evaluateModel, type EvalSettings } from "./evaluate";
import { gate, gateSettingsFromEnv, type GateSettings, type ModelMetrics } from "./gate";
import {
  gpuFunctionClient,
  pushToReplicas,
  replicaClients,
  unloadFromReplicas,
  type FineTuningEvent,
  type FineTuningJobView,
  type GpuFunctionClient,
} from "./gpu-client";

export { curatedTrainingExamples, addRunEvent };

export type RunStatus = (typeof trainingRuns.$inferSelect)["status"];
export type RetrainOutcome =
  { outcome: "skipped"; reason: string } | { outcome: "promoted" | "rejected" | "failed" | "cancelled"; runId: string; reason: string };

export interface RetrainOptions {
  trigger: "cron" | "manual";
  /** Admin email for "Retrain now". */
  startedBy?: string | null;
  /** The gpu-function that trains and evaluates (default: GPU_FUNCTION_URL). */
  gpu?: GpuFunctionClient;
  /** Every replica a promoted adapter is pushed to (default: GPU_FUNCTION_URLS, else GPU_FUNCTION_URL). */
  replicas?: GpuFunctionClient[];
  /** Loads the candidate examples (default: curated, uploaded and knowledge-base examples). */
  loadExamples?: (db: Db) => Promise<TrainingExample[]>;
  /** Base model name the job trains on. */
  model?: string;
  hyperparameters?: Record<string, unknown>;
  gate?: Partial<GateSettings>;
  evaluation?: Partial<EvalSettings>;
  pollMs?: number;
  /** Longest a job may run. */
  timeoutMs?: number;
  /** How long the gpu-function may stay unreachable before the run fails. */
  unreachableMs?: number;
  heartbeatMs?: number;
  log?: (line: string) => void;
}

export type StartResult =
  { started: true; runId: string; done: Promise<RetrainOutcome> } | { started: false; code: "skipped" | "busy"; reason: string };

export const ACTIVE_STATES = ["queued", "running", "evaluating"] as const;
/** Golden examples sent as the job's validation data (its loss chart's validation points). */
const JOB_VALIDATION_EXAMPLES = 16;

export function retrainSettingsFromEnv(env: Record<string, string | undefined> = process.env) {
  const epochs = Number(env.RETRAIN_EPOCHS ?? "2");
  return {
    model: env.RETRAIN_BASE_MODEL || "medchat-base",
    hyperparameters: { n_epochs: Number.isInteger(epochs) && epochs > 0 ? epochs : 2 } as Record<string, unknown>,
    gate: gateSettingsFromEnv(env),
    evaluation: evalSettingsFromEnv(env),
  };
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if (code === "23505" || (typeof message === "string" && message.includes("duplicate key"))) return true;
  }
  return false;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** Builds the dataset and starts a run in the background, or says why not (nothing new, one already running). */
export async function startRetrain(db: Db, options: RetrainOptions): Promise<StartResult> {
  const env = retrainSettingsFromEnv();
  await recoverRuns(db, options);
  const dataset = buildDataset(await (options.loadExamples ?? allTrainingExamples)(db));
  if (dataset.train.length === 0 || dataset.golden.length === 0) {
    return {
      started: false,
      code: "skipped",
      reason: `not enough data (${dataset.train.length} train, ${dataset.golden.length} golden examples)`,
    };
  }
  const [last] = await db
    .select({ datasetVersion: trainingRuns.datasetVersion })
    .from(trainingRuns)
    .where(and(inArray(trainingRuns.status, ["promoted", "rejected"]), isNotNull(trainingRuns.datasetVersion)))
    .orderBy(desc(trainingRuns.createdAt))
    .limit(1);
  if (last?.datasetVersion === dataset.version)
    return { started: false, code: "skipped", reason: `no new data since the last run (dataset ${dataset.version})` };

  const runId = randomUUID();
  const hyperparameters = { ...env.hyperparameters, ...(options.hyperparameters ?? {}) };
  try {
    await db.insert(trainingRuns).values({
      id: runId,
      trigger: options.trigger,
      startedBy: options.startedBy ?? null,
      status: "queued",
      hyperparameters,
      datasetVersion: dataset.version,
      goldenVersion: dataset.goldenVersion,
      heartbeatAt: new Date(),
      events: [
        {
          at: new Date().toISOString(),
          level: "info",
          message: `Run started (${options.trigger}${options.startedBy ? ` by ${options.startedBy}` : ""}): ${dataset.train.length} train and ${dataset.golden.length} golden examples, dataset ${dataset.version}, golden ${dataset.goldenVersion}`,
        },
      ],
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { started: false, code: "busy", reason: "another retraining run is in progress" };
    throw err;
  }
  const done = driveRun(db, runId, dataset, options, null);
  return { started: true, runId, done };
}

/** The cron route and the schedule: start and wait for the outcome. */
export async function runRetrain(db: Db, options: RetrainOptions): Promise<RetrainOutcome> {
  const started = await startRetrain(db, options);
  if (!started.started) return { outcome: "skipped", reason: started.reason };
  return started.done;
}

/**
 * Runs whose driver stopped (no heartbeat for a while: the app restarted or its function
 * was cut off) are resumed from their gpu job, or failed with the reason when they had none.
 */
export async function recoverRuns(db: Db, options: Partial<RetrainOptions> = {}): Promise<string[]> {
  const staleMs = 4 * (options.heartbeatMs ?? 15_000);
  const stale = new Date(Date.now() - staleMs);
  const orphans = await db
    .select()
    .from(trainingRuns)
    .where(
      and(
        inArray(trainingRuns.status, [...ACTIVE_STATES]),
        or(lt(trainingRuns.heartbeatAt, stale), and(isNull(trainingRuns.heartbeatAt), lt(trainingRuns.createdAt, stale))),
      ),
    );
  const resumed: string[] = [];
  for (const run of orphans) {
    // Claim it: only one process wins the heartbeat it saw.
    const claimed = await db
      .update(trainingRuns)
      .set({ heartbeatAt: new Date() })
      .where(
        and(
          eq(trainingRuns.id, run.id),
          inArray(trainingRuns.status, [...ACTIVE_STATES]),
          run.heartbeatAt ? eq(trainingRuns.heartbeatAt, run.heartbeatAt) : isNull(trainingRuns.heartbeatAt),
        ),
      )
      .returning({ id: trainingRuns.id });
    if (claimed.length === 0) continue;
    if (!run.gpuJobId) {
      await finishRun(db, run.id, "failed", "the app stopped (restart or function time limit) before the fine-tuning job was sent");
      continue;
    }
    await addRunEvent(db, run.id, `The process driving this run stopped; resumed from fine-tuning job ${run.gpuJobId}`, "warn");
    const dataset = buildDataset(await (options.loadExamples ?? allTrainingExamples)(db));
    if (dataset.goldenVersion !== run.goldenVersion)
      await addRunEvent(db, run.id, `Golden set rebuilt on resume: ${dataset.goldenVersion} (was ${run.goldenVersion})`, "warn");
    const log = options.log ?? ((line: string) => console.log(line));
    void driveRun(db, run.id, dataset, { trigger: run.trigger, ...options }, run.gpuJobId).then(
      (o) => log(`[medchat] resumed retrain ${run.id}: ${o.outcome} — ${o.reason}`),
      (e) => log(`[medchat] resumed retrain ${run.id} failed: ${errorText(e)}`),
    );
    resumed.push(run.id);
  }
  return resumed;
}

/** Ends a run unless it already ended (a cancel wins over a late result); true when this call ended it. */
async function finishRun(
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

async function runStatus(db: Db, runId: string): Promise<{ status: RunStatus; error: string | null }> {
  const [row] = await db
    .select({ status: trainingRuns.status, error: trainingRuns.error })
    .from(trainingRuns)
    .where(eq(trainingRuns.id, runId));
  return row ?? { status: "failed", error: "run record missing" };
}

class RunEnded extends Error {}

/** Loss curve and progress from a job's metrics events. */
export function lossFromEvents(events: FineTuningEvent[]) {
  const byStep = new Map<number, { step: number; trainLoss: number | null; validLoss?: number }>();
  let progress: { step: number; totalSteps: number; trainLoss: number | null } | null = null;
  for (const e of events) {
    if (e.type !== "metrics" || !e.data) continue;
    const step = Number(e.data.step);
    if (!Number.isFinite(step)) continue;
    const point = byStep.get(step) ?? { step, trainLoss: null };
    if (typeof e.data.train_loss === "number") {
      point.trainLoss = e.data.train_loss;
      if (typeof e.data.total_steps === "number") progress = { step, totalSteps: e.data.total_steps, trainLoss: e.data.train_loss };
    }
    if (typeof e.data.validation_loss === "number") point.validLoss = e.data.validation_loss;
    byStep.set(step, point);
  }
  return { loss: [...byStep.values()].sort((a, b) => a.step - b.step), progress };
}

async function driveRun(
  db: Db,
  runId: string,
  dataset: BuiltDataset,
  options: RetrainOptions,
  resumeJobId: string | null,
): Promise<RetrainOutcome> {
  const env = retrainSettingsFromEnv();
  const gpu = options.gpu ?? gpuFunctionClient();
  const replicas = options.replicas ?? replicaClients();
  const gateSettings = { ...env.gate, ...(options.gate ?? {}) };
  const evalSettings = { ...env.evaluation, ...(options.evaluation ?? {}) };
  const model = options.model ?? env.model;
  const pollMs = options.pollMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 6 * 3600_000;
  const unreachableMs = options.unreachableMs ?? 120_000;
  const heartbeat = setInterval(() => {
    void db
      .update(trainingRuns)
      .set({ heartbeatAt: new Date() })
      .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
      .catch(() => {});
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref?.();

  const ended = async (): Promise<RetrainOutcome> => {
    const r = await runStatus(db, runId);
    return { outcome: r.status === "cancelled" ? "cancelled" : "failed", runId, reason: r.error ?? `run is ${r.status}` };
  };
  /** Moves the run on unless it was ended meanwhile (cancel): then stops the driver. */
  const advance = async (patch: Partial<typeof trainingRuns.$inferInsert>) => {
    const rows = await db
      .update(trainingRuns)
      .set({ ...patch, heartbeatAt: new Date() })
      .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
      .returning({ id: trainingRuns.id });
    if (rows.length === 0) throw new RunEnded();
  };
  const finish = async (
    status: "promoted" | "rejected" | "failed",
    reason: string,
    patch: Partial<typeof trainingRuns.$inferInsert> = {},
  ) => ((await finishRun(db, runId, status, reason, patch)) ? ({ outcome: status, runId, reason } as RetrainOutcome) : ended());

  let jobId = resumeJobId;
  let evaluatedCandidate: string | null = null;
  let promoted = false;
  let previous: string | null = null;
  try {
    if (!jobId) {
      const requested =
        ((await db.select({ h: trainingRuns.hyperparameters }).from(trainingRuns).where(eq(trainingRuns.id, runId)))[0]?.h as
          Record<string, unknown> | undefined) ?? {};
      const job = await createWarmOrColdJob(db, runId, gpu, dataset, model, requested);
      jobId = job.id;
      await db.update(trainingRuns).set({ gpuJobId: job.id }).where(eq(trainingRuns.id, runId));
      await addRunEvent(db, runId, `Fine-tuning job ${job.id} created on ${gpu.url} (${model})`);
      try {
        await advance({ status: "running" });
      } catch (err) {
        // Cancelled while the job was being created: the job must not train on.
        await gpu.cancelJob(job.id).catch(() => {});
        throw err;
      }
    }

    // Follow the job: progress and loss on the run, cancel noticed, unreachable server bounded.
    const deadline = Date.now() + timeoutMs;
    let unreachableSince: number | null = null;
    let done: FineTuningJobView;
    for (;;) {
      const current = await runStatus(db, runId);
      if (!ACTIVE_STATES.includes(current.status as (typeof ACTIVE_STATES)[number])) {
        await gpu.cancelJob(jobId).catch(() => {});
        return await ended();
      }
      let job: FineTuningJobView;
      try {
        job = await gpu.getJob(jobId);
        unreachableSince = null;
      } catch (err) {
        const message = errorText(err);
        if (/answered 404/.test(message))
          return await finish("failed", `fine-tuning job ${jobId} is gone from the gpu-function (${message})`);
        unreachableSince ??= Date.now();
        if (Date.now() - unreachableSince > unreachableMs)
          return await finish(
            "failed",
            `the gpu-function stopped answering for ${Math.round((Date.now() - unreachableSince) / 1000)} s: ${message}`,
          );
        await sleep(pollMs);
        continue;
      }
      const events = await gpu.jobEvents(jobId).catch(() => null);
      if (events) {
        const { loss, progress } = lossFromEvents(events);
        await advance({ loss, progress });
      }
      if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") {
        done = job;
        break;
      }
      if (Date.now() > deadline) {
        await gpu.cancelJob(jobId).catch(() => {});
        return await finish("failed", `fine-tuning job ${jobId} did not finish within ${Math.round(timeoutMs / 1000)} s`);
      }
      await sleep(pollMs);
    }
    if (done.status !== "succeeded" || !done.fine_tuned_model)
      return await finish("failed", `fine-tuning job ${done.id} ${done.status}: ${done.error?.message ?? "no reason given"}`);
    const candidateName = done.fine_tuned_model;
    evaluatedCandidate = candidateName;
    await advance({ status: "evaluating", adapterName: candidateName });

    // The gate: both sides on the same golden set, now. The other side is what the chat
    // serves: the active adapter, else the gpu-function's own default (the committed grounded
    // adapter, else the base model).
    const baselineModel = await servingModel(db, gpu, model);
    const activeName = baselineModel.name;
    await addRunEvent(
      db,
      runId,
      `Evaluating ${candidateName} and ${baselineModel.what} ${activeName} on golden set ${dataset.goldenVersion}`,
    );
    let candidate: ModelMetrics;
    let baseline: ModelMetrics;
    try {
      candidate = await evaluateModel(gpu, candidateName, dataset.golden, evalSettings);
      baseline = await evaluateModel(gpu, activeName, dataset.golden, evalSettings);
    } catch (err) {
      return await finish("failed", `evaluation failed: ${errorText(err)}`);
    }
    const result = gate(candidate, baseline, gateSettings, activeName);
    const metricsRecord = { ...candidate, golden_version: dataset.goldenVersion };
    const patch = {
      adapterName: candidateName,
      metrics: metricsRecord,
      baselineMetrics: { ...baseline, model: activeName, golden_version: dataset.goldenVersion },
      comparison: result.comparison,
      decision: result.decision,
    };
    await advance(patch);
    const upload = await gpu.jobAdapter(done.id);
    const weights = Buffer.from(upload.adapter_model_base64, "base64");
    if (!result.promote) {
      await db
        .insert(adapters)
        .values({ name: candidateName, runId, status: "candidate", adapterConfig: upload.adapter_config, weights, metrics: metricsRecord })
        .onConflictDoNothing();
      return await finish("rejected", `${result.decision}. An admin can still promote it (Promote… here or on the Adapters page).`, patch);
    }
    // Every replica first; a refusal fails the run with the pointer unchanged.
    await addRunEvent(db, runId, `Pushing ${candidateName} to ${replicas.length} replica(s): ${replicas.map((r) => r.url).join(", ")}`);
    await pushToReplicas(replicas, upload);
    await db.transaction(async (tx) => {
      const marked = await tx
        .update(trainingRuns)
        .set({ ...patch, status: "promoted", error: null, finishedAt: new Date() })
        .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
        .returning({ id: trainingRuns.id });
      if (marked.length === 0) throw new RunEnded();
      const retired = await tx
        .update(adapters)
        .set({ status: "retired" })
        .where(eq(adapters.status, "active"))
        .returning({ name: adapters.name });
      previous = retired[0]?.name ?? null;
      await tx.insert(adapters).values({
        name: candidateName,
        runId,
        status: "active",
        adapterConfig: upload.adapter_config,
        weights,
        metrics: metricsRecord,
        promotedAt: new Date(),
      });
    });
    promoted = true;
    await addRunEvent(db, runId, `Run promoted: ${result.decision}`);
    const unloadFailures = await afterFlip(db, replicas, previous);
    if (previous)
      await addRunEvent(
        db,
        runId,
        unloadFailures.length === 0
          ? `${previous} unloaded from ${replicas.length} replica(s)`
          : `${previous} retired; unloading it failed on ${unloadFailures.join("; ")} (the chat does not serve it)`,
        unloadFailures.length === 0 ? "info" : "warn",
      );
    return { outcome: "promoted", runId, reason: result.decision };
  } catch (err) {
    if (err instanceof RunEnded) return await ended();
    return await finish("failed", errorText(err));
  } finally {
    clearInterval(heartbeat);
    // A candidate that does not serve leaves every gpu-function it was loaded on (the
    // evaluation's lazy load, a push that only some replicas accepted); it stays in the
    // database, from where an admin can still promote it.
    if (evaluatedCandidate && !promoted) {
      const servers = [gpu, ...replicas.filter((r) => r.url !== gpu.url)];
      const failures = await unloadFromReplicas(servers, evaluatedCandidate).catch((e: unknown) => [errorText(e)]);
      await addRunEvent(
        db,
        runId,
        failures.length === 0
          ? `${evaluatedCandidate} unloaded from the gpu-function (a candidate serves only once promoted)`
          : `Unloading ${evaluatedCandidate} failed on ${failures.join("; ")} (the chat does not serve it)`,
        failures.length === 0 ? "info" : "warn",
      ).catch(() => {});
    }
  }
}

/**
 * What the public chat serves now: the active adapter, else the gpu-function's own default
 * (the committed grounded adapter, else the base model; the base model when the server cannot
 * say). A run starts from it and the gate compares the candidate with it.
 */
export async function servingModel(
  db: Db,
  gpu: GpuFunctionClient,
  baseModel: string,
): Promise<{ name: string; what: string; adapter: boolean }> {
  const [active] = await db
    .select({ name: adapters.name })
    .from(adapters)
    .where(eq(adapters.status, "active"))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  if (active) return { name: active.name, what: "active adapter", adapter: true };
  forgetServedAdapterPointer(db);
  const { retraining } = await servedAdapterPointer(db);
  const listed = await gpu.listModels().catch(() => null);
  if (!listed) return { name: baseModel, what: "base model", adapter: false };
  const name = pickDefaultModel(listed, new Set(retraining));
  const adapter = Boolean(listed.find((m) => m.id === name)?.parent);
  return { name, what: adapter ? "the gpu-function's default adapter" : "base model", adapter };
}

/**
 * Creates the fine-tuning job, continuing the adapter that serves (`initial_adapter`: its A/B
 * start the LoRA, its rank/alpha/modules are the run's unless the run set others). When the
 * gpu-function refuses that start (shape differs from the run's settings, adapter not loaded
 * there) the run starts fresh from the base model and says why. What it started from is
 * recorded on the run (hyperparameters.initial_adapter) and in its events.
 */
async function createWarmOrColdJob(
  db: Db,
  runId: string,
  gpu: GpuFunctionClient,
  dataset: BuiltDataset,
  model: string,
  requested: Record<string, unknown>,
): Promise<FineTuningJobView> {
  const { initial_adapter: _recorded, ...hyperparameters } = requested;
  const body = {
    model,
    training_data: toJsonl(dataset.train),
    validation_data: toJsonl(dataset.golden.slice(0, JOB_VALIDATION_EXAMPLES)),
    hyperparameters,
    suffix: "retrain",
    metadata: { run_id: runId },
  };
  const serving = await servingModel(db, gpu, model);
  const record = (initial: string | null) =>
    db
      .update(trainingRuns)
      .set({ hyperparameters: { ...hyperparameters, initial_adapter: initial } })
      .where(eq(trainingRuns.id, runId));
  if (serving.adapter) {
    try {
      const job = await gpu.createJob({ ...body, initial_adapter: serving.name });
      await record(serving.name);
      const rehearsal = dataset.train.filter((e) => exampleKind(e) === "knowledgeBase").length;
      await addRunEvent(
        db,
        runId,
        `Warm start from ${serving.what} ${serving.name}: the job continues its LoRA weights (fresh optimizer); ${rehearsal} of ${dataset.train.length} train examples are knowledge-base-grounded (rehearsal of what it answers from)`,
        rehearsal > 0 ? "info" : "warn",
      );
      return job;
    } catch (err) {
      const message = errorText(err);
      if (!/answered 400/.test(message) || !/initial_adapter/.test(message)) throw err;
      await addRunEvent(db, runId, `Cannot continue ${serving.what} ${serving.name}; starting from the base model: ${message}`, "warn");
    }
  }
  const job = await gpu.createJob(body);
  await record(null);
  if (!serving.adapter) await addRunEvent(db, runId, `Fresh start: the chat serves the base model ${serving.name}`);
  return job;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Cancels a run: the run ends `cancelled` with the reason at once (so nothing it does later
 * can promote), then its gpu job is cancelled. Null when the run does not exist; a run that
 * already ended is returned unchanged with `ended: true`.
 */
export async function cancelRun(
  db: Db,
  runId: string,
  reason: string,
  gpu: GpuFunctionClient = gpuFunctionClient(),
): Promise<{ ended: boolean; run: typeof trainingRuns.$inferSelect } | null> {
  const rows = await db
    .update(trainingRuns)
    .set({ status: "cancelled", error: reason, finishedAt: new Date() })
    .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
    .returning();
  if (rows.length === 0) {
    const [run] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
    return run ? { ended: true, run } : null;
  }
  await addRunEvent(db, runId, `Run cancelled: ${reason}`, "warn");
  if (rows[0].gpuJobId) {
    await gpu.cancelJob(rows[0].gpuJobId).then(
      () => addRunEvent(db, runId, `Fine-tuning job ${rows[0].gpuJobId} cancelled`),
      (err) => addRunEvent(db, runId, `Cancelling fine-tuning job ${rows[0].gpuJobId}: ${errorText(err)}`, "warn"),
    );
  }
  const [run] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
  return { ended: false, run };
}
