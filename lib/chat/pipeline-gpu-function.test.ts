// The pipeline against the real gpu-function (tiny random model, onnxruntime on CPU)
// on 127.0.0.1: the whole path through @ai-sdk/openai-compatible, including the
// smaller-prompt fallback for a model whose context cannot hold the full prompt.
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import { writeTinyModel } from "@/gpu-function/models/tiny";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { listMessages } from "@/lib/db/messages";
import { gpuFunctionConfig } from "./model";
import { runChatTurn } from "./pipeline";
import type { ChatEvent, RetrievedChunk } from "./types";

let dir: string;
let server: GpuFunctionServer;
let url: string;
let handle: DbHandle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "medchat-pipeline-"));
  // A 512-position byte-level model: the full prompt (policy + sources) does not fit.
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 11, maxPositions: 512 });
  server = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-chat",
    token: "secret",
    lora: null,
    fineTuning: false,
    log: () => {},
  });
  url = await server.listen(0, "127.0.0.1");
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
});

afterAll(async () => {
  await server?.close(1_000);
  await handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("chat pipeline with the real gpu-function", () => {
  it("streams a generated answer, falling back to a prompt that fits the model", async () => {
    const chunk: RetrievedChunk = {
      chunkId: "c1",
      documentId: "d1",
      title: "Asthma",
      url: null,
      text: "Asthma is a long-term condition of the airways. ".repeat(20),
      headingPath: "Asthma",
      score: 1,
      source: "test",
    };
    const events = await runChatTurn(
      {
        surface: "web",
        visitorId: "visitor_dddddddddddddddd",
        conversationId: "real-1",
        userMessage: { id: "real-1-u", text: "What is asthma?" },
        consent: true,
      },
      {
        db: handle.db,
        retriever: async () => [chunk, { ...chunk, chunkId: "c2" }, { ...chunk, chunkId: "c3" }],
        gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: url, GPU_FUNCTION_TOKEN: "secret", CHAT_MAX_TOKENS: "16", CHAT_TEMPERATURE: "0" }),
        env: {},
      },
    );
    const finish = events.at(-1) as Extract<ChatEvent, { type: "finish" }>;
    expect(events.find((e) => e.type === "error")).toBeUndefined();
    expect(finish.status).toBe("complete");
    expect(finish.model).toBe("tiny-chat");
    expect(finish.usage.outputTokens).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === "text-delta").length).toBeGreaterThan(0);
    const stored = await listMessages(handle.db, "real-1");
    expect(stored[1].status).toBe("complete");
    expect((stored[1].parts as { type: string }[]).at(-1)?.type).toBe("data-disclaimer");
  });

  it("reports a wrong token as a clear error instead of crashing", async () => {
    const events = await runChatTurn(
      {
        surface: "web",
        visitorId: "visitor_dddddddddddddddd",
        conversationId: "real-2",
        userMessage: { id: "real-2-u", text: "What is flu?" },
        consent: true,
      },
      { db: handle.db, gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: url, GPU_FUNCTION_TOKEN: "wrong", CHAT_MODEL: "tiny-chat" }), env: {} },
    );
    const error = events.find((e) => e.type === "error") as Extract<ChatEvent, { type: "error" }>;
    expect(error.code).toBe("model_error");
    expect(types(events).slice(-2)).toEqual(["disclaimer", "finish"]);
  });
});

describe("a connection the model server drops before answering", () => {
  // A proxy on 127.0.0.1 in front of the real gpu-function that resets the first N chat requests' sockets.
  async function droppingProxy(drops: number) {
    let dropped = 0;
    const proxy = http.createServer((req, res) => {
      if (req.url?.startsWith("/v1/chat/completions") && dropped < drops) {
        dropped++;
        req.socket.destroy();
        return;
      }
      const upstream = http.request(new URL(req.url ?? "/", url), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, dropped: () => dropped, close: () => new Promise((r) => proxy.close(r)) };
  }

  async function ask(proxyUrl: string, conversationId: string) {
    return runChatTurn(
      {
        surface: "web",
        visitorId: "visitor_dddddddddddddddd",
        conversationId,
        userMessage: { id: `${conversationId}-u`, text: "What is flu?" },
        consent: true,
      },
      {
        db: handle.db,
        gpu: gpuFunctionConfig({
          GPU_FUNCTION_URL: proxyUrl,
          GPU_FUNCTION_TOKEN: "secret",
          CHAT_MODEL: "tiny-chat",
          CHAT_MAX_TOKENS: "8",
          CHAT_GROUNDING: "free",
        }),
        env: {},
      },
    );
  }

  it("asks once more and answers", async () => {
    const proxy = await droppingProxy(1);
    try {
      const events = await ask(proxy.url, "dropped-once");
      expect(proxy.dropped()).toBe(1);
      expect(events.find((e) => e.type === "error")).toBeUndefined();
      expect((events.at(-1) as Extract<ChatEvent, { type: "finish" }>).status).toBe("complete");
    } finally {
      await proxy.close();
    }
  });

  it("gives up after the second drop with 'model unavailable'", async () => {
    const proxy = await droppingProxy(5);
    try {
      const events = await ask(proxy.url, "dropped-twice");
      expect(proxy.dropped()).toBe(2);
      expect((events.find((e) => e.type === "error") as Extract<ChatEvent, { type: "error" }>).code).toBe("model_unavailable");
    } finally {
      await proxy.close();
    }
  });
});

const types = (events: ChatEvent[]) => events.map((e) => e.type);
