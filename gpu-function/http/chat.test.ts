// The chat route over a scripted model: reasoning (harmony analysis channel) reaches clients
// as reasoning_content, stop sequences cut content, in both streaming and plain responses.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AdapterRegistry } from "../engine/adapters";
import { EngineMetrics } from "../engine/metrics";
import { Scheduler } from "../engine/scheduler";
import { ScriptedModel, writeByteTokenizer } from "../engine/test-fixtures";
import { ChatTokenizer } from "../engine/tokenizer";
import { chatRoutes, deltaFrame } from "./chat";
import type { ServingDeps } from "./deps";
import { createRouter } from "./router";

let dir: string;
let server: Server;
let client: OpenAI;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "chat-route-"));
  await writeByteTokenizer(dir);
  const tokenizer = await ChatTokenizer.fromDir(dir);
  const id = (t: string) => tokenizer.tokenId(t)!;
  const script = [
    id("<|channel|>"),
    ...tokenizer.encode("analysis"),
    id("<|message|>"),
    ...tokenizer.encode("Check the dose."),
    id("<|end|>"),
    id("<|start|>"),
    ...tokenizer.encode("assistant"),
    id("<|channel|>"),
    ...tokenizer.encode("final"),
    id("<|message|>"),
    ...tokenizer.encode("Take 1 tablet. STOP here."),
    id("<|im_end|>"),
  ];
  // The generation prompt ends with "<|im_start|>assistant\n"; the script starts right after it.
  const generated = (ctx: number[]) => ctx.length - (ctx.lastIndexOf(id("<|im_start|>")) + 1 + "assistant\n".length);
  const model = new ScriptedModel((ctx) => script[generated(ctx)] ?? id("<|im_end|>"), 512);
  const metrics = new EngineMetrics();
  const deps: ServingDeps = {
    modelId: "scripted",
    aliases: ["default"],
    model,
    tokenizer,
    scheduler: new Scheduler(model, tokenizer, { maxBatch: 1, maxQueue: 4, metrics }),
    adapters: new AdapterRegistry([]),
    metrics,
    embedder: null,
    defaultMaxTokens: 200,
    startedAt: Date.now(),
  };
  server = createServer(createRouter(chatRoutes(deps), { maxBodyBytes: 1 << 20 }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  client = new OpenAI({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: "none", maxRetries: 0 });
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

const messages = [{ role: "user" as const, content: "How many?" }];

describe("chat completions route", () => {
  it("returns the analysis channel as reasoning_content and the final channel as content", async () => {
    const res = await client.chat.completions.create({ model: "scripted", messages });
    const message = res.choices[0]!.message as { content: string; reasoning_content?: string };
    expect(message.content).toBe("Take 1 tablet. STOP here.");
    expect(message.reasoning_content).toBe("Check the dose.");
    expect(res.choices[0]!.finish_reason).toBe("stop");
  });

  it("streams reasoning and content deltas separately and honours stop sequences", async () => {
    const stream = await client.chat.completions.create({ model: "scripted", messages, stream: true, stop: [" STOP"] });
    let content = "";
    let reasoning = "";
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string; reasoning_content?: string } | undefined;
      content += delta?.content ?? "";
      reasoning += delta?.reasoning_content ?? "";
    }
    expect(reasoning).toBe("Check the dose.");
    expect(content).toBe("Take 1 tablet.");
  });

  it("streams merged deltas whose concatenation is the plain answer", async () => {
    const plain = await client.chat.completions.create({ model: "scripted", messages });
    const stream = await client.chat.completions.create({ model: "scripted", messages, stream: true });
    let content = "";
    let events = 0;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string } | undefined;
      if (delta?.content) events++;
      content += delta?.content ?? "";
    }
    expect(content).toBe(plain.choices[0]!.message.content);
    // One event per write window at most, never more events than tokens.
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThanOrEqual(plain.usage!.completion_tokens);
  });
});

describe("deltaFrame", () => {
  const meta = { id: "chatcmpl-1", created: 1, model: 'm "delta":{} \u2028' };
  for (const includeUsage of [false, true]) {
    const chunk = (delta: { content?: string; reasoning_content?: string }) => ({
      ...meta,
      object: "chat.completion.chunk" as const,
      choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
      ...(includeUsage ? { usage: null } : {}),
    });
    it(`renders exactly what JSON.stringify renders (usage ${includeUsage})`, () => {
      const frame = deltaFrame(chunk);
      for (const [content, reasoning] of [
        ["Take 1 tablet.", ""],
        ["", 'Check "the" dose.\n'],
        ["ünïcode \u2028 ✓ \\", "both"],
      ]) {
        const delta = { ...(reasoning ? { reasoning_content: reasoning } : {}), ...(content ? { content } : {}) };
        expect(frame(content!, reasoning!)).toBe(`data: ${JSON.stringify(chunk(delta))}\n\n`);
      }
    });
  }
});
