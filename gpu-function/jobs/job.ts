// A fine-tuning job as the API reports it (OpenAI's `fine_tuning.job` and
// `fine_tuning.job.event` shapes) and the state machine behind its status:
// queued → running → succeeded | failed | cancelled; terminal states never change.

import { randomBytes } from "node:crypto";
import type { ResolvedHyperparameters } from "./schema";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export const TERMINAL: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "cancelled"]);

export interface JobError {
  code: string;
  message: string;
  param: string | null;
}

export interface JobEvent {
  object: "fine_tuning.job.event";
  id: string;
  created_at: number;
  level: "info" | "warn" | "error";
  message: string;
  type: "message" | "metrics";
  data: Record<string, unknown> | null;
}

/** Metrics of one optimiser step, as the trainer reports them. */
export interface StepMetrics {
  step: number;
  total_steps: number;
  train_loss: number;
  learning_rate: number;
  tokens_per_second: number;
  epoch?: number;
  grad_norm?: number;
}

export interface JobResultMetrics {
  /**
   * Held-out perplexity of the base model and of base + adapter on the validation set; on a
   * warm start also of the initial adapter, before step 1 (what training started from).
   */
  validation?: { base_perplexity: number; adapter_perplexity: number; tokens: number; initial_perplexity?: number };
  final_train_loss?: number;
  steps?: number;
  skipped_examples?: number;
}

export interface FineTuningJob {
  object: "fine_tuning.job";
  id: string;
  model: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  status: JobStatus;
  fine_tuned_model: string | null;
  /** Name the adapter gets when the job succeeds (reported in fine_tuned_model then). */
  adapter_name: string;
  error: JobError | null;
  trained_tokens: number | null;
  training_file: string | null;
  validation_file: string | null;
  hyperparameters: ResolvedHyperparameters;
  method: { type: "supervised"; supervised: { hyperparameters: ResolvedHyperparameters } };
  suffix: string | null;
  seed: number;
  result_files: string[];
  estimated_finish: number | null;
  metadata: Record<string, string> | null;
  /** Not in OpenAI's object: held-out perplexity before/after and the final loss. */
  metrics: JobResultMetrics | null;
  /** True once the adapter was loaded into this server's serving registry. */
  adapter_loaded: boolean;
  /** MedChat extension: the adapter whose weights the LoRA started from (warm start); null = PEFT's fresh init. */
  initial_adapter?: string | null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function newJobId(): string {
  return `ftjob-${randomBytes(12).toString("hex")}`;
}

/** Adapter names follow POST /v1/adapters' rule: ≤ 64 of [A-Za-z0-9._-], starting alphanumeric. */
export function adapterNameFor(model: string, suffix: string | undefined, jobId: string): string {
  const base =
    model
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 24) || "model";
  return `ft-${base}${suffix ? `-${suffix.slice(0, 24)}` : ""}-${jobId.slice(-8)}`;
}

/** Told of every change so it can be persisted (see job-files.ts); called synchronously. */
export interface JobStoreHooks {
  jobChanged(job: FineTuningJob): void;
  eventAdded(jobId: string, event: JobEvent): void;
}

/** Jobs and their events in memory; `hooks` persists them (FineTuningService writes them under its jobs dir). */
export class JobStore {
  private readonly jobs = new Map<string, FineTuningJob>();
  private readonly events = new Map<string, JobEvent[]>();
  private eventSeq = 0;

  constructor(private readonly hooks?: JobStoreHooks) {}

  add(job: FineTuningJob): void {
    this.jobs.set(job.id, job);
    this.events.set(job.id, []);
    this.hooks?.jobChanged(job);
  }

  /** Puts back a job read from disk, as it was (no hooks: nothing changed). */
  restore(job: FineTuningJob, events: JobEvent[]): void {
    this.jobs.set(job.id, job);
    this.events.set(job.id, [...events]);
    // New event ids continue after the restored ones, so ids stay unique for `after`.
    for (const e of events) this.eventSeq = Math.max(this.eventSeq, Number(/-(\d+)$/.exec(e.id)?.[1] ?? 0));
  }

  /** Changes fields of a job that are not its status (metrics, estimated_finish, adapter_loaded…). */
  update(id: string, patch: Partial<Omit<FineTuningJob, "status" | "id">>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    Object.assign(job, patch);
    this.hooks?.jobChanged(job);
  }

  get(id: string): FineTuningJob | undefined {
    return this.jobs.get(id);
  }

  /** The succeeded job whose fine_tuned_model is `name` (newest first), if any. */
  succeededWithModel(name: string): FineTuningJob | undefined {
    return [...this.jobs.values()].reverse().find((j) => j.status === "succeeded" && j.fine_tuned_model === name);
  }

  /** Newest first, as OpenAI lists jobs; `after` is the id of the last job already seen. */
  list(limit: number, after?: string): { data: FineTuningJob[]; has_more: boolean } {
    const all = [...this.jobs.values()].reverse();
    const start = after ? all.findIndex((j) => j.id === after) + 1 : 0;
    const data = all.slice(start, start + limit);
    return { data, has_more: start + limit < all.length };
  }

  addEvent(
    jobId: string,
    e: { level?: JobEvent["level"]; message: string; type?: JobEvent["type"]; data?: Record<string, unknown> },
  ): JobEvent {
    const event: JobEvent = {
      object: "fine_tuning.job.event",
      id: `ftevent-${jobId.slice(6, 14)}-${(++this.eventSeq).toString().padStart(8, "0")}`,
      created_at: nowSeconds(),
      level: e.level ?? "info",
      message: e.message,
      type: e.type ?? "message",
      data: e.data ?? null,
    };
    const list = this.events.get(jobId);
    if (list) {
      list.push(event);
      this.hooks?.eventAdded(jobId, event);
    }
    return event;
  }

  /** Newest first (OpenAI's order); `after` is the id of the last event already seen. */
  listEvents(jobId: string, limit: number, after?: string): { data: JobEvent[]; has_more: boolean } {
    const all = [...(this.events.get(jobId) ?? [])].reverse();
    const start = after ? all.findIndex((e) => e.id === after) + 1 : 0;
    return { data: all.slice(start, start + limit), has_more: start + limit < all.length };
  }

  /** Moves a job to a new status; refuses to leave a terminal state (returns false). */
  transition(id: string, status: JobStatus, patch: Partial<FineTuningJob> = {}): boolean {
    const job = this.jobs.get(id);
    if (!job || TERMINAL.has(job.status)) return false;
    Object.assign(job, patch, { status });
    if (status === "running" && job.started_at === null) job.started_at = nowSeconds();
    if (TERMINAL.has(status)) job.finished_at = nowSeconds();
    this.hooks?.jobChanged(job);
    return true;
  }
}

export { nowSeconds };
