// Retraining integration: real PGlite (migrated), a real HTTP server on 127.0.0.1 that
// speaks the gpu-function's fine-tuning jobs and adapters API with scripted outcomes
// (the trainer itself is tested in gpu-function/jobs), and the real cron route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { buildDataset, isGolden, type TrainingExample } from "./dataset";
import { gpuFunctionClient } from "./gpu-client";
import { rollbackAdapter, runRetrain } from "./retrain";
import { GET as cronGET } from "@/app/api/cron/retrain/route";

const TOKEN = "retrain-test-token";

type Script = { outcome: "succeed" | "fail"; adapterPerplexity?: number; basePerplexity?: number; runningPolls?: number };

function ex(i: number, question = `How is condition number ${i} treated?`): TrainingExample {
  return {
    question,
    answer: `Condition ${i} is treated by a doctor [1].`,
    sources: [{ n: 1, title: `Condition ${i}`, text: `Condition ${i} is treated by a doctor.` }],
    origin: `test:${i}`,
  };
}

/** A fake gpu-function: every created job follows `script`; records what it received. */
function startFakeGpu() {
  const state = {
    script: { outcome: "succeed" } as Script,
    jobs: new Map<string, { polls: number; script: Script; body: Record<string, unknown> }>(),
    pushed: [] as string[],
  };
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: { message: "bad token" } });
      const url = req.url ?? "";
      if (req.method === "POST" && url === "/v1/fine_tuning/jobs") {
        const id = `ftjob-${++n}`;
        state.jobs.set(id, { polls: 0, script: state.script, body: JSON.parse(raw) });
        return send(200, { id, status: "queued", fine_tuned_model: null, error: null, metrics: null });
      }
      if (req.method === "POST" && url === "/v1/adapters") {
        state.pushed.push(JSON.parse(raw).name);
        return send(200, { object: "adapter", name: JSON.parse(raw).name });
      }
      const m = /^\/v1\/fine_tuning\/jobs\/([\w-]+)(\/adapter)?$/.exec(url);
      const job = m && state.jobs.get(m[1]);
      if (!m || !job) return send(404, { error: { message: "not found" } });
      const name = `medchat-base:ft-retrain-${m[1]}`.replace(/:/g, "-");
      if (m[2])
        return send(200, {
          name,
          adapter_config: { peft_type: "LORA", r: 8 },
          adapter_model_base64: Buffer.from(`weights ${m[1]}`).toString("base64"),
        });
      job.polls++;
      if (job.polls <= (job.script.runningPolls ?? 1))
        return send(200, { id: m[1], status: "running", fine_tuned_model: null, error: null, metrics: null });
      if (job.script.outcome === "fail")
        return send(200, {
          id: m[1],
          status: "failed",
          fine_tuned_model: null,
          error: { code: "training_failed", message: "worker crashed: simulated out-of-memory" },
          metrics: null,
        });
      return send(200, {
        id: m[1],
        status: "succeeded",
        fine_tuned_model: name,
        error: null,
        metrics: {
          validation: {
            base_perplexity: job.script.basePerplexity ?? 10,
            adapter_perplexity: job.script.adapterPerplexity ?? 5,
            tokens: 100,
          },
        },
      });
    });
  });
  return { state, server };
}

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
  let gpu: ReturnType<typeof gpuFunctionClient>;
  const base = Array.from({ length: 30 }, (_, i) => ex(i));
  const nonGolden = Array.from({ length: 300 }, (_, i) => ex(2000 + i)).filter((e) => !isGolden(e.question));
  let data = base;
  const opts = () => ({
    trigger: "manual" as const,
    gpu,
    loadExamples: async () => data,
    pollMs: 5,
    margin: 0.02,
    hyperparameters: { n_epochs: 1 },
  });

  beforeAll(async () => {
    process.env.DATABASE_URL = "memory://";
    await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
    gpu = gpuFunctionClient({ url: `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`, token: TOKEN });
  });
  afterAll(async () => {
    fake.server.close();
    await closeDb();
  });

  const active = async () => (await (await getDb()).select().from(adapters).where(eq(adapters.status, "active"))).map((a) => a.name);

  it("better than the base model → promoted: pushed to the gpu-function and the active pointer flipped", async () => {
    fake.state.script = { outcome: "succeed", basePerplexity: 10, adapterPerplexity: 5 };
    const result = await runRetrain(await getDb(), opts());
    expect(result.outcome).toBe("promoted");
    const [job] = [...fake.state.jobs.values()];
    const trained = String(job.body.training_data);
    const validation = String(job.body.validation_data);
    expect(validation.length).toBeGreaterThan(0);
    for (const line of validation.trim().split("\n")) expect(trained).not.toContain(JSON.parse(line).messages[1].content); // golden never trained on
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    const [run] = await (
      await getDb()
    )
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, (result as { runId: string }).runId));
    expect(run).toMatchObject({ status: "promoted", gpuJobId: "ftjob-1", trigger: "manual", hyperparameters: { n_epochs: 1 } });
    expect(run.datasetVersion).toBeTruthy();
  });

  it("skips when there is no new data since the last run", async () => {
    const result = await runRetrain(await getDb(), opts());
    expect(result).toEqual({ outcome: "skipped", reason: expect.stringContaining("no new data") });
    expect(fake.state.jobs.size).toBe(1);
  });

  it("not better than the active adapter by the margin → rejected, active unchanged", async () => {
    data = [...base, nonGolden[0]];
    fake.state.script = { outcome: "succeed", basePerplexity: 10, adapterPerplexity: 4.95 }; // 1 % better than active's 5
    const result = await runRetrain(await getDb(), opts());
    expect(result.outcome).toBe("rejected");
    expect(result).toMatchObject({ reason: expect.stringContaining("vs 5.000") });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed).toHaveLength(1);
  });

  it("a failed job → run failed with its reason, active unchanged", async () => {
    data = [...base, nonGolden[1]];
    fake.state.script = { outcome: "fail" };
    const result = await runRetrain(await getDb(), opts());
    expect(result).toMatchObject({ outcome: "failed", reason: expect.stringContaining("simulated out-of-memory") });
    const [run] = await (
      await getDb()
    )
      .select()
      .from(trainingRuns)
      .where(eq(trainingRuns.id, (result as { runId: string }).runId));
    expect(run.status).toBe("failed");
    expect(run.error).toContain("simulated out-of-memory");
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("a gpu-function that goes away mid-run → failed, active unchanged, and the slot is free again", async () => {
    data = [...base, nonGolden[2]];
    const dead = gpuFunctionClient({ url: "http://127.0.0.1:1", token: TOKEN, timeoutMs: 2000 });
    const result = await runRetrain(await getDb(), { ...opts(), gpu: dead });
    expect(result.outcome).toBe("failed");
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
  });

  it("single-flight: of two concurrent triggers exactly one runs", async () => {
    data = [...base, nonGolden[3]];
    fake.state.script = { outcome: "succeed", basePerplexity: 10, adapterPerplexity: 4, runningPolls: 20 };
    const before = fake.state.jobs.size;
    const results = await Promise.all([runRetrain(await getDb(), opts()), runRetrain(await getDb(), opts())]);
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(["promoted", "skipped"]);
    expect(results.find((r) => r.outcome === "skipped")?.reason).toMatch(/in progress/);
    expect(fake.state.jobs.size).toBe(before + 1);
  });

  it("a run abandoned by an app restart does not hold the slot forever: it is failed and a new run starts", async () => {
    const db = await getDb();
    await db
      .insert(trainingRuns)
      .values({ id: "stale-run", trigger: "cron", status: "running", createdAt: new Date(Date.now() - 3 * 3600_000) });
    data = [...base, nonGolden[4]];
    fake.state.script = { outcome: "succeed", basePerplexity: 10, adapterPerplexity: 9.99 };
    const blocked = await runRetrain(db, { ...opts(), timeoutMs: 6 * 3600_000 });
    expect(blocked).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/in progress/) });
    const result = await runRetrain(db, { ...opts(), timeoutMs: 3600_000 });
    expect(result.outcome).toBe("rejected");
    const [stale] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, "stale-run"));
    expect(stale).toMatchObject({ status: "failed", error: expect.stringContaining("abandoned") });
  });

  it("rollback flips the pointer back to the previously promoted adapter and pushes it", async () => {
    const before = await active();
    expect(before).toHaveLength(1);
    expect(before[0]).not.toBe("medchat-base-ft-retrain-ftjob-1");
    expect(await rollbackAdapter(await getDb(), gpu)).toEqual({ from: before[0], to: "medchat-base-ft-retrain-ftjob-1" });
    expect(await active()).toEqual(["medchat-base-ft-retrain-ftjob-1"]);
    expect(fake.state.pushed.at(-1)).toBe("medchat-base-ft-retrain-ftjob-1");
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
    // the route uses the curated examples from the database: none here → skipped with the reason
    expect(await ok.json()).toEqual({ outcome: "skipped", reason: expect.stringContaining("not enough data") });
  });
});
