// The admin console's retraining API over a real database and a real HTTP gpu-function
// stand-in (lib/training/retrain.test.ts startFakeGpu): admin-only with CSRF, the contract
// the console pages are built against — runs list and detail (comparison, events, loss),
// "Retrain now" (202 / 409), cancel, adapters, rollback (pushes, flips, audited), uploads
// (JSON and multipart) and the dataset's counts.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { handleAdminRequest, type AdminDeps } from "@/lib/admin/api";
import { listAudit } from "@/lib/admin/audit";
import { ensureFirstAdmin, inviteUser, acceptInvite } from "@/lib/admin/users";
import { startFakeGpu } from "@/lib/training/fake-gpu-function.test-helper";

const TOKEN = "admin-training-token";
let handle: DbHandle;
let deps: AdminDeps;
const fake = startFakeGpu(TOKEN);

beforeAll(async () => {
  await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
  process.env.GPU_FUNCTION_URL = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  process.env.GPU_FUNCTION_TOKEN = TOKEN;
  delete process.env.GPU_FUNCTION_URLS;
  process.env.RETRAIN_KB_EXAMPLES = "0";
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const embedder = createHashingEmbedder();
  deps = { getDb: async () => handle.db, embedder: () => embedder };
  await ensureFirstAdmin(handle.db, { ADMIN_EMAIL: "admin@clinic.example", ADMIN_PASSWORD: "correct horse battery" });
});
afterAll(async () => {
  fake.server.close();
  delete process.env.RETRAIN_KB_EXAMPLES;
  await handle?.close();
});

type Session = { cookie: string; csrf: string | null };

async function request(method: string, path: string, session?: Session, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { "x-forwarded-for": "10.1.1.1", ...headers };
  if (session) h.cookie = session.cookie;
  if (session?.csrf) h["x-csrf-token"] = session.csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    h["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await handleAdminRequest(
    new Request(`http://127.0.0.1:3000/api/admin/${path}`, { method, headers: h, body: payload }),
    path.split("/"),
    deps,
  );
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function login(email: string, password: string): Promise<Session> {
  const res = await handleAdminRequest(
    new Request("http://127.0.0.1:3000/api/admin/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.1.1.1" },
      body: JSON.stringify({ email, password }),
    }),
    ["login"],
    deps,
  );
  expect(res.status).toBe(200);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `What helps with symptom ${from + i}?` },
        { role: "assistant", content: `Rest and fluids help ${from + i}.` },
      ],
    }),
  ).join("\n");

describe("admin retraining API", () => {
  let admin: Session;

  it("is admin-only, with CSRF on writes", async () => {
    expect((await request("GET", "training/runs")).status).toBe(401);
    admin = await login("admin@clinic.example", "correct horse battery");
    const invited = await inviteUser(
      handle.db,
      { id: null, email: "admin@clinic.example", ip: "1" },
      { email: "rev@clinic.example", role: "reviewer" },
    );
    await acceptInvite(handle.db, invited.token, "reviewer password 123");
    const reviewer = await login("rev@clinic.example", "reviewer password 123");
    for (const [method, path] of [
      ["GET", "training/runs"],
      ["GET", "training/runs/x"],
      ["GET", "adapters"],
      ["GET", "training/dataset"],
      ["POST", "training/runs"],
      ["POST", "training/uploads"],
      ["POST", "training/rollback"],
      ["POST", "adapters/x/promote"],
    ])
      expect((await request(method, path, reviewer, method === "POST" ? {} : undefined)).status).toBe(403);
    expect((await request("POST", "training/runs", { ...admin, csrf: null }, {})).status).toBe(403);
    expect((await request("POST", "training/uploads", { ...admin, csrf: null }, { filename: "a", content: rows(1) })).status).toBe(403);
    expect((await request("POST", "adapters/x/promote", { ...admin, csrf: null }, {})).status).toBe(403);
  });

  it("empty state: no runs, no adapters, nothing to train (409 with the reason), rollback impossible (409)", async () => {
    expect(await request("GET", "training/runs", admin)).toEqual({ status: 200, json: { runs: [] } });
    expect(await request("GET", "adapters", admin)).toEqual({
      status: 200,
      json: {
        adapters: [],
        active: null,
        // this stand-in gpu-function has no GET /v1/models: the console says so instead of guessing
        serving: { model: null, reason: expect.stringContaining("does not answer GET /v1/models"), warning: true },
      },
    });
    const dataset = await request("GET", "training/dataset", admin);
    expect(dataset.json.counts).toEqual({ curated: 0, knowledgeBase: 0, uploaded: 0, golden: 0, train: 0 });
    const start = await request("POST", "training/runs", admin, {});
    expect(start).toMatchObject({
      status: 409,
      json: { error: { code: "nothing_to_train", message: expect.stringContaining("not enough data") } },
    });
    expect((await request("POST", "training/rollback", admin, {})).status).toBe(409);
    expect((await request("GET", "training/runs/nope", admin)).status).toBe(404);
    expect((await request("POST", "training/runs/nope/cancel", admin, {})).status).toBe(404);
  });

  it("uploads: JSON and multipart, bad input refused with a reason, audited", async () => {
    const ok = await request("POST", "training/uploads", admin, { filename: "chat.jsonl", content: `${rows(40)}\n{oops` });
    expect(ok).toEqual({
      status: 200,
      json: {
        format: "openai-chat",
        accepted: 40,
        duplicates: 0,
        rejected: [{ line: 41, reason: expect.stringContaining("invalid JSON") }],
        rejectedTotal: 1,
      },
    });
    const form = new FormData();
    form.set("file", new File([rows(5, 38)], "more.jsonl"));
    form.set("format", "openai-chat");
    expect(await request("POST", "training/uploads", admin, form)).toMatchObject({ status: 200, json: { accepted: 3, duplicates: 2 } });
    expect(await request("POST", "training/uploads", admin, { filename: "bad.jsonl", content: "{x" })).toMatchObject({
      status: 400,
      json: { error: { code: "invalid_upload", message: expect.stringContaining("line 1") } },
    });
    expect((await request("POST", "training/uploads", admin, { filename: "bad.jsonl", format: "csv", content: rows(1) })).status).toBe(400);
    expect((await request("POST", "training/uploads", admin, { content: rows(1) })).status).toBe(400);
    const dataset = await request("GET", "training/dataset", admin);
    expect(dataset.json.counts.uploaded).toBe(43);
    expect(dataset.json.counts.golden + dataset.json.counts.train).toBe(43);
    expect(dataset.json).toMatchObject({ version: expect.any(String), goldenVersion: expect.any(String) });
    expect(JSON.stringify(await listAudit(handle.db))).toContain("training.upload");
    // Text Postgres cannot store: the row is refused with its field (was a 500), the name with a 400.
    const nulRow = `{"messages":[{"role":"user","content":"What is gout\\u0000?"},{"role":"assistant","content":"A kind of arthritis."}]}`;
    const surrogateRow = `{"messages":[{"role":"user","content":"What is \\ud800 gout?"},{"role":"assistant","content":"A kind of arthritis."}]}`;
    for (const [content, problem] of [
      [nulRow, "NUL character"],
      [surrogateRow, "unpaired surrogate"],
    ]) {
      expect(await request("POST", "training/uploads", admin, { filename: "nul.jsonl", content })).toMatchObject({
        status: 400,
        json: {
          error: {
            code: "invalid_upload",
            message: expect.stringMatching(new RegExp(`line 1: The field "messages\\.0\\.content" contains .*${problem}`)),
          },
        },
      });
    }
    expect(await request("POST", "training/uploads", admin, { filename: "a\u0000.jsonl", content: rows(1, 900) })).toMatchObject({
      status: 400,
      json: { error: { code: "invalid_text", message: expect.stringContaining('"filename"') } },
    });
    expect((await request("GET", "training/dataset", admin)).json.counts.uploaded).toBe(43);
  });

  it("Retrain now → 202 {runId}; a second start while it runs → 409; detail has the contract's shape; cancel → 200 {run}", async () => {
    fake.state.script = { outcome: "succeed", runningPolls: 10_000 };
    const started = await request("POST", "training/runs", admin, {
      hyperparameters: { n_epochs: 1, batch_size: 2, learning_rate_multiplier: 2 },
    });
    expect(started.status).toBe(202);
    const runId = started.json.runId as string;
    expect(runId).toEqual(expect.any(String));
    expect(await request("POST", "training/runs", admin, {})).toMatchObject({ status: 409, json: { error: { code: "run_in_progress" } } });
    expect((await request("POST", "training/runs", admin, { hyperparameters: { n_epochs: 0 } })).status).toBe(400);
    expect((await request("POST", "training/runs", admin, { hyperparameters: { lora_r: 999 } })).status).toBe(400);

    for (let i = 0; i < 200; i++) {
      const [row] = await handle.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId));
      if (row.gpuJobId && row.progress) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const list = await request("GET", "training/runs", admin);
    expect(list.json.runs).toHaveLength(1);
    expect(Object.keys(list.json.runs[0]).sort()).toEqual(
      [
        "adapterName",
        "createdAt",
        "datasetVersion",
        "decision",
        "error",
        "finishedAt",
        "goldenVersion",
        "id",
        "progress",
        "startedBy",
        "status",
        "trigger",
      ].sort(),
    );
    expect(list.json.runs[0]).toMatchObject({
      id: runId,
      trigger: "manual",
      status: "running",
      startedBy: "admin@clinic.example",
      progress: { step: 2, totalSteps: 2, trainLoss: 1 },
    });

    const detail = await request("GET", `training/runs/${runId}`, admin);
    expect(detail.status).toBe(200);
    expect(detail.json.run).toMatchObject({
      id: runId,
      hyperparameters: { n_epochs: 1, batch_size: 2, learning_rate_multiplier: 2 },
      metrics: null,
      baselineMetrics: null,
    });
    expect(detail.json.comparison).toEqual([]);
    expect(detail.json.decision).toBeNull();
    expect(detail.json.loss).toEqual([
      { step: 1, trainLoss: 2 },
      { step: 2, trainLoss: 1 },
    ]);
    expect(detail.json.events.map((e: { message: string }) => e.message).join("\n")).toMatch(
      /Run started \(manual by admin@clinic.example\)[\s\S]*Fine-tuning job ftjob-\d+ created/,
    );
    for (const e of detail.json.events) expect(Object.keys(e).sort()).toEqual(["at", "level", "message"]);

    const cancelled = await request("POST", `training/runs/${runId}/cancel`, admin, {});
    expect(cancelled).toMatchObject({
      status: 200,
      json: { run: { id: runId, status: "cancelled", error: "cancelled by admin@clinic.example" } },
    });
    expect((await request("POST", `training/runs/${runId}/cancel`, admin, {})).status).toBe(409);
    const audit = JSON.stringify(await listAudit(handle.db));
    expect(audit).toContain("training.start");
    expect(audit).toContain("training.cancel");
  });

  it("a finished run's detail has the side-by-side comparison and decision; adapters list; rollback pushes, flips and is audited", async () => {
    fake.state.script = { outcome: "succeed", runningPolls: 1 };
    await request("POST", "training/uploads", admin, { filename: "more.jsonl", content: rows(3, 100) });
    const started = await request("POST", "training/runs", admin, {});
    expect(started.status).toBe(202);
    let detail;
    for (let i = 0; i < 400; i++) {
      detail = await request("GET", `training/runs/${started.json.runId}`, admin);
      if (!["queued", "running", "evaluating"].includes(detail.json.run.status)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(detail!.json.run.status).toBe("promoted");
    expect(detail!.json.comparison[0]).toEqual({
      metric: "perplexity",
      candidate: 5,
      active: 10,
      betterIs: "lower",
      critical: true,
      verdict: "better",
    });
    expect(detail!.json.decision).toMatch(/^promoted over medchat-base/);
    const name = detail!.json.run.adapterName as string;

    const config = { peft_type: "LORA", r: 8 };
    await handle.db.insert(adapters).values({
      name: "older",
      status: "retired",
      adapterConfig: config,
      weights: Buffer.from([1]),
      promotedAt: new Date(Date.now() - 3600_000),
    });
    const list = await request("GET", "adapters", admin);
    expect(list.json.active).toBe(name);
    expect(list.json.adapters.find((a: { name: string }) => a.name === name)).toMatchObject({
      status: "active",
      runId: started.json.runId,
      metrics: { perplexity: 5 },
    });
    for (const a of list.json.adapters)
      expect(Object.keys(a).sort()).toEqual(["createdAt", "metrics", "name", "promotedAt", "runId", "status"]);

    const pushedBefore = fake.state.pushed.length;
    expect(await request("POST", "training/rollback", admin, {})).toEqual({
      status: 200,
      json: { from: name, to: "older", unloadFailures: [] },
    });
    expect(fake.state.pushed.slice(pushedBefore)).toEqual(["older"]);
    expect(fake.state.unloaded.at(-1)).toBe(name);
    expect((await request("GET", "adapters", admin)).json.active).toBe("older");
    expect(JSON.stringify(await listAudit(handle.db))).toContain("adapter.rollback");
    // rolling back again flips to the one before (the candidate we just left)…
    expect(await request("POST", "training/rollback", admin, {})).toMatchObject({ status: 200, json: { from: "older", to: name } });
    // …and with no earlier promoted adapter the pointer is cleared: the chat serves its default again
    await handle.db.update(adapters).set({ promotedAt: null }).where(eq(adapters.name, "older"));
    expect(await request("POST", "training/rollback", admin, {})).toEqual({
      status: 200,
      json: { from: name, to: null, unloadFailures: [] },
    });
    expect(fake.state.unloaded.at(-1)).toBe(name);
    expect((await request("GET", "adapters", admin)).json.active).toBeNull();
    expect((await request("POST", "training/rollback", admin, {})).status).toBe(409);
  });

  it("an admin promotes an evaluated adapter explicitly (a candidate the gate kept): pushed, flipped, unloaded, audited; rollback undoes it", async () => {
    // Nothing is active now (the rollback above cleared the pointer). A run the gate keeps: worse than the base.
    fake.state.script = { outcome: "succeed", runningPolls: 1, ppl: (m) => (m.includes("ft-retrain") ? 20 : 10) };
    await request("POST", "training/uploads", admin, { filename: "kept.jsonl", content: rows(3, 200) });
    const started = await request("POST", "training/runs", admin, {});
    expect(started.status).toBe(202);
    let detail;
    for (let i = 0; i < 400; i++) {
      detail = await request("GET", `training/runs/${started.json.runId}`, admin);
      if (!["queued", "running", "evaluating"].includes(detail.json.run.status)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(detail!.json.run.status).toBe("rejected");
    expect(detail!.json.decision).toContain("golden perplexity 20.000 vs 10.000 (100.0 % worse, needs 2.0 % better)");
    // the runs list says why it was kept
    const listed = (await request("GET", "training/runs", admin)).json.runs.find((r: { id: string }) => r.id === started.json.runId);
    expect(listed).toMatchObject({ status: "rejected", error: null, decision: detail!.json.decision });
    const kept = detail!.json.run.adapterName as string;
    for (let i = 0; i < 200 && !fake.state.unloaded.includes(kept); i++) await new Promise((r) => setTimeout(r, 25));
    expect(fake.state.unloaded).toContain(kept); // a kept candidate leaves the gpu-function that evaluated it
    expect(detail!.json.adapter).toEqual({ name: kept, status: "candidate" });
    expect((await request("GET", "adapters", admin)).json).toMatchObject({ active: null });

    // refused with a reason: unknown, never evaluated, a replica refusing the push (pointer unchanged)
    expect(await request("POST", "adapters/nope/promote", admin, {})).toMatchObject({
      status: 404,
      json: { error: { code: "not_found" } },
    });
    await handle.db
      .insert(adapters)
      .values({ name: "unevaluated", status: "candidate", adapterConfig: { r: 8 }, weights: Buffer.from([2]) });
    expect(await request("POST", "adapters/unevaluated/promote", admin, {})).toMatchObject({
      status: 409,
      json: { error: { code: "not_evaluated", message: expect.stringContaining("no golden-set evaluation") } },
    });
    expect((await request("POST", `adapters/${kept}/promote`, admin, { extra: 1 })).status).toBe(400);
    fake.state.refusePush = true;
    expect(await request("POST", `adapters/${kept}/promote`, admin, {})).toMatchObject({
      status: 502,
      json: { error: { code: "gpu_function_unavailable", message: expect.stringContaining("replica is draining") } },
    });
    fake.state.refusePush = false;
    expect((await request("GET", "adapters", admin)).json.active).toBeNull();

    const pushedBefore = fake.state.pushed.length;
    expect(await request("POST", `adapters/${kept}/promote`, admin, {})).toEqual({
      status: 200,
      json: { from: null, to: kept, unloadFailures: [] },
    });
    expect(fake.state.pushed.slice(pushedBefore)).toEqual([kept]);
    expect((await request("GET", "adapters", admin)).json.active).toBe(kept);
    expect(await request("POST", `adapters/${kept}/promote`, admin, {})).toMatchObject({
      status: 409,
      json: { error: { code: "already_active" } },
    });
    const audit = (await listAudit(handle.db)).find((e) => e.action === "adapter.promote");
    expect(audit).toMatchObject({ actorEmail: "admin@clinic.example", targetId: kept, before: { active: null }, after: { active: kept } });
    // the run keeps the gate's verdict and records who overrode it
    const after = await request("GET", `training/runs/${started.json.runId}`, admin);
    expect(after.json.run.status).toBe("rejected");
    expect(after.json.adapter).toEqual({ name: kept, status: "active" });
    expect(after.json.events.map((e: { message: string }) => e.message).join("\n")).toContain(
      `Adapter ${kept} promoted by admin@clinic.example`,
    );

    // an older retired adapter can be promoted back in place of the active one, which is unloaded
    const older = (await request("GET", "adapters", admin)).json.adapters.find(
      (a: { status: string; metrics: unknown }) => a.status === "retired" && a.metrics,
    );
    expect(await request("POST", `adapters/${older.name}/promote`, admin, {})).toEqual({
      status: 200,
      json: { from: kept, to: older.name, unloadFailures: [] },
    });
    expect(fake.state.unloaded.at(-1)).toBe(kept);
    // rollback returns to the adapter promoted before it
    expect(await request("POST", "training/rollback", admin, {})).toMatchObject({ status: 200, json: { from: older.name, to: kept } });
  });
});
