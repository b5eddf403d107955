// Jobs survive a restart: each test runs jobs on one FineTuningService (scripted worker
// processes, real files in a temp dir), then starts a new service on the same directory
// and checks what restore() brought back — over the HTTP routes where it matters.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createRouter } from "../http/router";
import type { FineTuningJob, JobEvent } from "./job";
import type { JobRecord } from "./job-files";
import { fineTuningRoutes } from "./routes";
import type { AdapterUpload } from "../shared/openai";
import { FineTuningService, type FineTuningDeps } from "./service";
import type { PreparedLora } from "../models/types";

const scripted = fileURLToPath(new URL("./testing/scripted-worker.ts", import.meta.url));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "ft-persist-"));
const line = (q: string, a: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: q },
      { role: "assistant", content: a },
    ],
  });
const DATA = [line("What is a fever?", "A raised body temperature."), line("What is a cold?", "A mild viral infection.")].join("\n");
const services: FineTuningService[] = [];
const closers: (() => Promise<unknown>)[] = [];

function service(jobsDir: string, mode: string, extra: Partial<FineTuningDeps> = {}): FineTuningService {
  process.env.SCRIPTED_WORKER = mode; // read by workers forked from now on
  const s = new FineTuningService({
    resolveBaseModel: (m) => (m === "tiny-base" ? { id: "tiny-base", dir: root } : undefined),
    jobsDir,
    workerFile: scripted,
    cancelGraceMs: 300,
    log: () => {},
    ...extra,
  });
  services.push(s);
  return s;
}

async function until(s: FineTuningService, id: string, pred: (j: FineTuningJob) => boolean, ms = 20_000): Promise<FineTuningJob> {
  const end = Date.now() + ms;
  while (!pred(s.get(id))) {
    if (Date.now() > end) throw new Error(`timed out; job is ${JSON.stringify(s.get(id))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return s.get(id);
}

const eventsOf = (s: FineTuningService, id: string): JobEvent[] => s.store.listEvents(id, 10_000).data;
const readRecord = (dir: string, id: string) => JSON.parse(fs.readFileSync(path.join(dir, id, "job.json"), "utf8")) as JobRecord;
const seqOf = (e: JobEvent) => Number(e.id.split("-").pop());

/** Serves the service's routes on 127.0.0.1; returns a JSON fetcher. */
async function serve(s: FineTuningService): Promise<(url: string) => Promise<{ status: number; json: Record<string, unknown> }>> {
  const server = http.createServer(createRouter(fineTuningRoutes(s), { maxBodyBytes: 1 << 20 }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => new Promise((r) => server.close(r)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (url) => {
    const res = await fetch(base + url);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await Promise.all(closers.map((c) => c()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe("fine-tuning jobs across a restart", () => {
  it("brings a succeeded job back as it was: job, events, adapter payload, list, load", async () => {
    const dir = path.join(root, "succeeded");
    const first = service(dir, "succeed");
    const created = await first.create({
      model: "tiny-base",
      training_data: `${DATA}\nnot json\n`,
      suffix: "med",
      seed: 7,
      metadata: { owner: "qa" },
    });
    const done = await until(first, created.id, (j) => j.status === "succeeded");
    const events = eventsOf(first, created.id);
    const adapter = await first.adapter(created.id);
    await first.close();

    const onDisk = readRecord(dir, created.id);
    expect(onDisk).toMatchObject({ version: 1, auto_load: false, pending: null });
    expect(onDisk.job).toEqual(JSON.parse(JSON.stringify(done)));
    const lines = fs
      .readFileSync(path.join(dir, created.id, "events.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(lines.map((l) => (JSON.parse(l) as JobEvent).id)).toEqual(events.map((e) => e.id).reverse());

    const loaded: AdapterUpload[] = [];
    const second = service(dir, "succeed", { loadAdapter: async (p) => void loaded.push(p) });
    expect(await second.restore()).toEqual({ restored: 1, requeued: 0, interrupted: 0 });
    const get = await serve(second);
    const job = await get(`/v1/fine_tuning/jobs/${created.id}`);
    expect(job.status).toBe(200);
    expect(job.json).toEqual(JSON.parse(JSON.stringify(done)));
    expect(job.json).toMatchObject({
      status: "succeeded",
      fine_tuned_model: done.adapter_name,
      trained_tokens: 42,
      suffix: "med",
      seed: 7,
      metadata: { owner: "qa" },
    });
    const restoredEvents = (await get(`/v1/fine_tuning/jobs/${created.id}/events?limit=100`)).json.data as JobEvent[];
    expect(restoredEvents).toEqual(events);
    expect(restoredEvents.some((e) => /1 row\(s\) skipped; first: line 3: invalid JSON/.test(e.message))).toBe(true);
    const payload = (await get(`/v1/fine_tuning/jobs/${created.id}/adapter`)).json;
    expect(payload).toEqual(adapter);
    expect(Buffer.from(adapter.adapter_model_base64, "base64").toString()).toBe(`weights of ${done.adapter_name}`);
    const list = (await get("/v1/fine_tuning/jobs")).json;
    expect(list).toMatchObject({ object: "list", has_more: false });
    expect((list.data as FineTuningJob[]).map((j) => j.id)).toEqual([created.id]);

    // Loading still works, and new events get ids after the restored ones.
    const afterLoad = await second.load(created.id);
    expect(afterLoad.adapter_loaded).toBe(true);
    expect(loaded).toEqual([adapter]);
    const newest = eventsOf(second, created.id)[0];
    expect(newest.message).toBe(`Adapter ${done.adapter_name} loaded for serving`);
    expect(seqOf(newest)).toBeGreaterThan(Math.max(...events.map(seqOf)));
    await second.close();

    // A third start loads the adapter again, since it was loaded when the server stopped.
    const reloaded: string[] = [];
    const third = service(dir, "succeed", { loadAdapter: async (p) => void reloaded.push(p.name) });
    await third.restore();
    expect(reloaded).toEqual([done.adapter_name]);
    expect(third.get(created.id).adapter_loaded).toBe(true);
  });

  it("ends a job that was running when the process died as failed/interrupted", async () => {
    const live = path.join(root, "live");
    const first = service(live, "hang");
    const created = await first.create({ model: "tiny-base", training_data: DATA });
    await until(first, created.id, (j) => j.status === "running");
    // Wait until the disk says running, then take the directory as a crash would leave it.
    const end = Date.now() + 10_000;
    const onDisk = () => {
      try {
        return readRecord(live, created.id).job.status;
      } catch {
        return null; // not written yet
      }
    };
    while (onDisk() !== "running" && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    const crashed = path.join(root, "crashed");
    fs.cpSync(live, crashed, { recursive: true });
    expect(fs.existsSync(path.join(crashed, created.id, "training.jsonl"))).toBe(true);
    await first.cancel(created.id);

    const second = service(crashed, "hang");
    expect(await second.restore()).toEqual({ restored: 1, requeued: 0, interrupted: 1 });
    const job = second.get(created.id);
    expect(job.status).toBe("failed");
    expect(job.error).toEqual({
      code: "interrupted",
      message: "the gpu-function restarted before the job finished; create a new job to train again",
      param: null,
    });
    expect(job.finished_at).toBeGreaterThanOrEqual(job.started_at!);
    const [last] = eventsOf(second, created.id);
    expect(last).toMatchObject({
      level: "error",
      message: "Job failed: the gpu-function restarted before the job finished; create a new job to train again",
    });
    expect(fs.existsSync(path.join(crashed, created.id, "training.jsonl"))).toBe(false);
    await second.close();
    expect(readRecord(crashed, created.id).job).toMatchObject({ status: "failed", error: { code: "interrupted" } });
    const lastLine = fs
      .readFileSync(path.join(crashed, created.id, "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .pop()!;
    expect(JSON.parse(lastLine)).toEqual(last);
  });

  it("queues jobs that were waiting again, in creation order, and runs them (inline data and URL)", async () => {
    const files = http.createServer((req, res) => (req.url === "/train.jsonl" ? res.end(`${DATA}\n`) : res.writeHead(404).end()));
    await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => files.close(r)));
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/train.jsonl`;

    const dir = path.join(root, "queued");
    const first = service(dir, "hang", { allowPrivateFetch: true });
    const blocker = await first.create({ model: "tiny-base", training_data: DATA });
    const inline = await first.create({ model: "tiny-base", training_data: DATA, hyperparameters: { lora_r: 4 } });
    const byUrl = await first.create({ model: "tiny-base", training_file_url: url, hyperparameters: { n_epochs: 2 }, auto_load: true });
    await until(first, blocker.id, (j) => j.status === "running");
    await first.close(); // a graceful stop leaves queued jobs queued on disk
    expect(first.get(blocker.id).status).toBe("cancelled");
    expect(readRecord(dir, inline.id).job.status).toBe("queued");
    expect(readRecord(dir, byUrl.id)).toMatchObject({
      auto_load: true,
      pending: { training_file_url: url, hyperparameters: { n_epochs: 2 } },
    });

    const loaded: string[] = [];
    // The file server is on loopback, which outbound fetches reach only when the deployment allows it.
    const second = service(dir, "succeed", { loadAdapter: async (p) => void loaded.push(p.name), allowPrivateFetch: true });
    expect(await second.restore()).toEqual({ restored: 3, requeued: 2, interrupted: 0 });
    const a = await until(second, inline.id, (j) => j.status === "succeeded");
    const b = await until(second, byUrl.id, (j) => j.status === "succeeded");
    expect(a.hyperparameters.lora_r).toBe(4);
    expect(b.hyperparameters.n_epochs).toBe(2);
    const aEvents = eventsOf(second, inline.id);
    const bEvents = eventsOf(second, byUrl.id);
    expect(aEvents.some((e) => e.message === "The gpu-function restarted; the job is queued again")).toBe(true);
    expect(bEvents.map((e) => e.message)).toContain("training data: 2 example(s)");
    // One at a time, oldest first: the URL job started after the inline one finished.
    const finishedA = aEvents.find((e) => e.message.startsWith("The job has successfully completed"))!;
    const startedB = bEvents.find((e) => e.message === "Fine-tuning job started")!;
    expect(seqOf(startedB)).toBeGreaterThan(seqOf(finishedA));
    await until(second, byUrl.id, (j) => j.adapter_loaded); // auto_load survived the restart
    expect(loaded).toEqual([b.adapter_name]);
    expect(second.store.list(10).data.map((j) => j.id)).toEqual([byUrl.id, inline.id, blocker.id]);
  });

  it("a queued warm-start job trains from its own copy of the initial adapter after a restart (a lost copy → failed)", async () => {
    const dir = path.join(root, "warm");
    const pair = (seed: number) => ({ a: Float32Array.from({ length: 8 }, (_, i) => (seed + i) / 10), b: new Float32Array(8).fill(seed) });
    const src: PreparedLora = {
      name: "src",
      rank: 2,
      scale: 2,
      weights: new Map([
        ["model.layers.0.self_attn.q_proj", pair(1)],
        ["model.layers.0.self_attn.v_proj", pair(2)],
      ]),
    };
    const first = service(dir, "hang", { findAdapter: (n) => (n === "src" ? src : undefined) });
    const blocker = await first.create({ model: "tiny-base", training_data: DATA });
    const warm = await first.create({ model: "tiny-base", training_data: DATA, initial_adapter: "src" });
    const lost = await first.create({ model: "tiny-base", training_data: DATA, initial_adapter: "src" });
    expect(warm.initial_adapter).toBe("src");
    expect(warm.hyperparameters).toMatchObject({ lora_r: 2, lora_alpha: 4, use_rslora: false, target_modules: ["q_proj", "v_proj"] });
    await until(first, blocker.id, (j) => j.status === "running");
    await first.close();
    fs.rmSync(path.join(dir, lost.id, "initial-adapter"), { recursive: true });
    const copy = path.join(dir, warm.id, "initial-adapter", "adapter_model.safetensors");
    expect(fs.statSync(copy).size).toBeGreaterThan(64);

    // The restarted server no longer has "src" loaded: the queued job still starts from its copy.
    const second = service(dir, "succeed");
    expect(await second.restore()).toEqual({ restored: 3, requeued: 1, interrupted: 0 });
    expect(second.get(lost.id)).toMatchObject({ status: "failed", error: { code: "data_missing" } });
    const done = await until(second, warm.id, (j) => j.status !== "queued" && j.status !== "running");
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    expect(done.initial_adapter).toBe("src");
    expect(eventsOf(second, warm.id).some((e) => /^warm start from a \d+-byte adapter copy$/.test(e.message))).toBe(true);
    expect(fs.existsSync(copy)).toBe(false); // removed with the training data once the job ended
  });

  it("skips unreadable job directories, keeps the readable ones and a torn last event line", async () => {
    const dir = path.join(root, "corrupt");
    const first = service(dir, "succeed");
    const good = await first.create({ model: "tiny-base", training_data: DATA });
    await until(first, good.id, (j) => j.status === "succeeded");
    const events = eventsOf(first, good.id);
    await first.close();
    fs.appendFileSync(path.join(dir, good.id, "events.jsonl"), '{"object":"fine_tuning.job.event","id":"ftev'); // died mid-append
    const writeJob = (id: string, text: string) => {
      fs.mkdirSync(path.join(dir, id), { recursive: true });
      fs.writeFileSync(path.join(dir, id, "job.json"), text);
    };
    writeJob("ftjob-truncated", '{"version":1,"job":{"object":"fine_tuning.job","id":"ftjob-trunc');
    writeJob("ftjob-renamed", JSON.stringify({ ...readRecord(dir, good.id), created_ms: 1 }));
    writeJob(
      "ftjob-nostatus",
      JSON.stringify({ version: 1, created_ms: 1, job: { object: "fine_tuning.job", id: "ftjob-nostatus", status: "paused" } }),
    );
    fs.mkdirSync(path.join(dir, "ftjob-empty"));

    const logs: string[] = [];
    const second = service(dir, "succeed", { log: (l) => logs.push(l) });
    expect(await second.restore()).toEqual({ restored: 1, requeued: 0, interrupted: 0 });
    expect(second.store.list(100).data.map((j) => j.id)).toEqual([good.id]);
    expect(eventsOf(second, good.id)).toEqual(events);
    expect(logs).toHaveLength(5);
    expect(logs).toEqual(
      expect.arrayContaining([
        "fine-tuning job ftjob-empty skipped: no job.json",
        "fine-tuning job ftjob-nostatus skipped: job.json has an unknown status 'paused'",
        `fine-tuning job ftjob-renamed skipped: job.json names job '${good.id}', not its directory`,
        expect.stringMatching(/^fine-tuning job ftjob-truncated skipped: job.json is not valid JSON: /),
        `fine-tuning job ${good.id}: 1 unreadable event line(s) in events.jsonl skipped`,
      ]),
    );
    expect(() => second.get("ftjob-renamed")).toThrow(/not found/);
    // A succeeded job whose adapter files were deleted says so instead of failing with a 500.
    fs.rmSync(path.join(dir, good.id, "adapter"), { recursive: true });
    await expect(second.adapter(good.id)).rejects.toMatchObject({ status: 410, code: "adapter_missing" });
  });
});
