// Fine-tuning jobs: accepts a job, queues it, runs it in a training worker process (one
// at a time by default: training saturates the CPU), records its events and outcome,
// and hands out or loads the finished PEFT adapter. Every job and event is also written
// under the jobs dir (job-files.ts), and `restore()` reads them back after a restart.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ApiError } from "../http/router";
import { toAdapterUpload, type AdapterUpload } from "../shared/openai";
import type { ChatExample, ImportIssue } from "../data/chat-example";
import { importTrainingRows } from "../data/importers";
import { allowPrivateFetchFromEnv, urlRefusal } from "../shared/public-fetch";
import { describeIssue, exists, fetchText, importOrReject, JobSetupError } from "./job-data";
import { adapterNameFor, JobStore, newJobId, TERMINAL, type FineTuningJob } from "./job";
import { JobFiles, type JobRecord } from "./job-files";
import type { WorkerJobSpec, WorkerToServer } from "./protocol";
import { resolveHyperparameters, type CreateJobBody } from "./schema";
import { writePeftAdapter } from "../engine/peft";
import type { LoraTarget, PreparedLora } from "../models/types";
import { DEFAULT_WORKER_FILE, runWorkerProcess, type WorkerOutcome } from "./worker-process";

export interface BaseModelRef {
  id: string;
  dir: string;
}

export interface FineTuningDeps {
  /** Base model id → its directory; undefined when this server does not serve it. */
  resolveBaseModel(model: string): BaseModelRef | undefined;
  /**
   * What the serving registry can load (its LoRA slots: largest rank, adaptable module short
   * names); a job whose adapter could never be served is refused at creation. Absent: no check.
   */
  adapterLimits?: { maxRank: number; targetModules: string[] } | null;
  /**
   * An adapter loaded in this server's serving registry (validated against its base model at
   * load), for warm starts (`initial_adapter`); absent: warm starts are refused.
   */
  findAdapter?(name: string): PreparedLora | undefined;
  /** The base model's LoRA-adaptable modules (PEFT path and short name), to check an initial adapter covers every layer. */
  loraTargets?: Array<Pick<LoraTarget, "module" | "shortName">>;
  /** Loads an adapter into the serving registry (absent: POST .../load answers 501). */
  loadAdapter?(payload: AdapterUpload): Promise<void>;
  /** Working directory for job data and adapters (default: $FINE_TUNING_DIR or the OS temp dir). */
  jobsDir?: string;
  workerFile?: string;
  maxConcurrentJobs?: number;
  timeoutMs?: number;
  cancelGraceMs?: number;
  /** Largest training/validation file fetched from a URL. */
  maxFileBytes?: number;
  /** Let training_file_url reach private/loopback addresses (default: ALLOW_PRIVATE_FETCH). */
  allowPrivateFetch?: boolean;
  /** Where restore and persistence problems are reported (default: stderr). */
  log?: (line: string) => void;
}

type ResumeInfo = Omit<JobRecord, "version" | "job">;

export type RestoreSummary = { restored: number; requeued: number; interrupted: number };

const ISSUES_IN_EVENT = 20;
const ETA_SAVE_MS = 5_000;

export class FineTuningService {
  readonly store: JobStore;
  private readonly queue: string[] = [];
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Per job, what job.json holds besides the job itself (creation order, auto_load, data still to fetch). */
  private readonly resume = new Map<string, ResumeInfo>();
  private lastCreatedMs = 0;
  private readonly etaSavedAt = new Map<string, number>();
  private readonly lazyLoads = new Map<string, Promise<void>>();
  private readonly jobsDir: string;
  private readonly files: JobFiles;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: FineTuningDeps) {
    this.jobsDir = deps.jobsDir ?? process.env.FINE_TUNING_DIR ?? path.join(os.tmpdir(), "medchat-fine-tuning");
    this.log = deps.log ?? ((line) => console.error(`[fine-tuning] ${line}`));
    this.files = new JobFiles(this.jobsDir, this.log);
    this.store = new JobStore({
      jobChanged: (job) => this.files.saveJob(job.id, () => this.record(job.id)),
      eventAdded: (id, event) => this.files.appendEvent(id, event),
    });
  }

  /**
   * Reads the jobs dir back; call once before serving. Finished jobs return as they were
   * (a loaded adapter is loaded again), queued ones are queued again in creation order,
   * and a job that was running when the process died ends failed with code `interrupted`.
   */
  async restore(): Promise<RestoreSummary> {
    const summary: RestoreSummary = { restored: 0, requeued: 0, interrupted: 0 };
    let stored;
    try {
      if (!(await this.files.claim())) {
        this.log(`${this.jobsDir} is in use by another running server on this host; its jobs are not restored here`);
        return summary;
      }
      stored = await this.files.loadAll();
    } catch (err) {
      // Serving must come up even when the jobs dir cannot be read; the log says why jobs are missing.
      this.log(`could not read jobs from ${this.jobsDir}: ${(err as Error).message}`);
      return summary;
    }
    for (const { record, events } of stored) {
      const { job } = record;
      if (this.store.get(job.id)) continue;
      this.store.restore(job, events);
      this.resume.set(job.id, { created_ms: record.created_ms, auto_load: record.auto_load === true, pending: null });
      this.lastCreatedMs = Math.max(this.lastCreatedMs, record.created_ms);
      summary.restored++;
      if (job.status === "running") {
        this.finishJob(job.id, {
          kind: "failed",
          code: "interrupted",
          message: "the gpu-function restarted before the job finished; create a new job to train again",
        });
        await this.cleanupData(job.id);
        summary.interrupted++;
      } else if (job.status === "queued") {
        const pending = record.pending;
        const lost =
          (!pending?.training_file_url && !(await exists(this.dataFile(job.id, "training")))) ||
          (job.initial_adapter && !(await exists(path.join(this.initialAdapterDir(job.id), "adapter_model.safetensors"))));
        if (lost) {
          this.finishJob(job.id, {
            kind: "failed",
            code: "data_missing",
            message: "the job's training data was lost when the gpu-function restarted",
          });
          continue;
        }
        this.resume.get(job.id)!.pending = pending;
        this.store.addEvent(job.id, { message: "The gpu-function restarted; the job is queued again" });
        this.queue.push(job.id);
        summary.requeued++;
      } else if (job.status === "succeeded" && job.adapter_loaded) {
        // Serving state lives in memory: load the adapter again, or stop claiming it is loaded.
        this.store.update(job.id, { adapter_loaded: false });
        await this.load(job.id).catch((err: Error) =>
          this.store.addEvent(job.id, {
            level: "warn",
            message: `The gpu-function restarted and adapter ${job.adapter_name} could not be loaded again: ${err.message}`,
          }),
        );
      }
    }
    this.pump();
    return summary;
  }

  async create(body: CreateJobBody): Promise<FineTuningJob> {
    const base = this.deps.resolveBaseModel(body.model);
    if (!base)
      throw new ApiError(404, `model '${body.model}' is not a base model served here`, { param: "model", code: "model_not_found" });
    const initial = body.initial_adapter === undefined ? null : this.initialAdapter(body.initial_adapter);
    if (initial) body = { ...body, hyperparameters: { ...initial.defaults, ...body.hyperparameters } };
    this.checkServable(body);
    if (initial) this.checkWarmStart(body, initial.lora);
    for (const [field, url] of [
      ["training_file_url", body.training_file_url],
      ["validation_file_url", body.validation_file_url],
    ] as const) {
      const refusal = url === undefined ? null : urlRefusal(url, this.deps.allowPrivateFetch ?? allowPrivateFetchFromEnv());
      if (refusal) throw new ApiError(400, `${field}: ${refusal}`, { param: field, code: "url_not_allowed" });
    }
    const training = body.training_data !== undefined ? importOrReject(body.training_data, "training_data") : null;
    const validation = body.validation_data !== undefined ? importOrReject(body.validation_data, "validation_data") : null;

    const id = newJobId();
    const createdMs = Math.max(Date.now(), this.lastCreatedMs + 1);
    this.lastCreatedMs = createdMs;
    // Set before the job is added: it is part of the record written to disk.
    this.resume.set(id, {
      created_ms: createdMs,
      auto_load: body.auto_load === true,
      pending: {
        training_file_url: body.training_file_url,
        validation_file_url: body.validation_file_url,
        hyperparameters: body.hyperparameters,
      },
    });
    const hyperparameters = resolveHyperparameters(body.hyperparameters, training?.examples.length ?? 100);
    const job: FineTuningJob = {
      object: "fine_tuning.job",
      id,
      model: base.id,
      created_at: Math.floor(createdMs / 1000),
      started_at: null,
      finished_at: null,
      status: "queued",
      fine_tuned_model: null,
      adapter_name: adapterNameFor(base.id, body.suffix, id),
      error: null,
      trained_tokens: null,
      training_file: body.training_file_url ?? null,
      validation_file: body.validation_file_url ?? null,
      hyperparameters,
      method: { type: "supervised", supervised: { hyperparameters } },
      suffix: body.suffix ?? null,
      seed: body.seed ?? 42,
      result_files: [],
      estimated_finish: null,
      metadata: body.metadata ?? null,
      metrics: null,
      adapter_loaded: false,
      initial_adapter: initial?.lora.name ?? null,
    };
    this.store.add(job);
    this.store.addEvent(id, { message: `Created fine-tuning job ${id} on ${base.id}` });
    await fs.mkdir(this.files.jobDir(id), { recursive: true });
    if (initial) {
      // A copy of the adapter as it is now: a later reload or unload of that name does not change this job.
      await writePeftAdapter(this.initialAdapterDir(id), {
        r: hyperparameters.lora_r,
        loraAlpha: hyperparameters.lora_alpha,
        useRslora: hyperparameters.use_rslora,
        loraDropout: hyperparameters.lora_dropout,
        targetModules: hyperparameters.target_modules,
        weights: initial.lora.weights,
        baseModelNameOrPath: base.id,
      });
      this.store.addEvent(id, {
        message: `Warm start: LoRA A/B initialised from adapter ${initial.lora.name} (r=${initial.lora.rank}, ${initial.lora.weights.size} modules); the optimizer starts fresh`,
        data: { initial_adapter: initial.lora.name },
      });
    }
    if (training) await this.writeExamples(id, "training", training.examples, training.issues);
    if (validation) await this.writeExamples(id, "validation", validation.examples, validation.issues);
    this.queue.push(id);
    this.pump();
    return job;
  }

  /** The loaded adapter a warm start names, and the LoRA shape it implies (the job's defaults). */
  private initialAdapter(name: string): { lora: PreparedLora; defaults: NonNullable<CreateJobBody["hyperparameters"]> } {
    const lora = this.deps.findAdapter?.(name);
    if (!lora) {
      const why = this.deps.findAdapter ? `no adapter '${name}' is loaded on this server` : "this server serves no LoRA adapters";
      throw new ApiError(400, `initial_adapter: ${why} (GET /v1/adapters lists them)`, {
        param: "initial_adapter",
        code: "initial_adapter_not_found",
      });
    }
    // Loaded adapters are never rsLoRA-scaled by the trainer's default; alpha = scale·r keeps the same update.
    return {
      lora,
      defaults: { lora_r: lora.rank, lora_alpha: lora.scale * lora.rank, use_rslora: false, target_modules: shortNames(lora) },
    };
  }

  /** The job's LoRA shape must be the initial adapter's exactly: same rank, scale and modules on every layer. */
  private checkWarmStart(body: CreateJobBody, lora: PreparedLora): void {
    const h = resolveHyperparameters(body.hyperparameters, 1);
    const refuse = (param: string, why: string) => {
      throw new ApiError(400, `initial_adapter '${lora.name}' cannot start this job: ${why}`, { param, code: "initial_adapter_mismatch" });
    };
    if (h.lora_r !== lora.rank) refuse("hyperparameters.lora_r", `its rank is ${lora.rank}, the job asks for lora_r ${h.lora_r}`);
    const scale = h.use_rslora ? h.lora_alpha / Math.sqrt(h.lora_r) : h.lora_alpha / h.lora_r;
    if (Math.abs(scale - lora.scale) > 1e-6 * Math.max(1, lora.scale))
      refuse("hyperparameters.lora_alpha", `its scale (alpha/r) is ${lora.scale}, the job's lora_alpha/use_rslora give ${scale}`);
    const wanted = new Set(h.target_modules.map((m) => m.split(".").at(-1)!));
    const have = new Set(shortNames(lora));
    if (wanted.size !== have.size || [...wanted].some((m) => !have.has(m)))
      refuse("hyperparameters.target_modules", `it adapts ${[...have].join(", ")}, the job trains ${[...wanted].join(", ")}`);
    const targets = this.deps.loraTargets;
    if (targets) {
      const missing = targets.filter((t) => wanted.has(t.shortName) && !lora.weights.has(t.module));
      if (missing.length > 0)
        refuse("initial_adapter", `it does not adapt ${missing.length} layer module(s) the job trains (e.g. ${missing[0].module})`);
    }
  }

  /** Refuses hyperparameters whose adapter this server could not load (before any training time is spent). */
  private checkServable(body: CreateJobBody): void {
    const limits = this.deps.adapterLimits;
    if (limits === undefined) return;
    const h = resolveHyperparameters(body.hyperparameters, 1);
    if (limits === null) {
      if (body.auto_load)
        throw new ApiError(400, "this server serves no LoRA adapters, so auto_load cannot work", {
          param: "auto_load",
          code: "invalid_value",
        });
      return;
    }
    if (h.lora_r > limits.maxRank) {
      throw new ApiError(
        400,
        `hyperparameters.lora_r ${h.lora_r} is above the largest rank this server can serve (LORA_MAX_RANK=${limits.maxRank})`,
        {
          param: "hyperparameters.lora_r",
          code: "invalid_value",
        },
      );
    }
    const servable = new Set(limits.targetModules);
    const outside = h.target_modules.filter((m) => !servable.has(m.split(".").at(-1)!));
    if (outside.length > 0) {
      throw new ApiError(
        400,
        `hyperparameters.target_modules ${outside.join(", ")} cannot be served here (LoRA slots: ${limits.targetModules.join(", ")}; see LORA_TARGET_MODULES)`,
        {
          param: "hyperparameters.target_modules",
          code: "invalid_value",
        },
      );
    }
  }

  get(id: string): FineTuningJob {
    const job = this.store.get(id);
    if (!job) throw new ApiError(404, `fine-tuning job '${id}' not found`, { param: "fine_tuning_job_id", code: "job_not_found" });
    return job;
  }

  async cancel(id: string): Promise<FineTuningJob> {
    const job = this.get(id);
    if (TERMINAL.has(job.status)) throw new ApiError(409, `job ${id} is already ${job.status}`, { code: "job_finished" });
    const run = this.running.get(id);
    if (run) {
      run.controller.abort(new Error("cancelled by request"));
      await run.done;
    } else {
      const queued = this.queue.indexOf(id);
      if (queued >= 0) this.queue.splice(queued, 1);
      this.finishJob(id, { kind: "cancelled", reason: "cancelled by request" });
      await this.cleanupData(id);
    }
    return job;
  }

  /** The job's adapter in POST /v1/adapters' body, so an app can push it back as is. */
  async adapter(id: string): Promise<AdapterUpload> {
    const job = this.get(id);
    if (job.status !== "succeeded") {
      throw new ApiError(409, `job ${id} is ${job.status}; its adapter exists once it has succeeded`, { code: "adapter_not_ready" });
    }
    const dir = this.adapterDir(id);
    const [config, weights] = await Promise.all([
      fs.readFile(path.join(dir, "adapter_config.json"), "utf8"),
      fs.readFile(path.join(dir, "adapter_model.safetensors")),
    ]).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
      throw new ApiError(410, `the adapter files of job ${id} are no longer in ${dir}`, { code: "adapter_missing" });
    });
    return toAdapterUpload(job.adapter_name, JSON.parse(config) as Record<string, unknown>, weights);
  }

  async load(id: string): Promise<FineTuningJob> {
    if (!this.deps.loadAdapter) throw new ApiError(501, "this server has no adapter registry to load into", { code: "not_supported" });
    const payload = await this.adapter(id);
    try {
      await this.deps.loadAdapter(payload);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      // E.g. the server's LoRA slots cover fewer modules or a smaller rank than the job trained.
      throw new ApiError(409, `adapter ${payload.name} cannot be served here: ${(err as Error).message}`, { code: "adapter_incompatible" });
    }
    const job = this.get(id);
    this.store.update(id, { adapter_loaded: true });
    this.store.addEvent(id, { message: `Adapter ${payload.name} loaded for serving` });
    return job;
  }

  /**
   * Serving by name, as OpenAI's API does: a succeeded job's fine_tuned_model is loaded on
   * its first request when it is not loaded yet (no auto_load needed). False when no
   * succeeded job has that model name; concurrent first requests share one load.
   */
  async loadByModelName(name: string): Promise<boolean> {
    const job = this.store.succeededWithModel(name);
    if (!job) return false;
    let loading = this.lazyLoads.get(name);
    if (!loading) {
      loading = this.load(job.id)
        .then(() => this.store.addEvent(job.id, { message: `Adapter ${name} loaded on its first request` }))
        .then(() => undefined)
        .finally(() => this.lazyLoads.delete(name));
      this.lazyLoads.set(name, loading);
    }
    await loading;
    return true;
  }

  /**
   * Cancels running jobs, waits for their workers to exit and for every write to reach
   * the disk. Queued jobs stay queued on disk: the next start's restore() runs them.
   */
  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all([...this.running.entries()].map(([, r]) => (r.controller.abort(new Error("server shutting down")), r.done)));
    await this.files.flush();
    await this.files.release();
  }

  /** What job.json holds: the job and what resuming it needs. */
  private record(id: string): JobRecord {
    const job = this.get(id);
    return { version: 1, job, ...(this.resume.get(id) ?? { created_ms: job.created_at * 1000, auto_load: false, pending: null }) };
  }

  private adapterDir(id: string): string {
    return path.join(this.files.jobDir(id), "adapter");
  }

  private initialAdapterDir(id: string): string {
    return path.join(this.files.jobDir(id), "initial-adapter");
  }

  private dataFile(id: string, kind: "training" | "validation"): string {
    return path.join(this.files.jobDir(id), `${kind}.jsonl`);
  }

  private async writeExamples(
    id: string,
    kind: "training" | "validation",
    examples: ChatExample[],
    issues: ImportIssue[],
    { quoteIssues = true }: { quoteIssues?: boolean } = {},
  ): Promise<void> {
    await fs.writeFile(this.dataFile(id, kind), examples.map((e) => JSON.stringify(e)).join("\n") + "\n");
    if (issues.length > 0) {
      // Issues of inline data (the caller's own text) are quoted; those of fetched files only counted.
      this.store.addEvent(id, {
        level: "warn",
        message: quoteIssues
          ? `${kind} data: ${issues.length} row(s) skipped; first: ${describeIssue(issues[0])}`
          : `${kind} data: ${issues.length} row(s) skipped`,
        data: quoteIssues
          ? { skipped: issues.length, issues: issues.slice(0, ISSUES_IN_EVENT) }
          : { skipped: issues.length, lines: issues.slice(0, ISSUES_IN_EVENT).map((i) => i.line ?? null) },
      });
    }
    this.store.addEvent(id, { message: `${kind} data: ${examples.length} example(s)`, data: { examples: examples.length } });
  }

  private pump(): void {
    const max = this.deps.maxConcurrentJobs ?? 1;
    while (this.running.size < max && this.queue.length > 0) {
      const id = this.queue.shift()!;
      const controller = new AbortController();
      const done = this.runJob(id, controller.signal).finally(() => {
        this.running.delete(id);
        this.pump();
      });
      this.running.set(id, { controller, done });
    }
  }

  private async runJob(id: string, signal: AbortSignal): Promise<void> {
    const job = this.get(id);
    this.store.transition(id, "running");
    this.store.addEvent(id, { message: "Fine-tuning job started" });
    let outcome: WorkerOutcome;
    try {
      await this.fetchPendingData(id, signal);
      const spec: WorkerJobSpec = {
        jobId: id,
        adapterName: job.adapter_name,
        modelId: job.model,
        modelDir: this.deps.resolveBaseModel(job.model)?.dir ?? "",
        trainingFile: this.dataFile(id, "training"),
        validationFile: (await exists(this.dataFile(id, "validation"))) ? this.dataFile(id, "validation") : null,
        outputDir: this.adapterDir(id),
        hyperparameters: job.hyperparameters,
        seed: job.seed,
        initialAdapterDir: job.initial_adapter ? this.initialAdapterDir(id) : null,
      };
      if (!spec.modelDir) throw new JobSetupError("model_not_found", `model '${job.model}' is no longer served here`);
      outcome = await runWorkerProcess(spec, (msg) => this.onWorkerMessage(id, msg), signal, {
        workerFile: this.deps.workerFile ?? DEFAULT_WORKER_FILE,
        timeoutMs: this.deps.timeoutMs,
        cancelGraceMs: this.deps.cancelGraceMs,
      });
    } catch (err) {
      outcome = signal.aborted
        ? { kind: "cancelled", reason: String((signal.reason as Error)?.message ?? "cancelled") }
        : { kind: "failed", code: err instanceof JobSetupError ? err.code : "setup_failed", message: (err as Error).message };
    }
    // The data goes before the job is announced finished: whoever sees the end state sees it gone.
    await this.cleanupData(id);
    this.finishJob(id, outcome);
    if (outcome.kind === "succeeded" && this.resume.get(id)?.auto_load) {
      await this.load(id).catch((err: Error) => this.store.addEvent(id, { level: "error", message: `auto_load failed: ${err.message}` }));
    }
  }

  private finishJob(id: string, outcome: WorkerOutcome): void {
    const job = this.get(id);
    if (outcome.kind === "succeeded") {
      this.store.transition(id, "succeeded", {
        fine_tuned_model: job.adapter_name,
        trained_tokens: outcome.trainedTokens,
        metrics: outcome.metrics,
        result_files: ["adapter_config.json", "adapter_model.safetensors"],
      });
      const v = outcome.metrics.validation;
      const ppl = v ? `; held-out perplexity ${v.base_perplexity.toFixed(2)} → ${v.adapter_perplexity.toFixed(2)}` : "";
      this.store.addEvent(id, {
        message: `The job has successfully completed: adapter ${job.adapter_name}${ppl}`,
        data: { ...outcome.metrics },
      });
    } else if (outcome.kind === "cancelled") {
      // OpenAI leaves `error` null on cancel; the reason (request, shutdown) is kept here so it is never lost.
      this.store.transition(id, "cancelled", { error: { code: "cancelled", message: outcome.reason, param: null } });
      this.store.addEvent(id, { level: "warn", message: `Job cancelled: ${outcome.reason}` });
    } else {
      this.store.transition(id, "failed", { error: { code: outcome.code, message: outcome.message, param: null } });
      this.store.addEvent(id, { level: "error", message: `Job failed: ${outcome.message}` });
    }
  }

  private onWorkerMessage(id: string, msg: WorkerToServer): void {
    if (msg.type === "log") {
      this.store.addEvent(id, { level: msg.level, message: msg.message, data: msg.data });
    } else if (msg.type === "step") {
      const m = msg.metrics;
      this.store.addEvent(id, {
        type: "metrics",
        message: `Step ${m.step}/${m.total_steps}: training loss=${m.train_loss.toFixed(4)}`,
        data: { ...m },
      });
      const job = this.get(id);
      const elapsed = Date.now() / 1000 - (job.started_at ?? job.created_at);
      if (m.step > 0) {
        // Fresh in memory every step, on disk at most every ETA_SAVE_MS.
        job.estimated_finish = Math.round((job.started_at ?? job.created_at) + (elapsed * m.total_steps) / m.step);
        if (Date.now() - (this.etaSavedAt.get(id) ?? 0) >= ETA_SAVE_MS) {
          this.etaSavedAt.set(id, Date.now());
          this.store.update(id, {});
        }
      }
    } else if (msg.type === "eval") {
      this.store.addEvent(id, {
        type: "metrics",
        message: `Step ${msg.step}: validation loss=${msg.validation_loss.toFixed(4)}, perplexity=${msg.validation_perplexity.toFixed(3)}`,
        data: {
          step: msg.step,
          validation_loss: msg.validation_loss,
          validation_perplexity: msg.validation_perplexity,
          tokens: msg.tokens,
        },
      });
    }
  }

  private async fetchPendingData(id: string, signal: AbortSignal): Promise<void> {
    const info = this.resume.get(id);
    const pending = info?.pending;
    if (info) info.pending = null;
    if (pending?.training_file_url) {
      const examples = await this.fetchInto(id, "training", pending.training_file_url, signal);
      // "auto" epochs and batch size depend on the dataset size, known only now.
      const hyperparameters = resolveHyperparameters(pending.hyperparameters, examples);
      this.store.update(id, { hyperparameters, method: { type: "supervised", supervised: { hyperparameters } } });
    }
    if (pending?.validation_file_url) await this.fetchInto(id, "validation", pending.validation_file_url, signal);
  }

  /**
   * Fetches, imports and stores a data file; returns the number of usable examples. What the
   * server at the URL answered is never echoed (no field names, no parse errors quoting it):
   * only counts, so a URL cannot be used to read another service's responses through job events.
   */
  private async fetchInto(id: string, kind: "training" | "validation", url: string, signal: AbortSignal): Promise<number> {
    this.store.addEvent(id, { message: `Fetching ${kind} file ${url}` });
    const text = await fetchText(url, {
      maxBytes: this.deps.maxFileBytes ?? 200 * 1024 * 1024,
      signal,
      allowPrivate: this.deps.allowPrivateFetch ?? allowPrivateFetchFromEnv(),
    });
    let imported;
    try {
      imported = importTrainingRows(text);
    } catch {
      throw new JobSetupError("invalid_file", `${kind} file ${url} is not JSONL or a JSON array of training rows`);
    }
    if (imported.examples.length === 0) {
      throw new JobSetupError(
        "invalid_file",
        `${kind} file ${url} has no usable rows (${imported.issues.length} row(s) in no supported format)`,
      );
    }
    await this.writeExamples(id, kind, imported.examples, imported.issues, { quoteIssues: false });
    return imported.examples.length;
  }

  /** Training data does not outlive its job; the adapter does. */
  private async cleanupData(id: string): Promise<void> {
    await Promise.all(["training", "validation"].map((k) => fs.rm(this.dataFile(id, k as "training"), { force: true })));
    await fs.rm(this.initialAdapterDir(id), { recursive: true, force: true });
  }
}

/** The module short names (q_proj, …) an adapter adapts. */
function shortNames(lora: PreparedLora): string[] {
  return [...new Set([...lora.weights.keys()].map((m) => m.split(".").at(-1)!))];
}
