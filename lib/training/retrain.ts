// One retraining run, the single entry point the cron route, the npm-start schedule and
// the admin console's "Retrain now" all call:
//   build the dataset → skip when nothing is new → claim the single-flight slot (a unique
//   index on non-terminal runs, so two app instances cannot both start) → send the job to
//   the gpu-function and poll it → gate on the golden set → promote (push + pointer flip) or
//   keep the active adapter. Any failure ends the run as `failed` with its reason, and the
//   active pointer is only flipped after every push succeeded, inside one transaction.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { listCuratedExamples } from "@/lib/db/curated-examples";
import { buildDataset, toJsonl, type TrainingExample } from "./dataset";
import { gpuFunctionClient, type GpuFunctionClient, type FineTuningJobView } from "./gpu-client";

export type RetrainOutcome =
  { outcome: "skipped"; reason: string } | { outcome: "promoted" | "rejected" | "failed"; runId: string; reason: string };

export interface GateMetrics {
  /** Perplexity on the golden set (lower is better). */
  golden_perplexity: number;
  golden_tokens?: number;
}

export interface RetrainOptions {
  trigger: "cron" | "manual";
  gpu?: GpuFunctionClient;
  /** Loads the candidate examples (default: the admin console's curated examples). */
  loadExamples?: (db: Db) => Promise<TrainingExample[]>;
  /** Base model name the job trains on. */
  model?: string;
  hyperparameters?: Record<string, unknown>;
  /** Relative perplexity improvement the candidate needs to be promoted (0.02 = 2 %). */
  margin?: number;
  pollMs?: number;
  timeoutMs?: number;
}

export function retrainSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const margin = Number(env.RETRAIN_MARGIN ?? "0.02");
  const epochs = Number(env.RETRAIN_EPOCHS ?? "2");
  return {
    model: env.RETRAIN_BASE_MODEL || "medchat-base",
    margin: Number.isFinite(margin) && margin >= 0 ? margin : 0.02,
    hyperparameters: { n_epochs: Number.isInteger(epochs) && epochs > 0 ? epochs : 2 },
  };
}

export async function curatedTrainingExamples(db: Db): Promise<TrainingExample[]> {
  const rows = await listCuratedExamples(db, 5000);
  return rows.map((r) => ({
    question: r.question,
    answer: r.answer,
    sources: r.sources.map((s) => ({ n: s.n, title: s.title, text: s.text })),
    origin: `curated:${r.id}`,
  }));
}

const ACTIVE_STATES = ["queued", "running", "evaluating"] as const;

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if (code === "23505" || (typeof message === "string" && message.includes("duplicate key"))) return true;
    if (e === (e as { cause?: unknown }).cause) break;
  }
  return false;
}

export async function runRetrain(db: Db, options: RetrainOptions): Promise<RetrainOutcome> {
  const env = retrainSettingsFromEnv();
  const gpu = options.gpu ?? gpuFunctionClient();
  const examples = await (options.loadExamples ?? curatedTrainingExamples)(db);
  const dataset = buildDataset(examples);
  if (dataset.train.length === 0 || dataset.golden.length === 0) {
    return { outcome: "skipped", reason: `not enough data (${dataset.train.length} train, ${dataset.golden.length} golden examples)` };
  }
  const [last] = await db
    .select({ datasetVersion: trainingRuns.datasetVersion })
    .from(trainingRuns)
    .where(and(inArray(trainingRuns.status, ["promoted", "rejected"]), isNotNull(trainingRuns.datasetVersion)))
    .orderBy(desc(trainingRuns.createdAt))
    .limit(1);
  if (last?.datasetVersion === dataset.version)
    return { outcome: "skipped", reason: `no new data since the last run (dataset ${dataset.version})` };

  // A run left non-terminal by an app restart or a cut-off function would hold the
  // single-flight slot forever: past the job timeout it is failed with that reason.
  const timeoutMs = options.timeoutMs ?? 6 * 3600_000;
  await db
    .update(trainingRuns)
    .set({
      status: "failed",
      error: "abandoned: the app stopped (restart or function time limit) before the run finished",
      finishedAt: new Date(),
    })
    .where(and(inArray(trainingRuns.status, [...ACTIVE_STATES]), lt(trainingRuns.createdAt, new Date(Date.now() - timeoutMs - 60_000))));

  const runId = randomUUID();
  const hyperparameters = options.hyperparameters ?? env.hyperparameters;
  try {
    await db.insert(trainingRuns).values({
      id: runId,
      trigger: options.trigger,
      status: "running",
      hyperparameters,
      datasetVersion: dataset.version,
      goldenVersion: dataset.goldenVersion,
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { outcome: "skipped", reason: "another retraining run is in progress" };
    throw err;
  }

  const finish = async (
    status: "promoted" | "rejected" | "failed",
    reason: string,
    patch: Partial<typeof trainingRuns.$inferInsert> = {},
  ) => {
    await db
      .update(trainingRuns)
      .set({ status, error: status === "failed" ? reason : null, finishedAt: new Date(), ...patch })
      .where(eq(trainingRuns.id, runId));
    return { outcome: status, runId, reason };
  };

  try {
    const job = await gpu.createJob({
      model: options.model ?? env.model,
      training_data: toJsonl(dataset.train),
      validation_data: toJsonl(dataset.golden),
      hyperparameters,
      suffix: "retrain",
    });
    await db.update(trainingRuns).set({ gpuJobId: job.id }).where(eq(trainingRuns.id, runId));
    const done = await pollJob(gpu, job.id, options.pollMs ?? 2000, timeoutMs);
    if (done.status !== "succeeded")
      return await finish("failed", `fine-tuning job ${done.id} ${done.status}: ${done.error?.message ?? "no reason given"}`);
    const validation = done.metrics?.validation;
    if (!validation || !Number.isFinite(validation.adapter_perplexity) || !Number.isFinite(validation.base_perplexity)) {
      return await finish("failed", `fine-tuning job ${done.id} reported no golden-set perplexity`);
    }
    await db.update(trainingRuns).set({ status: "evaluating" }).where(eq(trainingRuns.id, runId));

    const candidate: GateMetrics = { golden_perplexity: validation.adapter_perplexity, golden_tokens: validation.tokens };
    const baseline = await baselineMetrics(db, dataset.goldenVersion, validation.base_perplexity);
    const decision = gate(candidate, baseline.metrics, options.margin ?? env.margin);
    const upload = await gpu.jobAdapter(done.id);
    const adapterName = upload.name;
    const metricsRecord = { ...candidate, golden_version: dataset.goldenVersion };
    const patch = { adapterName, metrics: metricsRecord, baselineMetrics: { ...baseline.metrics, baseline: baseline.label } };

    if (!decision.promote) {
      await db
        .insert(adapters)
        .values({
          name: adapterName,
          runId,
          status: "candidate",
          adapterConfig: upload.adapter_config,
          weights: Buffer.from(upload.adapter_model_base64, "base64"),
          metrics: metricsRecord,
        })
        .onConflictDoNothing();
      return await finish("rejected", decision.reason, patch);
    }
    await gpu.pushAdapter(upload);
    await db.transaction(async (tx) => {
      await tx.update(adapters).set({ status: "retired" }).where(eq(adapters.status, "active"));
      await tx.insert(adapters).values({
        name: adapterName,
        runId,
        status: "active",
        adapterConfig: upload.adapter_config,
        weights: Buffer.from(upload.adapter_model_base64, "base64"),
        metrics: metricsRecord,
        promotedAt: new Date(),
      });
    });
    return await finish("promoted", decision.reason, patch);
  } catch (err) {
    return await finish("failed", err instanceof Error ? err.message : String(err));
  }
}

/** Candidate vs baseline on the same golden set: promote only when better by the margin. */
export function gate(candidate: GateMetrics, baseline: GateMetrics, margin: number): { promote: boolean; reason: string } {
  const improvement = (baseline.golden_perplexity - candidate.golden_perplexity) / baseline.golden_perplexity;
  const summary = `golden perplexity ${candidate.golden_perplexity.toFixed(3)} vs ${baseline.golden_perplexity.toFixed(3)} (${(improvement * 100).toFixed(1)} % better, needs ${(margin * 100).toFixed(1)} %)`;
  return { promote: improvement >= margin, reason: summary };
}

/**
 * What the candidate must beat: the active adapter's perplexity on the same golden version
 * (recorded when it was promoted), or — with no active adapter — the base model measured
 * in this very job. An active adapter measured on another golden version is not comparable;
 * then the stricter of its recorded number and the base model is used.
 */
async function baselineMetrics(db: Db, goldenVersion: string, basePerplexity: number): Promise<{ metrics: GateMetrics; label: string }> {
  const [active] = await db
    .select({ name: adapters.name, metrics: adapters.metrics })
    .from(adapters)
    .where(eq(adapters.status, "active"))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  const recorded = active?.metrics as { golden_perplexity?: number; golden_version?: string } | null | undefined;
  if (active && recorded?.golden_version === goldenVersion && typeof recorded.golden_perplexity === "number") {
    return { metrics: { golden_perplexity: recorded.golden_perplexity }, label: `active adapter ${active.name}` };
  }
  if (active && typeof recorded?.golden_perplexity === "number") {
    return {
      metrics: { golden_perplexity: Math.min(recorded.golden_perplexity, basePerplexity) },
      label: `min(active ${active.name} on another golden version, base model)`,
    };
  }
  return { metrics: { golden_perplexity: basePerplexity }, label: "base model (same job)" };
}

async function pollJob(gpu: GpuFunctionClient, id: string, pollMs: number, timeoutMs: number): Promise<FineTuningJobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await gpu.getJob(id);
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") return job;
    if (Date.now() > deadline) throw new Error(`fine-tuning job ${id} did not finish within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Rollback: the pointer flips back to the adapter that was active before the current one
 * (pushed to the gpu-function first, so nothing serves a missing adapter).
 */
export async function rollbackAdapter(db: Db, gpu: GpuFunctionClient = gpuFunctionClient()): Promise<{ from: string; to: string }> {
  const [current] = await db.select().from(adapters).where(eq(adapters.status, "active")).orderBy(desc(adapters.promotedAt)).limit(1);
  if (!current) throw new Error("no active adapter to roll back");
  const [previous] = await db
    .select()
    .from(adapters)
    .where(and(eq(adapters.status, "retired"), isNotNull(adapters.promotedAt)))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  if (!previous) throw new Error("no previously promoted adapter to roll back to");
  await gpu.pushAdapter({
    name: previous.name,
    adapter_config: previous.adapterConfig as Record<string, unknown>,
    adapter_model_base64: Buffer.from(previous.weights).toString("base64"),
  });
  await db.transaction(async (tx) => {
    await tx.update(adapters).set({ status: "retired" }).where(eq(adapters.name, current.name));
    await tx.update(adapters).set({ status: "active", promotedAt: new Date() }).where(eq(adapters.name, previous.name));
  });
  return { from: current.name, to: previous.name };
}

export { ACTIVE_STATES };
