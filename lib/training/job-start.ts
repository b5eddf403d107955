// What a run starts from: the model the chat serves now, and the fine-tuning job that
// continues it (warm start) or starts fresh from the base model when it cannot.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { pickDefaultModel } from "@/lib/chat/model";
import { forgetServedAdapterPointer, servedAdapterPointer } from "./active-adapter";
import { exampleKind, toJsonl, type BuiltDataset } from "./dataset";
import type { FineTuningJobView, GpuFunctionClient } from "./gpu-client";
import { addRunEvent } from "./run-events";
import { errorText } from "./run-record";

/** Golden examples sent as the job's validation data (its loss chart's validation points). */
const JOB_VALIDATION_EXAMPLES = 16;

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
export async function createWarmOrColdJob(
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
