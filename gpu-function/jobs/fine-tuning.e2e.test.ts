// End to end on the real gpu-function server (127.0.0.1, tiny random llama): a LoRA
// fine-tuning job started over HTTP trains in a worker process while chat keeps
// serving, lowers held-out perplexity, and its adapter is then served by model name
// (loaded on its first request) and scored by POST /v1/perplexity like the job's validation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyModel } from "../models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "../server";
import type { FineTuningJob, JobEvent } from "./job";
import type { AdapterUpload } from "../shared/openai";

const TOKEN = "test-token";
const ALL_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ft-e2e-"));
let server: GpuFunctionServer;
let base = "";
let succeeded: { job: FineTuningJob; adapter: AdapterUpload } | null = null;

const chat = (q: string, a: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: q },
      { role: "assistant", content: a },
    ],
  });
const answer = (topic: string) => `Rest, drink fluids, and see a clinician if the ${topic} lasts.`;
const TRAIN = ["fever", "cough", "rash", "headache", "nausea", "fatigue", "sore throat", "back pain", "earache", "cramp"]
  .map((t) => chat(`What helps with ${t}?`, answer(t)))
  .join("\n");
const VALIDATION = ["dizziness", "hiccups", "itching"].map((t) => chat(`What helps with ${t}?`, answer(t))).join("\n");

async function call<T>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function until(id: string, done: (j: FineTuningJob) => boolean, ms = 90_000): Promise<FineTuningJob> {
  const end = Date.now() + ms;
  for (;;) {
    const { json } = await call<FineTuningJob>("GET", `/v1/fine_tuning/jobs/${id}`);
    if (done(json)) return json;
    if (Date.now() > end) throw new Error(`job did not finish: ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Completion {
  model: string;
  choices: { message: { content: string } }[];
}

const modelDir = path.join(tmp, "tiny-base");
const startServer = async () => {
  server = await createGpuFunctionServer({
    modelDir,
    modelId: "tiny-base",
    embeddingModelDir: null,
    token: TOKEN,
    lora: { maxRank: 16, targetModules: ALL_MODULES },
    log: () => {},
    // The server mounts the fine-tuning routes itself (jobs/routes.ts over a FineTuningService).
    fineTuning: { jobsDir: path.join(tmp, "jobs") },
  });
  base = await server.listen(0, "127.0.0.1");
};

beforeAll(async () => {
  await writeTinyModel(modelDir, {
    family: "llama",
    seed: 7,
    hiddenSize: 64,
    numLayers: 2,
    numHeads: 4,
    numKvHeads: 2,
    intermediateSize: 128,
    vocabSize: 259,
    maxPositions: 256,
  });
  await startServer();
});

afterAll(async () => {
  await server?.close(1000);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("fine-tuning over HTTP", () => {
  it("trains off the request path, lowers held-out perplexity and serves the adapter", async () => {
    const created = await call<FineTuningJob>("POST", "/v1/fine_tuning/jobs", {
      model: "tiny-base",
      training_data: TRAIN,
      validation_data: VALIDATION,
      suffix: "care",
      seed: 3,
      hyperparameters: {
        n_epochs: 50,
        batch_size: 5,
        learning_rate: 2e-2,
        lora_r: 8,
        lora_alpha: 16,
        lora_dropout: 0,
        max_seq_length: 128,
        warmup_ratio: 0.1,
        target_modules: ALL_MODULES,
      },
    });
    expect(created.status).toBe(200);
    const id = created.json.id;

    // Chat keeps answering while the job trains in its worker process.
    await until(id, (j) => j.status !== "queued");
    const during = await call<Completion>("POST", "/v1/chat/completions", {
      model: "tiny-base",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 4,
    });
    expect(during.status).toBe(200);
    expect((await call<FineTuningJob>("GET", `/v1/fine_tuning/jobs/${id}`)).json.status).toBe("running");

    const job = await until(id, (j) => !["queued", "running"].includes(j.status));
    expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
    expect(job.fine_tuned_model).toBe(job.adapter_name);
    expect(job.fine_tuned_model).toMatch(/^ft-tiny-base-care-/);
    expect(job.trained_tokens).toBeGreaterThan(0);
    const v = job.metrics!.validation!;
    expect(v.adapter_perplexity).toBeLessThan(v.base_perplexity / 20);

    const events = (await call<{ data: JobEvent[] }>("GET", `/v1/fine_tuning/jobs/${id}/events?limit=1000`)).json.data;
    const steps = events.filter((e) => e.type === "metrics" && typeof e.data?.train_loss === "number");
    expect(steps.length).toBeGreaterThan(5);
    expect(steps[0].data).toMatchObject({ learning_rate: expect.any(Number), tokens_per_second: expect.any(Number) });
    expect(events.some((e) => e.data?.validation_perplexity !== undefined)).toBe(true);

    // Servable by name without auto_load or a load call, as in OpenAI's API: the first request loads it.
    expect(job.adapter_loaded).toBe(false);
    const first = await call<Completion>("POST", "/v1/chat/completions", {
      model: job.fine_tuned_model,
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 2,
    });
    expect(first.status).toBe(200);
    expect(first.json.model).toBe(job.fine_tuned_model);
    expect((await call<FineTuningJob>("GET", `/v1/fine_tuning/jobs/${id}`)).json.adapter_loaded).toBe(true);
    const loadEvents = (await call<{ data: JobEvent[] }>("GET", `/v1/fine_tuning/jobs/${id}/events`)).json.data;
    expect(loadEvents.some((e) => /loaded on its first request/.test(e.message))).toBe(true);
    // A name no succeeded job has is still a 404 in OpenAI's shape.
    const unknown = await call<{ error: { code: string } }>("POST", "/v1/chat/completions", {
      model: "ft-tiny-base-care-nope",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 2,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("model_not_found");

    // POST /v1/perplexity measures exactly what the job's validation measured, for the adapter and the base.
    const scored = await call<{ model: string; perplexity: number; tokens: number }>("POST", "/v1/perplexity", {
      model: job.fine_tuned_model,
      data: VALIDATION,
      max_seq_length: 128,
    });
    expect(scored.status).toBe(200);
    expect(scored.json.model).toBe(job.fine_tuned_model);
    expect(scored.json.tokens).toBe(v.tokens);
    expect(Math.abs(scored.json.perplexity / v.adapter_perplexity - 1)).toBeLessThan(1e-3);
    const baseScored = await call<{ perplexity: number }>("POST", "/v1/perplexity", {
      model: "tiny-base",
      data: VALIDATION,
      max_seq_length: 128,
    });
    expect(Math.abs(baseScored.json.perplexity / v.base_perplexity - 1)).toBeLessThan(1e-3);
    expect((await call("POST", "/v1/perplexity", { model: "nope", data: VALIDATION })).status).toBe(404);
    expect((await call("POST", "/v1/perplexity", { model: "tiny-base", data: "{bad" })).status).toBe(400);
    expect((await call("POST", "/v1/perplexity", { model: "tiny-base" })).status).toBe(400);

    const prompt = { messages: [{ role: "user", content: "What helps with dizziness?" }], max_tokens: 12, temperature: 0 };
    const tuned = await call<Completion>("POST", "/v1/chat/completions", { ...prompt, model: job.fine_tuned_model });
    const plain = await call<Completion>("POST", "/v1/chat/completions", { ...prompt, model: "tiny-base" });
    expect(tuned.status).toBe(200);
    expect(tuned.json.model).toBe(job.fine_tuned_model);
    expect(tuned.json.choices[0].message.content).not.toBe(plain.json.choices[0].message.content);
    // The held-out question gets the trained answer pattern (greedy decoding).
    expect(tuned.json.choices[0].message.content).toMatch(/^Rest, drink/);

    // The adapter payload is exactly what POST /v1/adapters takes (the app pushes it back on promotion).
    const adapter = await call<AdapterUpload>("GET", `/v1/fine_tuning/jobs/${id}/adapter`);
    expect(adapter.json.adapter_config).toMatchObject({
      peft_type: "LORA",
      r: 8,
      lora_alpha: 16,
      target_modules: expect.arrayContaining(ALL_MODULES),
      base_model_name_or_path: "tiny-base",
    });
    const pushed = await call("POST", "/v1/adapters", { ...adapter.json, name: "promoted-copy" });
    expect(pushed.status).toBe(201);
    succeeded = { job: (await call<FineTuningJob>("GET", `/v1/fine_tuning/jobs/${id}`)).json, adapter: adapter.json };
  });

  it("cancels a running job promptly and reports it", async () => {
    const { json } = await call<FineTuningJob>("POST", "/v1/fine_tuning/jobs", {
      model: "default",
      training_data: TRAIN,
      hyperparameters: { max_steps: 100000, batch_size: 2, max_seq_length: 64 },
    });
    await until(json.id, (j) => j.status === "running");
    const cancelled = await call<FineTuningJob>("POST", `/v1/fine_tuning/jobs/${json.id}/cancel`);
    expect(cancelled.json.status).toBe("cancelled");
    expect(cancelled.json.fine_tuned_model).toBeNull();
    const events = (await call<{ data: JobEvent[] }>("GET", `/v1/fine_tuning/jobs/${json.id}/events`)).json.data;
    expect(events[0].message).toMatch(/cancelled/i);
  });

  it("a restarted server brings the finished job back, with its adapter loaded and served again", async () => {
    expect(succeeded, "needs the first test's job").not.toBeNull();
    const { job, adapter } = succeeded!;
    await server.close(1000);
    await startServer();
    const again = await call<FineTuningJob>("GET", `/v1/fine_tuning/jobs/${job.id}`);
    expect(again.json).toEqual(job);
    expect((await call<AdapterUpload>("GET", `/v1/fine_tuning/jobs/${job.id}/adapter`)).json).toEqual(adapter);
    const list = await call<{ data: FineTuningJob[] }>("GET", "/v1/fine_tuning/jobs");
    expect(list.json.data.map((j) => j.status)).toEqual(["cancelled", "succeeded"]);
    const tuned = await call<Completion>("POST", "/v1/chat/completions", {
      model: job.fine_tuned_model,
      messages: [{ role: "user", content: "What helps with dizziness?" }],
      max_tokens: 12,
      temperature: 0,
    });
    expect(tuned.status).toBe(200);
    expect(tuned.json.choices[0].message.content).toMatch(/^Rest, drink/);
  });
  it("warm-starts a job from a loaded adapter (initial_adapter) and refuses a bad one with 400", async () => {
    expect(succeeded, "needs the first test's job").not.toBeNull();
    const source = succeeded!.job.fine_tuned_model!; // loaded again by the restart above
    const body = { model: "tiny-base", training_data: TRAIN, validation_data: VALIDATION, seed: 5 };
    const refused = async (extra: Record<string, unknown>, code: string, message: RegExp) => {
      const r = await call<{ error: { code: string; param: string; message: string } }>("POST", "/v1/fine_tuning/jobs", {
        ...body,
        ...extra,
      });
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.message).toMatch(message);
    };
    await refused({ initial_adapter: "not-loaded-here" }, "initial_adapter_not_found", /no adapter 'not-loaded-here' is loaded/);
    await refused({ initial_adapter: "../etc" }, "invalid_value", /initial_adapter/);
    await refused({ initial_adapter: source, hyperparameters: { lora_r: 4 } }, "initial_adapter_mismatch", /rank is 8/);
    await refused({ initial_adapter: source, hyperparameters: { lora_alpha: 8 } }, "initial_adapter_mismatch", /scale/);
    await refused({ initial_adapter: source, hyperparameters: { target_modules: ["q_proj"] } }, "initial_adapter_mismatch", /adapts/);
    await refused({ initial_adapter: source, hyperparameters: { lora_r: 32 } }, "invalid_value", /LORA_MAX_RANK/);

    // LoRA shape taken from the adapter; a tiny learning rate so the run stays close to where it started.
    const created = await call<FineTuningJob>("POST", "/v1/fine_tuning/jobs", {
      ...body,
      initial_adapter: source,
      hyperparameters: { max_steps: 2, batch_size: 5, learning_rate: 1e-4, lora_dropout: 0, max_seq_length: 128 },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.initial_adapter).toBe(source);
    expect(created.json.hyperparameters).toMatchObject({ lora_r: 8, lora_alpha: 16, use_rslora: false });
    expect([...created.json.hyperparameters.target_modules].sort()).toEqual([...ALL_MODULES].sort());
    const job = await until(created.json.id, (j) => !["queued", "running"].includes(j.status));
    expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
    const v = job.metrics!.validation!;
    // Before step 1 the job's LoRA is the source adapter: its held-out perplexity is the source's, as served.
    const served = await call<{ perplexity: number; tokens: number }>("POST", "/v1/perplexity", {
      model: source,
      data: VALIDATION,
      max_seq_length: 128,
    });
    expect(v.initial_perplexity).toBeDefined();
    expect(Math.abs(v.initial_perplexity! / served.json.perplexity - 1)).toBeLessThan(1e-3);
    expect(v.initial_perplexity!).toBeLessThan(v.base_perplexity / 20);
    // Two small steps from there keep it near the source, far from the base model.
    expect(v.adapter_perplexity).toBeLessThan(v.base_perplexity / 20);
    const events = (await call<{ data: JobEvent[] }>("GET", `/v1/fine_tuning/jobs/${job.id}/events?limit=1000`)).json.data;
    expect(events.some((e) => e.message.startsWith(`Warm start: LoRA A/B initialised from adapter ${source}`))).toBe(true);
  });
});
