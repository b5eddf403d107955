// The fine-tuning HTTP API on a real node:http server on 127.0.0.1, with scripted
// training workers (real child processes) for the failure paths: validation errors,
// crash → failed with reason, cancel → cancelled even when the worker ignores it.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter } from "../http/router";
import { fineTuningRoutes } from "./routes";
import { FineTuningService } from "./service";
import type { FineTuningJob, JobEvent } from "./job";

/** Every body these routes answer with, loosely: a job, a list, or an OpenAI error. */
type ApiBody = Omit<FineTuningJob, "error" | "object"> & {
  object: string;
  error: { message: string; type: string; param: string | null; code: string | null };
  data: (Omit<JobEvent, "object"> & Omit<FineTuningJob, "object" | "error">)[];
  has_more: boolean;
};

const scripted = fileURLToPath(new URL("./testing/scripted-worker.ts", import.meta.url));
const jobsDir = fs.mkdtempSync(path.join(os.tmpdir(), "ft-routes-"));
const line = (q: string, a: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: q },
      { role: "assistant", content: a },
    ],
  });
const DATA = [line("What is a fever?", "A raised body temperature."), line("What is a cold?", "A mild viral infection.")].join("\n");

let base = "";
let server: http.Server;
const services: FineTuningService[] = [];

function serviceFor(mode: string, allowPrivateFetch = false): FineTuningService {
  process.env.SCRIPTED_WORKER = mode; // read by the forked worker through the inherited env
  const s = new FineTuningService({
    resolveBaseModel: (m) => (m === "tiny-base" ? { id: "tiny-base", dir: jobsDir } : undefined),
    jobsDir,
    workerFile: scripted,
    cancelGraceMs: 300,
    allowPrivateFetch,
  });
  services.push(s);
  return s;
}

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; json: ApiBody }> {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as ApiBody };
}

async function waitFor(id: string, pred: (j: FineTuningJob) => boolean, ms = 20_000): Promise<FineTuningJob> {
  const end = Date.now() + ms;
  for (;;) {
    const { json } = await api("GET", `/v1/fine_tuning/jobs/${id}`);
    if (pred(json as unknown as FineTuningJob)) return json as unknown as FineTuningJob;
    if (Date.now() > end) throw new Error(`timed out; job is ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let current: FineTuningService;
beforeAll(async () => {
  current = serviceFor("steps");
  // Routes are built per request from `current` so each test can pick a worker script.
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) =>
    createRouter(fineTuningRoutes(current), { maxBodyBytes: 1 << 20 })(req, res);
  server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await new Promise((r) => server.close(r));
  fs.rmSync(jobsDir, { recursive: true, force: true });
});

describe("POST /v1/fine_tuning/jobs validation", () => {
  it("answers 400 naming the field for bad bodies", async () => {
    const cases: [unknown, string][] = [
      [{ training_data: DATA }, "model"],
      [{ model: "tiny-base" }, "training_data"],
      [{ model: "tiny-base", training_data: DATA, training_file_url: "http://127.0.0.1/x" }, "training_data"],
      [{ model: "tiny-base", training_data: DATA, hyperparameters: { lora_r: 0 } }, "hyperparameters.lora_r"],
      [{ model: "tiny-base", training_data: DATA, hyperparameters: { lr_scheduler: "step" } }, "hyperparameters.lr_scheduler"],
      [{ model: "tiny-base", training_data: DATA, hyperparameters: { n_epochs: "many" } }, "hyperparameters.n_epochs"],
      [{ model: "tiny-base", training_data: DATA, suffix: "bad suffix!" }, "suffix"],
      [{ model: "tiny-base", training_data: DATA, surprise: 1 }, ""],
      [{ model: "tiny-base", training_data: '{"text":"no chat here"}' }, "training_data"],
    ];
    for (const [body, param] of cases) {
      const { status, json } = await api("POST", "/v1/fine_tuning/jobs", body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.error.type).toBe("invalid_request_error");
      if (param) expect(json.error.param, JSON.stringify(json)).toBe(param);
    }
    const unknownModel = await api("POST", "/v1/fine_tuning/jobs", { model: "nope", training_data: DATA });
    expect(unknownModel.status).toBe(404);
    expect(unknownModel.json.error.param).toBe("model");
    expect((await api("GET", "/v1/fine_tuning/jobs/ftjob-missing")).status).toBe(404);
    expect((await api("POST", "/v1/fine_tuning/jobs", undefined)).status).toBe(400);
  });
});

describe("job lifecycle with scripted workers", () => {
  it("reports skipped rows, streams step events and cancels a running job", async () => {
    current = serviceFor("steps");
    const { status, json: job } = await api("POST", "/v1/fine_tuning/jobs", {
      model: "tiny-base",
      training_data: `${DATA}\nnot json\n`,
      suffix: "med",
    });
    expect(status).toBe(200);
    expect(job).toMatchObject({
      object: "fine_tuning.job",
      model: "tiny-base",
      status: expect.stringMatching(/queued|running/),
      fine_tuned_model: null,
      suffix: "med",
    });
    expect(job.hyperparameters).toMatchObject({ lora_r: 16, lora_alpha: 32, target_modules: ["q_proj", "v_proj"], lr_scheduler: "cosine" });
    await waitFor(job.id, (j) => j.status === "running");
    const end = Date.now() + 10_000;
    let events: ApiBody["data"] = [];
    while (Date.now() < end && !events.some((e) => e.type === "metrics")) {
      events = (await api("GET", `/v1/fine_tuning/jobs/${job.id}/events?limit=100`)).json.data;
      await new Promise((r) => setTimeout(r, 50));
    }
    const metric = events.find((e) => e.type === "metrics")!;
    expect(metric.data).toMatchObject({
      step: expect.any(Number),
      train_loss: expect.any(Number),
      learning_rate: 1e-4,
      tokens_per_second: 100,
    });
    expect(events.some((e) => e.level === "warn" && /1 row\(s\) skipped; first: line 3: invalid JSON/.test(e.message))).toBe(true);
    expect(events[0].created_at).toBeGreaterThanOrEqual(events[events.length - 1].created_at); // newest first

    const cancelled = await api("POST", `/v1/fine_tuning/jobs/${job.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("cancelled");
    expect(cancelled.json.error).toMatchObject({ code: "cancelled", message: "cancelled by request" });
    expect((await api("POST", `/v1/fine_tuning/jobs/${job.id}/cancel`)).status).toBe(409);
    expect((await api("GET", `/v1/fine_tuning/jobs/${job.id}/adapter`)).status).toBe(409);
  });

  it("kills a worker that ignores cancel", async () => {
    current = serviceFor("hang");
    const { json: job } = await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_data: DATA });
    await waitFor(job.id, (j) => j.status === "running");
    const t0 = Date.now();
    const { json } = await api("POST", `/v1/fine_tuning/jobs/${job.id}/cancel`);
    expect(json.status).toBe("cancelled");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("ends a crashed worker's job as failed with the exit code and stderr", async () => {
    current = serviceFor("crash");
    const { json: job } = await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_data: DATA });
    const done = await waitFor(job.id, (j) => j.status !== "queued" && j.status !== "running");
    expect(done.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "worker_crashed" });
    expect(done.error!.message).toMatch(/exited with code 3: Error: simulated out-of-memory/);
    expect(done.finished_at).not.toBeNull();
  });

  it("fetches training_file_url when the job starts and fails clearly when it cannot", async () => {
    current = serviceFor("steps", true); // the file server is on loopback
    const files = http.createServer((req, res) => {
      if (req.url === "/train.jsonl") res.end(`${DATA}\n{"broken": true}\n`);
      else if (req.url === "/empty.jsonl") res.end('{"text":"no chat"}\n');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
    const fileBase = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      const ok = (await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_file_url: `${fileBase}/train.jsonl` })).json;
      expect(ok.training_file).toBe(`${fileBase}/train.jsonl`);
      await waitFor(ok.id, (j) => j.status === "running");
      const end = Date.now() + 10_000;
      let messages: string[] = [];
      while (Date.now() < end && !messages.some((m) => /training data: 2 example/.test(m))) {
        messages = (await api("GET", `/v1/fine_tuning/jobs/${ok.id}/events?limit=100`)).json.data.map((e) => e.message);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(messages).toContain("training data: 2 example(s)");
      // Rows of a fetched file are counted, never quoted (the URL's answer is not echoed back).
      expect(messages).toContain("training data: 1 row(s) skipped");
      await api("POST", `/v1/fine_tuning/jobs/${ok.id}/cancel`);

      const missing = (await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_file_url: `${fileBase}/nope.jsonl` })).json;
      const failed = await waitFor(missing.id, (j) => j.status === "failed");
      expect(failed.error).toMatchObject({ code: "file_fetch_failed", message: expect.stringContaining("HTTP 404") });

      const empty = (await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_file_url: `${fileBase}/empty.jsonl` })).json;
      const emptyFailed = await waitFor(empty.id, (j) => j.status === "failed");
      expect(emptyFailed.error).toMatchObject({
        code: "invalid_file",
        message: expect.stringContaining("has no usable rows (1 row(s) in no supported format)"),
      });
    } finally {
      await new Promise((r) => files.close(r));
    }
  });

  it("passes a worker's own failure reason through, and queues jobs one at a time", async () => {
    current = serviceFor("fail");
    const a = (await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_data: DATA })).json;
    const b = (await api("POST", "/v1/fine_tuning/jobs", { model: "tiny-base", training_data: DATA })).json;
    expect(b.status).toBe("queued");
    const cancelledQueued = await api("POST", `/v1/fine_tuning/jobs/${b.id}/cancel`);
    expect(cancelledQueued.json.status).toBe("cancelled");
    const done = await waitFor(a.id, (j) => j.status === "failed");
    expect(done.error).toEqual({ code: "training_failed", message: "loss became NaN at step 3", param: null });
    const list = await api("GET", "/v1/fine_tuning/jobs?limit=1");
    expect(list.json).toMatchObject({ object: "list", has_more: true });
    expect(list.json.data[0].id).toBe(b.id);
  });
});
