import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyEmbedder } from "@/gpu-function/models/tiny";
import { EmbeddingError, createGpuFunctionEmbedder } from "./embed";
import { hashingEmbedding } from "./embed-hashing";
import { createLocalEmbedder } from "./embed-local";

const MAX_CHARS = 200;

/** A real HTTP server speaking the OpenAI embeddings wire format (one "token" per character). */
function startFakeEmbeddingsServer() {
  const requests: { auth?: string; inputs: string[] }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      requests.push({ auth: req.headers.authorization, inputs: input });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (req.url !== "/v1/embeddings") return send(404, { error: { message: "not found" } });
      const long = input.findIndex((t) => t.length > MAX_CHARS);
      if (long >= 0) {
        return send(400, {
          error: {
            message: `input[${long}] has ${input[long].length} tokens; ${model} accepts at most ${MAX_CHARS}`,
            type: "invalid_request_error",
            code: "context_length_exceeded",
          },
        });
      }
      send(200, {
        object: "list",
        model,
        data: input.map((t, index) => ({ object: "embedding", index, embedding: hashingEmbedding(t) })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    });
  });
  return new Promise<{ url: string; requests: typeof requests; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe("gpu-function embedder (HTTP)", () => {
  let srv: Awaited<ReturnType<typeof startFakeEmbeddingsServer>>;
  beforeAll(async () => {
    srv = await startFakeEmbeddingsServer();
  });
  afterAll(() => srv.close());

  it("batches documents, sends the token, and returns vectors in order", async () => {
    const e = createGpuFunctionEmbedder({ baseURL: srv.url, token: "secret", model: "tiny", batchSize: 3 });
    const texts = ["asthma", "gout", "flu", "migraine", "kidney stones"];
    const vectors = await e.embedDocuments(texts);
    expect(vectors).toEqual(texts.map((t) => hashingEmbedding(t)));
    expect(srv.requests.map((r) => r.inputs.length)).toEqual([3, 2]);
    // Requests hold texts of similar lengths (the server pads a batch to its longest).
    expect(srv.requests.map((r) => r.inputs)).toEqual([
      ["flu", "gout", "asthma"],
      ["migraine", "kidney stones"],
    ]);
    expect(srv.requests[0].auth).toBe("Bearer secret");
    expect(await e.embedQuery("flu")).toEqual(hashingEmbedding("flu"));
    const before = srv.requests.length;
    expect(await e.embedQueries!(["gout", "What is (are) gout ?"])).toEqual([
      hashingEmbedding("gout"),
      hashingEmbedding("What is (are) gout ?"),
    ]);
    expect(srv.requests.slice(before).map((r) => r.inputs)).toEqual([["gout", "What is (are) gout ?"]]);
  });

  it("truncates an input longer than the model's context instead of failing the batch", async () => {
    const e = createGpuFunctionEmbedder({ baseURL: srv.url, model: "tiny" });
    const long = "word ".repeat(100); // 500 characters
    const [short, cut] = await e.embedDocuments(["short text", long]);
    expect(short).toEqual(hashingEmbedding("short text"));
    expect(cut).toHaveLength(256);
    expect(srv.requests.at(-1)!.inputs[0].length).toBeLessThanOrEqual(MAX_CHARS);
  });

  it("reports an unreachable gpu-function as an EmbeddingError", async () => {
    const e = createGpuFunctionEmbedder({ baseURL: "http://127.0.0.1:9", model: "tiny", maxRetries: 0 });
    await expect(e.embedQuery("x")).rejects.toThrow(EmbeddingError);
    await expect(e.embedQuery("x")).rejects.toThrow(/127\.0\.0\.1:9\/v1\/embeddings failed/);
  });
});

describe("local embedder (onnxruntime, tiny generated model)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-embedder-"));
    await writeTinyEmbedder(path.join(dir, "e256"), { dim: 256, seed: 3 });
    await writeTinyEmbedder(path.join(dir, "e64"), { dim: 64, seed: 3 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("embeds queries and documents to unit vectors, deterministically, truncating long text", async () => {
    const e = await createLocalEmbedder({ dir: path.join(dir, "e256"), batchSize: 2 });
    try {
      const [a, b, c] = await e.embedDocuments(["chest pain", "a rash on the arm", "x".repeat(5000)]);
      for (const v of [a, b, c]) {
        expect(v).toHaveLength(256);
        expect(Math.hypot(...v)).toBeCloseTo(1, 4);
      }
      const q = await e.embedQuery("chest pain");
      q.forEach((x, i) => expect(x).toBeCloseTo(a[i], 4));
      expect(a).not.toEqual(b);
    } finally {
      await e.close();
    }
  });

  it("embeds texts of mixed lengths in length-sorted batches, each as it would be alone", async () => {
    const e = await createLocalEmbedder({ dir: path.join(dir, "e256"), batchSize: 3 });
    try {
      const texts = [
        "gout",
        "a very long description of chest pain that spreads to the left arm",
        "flu",
        "kidney stones and back pain",
        "x",
      ];
      const together = await e.embedDocuments(texts);
      for (const [i, t] of texts.entries()) {
        const alone = await e.embedQuery(t);
        alone.forEach((x, k) => expect(together[i][k]).toBeCloseTo(x, 4));
      }
    } finally {
      await e.close();
    }
  });

  it("reads at most maxTokens tokens of each text when asked (EMBEDDING_MAX_TOKENS)", async () => {
    const cut = await createLocalEmbedder({ dir: path.join(dir, "e256"), maxTokens: 8 });
    const whole = await createLocalEmbedder({ dir: path.join(dir, "e256") });
    try {
      const start = "kidney stones cause severe pain in the side and back";
      const texts = [`${start} and blood in the urine`, `${start}, nausea and a fever`];
      const [a, b] = await cut.embedDocuments(texts);
      expect(a).toEqual(b); // the same first 8 tokens
      const [c, d] = await whole.embedDocuments(texts);
      expect(c).not.toEqual(d);
      expect(cut.id).toMatch(/@8$/);
      process.env.EMBEDDING_MAX_TOKENS = "-3";
      await expect(createLocalEmbedder({ dir: path.join(dir, "e256") })).rejects.toThrow(/EMBEDDING_MAX_TOKENS must be a positive integer/);
    } finally {
      delete process.env.EMBEDDING_MAX_TOKENS;
      await cut.close();
      await whole.close();
    }
  });

  it("refuses a model whose dimension does not match the knowledge base", async () => {
    await expect(createLocalEmbedder({ dir: path.join(dir, "e64") })).rejects.toThrow(/dimension 64/);
  });
});
