// Load and overspend on loopback: the real gpu-function (tiny byte-level model on
// onnxruntime) and TWO partner-API instances, each with its own `pg` pool, sharing one
// database served by PGlite's socket server. 50 concurrent streams finish without an
// error; a key limited to N tokens/day that receives 50 concurrent requests through both
// instances spends at most N, counted in usage_records from the model's own token counts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import { writeTinyModel } from "@/gpu-function/models/tiny";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { createKnowledgeBaseRetriever } from "@/lib/chat/retriever";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { startPartnerApp, type PartnerApp } from "./partner-app.test-helper";
import { KB_DOCS, newKey, usageRows } from "./partner-fixture.test-helper";
import { startSharedPglite, type SharedPglite } from "./shared-pglite.test-helper";
import { reservationFor } from "./token-budget";

const TOKEN = "load-test-token";
const MAX_TOKENS = 8;
const QUESTION = "What is asthma?";

let dir: string;
let gpuServer: GpuFunctionServer;
let shared: SharedPglite;
let admin: DbHandle;
const instances: { handle: DbHandle; app: PartnerApp }[] = [];
let gpuEnv: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "medchat-partner-load-"));
  // Byte-level tokenizer: prompt tokens are real, so the reservation bound is really tested.
  await writeTinyModel(path.join(dir, "model"), {
    family: "llama",
    seed: 5,
    hiddenSize: 64,
    numLayers: 1,
    numHeads: 2,
    numKvHeads: 1,
    maxPositions: 4096,
  });
  gpuServer = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-chat",
    token: TOKEN,
    lora: null,
    fineTuning: false,
    maxBatch: 16,
    maxQueue: 64,
    intraOpThreads: 1,
    log: () => {},
  });
  const gpuUrl = await gpuServer.listen(0, "127.0.0.1");

  shared = await startSharedPglite();
  const url = shared.url;
  admin = await createDb({ url });
  expect(admin.kind).toBe("pg");
  await migrateDb(admin);
  const embedder = createHashingEmbedder();
  await ingestSourceDocuments(admin.db, embedder, KB_DOCS);

  gpuEnv = {
    GPU_FUNCTION_URL: gpuUrl,
    GPU_FUNCTION_TOKEN: TOKEN,
    CHAT_MODEL: "tiny-chat",
    CHAT_MAX_TOKENS: String(MAX_TOKENS),
    CHAT_TEMPERATURE: "0",
    CHAT_TIMEOUT_MS: "90000",
    CHAT_PROMPT_LEVEL: process.env.LOAD_PROMPT_LEVEL ?? "2",
  };
  for (let i = 0; i < 2; i++) {
    const handle = await createDb({ url });
    const getDb = async () => handle.db;
    const app = await startPartnerApp({
      getDb,
      retriever: createKnowledgeBaseRetriever(getDb, embedder),
      gpu: gpuFunctionConfig(gpuEnv),
      env: {},
    });
    instances.push({ handle, app });
  }
}, 180_000);

afterAll(async () => {
  for (const { app, handle } of instances) {
    await app.close();
    await handle.close();
  }
  await admin?.close();
  await shared?.close();
  await gpuServer?.close(1_000);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const clientFor = (i: number, apiKey: string) =>
  new OpenAI({ baseURL: instances[i % 2]!.app.baseURL, apiKey, maxRetries: 0, timeout: 120_000 });

describe("partner API under load (two app instances, one database)", () => {
  it("serves 50 concurrent streams through both instances with 0 errors", async () => {
    const { key, id } = await newKey(admin.db, { concurrentRequests: 50, requestsPerMinute: 1_000, tokensPerDay: 10_000_000 });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, async (_, i) => {
        const stream = await clientFor(i, key).chat.completions.create({
          model: "medchat",
          messages: [{ role: "user", content: QUESTION }],
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = "";
        let disclaimer: unknown;
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta?.content ?? "";
          disclaimer ??= (chunk as unknown as { disclaimer?: string }).disclaimer;
        }
        return { text, disclaimer };
      }),
    );
    console.log(`[load] 50 streams in ${Date.now() - started} ms`);
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    for (const r of results) expect((r as PromiseFulfilledResult<{ disclaimer: string }>).value.disclaimer).toMatch(/not medical advice/);
    const rows = await usageRows(admin.db, id);
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.status === "complete" && r.completionTokens > 0 && r.completionTokens <= MAX_TOKENS)).toBe(true);
    // Each request stayed within what it reserved (the bound holds for the real tokenizer).
    expect(rows.every((r) => r.promptTokens + r.completionTokens <= r.reservedTokens)).toBe(true);
  });

  it("a key limited to N tokens/day spends at most N when 50 requests arrive at once on both instances", async () => {
    const reservation = reservationFor({
      question: QUESTION,
      history: [],
      promptLevel: gpuFunctionConfig(gpuEnv).promptLevel,
      maxTokens: MAX_TOKENS,
      env: {},
    });
    // Room for two worst cases at once; actual answers are far smaller, so more fit as they settle.
    const limit = Math.floor(reservation * 2.5);
    const { key, id } = await newKey(admin.db, { concurrentRequests: 50, requestsPerMinute: 1_000, tokensPerDay: limit });
    const ask = (i: number) =>
      clientFor(i, key)
        .chat.completions.create({ model: "medchat", messages: [{ role: "user", content: QUESTION }], stream: i % 2 === 0 })
        .then(async (answer) => {
          if ("choices" in answer) return answer.choices[0]?.message.content ?? "";
          let text = "";
          for await (const chunk of answer) text += chunk.choices[0]?.delta?.content ?? "";
          return text;
        });
    const refusalOf = (error: unknown) => {
      // Every refusal is the token limit's 429 with its headers — no other error.
      if (!(error instanceof OpenAI.RateLimitError) || error.code !== "rate_limit_exceeded") throw error;
      expect(error.headers?.get("x-ratelimit-limit-tokens")).toBe(String(limit));
      return Number(error.headers?.get("retry-after"));
    };

    // 50 at once, half on each instance.
    const wave = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => ask(i)));
    const refusedInWave = wave.filter((r) => r.status === "rejected").map((r) => refusalOf((r as PromiseRejectedResult).reason));
    let answered = 50 - refusedInWave.length;
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(refusedInWave.length).toBeGreaterThan(0);
    expect(refusedInWave.every((s) => s >= 1)).toBe(true);
    const afterWave = await usageRows(admin.db, id);
    expect(afterWave.reduce((sum, r) => sum + r.promptTokens + r.completionTokens, 0)).toBeLessThanOrEqual(limit);

    // Then one at a time until the key is refused for the rest of the day: the budget is really used.
    let finalRetryAfter = 0;
    for (let i = 0; i < 40 && !finalRetryAfter; i++) {
      try {
        await ask(i);
        answered++;
      } catch (error) {
        const retryAfter = refusalOf(error);
        if (retryAfter > 5) finalRetryAfter = retryAfter;
        else await new Promise((r) => setTimeout(r, retryAfter * 1000));
      }
    }
    expect(finalRetryAfter).toBeGreaterThan(5);

    const rows = await usageRows(admin.db, id);
    expect(rows).toHaveLength(answered);
    expect(rows.every((r) => r.status === "complete")).toBe(true);
    const spent = rows.reduce((sum, r) => sum + r.promptTokens + r.completionTokens, 0);
    // Never more than N …
    expect(spent).toBeLessThanOrEqual(limit);
    expect(rows.reduce((sum, r) => sum + r.chargedTokens, 0)).toBe(spent);
    // … and refused for good only once less than one worst case was left.
    expect(limit - spent).toBeLessThan(reservation);
    console.log(
      `[load] N=${limit} tokens/day, reservation ${reservation}/request: wave of 50 → ${50 - refusedInWave.length} answered, ${refusedInWave.length} refused (429); ${answered} answered in all, spent ${spent}`,
    );
  });
});
