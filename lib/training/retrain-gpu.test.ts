// A retraining run end to end against the REAL gpu-function (HTTP on 127.0.0.1, a tiny
// random llama written on the fly, fine-tuning in its worker process): the job trains on the
// train split, the candidate is served by name without auto_load (lazy load), the gate scores
// the candidate and the base model on the same golden set with POST /v1/perplexity and
// quote-mode answers, and the outcome is recorded with both sides' metrics.
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
});
