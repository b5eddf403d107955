// Following a fine-tuning job on the gpu-function: progress and loss onto the run, a cancel
// noticed, an unreachable or vanished server and an overlong job bounded.
import type { Db } from "@/lib/db";
import type { FineTuningEvent, FineTuningJobView, GpuFunctionClient } from "./gpu-client";
import { errorText, isActiveStatus, runStatus, type RetrainOutcome, type RunRecord } from "./run-record";

export interface FollowSettings {
  pollMs: number;
  /** Longest a job may run. */
  timeoutMs: number;
  /** How long the gpu-function may stay unreachable before the run fails. */
  unreachableMs: number;
}

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the job until it ends: the ended job, or the run's outcome when the run ended first (cancel, timeout, server gone). */
export async function followJob(
  db: Db,
  run: RunRecord,
  gpu: GpuFunctionClient,
  jobId: string,
  settings: FollowSettings,
): Promise<{ job: FineTuningJobView } | { outcome: RetrainOutcome }> {
  const deadline = Date.now() + settings.timeoutMs;
  let unreachableSince: number | null = null;
  for (;;) {
    if (!isActiveStatus((await runStatus(db, run.runId)).status)) {
      await gpu.cancelJob(jobId).catch(() => {});
      return { outcome: await run.ended() };
    }
    let job: FineTuningJobView;
    try {
      job = await gpu.getJob(jobId);
      unreachableSince = null;
    } catch (err) {
      const message = errorText(err);
      if (/answered 404/.test(message))
        return { outcome: await run.finish("failed", `fine-tuning job ${jobId} is gone from the gpu-function (${message})`) };
      unreachableSince ??= Date.now();
      if (Date.now() - unreachableSince > settings.unreachableMs)
        return {
          outcome: await run.finish(
            "failed",
            `the gpu-function stopped answering for ${Math.round((Date.now() - unreachableSince) / 1000)} s: ${message}`,
          ),
        };
      await sleep(settings.pollMs);
      continue;
    }
    const events = await gpu.jobEvents(jobId).catch(() => null);
    if (events) await run.advance(lossFromEvents(events));
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") return { job };
    if (Date.now() > deadline) {
      await gpu.cancelJob(jobId).catch(() => {});
      return {
        outcome: await run.finish("failed", `fine-tuning job ${jobId} did not finish within ${Math.round(settings.timeoutMs / 1000)} s`),
      };
    }
    await sleep(settings.pollMs);
  }
}
