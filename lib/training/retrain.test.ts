// Retraining integration: real PGlite (migrated), a real HTTP server on 127.0.0.1 that
// speaks the gpu-function's fine-tuning jobs, events, cancel, adapters, perplexity and
// quote-mode chat API with scripted outcomes (the real gpu-function's side is tested in
// gpu-function/http/perplexity.test.ts and lib/training/retrain-gpu.test.ts), and the real
// cron route.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { buildDataset, isGolden } from "./dataset";
import { ex, startFakeGpu as startFake } from "./fake-gpu-function.test-helper";
import { gpuFunctionClient } from "./gpu-client";
import { rollbackAdapter } from "./promotion";
import { cancelRun, recoverRuns, runRetrain, startRetrain, type RetrainOptions } from "./retrain";
import { GET as cronGET } from "@/app/api/cron/retrain/route";

const TOKEN = "retrain-test-token";
const startFakeGpu = () => startFake(TOKEN);

describe("dataset builder", () => {
  it("dedups by normalized question and keeps the first (curated) answer", () => {
    const first = ex(1, "What is  Asthma?");
    const dup = { ...ex(2, "what is asthma"), answer: "generated" };
    const { train, golden } = buildDataset([first, dup, ex(3)]);
    const all = [...train, ...golden];
    expect(all).toHaveLength(2);
    expect(all.find((e) => e.question === "What is  Asthma?")?.answer).toBe(first.answer);
  });

  it("freezes the golden split: golden examples stay golden as data grows and are never in train", () => {
    const small = buildDataset(Array.from({ length: 40 }, (_, i) => ex(i)));
    const big = buildDataset(Array.from({ length: 200 }, (_, i) => ex(i)));
    expect(small.golden.length).toBeGreaterThan(0);
    const bigGolden = new Set(big.golden.map((e) => e.question));
    for (const g of small.golden) expect(bigGolden.has(g.question)).toBe(true);
    for (const t of big.train) expect(bigGolden.has(t.question)).toBe(false);
    // versioned: same data → same versions; an added train example changes only the dataset version
    const again = buildDataset(Array.from({ length: 40 }, (_, i) => ex(i)).reverse());
    expect([again.version, again.goldenVersion]).toEqual([small.version, small.goldenVersion]);
    const extra = Array.from({ length: 300 }, (_, i) => ex(1000 + i)).find((e) => !isGolden(e.question))!;
    const grown = buildDataset([...Array.from({ length: 40 }, (_, i) => ex(i)), extra]);
    expect(grown.goldenVersion).toBe(small.goldenVersion);
    expect(grown.version).not.toBe(small.version);
  });
});

describe("runRetrain against a gpu-function over HTTP", () => {
  const fake = startFakeGpu();
  const replica = startFakeGpu();
  let gpu: ReturnType<typeof gpuFunctionClient>;
  let replicaClient: ReturnType<typeof gpuFunctionClient>;
  const base = Array.from({ length: 30 }, (_, i) => ex(i));
  const nonGolden = Array.from({ length: 300 }, (_, i) => ex(2000 + i)).filter((e) => !isGolden(e.question));
  let data = base;
  const opts = (): RetrainOptions => ({
    trigger: "manual",
    gpu,
    replicas: [gpu, replicaClient],
    loadExamples: async () => data,
    pollMs: 5,
    gate: { margin: 0.02, rightSourceTolerance: 0.05 },
    evaluation: { answerExamples: 3 },
    hyperparameters: { n_epochs: 1 },
  });

  beforeAll(async () => {
    process.env.DATABASE_URL = "memory://";
    await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
    await new Promise<void>((r) => replica.server.listen(0, "127.0.0.1", r));
    gpu = gpuFunctionClient({ url: `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`, token: TOKEN });
    replicaClient = gpuFunctionClient({ url: `http://127.0.0.1:${(replica.server.address() as AddressInfo).port}`, token: TOKEN });
  });
  afterAll(async () => {
    fake.server.close();
    replica.server.close();
    await closeDb();
  });

  const active = async () => (await (await getDb()).select().from(adapters).where(eq(adapters.status, "active"))).map((a) => a.name);
  const runRow = async (id: string) => (await (await getDb()).select().from(trainingRuns).where(eq(trainingRuns.id, id)))[0];

  it("better than the base model → promoted: both sides scored on the same golden set, pushed to every replica, pointer flipped", async () => {
    fake.state.script = { outcome: "succeed" };
    const result = await runRetrain(await getDb(), opts());
    expect(result.outcome).toBe("promoted");
    const [job] = [...fake.state.jobs.values()];
    const trained = String(job.body.training_data);
    const validation = String(job.body.validation_data);
    expect(validation.length).toBeGreaterThan(0);
    for (const line of validation.trim().split("\n")) expect(trained).not.toContain(JSON.parse(line).messages[1].content); // golden never trained on
    // the candidate and the base (no adapter active yet) both scored, in this run
    expect(fake.state.scored).toEqual(["medchat-base-ft-retrain-ftjob-1", "medchat-base"]);
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(replica.state.pushed).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    const run = await runRow((result as { runId: string }).runId);
    expect(run).toMatchObject({ status: "promoted", gpuJobId: "ftjob-1", trigger: "manual", hyperparameters: { n_epochs: 1 } });
    expect(run.datasetVersion).toBeTruthy();
    expect(run.comparison).toEqual([
      { metric: "perplexity", candidate: 5, active: 10, betterIs: "lower", critical: true, verdict: "better" },
      { metric: "faithfulness", candidate: 1, active: 1, betterIs: "higher", critical: true, verdict: "same" },
      { metric: "rightSource", candidate: 1, active: 1, betterIs: "higher", critical: true, verdict: "same" },
      { metric: "rougeL", candidate: expect.any(Number), active: expect.any(Number), betterIs: "higher", critical: false, verdict: "same" },
    ]);
    expect(run.decision).toMatch(/^promoted over medchat-base/);
    expect(run.loss).toEqual([
      { step: 1, trainLoss: 2 },
      { step: 2, trainLoss: 1 },
    ]);
    expect(run.progress).toEqual({ step: 2, totalSteps: 2, trainLoss: 1 });
  });

  it("skips when there is no new data since the last run", async () => {
    const result = await runRetrain(await getDb(), opts());
    expect(result).toEqual({ outcome: "skipped", reason: expect.stringContaining("no new data") });
    expect(fake.state.jobs.size).toBe(1);
  });

  it("not better than the active adapter by the margin → rejected (kept), active unchanged; the active adapter is the baseline", async () => {
    data = [...base, nonGolden[0]];
    fake.state.scored = [];
    fake.state.script = { outcome: "succeed", ppl: (m) => (m.endsWith("ftjob-2") ? 4.95 : 5) }; // 1 % better than the active's 5
    const result = await runRetrain(await getDb(), opts());
    expect(result).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("vs 5.000") });
    expect(fake.state.scored).toEqual(["medchat-base-ft-retrain-ftjob-2", "medchat-base-ft-retrain-ftjob-1"]);
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed).toHaveLength(1);
    const [candidate] = await (await getDb()).select().from(adapters).where(eq(adapters.name, "medchat-base-ft-retrain-ftjob-2"));
    expect(candidate.status).toBe("candidate");
    // the kept candidate leaves the gpu-function that loaded it for the evaluation (and the replicas); the active one stays
    expect(fake.state.unloaded).toEqual(["medchat-base-ft-retrain-ftjob-2"]);
    expect(replica.state.unloaded).toEqual(["medchat-base-ft-retrain-ftjob-2"]);
  });

  it("better perplexity but a drop in faithfulness (critical) → kept", async () => {
    data = [...base, nonGolden[5]];
    fake.state.script = {
      outcome: "succeed",
      ppl: (m) => (m.endsWith("ftjob-3") ? 2 : 5),
      answer: (m, sources) => (m.endsWith("ftjob-3") ? "Something the source never said. [1]" : `${sources[0].text.split(". ")[0]}. [1]`),
    };
    const result = await runRetrain(await getDb(), opts());
    expect(result).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("worse on faithfulness") });
    const run = await runRow((result as { runId: string }).runId);
    expect((run.comparison as { metric: string; verdict: string }[]).find((c) => c.metric === "faithfulness")?.verdict).toBe("worse");
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("a failed job → run failed with its reason, active unchanged", async () => {
    data = [...base, nonGolden[1]];
    fake.state.script = { outcome: "fail" };
    const result = await runRetrain(await getDb(), opts());
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringContaining("simulated out-of-memory") });
    const run = await runRow((result as { runId: string }).runId);
    expect(run.status).toBe("failed");
    expect(run.error).toContain("simulated out-of-memory");
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("a replica refusing the push → run failed, pointer unchanged (nothing half-promoted)", async () => {
    data = [...base, nonGolden[6]];
    fake.state.script = { outcome: "succeed", ppl: (m) => (m.includes("ftjob-1") ? 5 : 1) };
    replica.state.refusePush = true;
    const result = await runRetrain(await getDb(), opts());
    replica.state.refusePush = false;
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringMatching(/failed on 1 of 2 replica\(s\).*503/) });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect((await runRow((result as { runId: string }).runId)).status).toBe("failed");
  });

  it("a failed evaluation → run failed with the reason, active unchanged", async () => {
    data = [...base, nonGolden[7]];
    fake.state.script = {
      outcome: "succeed",
      answer: () => null,
    };
    const result = await runRetrain(await getDb(), opts());
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringContaining("evaluation failed") });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("a gpu-function that goes away mid-run → failed, active unchanged, and the slot is free again", async () => {
    data = [...base, nonGolden[2]];
    const dead = gpuFunctionClient({ url: "http://127.0.0.1:1", token: TOKEN, timeoutMs: 2000 });
    const result = await runRetrain(await getDb(), { ...opts(), gpu: dead });
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringContaining("unreachable") });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("a gpu-function that dies mid-job → failed once it stays unreachable, with the reason; active unchanged", async () => {
    data = [...base, nonGolden[10]];
    const dying = startFakeGpu();
    dying.state.script = { outcome: "succeed", runningPolls: 1000 };
    await new Promise<void>((r) => dying.server.listen(0, "127.0.0.1", r));
    const client = gpuFunctionClient({
      url: `http://127.0.0.1:${(dying.server.address() as AddressInfo).port}`,
      token: TOKEN,
      timeoutMs: 1000,
    });
    const started = await startRetrain(await getDb(), { ...opts(), gpu: client, replicas: [client], pollMs: 20, unreachableMs: 400 });
    if (!started.started) throw new Error(started.reason);
    for (let i = 0; i < 200 && !(await runRow(started.runId)).progress; i++) await new Promise((r) => setTimeout(r, 20));
    dying.server.closeAllConnections();
    await new Promise((r) => dying.server.close(r));
    const result = await started.done;
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringMatching(/stopped answering for \d+ s: .*unreachable/) });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("single-flight: of two concurrent triggers exactly one runs", async () => {
    data = [...base, nonGolden[3]];
    fake.state.script = { outcome: "succeed", runningPolls: 20, ppl: (m) => (m.includes("ftjob-1") ? 5 : 4) };
    const before = fake.state.jobs.size;
    const results = await Promise.all([runRetrain(await getDb(), opts()), runRetrain(await getDb(), opts())]);
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(["promoted", "skipped"]);
    expect(results.find((r) => r.outcome === "skipped")?.reason).toMatch(/in progress/);
    expect(fake.state.jobs.size).toBe(before + 1);
  });

  it("cancel: the run ends cancelled with the reason, its gpu job is cancelled, nothing promoted", async () => {
    data = [...base, nonGolden[8]];
    fake.state.script = { outcome: "succeed", runningPolls: 1000, ppl: () => 1 };
    const before = await active();
    const started = await startRetrain(await getDb(), { ...opts(), pollMs: 20 });
    if (!started.started) throw new Error(started.reason);
    for (let i = 0; i < 100 && !(await runRow(started.runId)).gpuJobId; i++) await new Promise((r) => setTimeout(r, 20));
    const jobId = (await runRow(started.runId)).gpuJobId!;
    const cancelled = await cancelRun(await getDb(), started.runId, "cancelled by admin@clinic.example", gpu);
    expect(cancelled?.run).toMatchObject({ status: "cancelled", error: "cancelled by admin@clinic.example" });
    expect(await started.done).toMatchObject({ outcome: "cancelled", reason: "cancelled by admin@clinic.example" });
    expect(fake.state.jobs.get(jobId)?.status).toBe("cancelled");
    expect(await active()).toEqual(before);
    expect((await cancelRun(await getDb(), started.runId, "again", gpu))?.ended).toBe(true);
  });

  it("an app restart mid-run: the orphaned run (stale heartbeat) is resumed from its gpu job and finishes", async () => {
    const db = await getDb();
    data = [...base, nonGolden[9]];
    fake.state.script = { outcome: "succeed", runningPolls: 2, ppl: () => 9 }; // not better: kept
    // a job the previous process created, then died
    const job = await gpu.createJob({ model: "medchat-base", training_data: "{}" });
    const stale = new Date(Date.now() - 10 * 60_000);
    await db
      .insert(trainingRuns)
      .values({ id: "orphan", trigger: "cron", status: "running", gpuJobId: job.id, heartbeatAt: stale, createdAt: stale });
    const resumed = await recoverRuns(db, { ...opts() });
    expect(resumed).toEqual(["orphan"]);
    for (let i = 0; i < 200 && (await runRow("orphan")).status === "running"; i++) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 200 && ["running", "evaluating"].includes((await runRow("orphan")).status); i++)
      await new Promise((r) => setTimeout(r, 20));
    const run = await runRow("orphan");
    expect(run.status).toBe("rejected");
    expect(JSON.stringify(run.events)).toContain("resumed from fine-tuning job");
  });

  it("a run that stopped before its job was sent is failed with the reason, freeing the slot", async () => {
    const db = await getDb();
    const stale = new Date(Date.now() - 10 * 60_000);
    await db.insert(trainingRuns).values({ id: "orphan-no-job", trigger: "cron", status: "queued", heartbeatAt: stale, createdAt: stale });
    expect(await recoverRuns(db, opts())).toEqual([]);
    expect(await runRow("orphan-no-job")).toMatchObject({
      status: "failed",
      error: expect.stringContaining("before the fine-tuning job was sent"),
    });
  });

  it("rollback flips the pointer back to the previously promoted adapter and pushes it to every replica", async () => {
    const before = await active();
    expect(before).toHaveLength(1);
    expect(before[0]).not.toBe("medchat-base-ft-retrain-ftjob-1");
    expect(await rollbackAdapter(await getDb(), [gpu, replicaClient])).toEqual({
      from: before[0],
      to: "medchat-base-ft-retrain-ftjob-1",
      unloadFailures: [],
    });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed.at(-1)).toBe("medchat-base-ft-retrain-ftjob-1");
    expect(replica.state.pushed.at(-1)).toBe("medchat-base-ft-retrain-ftjob-1");
    // the adapter left is unloaded from every replica
    expect(fake.state.unloaded.at(-1)).toBe(before[0]);
    expect(replica.state.unloaded.at(-1)).toBe(before[0]);
  });

  it("GET /api/cron/retrain refuses callers without Bearer CRON_SECRET and runs the entry point with it", async () => {
    const call = (auth?: string) =>
      cronGET(new Request("http://127.0.0.1/api/cron/retrain", { headers: auth ? { authorization: auth } : {} }));
    delete process.env.CRON_SECRET;
    expect((await call("Bearer ")).status).toBe(401); // unset secret refuses everyone
    process.env.CRON_SECRET = "cron-secret-value";
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    const ok = await call("Bearer cron-secret-value");
    expect(ok.status).toBe(200);
    // the route builds the dataset from the database: an empty knowledge base and no curated data → skipped with the reason
    expect(await ok.json()).toEqual({ outcome: "skipped", reason: expect.stringContaining("not enough data") });
  });
});
