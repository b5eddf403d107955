// A retraining run end to end against the REAL gpu-function (HTTP on 127.0.0.1, a tiny
// random llama written on the fly, fine-tuning in its worker process): the job trains on the
// train split, the candidate is served by name without auto_load (lazy load), the gate scores
// the candidate and the base model on the same golden set with POST /v1/perplexity and
// quote-mode answers, and the outcome is recorded with both sides' metrics. A later run
// continues the adapter that serves (warm start) and is gated against that same adapter.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { writeTinyModel } from "@/gpu-function/models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { adapters, trainingRuns } from "@/lib/db/schema";
import type { TrainingExample } from "./dataset";
import { gpuFunctionClient } from "./gpu-client";
import { runRetrain } from "./retrain";
import { forgetServedAdapterPointer } from "./active-adapter";
import { toAdapterUpload } from "@/gpu-function/shared/openai";

const TOKEN = "retrain-gpu-token";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "retrain-gpu-"));
let server: GpuFunctionServer;
let handle: DbHandle;
let url = "";

const TOPICS = [
  "fever",
  "cough",
  "rash",
  "headache",
  "nausea",
  "fatigue",
  "earache",
  "cramp",
  "hiccups",
  "itching",
  "dizziness",
  "sunburn",
];
const examples: TrainingExample[] = TOPICS.flatMap((t, i) => [
  {
    question: `What helps with ${t}?`,
    sources: [
      { n: 1, title: t, text: `Rest helps with ${t}. See a clinician if it lasts.` },
      { n: 2, title: "other", text: `Wash hands often. Sleep well.` },
    ],
    answer: `Rest helps with ${t}. [1]`,
    origin: `test:${i}`,
    rightSources: [1],
  },
  {
    question: `When should I worry about ${t}?`,
    sources: [{ n: 1, title: t, text: `Worry about ${t} if it is severe. Call a clinician.` }],
    answer: `Worry about ${t} if it is severe. [1]`,
    origin: `test:b${i}`,
    rightSources: [1],
  },
]);

beforeAll(async () => {
  const modelDir = path.join(tmp, "tiny-base");
  await writeTinyModel(modelDir, {
    family: "llama",
    seed: 11,
    hiddenSize: 32,
    numLayers: 1,
    numHeads: 2,
    numKvHeads: 2,
    intermediateSize: 64,
    vocabSize: 259,
    maxPositions: 1024,
  });
  server = await createGpuFunctionServer({
    modelDir,
    modelId: "tiny-base",
    embeddingModelDir: null,
    token: TOKEN,
    lora: { maxRank: 8, targetModules: ["q_proj", "v_proj"] },
    log: () => {},
    fineTuning: { jobsDir: path.join(tmp, "jobs") },
  });
  url = await server.listen(0, "127.0.0.1");
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
}, 120_000);

afterAll(async () => {
  await server?.close(1000);
  await handle?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("retraining against the real gpu-function", () => {
  it("trains, serves the candidate by name, scores both sides on the golden set and records the decision", async () => {
    const gpu = gpuFunctionClient({ url, token: TOKEN });
    const result = await runRetrain(handle.db, {
      trigger: "manual",
      gpu,
      replicas: [gpu],
      model: "tiny-base",
      loadExamples: async () => examples,
      hyperparameters: { n_epochs: 1, max_steps: 6, batch_size: 4, learning_rate: 3e-2, lora_r: 4, lora_alpha: 8, max_seq_length: 1024 },
      gate: { margin: 0.01, rightSourceTolerance: 1 },
      evaluation: { answerExamples: 2, maxAnswerTokens: 24 },
      pollMs: 100,
    });
    expect(["promoted", "rejected"], JSON.stringify(result)).toContain(result.outcome);
    const runId = (result as { runId: string }).runId;
    const [run] = await handle.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
    const candidate = run.adapterName!;
    expect(candidate).toMatch(/^ft-tiny-base-retrain-/);
    // both sides measured now, on the same golden set, through the real endpoints
    const rows = run.comparison as { metric: string; candidate: number | null; active: number | null }[];
    expect(rows.map((r) => r.metric)).toEqual(["perplexity", "faithfulness", "rightSource", "rougeL"]);
    expect(rows[0].candidate).toBeGreaterThan(1);
    expect(rows[0].active).toBeGreaterThan(1);
    expect(rows[0].candidate).not.toBe(rows[0].active);
    // both sides answered the golden subset in quote mode and were scored (a random tiny model may
    // stop before quoting anything; whatever it quotes is verbatim)
    for (const r of rows.slice(2)) {
      expect(typeof r.candidate).toBe("number");
      expect(typeof r.active).toBe("number");
    }
    for (const side of [rows[1].candidate, rows[1].active]) expect(side === null || side === 1).toBe(true);
    expect(run.baselineMetrics).toMatchObject({ model: "tiny-base", answers: 2 });
    expect(run.loss!.length).toBeGreaterThan(0);
    // the candidate was served by name (loaded lazily by the evaluation, no auto_load: its scores above);
    // it stays loaded only when promoted — a kept candidate is unloaded again (it never serves unless promoted)
    expect(server.deps.adapters.has(candidate)).toBe(result.outcome === "promoted");
    const [stored] = await handle.db.select().from(adapters).where(eq(adapters.name, candidate));
    expect(stored.status).toBe(result.outcome === "promoted" ? "active" : "candidate");
    // the decision follows the numbers
    const better = (rows[0].active! - rows[0].candidate!) / rows[0].active! >= 0.01;
    expect(result.outcome).toBe(better ? "promoted" : "rejected");
  }, 300_000);
  it("continues the adapter that serves (warm start) and gates the candidate against that same adapter", async () => {
    const gpu = gpuFunctionClient({ url, token: TOKEN });
    // The first run's candidate (stored whatever the outcome) is made the adapter that serves.
    const [served] = await handle.db.select().from(adapters).limit(1);
    await gpu.pushAdapter(toAdapterUpload(served.name, served.adapterConfig as Record<string, unknown>, served.weights));
    await handle.db.update(adapters).set({ status: "active", promotedAt: new Date() }).where(eq(adapters.name, served.name));
    forgetServedAdapterPointer(handle.db);
    const extra = (i: number): TrainingExample => ({
      question: `What helps with a stiff neck ${i}?`,
      sources: [{ n: 1, title: "neck", text: `Gentle stretching helps a stiff neck. See a clinician if it lasts.` }],
      answer: `Gentle stretching helps a stiff neck. [1]`,
      origin: `test:neck${i}`,
      rightSources: [1],
    });
    const common = {
      trigger: "manual" as const,
      gpu,
      replicas: [gpu],
      model: "tiny-base",
      gate: { margin: 0.01, rightSourceTolerance: 1 },
      evaluation: { answerExamples: 2, maxAnswerTokens: 24 },
      pollMs: 100,
    };
    // No LoRA shape given: the run takes the serving adapter's (r 4, alpha 8, q/v) and continues it.
    const result = await runRetrain(handle.db, {
      ...common,
      loadExamples: async () => [...examples, extra(1)],
      hyperparameters: { n_epochs: 1, max_steps: 3, batch_size: 4, learning_rate: 1e-3, max_seq_length: 1024 },
    });
    expect(["promoted", "rejected"], JSON.stringify(result)).toContain(result.outcome);
    const [run] = await handle.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, (result as { runId: string }).runId));
    expect(run.hyperparameters).toMatchObject({ initial_adapter: served.name });
    expect(run.events.some((e) => e.message.startsWith(`Warm start from active adapter ${served.name}`))).toBe(true);
    const job = await gpu.getJob(run.gpuJobId!);
    expect(job.initial_adapter).toBe(served.name);
    // The gate's other side is the adapter the run started from, measured on the same golden set…
    expect(run.baselineMetrics).toMatchObject({ model: served.name });
    const baseline = run.baselineMetrics as { perplexity: number };
    // …and before step 1 the job's LoRA WAS that adapter: its held-out perplexity (the same golden
    // examples, the same measure) equals the baseline's.
    const v = job.metrics!.validation!;
    expect(Math.abs(v.initial_perplexity! / baseline.perplexity - 1)).toBeLessThan(1e-3);
    expect(v.initial_perplexity!).not.toBeCloseTo(v.base_perplexity, 2);

    // A run whose settings cannot continue it (another rank) starts fresh and records why.
    forgetServedAdapterPointer(handle.db);
    const [serving] = await handle.db.select().from(adapters).where(eq(adapters.status, "active"));
    const cold = await runRetrain(handle.db, {
      ...common,
      loadExamples: async () => [...examples, extra(1), extra(2)],
      hyperparameters: { n_epochs: 1, max_steps: 2, batch_size: 4, learning_rate: 1e-3, lora_r: 2, lora_alpha: 4, max_seq_length: 1024 },
    });
    const [coldRun] = await handle.db
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, (cold as { runId: string }).runId));
    expect(coldRun.hyperparameters).toMatchObject({ initial_adapter: null, lora_r: 2 });
    expect(
      coldRun.events.some((e) => e.message.startsWith(`Cannot continue active adapter ${serving.name}`) && /rank/.test(e.message)),
    ).toBe(true);
    expect((await gpu.getJob(coldRun.gpuJobId!)).initial_adapter).toBeNull();
    expect(coldRun.baselineMetrics).toMatchObject({ model: serving.name });
  }, 300_000);
});
