// Fine-tuning jobs on disk, so a restart loses none of them: `<jobsDir>/<id>/job.json`
// (the job plus what resuming it needs, replaced atomically: temp file + fsync + rename)
// and `<jobsDir>/<id>/events.jsonl` (one event per line, appended). Writes never block
// the caller: each job has one writer that coalesces job.json saves (only the latest
// state is written) and batches event lines, so per-step updates cost at most one
// write in flight per job.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../shared/atomic-file";
import { TERMINAL, type FineTuningJob, type JobEvent, type JobStatus } from "./job";
import type { CreateJobBody } from "./schema";

export interface JobRecord {
  version: 1;
  job: FineTuningJob;
  /** Creation time in ms, strictly increasing per service: the order queued jobs resume in. */
  created_ms: number;
  auto_load: boolean;
  /** Data still to fetch when the job starts, and the raw hyperparameters to resolve against it. */
  pending: { training_file_url?: string; validation_file_url?: string; hyperparameters?: CreateJobBody["hyperparameters"] } | null;
}

export interface StoredJob {
  record: JobRecord;
  /** Oldest first, as they were appended. */
  events: JobEvent[];
}

interface Writer {
  build?: () => JobRecord;
  lines: string[];
  running: Promise<void> | null;
}

const STATUSES = new Set<JobStatus>(["queued", "running", ...TERMINAL]);
const LOCK_FILE = ".lock";

export class JobFiles {
  private readonly writers = new Map<string, Writer>();

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  jobDir(id: string): string {
    return path.join(this.dir, id);
  }

  /** Schedules a save of the job's record; `build` runs when the write happens (latest state wins). */
  saveJob(id: string, build: () => JobRecord): void {
    this.writer(id).build = build;
    this.kick(id);
  }

  appendEvent(id: string, event: JobEvent): void {
    this.writer(id).lines.push(JSON.stringify(event) + "\n");
    this.kick(id);
  }

  /** Resolves once everything scheduled so far is on disk (or has failed and been logged). */
  async flush(): Promise<void> {
    for (;;) {
      const pending = [...this.writers.values()].map((w) => w.running).filter((p): p is Promise<void> => p !== null);
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  /** Every readable job under the directory, oldest first; unreadable ones are logged and skipped. */
  async loadAll(): Promise<StoredJob[]> {
    let entries;
    try {
      entries = await fs.readdir(this.dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    const jobs: StoredJob[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      try {
        jobs.push(await this.load(entry.name));
      } catch (err) {
        this.log(`fine-tuning job ${entry.name} skipped: ${(err as Error).message}`);
      }
    }
    return jobs.sort((a, b) => a.record.created_ms - b.record.created_ms);
  }

  /**
   * Claims the directory for this process. False when another live process on this host
   * holds it (two servers must not resume the same queued jobs); a stale claim is taken over.
   */
  async claim(): Promise<boolean> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, LOCK_FILE);
    const me = { pid: process.pid, host: os.hostname() };
    try {
      const owner = JSON.parse(await fs.readFile(file, "utf8")) as { pid?: number; host?: string };
      if (owner.host === me.host && owner.pid !== me.pid && typeof owner.pid === "number" && isAlive(owner.pid)) return false;
    } catch {
      // No claim yet, or an unreadable one: take it.
    }
    await writeFileAtomic(file, JSON.stringify(me) + "\n");
    return true;
  }

  async release(): Promise<void> {
    const file = path.join(this.dir, LOCK_FILE);
    try {
      const owner = JSON.parse(await fs.readFile(file, "utf8")) as { pid?: number; host?: string };
      if (owner.pid === process.pid && owner.host === os.hostname()) await fs.rm(file, { force: true });
    } catch {
      // Nothing to release.
    }
  }

  private async load(id: string): Promise<StoredJob> {
    const dir = this.jobDir(id);
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, "job.json"), "utf8");
    } catch (err) {
      throw new Error((err as NodeJS.ErrnoException).code === "ENOENT" ? "no job.json" : `job.json unreadable: ${(err as Error).message}`);
    }
    let record: JobRecord;
    try {
      record = JSON.parse(text) as JobRecord;
    } catch (err) {
      throw new Error(`job.json is not valid JSON: ${(err as Error).message}`);
    }
    const problem = recordProblem(record, id);
    if (problem) throw new Error(`job.json ${problem}`);

    const events: JobEvent[] = [];
    let badLines = 0;
    const raw = await fs.readFile(path.join(dir, "events.jsonl"), "utf8").catch(() => "");
    for (const line of raw.split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as JobEvent;
        if (e?.object === "fine_tuning.job.event" && typeof e.id === "string") events.push(e);
        else badLines++;
      } catch {
        badLines++; // e.g. a line cut short when the process died mid-append
      }
    }
    if (badLines > 0) this.log(`fine-tuning job ${id}: ${badLines} unreadable event line(s) in events.jsonl skipped`);
    return { record, events };
  }

  private writer(id: string): Writer {
    let w = this.writers.get(id);
    if (!w) this.writers.set(id, (w = { lines: [], running: null }));
    return w;
  }

  private kick(id: string): void {
    const w = this.writer(id);
    if (w.running) return;
    w.running = (async () => {
      try {
        await fs.mkdir(this.jobDir(id), { recursive: true });
        while (w.lines.length > 0 || w.build) {
          if (w.lines.length > 0) await fs.appendFile(path.join(this.jobDir(id), "events.jsonl"), w.lines.splice(0).join(""));
          const build = w.build;
          w.build = undefined;
          if (build) await writeFileAtomic(path.join(this.jobDir(id), "job.json"), JSON.stringify(build(), null, 2) + "\n");
        }
      } catch (err) {
        this.log(`fine-tuning job ${id}: could not persist: ${(err as Error).message}`);
      } finally {
        w.running = null;
      }
    })();
  }
}

function recordProblem(r: JobRecord, id: string): string | null {
  if (typeof r !== "object" || r === null || r.version !== 1) return "has no version-1 record";
  const j = r.job;
  if (typeof j !== "object" || j === null || j.object !== "fine_tuning.job") return "has no fine_tuning.job";
  if (j.id !== id) return `names job '${String(j.id)}', not its directory`;
  if (!STATUSES.has(j.status)) return `has an unknown status '${String(j.status)}'`;
  if (typeof j.created_at !== "number" || typeof r.created_ms !== "number") return "has no creation time";
  if (
    typeof j.model !== "string" ||
    typeof j.adapter_name !== "string" ||
    typeof j.hyperparameters !== "object" ||
    j.hyperparameters === null
  ) {
    return "lacks model, adapter_name or hyperparameters";
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
