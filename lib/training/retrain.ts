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
import { buildDataset, type BuiltDataset, type TrainingExample } from "./dataset";
import { allTrainingExamples, curatedTrainingExamples } from "./dataset-sources";
import { addRunEvent } from "./run-events";
import { promoteRunCandidate } from "./promotion";
import { evalSettingsFromEnv, evaluateModel, type EvalSettings } from "./evaluate";
import { gate, gateSettingsFromEnv, type GateSettings, type ModelMetrics } from "./gate";
import { gpuFunctionClient, replicaClients, unloadFromReplicas, type GpuFunctionClient } from "./gpu-client";
import { followJob } from "./follow-job";
import { createWarmOrColdJob, servingModel } from "./job-start";
import {
  ACTIVE_STATES,
  errorText,
  finishRun,
  openRunRecord,
  RunEnded,
  type RetrainOutcome,
  type RunRecord,
  type RunStatus,
} from "./run-record";

export { curatedTrainingExamples, addRunEvent, ACTIVE_STATES, type RetrainOutcome, type RunStatus };

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
  const model = options.model ?? env.model;
  const run = openRunRecord(db, runId, options.heartbeatMs);
  let evaluatedCandidate: string | null = null;
  let promoted = false;
  try {
    const jobId = resumeJobId ?? (await startJob(db, run, gpu, dataset, model));
    const followed = await followJob(db, run, gpu, jobId, {
      pollMs: options.pollMs ?? 2000,
      timeoutMs: options.timeoutMs ?? 6 * 3600_000,
      unreachableMs: options.unreachableMs ?? 120_000,
    });
    if ("outcome" in followed) return followed.outcome;
    const done = followed.job;
    if (done.status !== "succeeded" || !done.fine_tuned_model)
      return await run.finish("failed", `fine-tuning job ${done.id} ${done.status}: ${done.error?.message ?? "no reason given"}`);
    const candidateName = done.fine_tuned_model;
    evaluatedCandidate = candidateName;
    await run.advance({ status: "evaluating", adapterName: candidateName });

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
    const evalSettings = { ...env.evaluation, ...(options.evaluation ?? {}) };
    let candidate: ModelMetrics;
    let baseline: ModelMetrics;
    try {
      candidate = await evaluateModel(gpu, candidateName, dataset.golden, evalSettings);
      baseline = await evaluateModel(gpu, activeName, dataset.golden, evalSettings);
    } catch (err) {
      return await run.finish("failed", `evaluation failed: ${errorText(err)}`);
    }
    const result = gate(candidate, baseline, { ...env.gate, ...(options.gate ?? {}) }, activeName);
    const metricsRecord = { ...candidate, golden_version: dataset.goldenVersion };
    const patch = {
      adapterName: candidateName,
      metrics: metricsRecord,
      baselineMetrics: { ...baseline, model: activeName, golden_version: dataset.goldenVersion },
      comparison: result.comparison,
      decision: result.decision,
    };
    await run.advance(patch);
    const upload = await gpu.jobAdapter(done.id);
    const weights = Buffer.from(upload.adapter_model_base64, "base64");
    if (!result.promote) {
      await db
        .insert(adapters)
        .values({ name: candidateName, runId, status: "candidate", adapterConfig: upload.adapter_config, weights, metrics: metricsRecord })
        .onConflictDoNothing();
      return await run.finish(
        "rejected",
        `${result.decision}. An admin can still promote it (Promote… here or on the Adapters page).`,
        patch,
      );
    }
    await promoteRunCandidate(db, runId, replicas, { name: candidateName, upload, weights, metrics: metricsRecord, runPatch: patch });
    promoted = true;
    await addRunEvent(db, runId, `Run promoted: ${result.decision}`);
    return { outcome: "promoted", runId, reason: result.decision };
  } catch (err) {
    if (err instanceof RunEnded) return await run.ended();
    return await run.finish("failed", errorText(err));
  } finally {
    run.close();
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

/** Creates the run's fine-tuning job and marks the run running; a run cancelled meanwhile cancels the job. */
async function startJob(db: Db, run: RunRecord, gpu: GpuFunctionClient, dataset: BuiltDataset, model: string): Promise<string> {
  const requested =
    ((await db.select({ h: trainingRuns.hyperparameters }).from(trainingRuns).where(eq(trainingRuns.id, run.runId)))[0]?.h as
      Record<string, unknown> | undefined) ?? {};
  const job = await createWarmOrColdJob(db, run.runId, gpu, dataset, model, requested);
  await db.update(trainingRuns).set({ gpuJobId: job.id }).where(eq(trainingRuns.id, run.runId));
  await addRunEvent(db, run.runId, `Fine-tuning job ${job.id} created on ${gpu.url} (${model})`);
  try {
    await run.advance({ status: "running" });
  } catch (err) {
    // Cancelled while the job was being created: the job must not train on.
    await gpu.cancelJob(job.id).catch(() => {});
    throw err;
  }
  return job.id;
}

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
