// What the public chat serves across promotion and rollback, end to end over real parts: two
// REAL gpu-function replicas on 127.0.0.1 (tiny random llama, onnxruntime on CPU) — one
// deployed with the committed default grounded adapter in its adapter directory, one with a
// base model only (as with a real checkpoint, or the e2e stack) — a real PGlite database, and
// the chat pipeline's answer (the model id in its finish event). A rollback of the very FIRST
// promoted adapter must make every replica serve the committed default (or the base) again,
// without a restart, although the retired adapter was loaded there; an adapter retraining is
// still evaluating (loaded lazily on a gpu-function) is never served while it is not promoted.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRandomAdapter } from "@/gpu-function/adapter-fixture.test-helper";
import { writeTinyModel } from "@/gpu-function/models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import type { AdapterUpload } from "@/gpu-function/shared/openai";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { runChatTurn } from "@/lib/chat/pipeline";
import type { ChatEvent } from "@/lib/chat/types";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { gpuFunctionClient, type GpuFunctionClient } from "./gpu-client";
import { servingNow } from "./admin";
import { promoteAdapter, rollbackAdapter } from "./promotion";

const TOKEN = "rollback-serving-token";
const FIRST = "ft-tiny-base-retrain-first";
const EVALUATING = "ft-tiny-base-retrain-evaluating";
let dir: string;
let withDefault: GpuFunctionServer;
let baseOnly: GpuFunctionServer;
const urls: string[] = [];
let replicas: GpuFunctionClient[];
let handle: DbHandle;
let uploads: Record<string, AdapterUpload>;

async function adapterUpload(name: string, adapterDir: string): Promise<AdapterUpload> {
  return {
    name,
    adapter_config: JSON.parse(await readFile(path.join(adapterDir, "adapter_config.json"), "utf8")),
    adapter_model_base64: (await readFile(path.join(adapterDir, "adapter_model.safetensors"))).toString("base64"),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "medchat-rollback-serving-"));
  const modelDir = path.join(dir, "model");
  await writeTinyModel(modelDir, {
    family: "llama",
    seed: 21,
    hiddenSize: 32,
    numLayers: 1,
    numHeads: 2,
    numKvHeads: 2,
    intermediateSize: 64,
    vocabSize: 259,
    maxPositions: 1024,
  });
  const serve = (adapterRoots: string[]) =>
    createGpuFunctionServer({
      modelDir,
      modelId: "tiny-base",
      embeddingModelDir: null,
      token: TOKEN,
      lora: { maxRank: 8, targetModules: ["q_proj", "v_proj"] },
      adapterRoots,
      fineTuning: false,
      log: () => {},
    });
  baseOnly = await serve([]);
  const targets = baseOnly.deps.model.loraTargets;
  // The committed default grounded adapter sits in the first replica's adapter directory.
  await writeRandomAdapter(path.join(dir, "adapters", "grounded"), targets, 1);
  for (const [name, seed] of [
    [FIRST, 2],
    [EVALUATING, 3],
  ] as const)
    await writeRandomAdapter(path.join(dir, "retrained", name), targets, seed);
  withDefault = await serve([path.join(dir, "adapters")]);
  urls.push(await withDefault.listen(0, "127.0.0.1"), await baseOnly.listen(0, "127.0.0.1"));
  replicas = urls.map((url) => gpuFunctionClient({ url, token: TOKEN }));
  uploads = {
    [FIRST]: await adapterUpload(FIRST, path.join(dir, "retrained", FIRST)),
    [EVALUATING]: await adapterUpload(EVALUATING, path.join(dir, "retrained", EVALUATING)),
  };
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
}, 120_000);

afterAll(async () => {
  await Promise.all([withDefault?.close(1_000), baseOnly?.close(1_000)]);
  await handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

let turn = 0;
/** A visitor asks the public chat through the one pipeline, answered by the replica at `url`; the model that answered. */
async function modelServing(url: string): Promise<string> {
  const id = `serving-${++turn}`;
  const events = await runChatTurn(
    {
      surface: "web",
      visitorId: "visitor_eeeeeeeeeeeeeeee",
      conversationId: id,
      userMessage: { id: `${id}-u`, text: "What is a cold?" },
      consent: true,
    },
    {
      db: handle.db,
      gpu: gpuFunctionConfig({
        GPU_FUNCTION_URL: url,
        GPU_FUNCTION_TOKEN: TOKEN,
        CHAT_GROUNDING: "free",
        CHAT_MAX_TOKENS: "2",
        CHAT_TEMPERATURE: "0",
      }),
      env: {},
    },
  );
  const error = events.find((e) => e.type === "error");
  expect(error, JSON.stringify(error)).toBeUndefined();
  return (events.at(-1) as Extract<ChatEvent, { type: "finish" }>).model;
}

const listed = async (url: string) => (await gpuFunctionClient({ url, token: TOKEN }).listModels()).map((m) => m.id);

describe("what the public chat serves across promotion and rollback (real gpu-function replicas)", () => {
  it("before any promotion: the committed default grounded adapter, else the base model", async () => {
    expect(await modelServing(urls[0])).toBe("grounded");
    expect(await modelServing(urls[1])).toBe("tiny-base");
  });

  it("the first promoted adapter serves on every replica; a candidate still being evaluated never does", async () => {
    await handle.db.insert(adapters).values({
      name: FIRST,
      status: "candidate",
      adapterConfig: uploads[FIRST].adapter_config,
      weights: Buffer.from(uploads[FIRST].adapter_model_base64, "base64"),
      metrics: { perplexity: 3 },
    });
    expect(await promoteAdapter(handle.db, FIRST, { by: "test", replicas })).toEqual({ from: null, to: FIRST, unloadFailures: [] });
    for (const url of urls) expect(await modelServing(url)).toBe(FIRST);
    expect(await servingNow(handle.db, replicas[1])).toEqual({ model: FIRST, reason: "the promoted adapter", warning: false });
    // A retrain evaluates its candidate: loaded on the replica (as the evaluation's lazy load does), not promoted.
    await handle.db.insert(trainingRuns).values({ id: "run-evaluating", trigger: "cron", status: "evaluating", adapterName: EVALUATING });
    for (const r of replicas) await r.pushAdapter(uploads[EVALUATING]);
    for (const url of urls) expect(await modelServing(url)).toBe(FIRST);
  }, 60_000);

  it("rolling back the very first promoted adapter: every replica serves the committed default (or the base) again, no restart", async () => {
    expect(await rollbackAdapter(handle.db, replicas)).toEqual({ from: FIRST, to: null, unloadFailures: [] });
    // the retired adapter left every replica…
    for (const url of urls) expect(await listed(url)).not.toContain(FIRST);
    // …and the chat serves what it served before the first promotion, at once (this app instance) —
    // although the candidate under evaluation is still loaded there and listed
    expect(await listed(urls[1])).toContain(EVALUATING);
    expect(await modelServing(urls[0])).toBe("grounded");
    expect(await modelServing(urls[1])).toBe("tiny-base");
    // the adapters page says the same
    expect(await servingNow(handle.db, replicas[0])).toEqual({
      model: "grounded",
      reason: "the gpu-function's own default adapter (no adapter is promoted)",
      warning: false,
    });
    expect(await servingNow(handle.db, replicas[1])).toMatchObject({ model: "tiny-base", reason: expect.stringContaining("base model") });
  }, 60_000);

  it("a replica that missed the unload still never serves the retired adapter", async () => {
    // e.g. it was unreachable during the rollback: the adapter is loaded there again, the pointer is empty
    for (const r of replicas) await r.pushAdapter(uploads[FIRST]);
    expect(await listed(urls[1])).toContain(FIRST);
    expect(await modelServing(urls[0])).toBe("grounded");
    expect(await modelServing(urls[1])).toBe("tiny-base");
    // and promoting it again explicitly serves it again
    expect(await promoteAdapter(handle.db, FIRST, { by: "test", replicas })).toMatchObject({ from: null, to: FIRST });
    for (const url of urls) expect(await modelServing(url)).toBe(FIRST);
  }, 60_000);
});
