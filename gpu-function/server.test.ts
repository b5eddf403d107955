// Drives a real gpu-function (tiny random llama, real onnxruntime sessions) over HTTP on
// 127.0.0.1 with the official `openai` client and the AI SDK.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { randomAdapter, writeTinyModelWithAdapters } from "./adapter-fixture.test-helper";
import { encodePeftWeights, peftConfigFor, type PeftAdapterSpec } from "./engine/peft";
import { writeTinyEmbedder } from "./models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "./server";

const TOKEN = "test-token";
let dir: string;
let server: GpuFunctionServer;
let baseURL: string;
let client: OpenAI;
/** Stands in for the Next.js app: serves the promoted adapter at /api/internal/adapters/active. */
let fakeApp: Server;
let appAuth: string | undefined;

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${baseURL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1] ?? NaN);
}

const ask = (model: string, content: string, extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client.chat.completions.create({ model, messages: [{ role: "user", content }], max_tokens: 12, temperature: 0, ...extra });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpu-function-"));
  // The model and adapters "alpha" and "beta" on disk for start-up loading; more adapters use its LoRA targets.
  const targets = await writeTinyModelWithAdapters(dir, 7);
  await writeTinyEmbedder(path.join(dir, "embedder"), { dim: 64, seed: 8 });
  const promoted = randomAdapter(targets, 6);
  fakeApp = createServer((req, res) => {
    appAuth = req.headers.authorization;
    if (req.url !== "/api/internal/adapters/active") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        name: "promoted",
        adapter_config: peftConfigFor(promoted),
        adapter_model_base64: Buffer.from(encodePeftWeights(promoted)).toString("base64"),
      }),
    );
  });
  await new Promise<void>((r) => fakeApp.listen(0, "127.0.0.1", r));
  server = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-base",
    embeddingModelDir: path.join(dir, "embedder"),
    embeddingModelId: "tiny-embedder",
    token: TOKEN,
    maxBatch: 4,
    adapterRoots: [path.join(dir, "adapters")],
    fineTuning: { jobsDir: path.join(dir, "jobs") },
    appUrl: `http://127.0.0.1:${(fakeApp.address() as AddressInfo).port}`,
    intraOpThreads: 1,
    log: () => {},
  });
  baseURL = await server.listen(0, "127.0.0.1");
  client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: TOKEN, maxRetries: 0 });
});

afterAll(async () => {
  await server?.close(1_000);
  await new Promise((r) => fakeApp?.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe("gpu-function over HTTP", () => {
  it("lists the base model, adapters from disk and from the app, and the embedder", async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(["tiny-base", "alpha", "beta", "promoted", "tiny-embedder"]);
    expect(appAuth).toBe(`Bearer ${TOKEN}`);
    // Fine-tuning jobs are mounted on the same router and auth.
    const jobs = await client.fineTuning.jobs.list();
    expect(jobs.data).toEqual([]);
  });

  it("answers non-streaming and streaming requests identically (greedy)", async () => {
    const full = await ask("tiny-base", "What is anemia?");
    expect(full.object).toBe("chat.completion");
    expect(full.usage?.completion_tokens).toBeGreaterThan(0);
    expect(full.usage?.total_tokens).toBe(full.usage!.prompt_tokens + full.usage!.completion_tokens);
    const stream = await client.chat.completions.create({
      model: "tiny-base",
      messages: [{ role: "user", content: "What is anemia?" }],
      max_tokens: 12,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(full.choices[0]!.message.content);
    expect(finish).toBe(full.choices[0]!.finish_reason);
    expect(usage).toEqual(full.usage);
  });

  it("samples reproducibly for a seed", async () => {
    const sample = (seed: number) =>
      ask("tiny-base", "What is anemia?", {
        temperature: 1.2,
        top_p: 0.95,
        seed,
        max_tokens: 24,
        ignore_eos: true,
      } as Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>);
    const [a, b, c] = await Promise.all([sample(1), sample(1), sample(2)]);
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
    expect(a.choices[0]!.message.content).not.toBe(c.choices[0]!.message.content);
  });

  it("streams through the AI SDK's OpenAI-compatible provider", async () => {
    const provider = createOpenAICompatible({ name: "gpu-function", baseURL: `${baseURL}/v1`, apiKey: TOKEN, includeUsage: true });
    const result = streamText({ model: provider.chatModel("tiny-base"), prompt: "What is anemia?", maxOutputTokens: 12, temperature: 0 });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    const reference = await ask("tiny-base", "What is anemia?");
    expect(text).toBe(reference.choices[0]!.message.content);
    expect((await result.usage).outputTokens).toBe(reference.usage!.completion_tokens);
  });

  it("serves two adapters in one batch, each matching its solo output", async () => {
    // ignore_eos keeps both sequences running for all 16 steps, so they must overlap.
    const long = { max_tokens: 16, ignore_eos: true } as Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>;
    const soloA = await ask("alpha", "Explain insulin.", long);
    const soloB = await ask("beta", "Explain insulin.", long);
    const base = await ask("tiny-base", "Explain insulin.", long);
    expect(soloA.choices[0]!.message.content).not.toBe(base.choices[0]!.message.content);
    expect(soloA.choices[0]!.message.content).not.toBe(soloB.choices[0]!.message.content);
    const mixedBefore = await metric("gpu_function_mixed_adapter_steps_total");
    const [a, b] = await Promise.all([ask("alpha", "Explain insulin.", long), ask("beta", "Explain insulin.", long)]);
    expect(a.choices[0]!.message.content).toBe(soloA.choices[0]!.message.content);
    expect(b.choices[0]!.message.content).toBe(soloB.choices[0]!.message.content);
    expect(await metric("gpu_function_mixed_adapter_steps_total")).toBeGreaterThan(mixedBefore);
  });

  it("merged mode serves one adapter folded into the weights with the same output", async () => {
    const long = { max_tokens: 12, ignore_eos: true } as Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>;
    const viaInputs = await ask("alpha", "Explain insulin.", long);
    const merged = await createGpuFunctionServer({
      modelDir: path.join(dir, "model"),
      mergeAdapter: { dir: path.join(dir, "adapters", "alpha"), name: "alpha-merged" },
      fineTuning: false,
      intraOpThreads: 1,
      log: () => {},
    });
    try {
      const mergedClient = new OpenAI({ baseURL: `${await merged.listen()}/v1`, apiKey: "none", maxRetries: 0 });
      const ids = (await mergedClient.models.list()).data.map((m) => m.id);
      expect(ids).toEqual(["alpha-merged"]);
      const res = await mergedClient.chat.completions.create({
        model: "alpha-merged",
        messages: [{ role: "user", content: "Explain insulin." }],
        temperature: 0,
        ...long,
      });
      expect(res.choices[0]!.message.content).toBe(viaInputs.choices[0]!.message.content);
    } finally {
      await merged.close(1_000);
    }
  });

  it("loads, replaces and unloads adapters over HTTP without reloading the base", async () => {
    const targets = server.deps.model.loraTargets;
    const spec = randomAdapter(targets, 3);
    const upload = (name: string, s: PeftAdapterSpec) =>
      fetch(`${baseURL}/v1/adapters`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          name,
          adapter_config: peftConfigFor(s),
          adapter_model_base64: Buffer.from(encodePeftWeights(s)).toString("base64"),
        }),
      });
    const model = server.deps.model;
    expect((await upload("gamma", spec)).status).toBe(201);
    const long = { ignore_eos: true } as Partial<OpenAI.ChatCompletionCreateParamsNonStreaming>;
    const first = await ask("gamma", "Hello", long);
    expect((await upload("gamma", randomAdapter(targets, 4))).status).toBe(200);
    const second = await ask("gamma", "Hello", long);
    expect(second.choices[0]!.message.content).not.toBe(first.choices[0]!.message.content);
    expect(server.deps.model).toBe(model);

    const bad = randomAdapter(targets, 5);
    const key = targets[0]!.module;
    bad.weights.set(key, { a: new Float32Array(4 * (targets[0]!.inFeatures - 1)), b: new Float32Array(targets[0]!.outFeatures * 4) });
    const refused = await upload("broken", bad);
    expect(refused.status).toBe(400);
    const err = (await refused.json()) as { error: { message: string; code: string } };
    expect(err.error.message).toContain(`base_model.model.${key}.lora_A.weight`);
    expect(err.error.code).toBe("invalid_adapter");

    const del = await fetch(`${baseURL}/v1/adapters/gamma`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(del.status).toBe(200);
    await expect(ask("gamma", "Hello")).rejects.toMatchObject({ status: 404 });
  });

  it("embeds text with the embedding model", async () => {
    const res = await client.embeddings.create({ model: "tiny-embedder", input: ["fever and cough", "broken arm"] });
    expect(res.data).toHaveLength(2);
    expect(res.data[0]!.embedding).toHaveLength(64);
    const norm = Math.hypot(...res.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 4);
    expect(res.data[0]!.embedding).not.toEqual(res.data[1]!.embedding);
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
    // The openai client asks for base64 by default when no format is given; check the float path too.
    const floats = await client.embeddings.create({ model: "tiny-embedder", input: "fever and cough", encoding_format: "float" });
    expect(floats.data[0]!.embedding[0]).toBeCloseTo(res.data[0]!.embedding[0]!, 6);
  });

  it("answers errors in OpenAI's shape", async () => {
    const bad = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: "wrong", maxRetries: 0 });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    await expect(ask("tiny-base", "hi", { temperature: 5 })).rejects.toMatchObject({ status: 400, param: "temperature" });
    await expect(ask("nope", "hi")).rejects.toMatchObject({ status: 404, code: "model_not_found", param: "model" });
    await expect(ask("tiny-base", "x".repeat(600))).rejects.toMatchObject({ status: 400, code: "context_length_exceeded" });
    await expect(client.chat.completions.create({ model: "tiny-base", messages: [] })).rejects.toMatchObject({
      status: 400,
      param: "messages",
    });
    const raw = await fetch(`${baseURL}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: "{not json",
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
    const big = await fetch(`${baseURL}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: "x".repeat(5 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect((await fetch(`${baseURL}/healthz`)).status).toBe(200);
  });

  it("stops generating when the client disconnects", async () => {
    const before = await metric("gpu_function_generated_tokens_total");
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: "tiny-base",
        messages: [{ role: "user", content: "Tell me a long story." }],
        max_tokens: 120,
        temperature: 0,
        stream: true,
        ignore_eos: true,
      } as OpenAI.ChatCompletionCreateParamsStreaming,
      { signal: controller.signal },
    );
    let chunks = 0;
    try {
      for await (const _ of stream) if (++chunks === 3) controller.abort();
    } catch {
      // the client reports its own abort
    }
    await new Promise((r) => setTimeout(r, 300));
    const generated = (await metric("gpu_function_generated_tokens_total")) - before;
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(generated).toBeLessThan(60);
    expect(await metric("gpu_function_active_sequences")).toBe(0);
  });
});
