// POST /v1/rerank and BERT-family /v1/embeddings on a real gpu-function over HTTP on
// 127.0.0.1: a tiny random llama as the chat model, a tiny sentence-transformers BERT
// (CLS pooling + Normalize) as the embedder and a tiny BertForSequenceClassification as the
// reranker, all real onnxruntime sessions. Scores are checked against the runtime's own
// reranker on the same pairs, so the route's tokenising, ordering and top_n are what is tested.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeTinyBert } from "../models/bert-tiny";
import { writeTinyModel } from "../models/tiny";
import { loadReranker } from "../runtime/load-encoder";
import { createGpuFunctionServer, type GpuFunctionServer } from "../server";
import type { RerankResponse } from "../shared/rerank";

const TOKEN = "rerank-token";
let dir: string;
let server: GpuFunctionServer;
let baseURL: string;

const QUERY = "what causes high blood pressure?";
const DOCS = [
  "high blood pressure causes: salt, stress and age.",
  "flu symptoms: fever and cough",
  "my child has a rash",
  "sleep help please",
  "heart pain and chest ache",
];

function post(body: unknown, auth = TOKEN): Promise<Response> {
  return fetch(`${baseURL}/v1/rerank`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpu-function-rerank-"));
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 7, maxPositions: 256 });
  await writeTinyBert(path.join(dir, "embedder"), {
    seed: 8,
    hiddenSize: 32,
    sentenceTransformers: { mode: "cls", normalize: true, maxSeqLength: 48 },
  });
  await writeTinyBert(path.join(dir, "reranker"), { seed: 9, hiddenSize: 32, numLabels: 1, maxPositions: 64 });
  server = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    embeddingModelDir: path.join(dir, "embedder"),
    embeddingModelId: "tiny-bge",
    rerankerModelDir: path.join(dir, "reranker"),
    rerankerModelId: "tiny-cross-encoder",
    token: TOKEN,
    lora: null,
    fineTuning: false,
    log: () => {},
  });
  baseURL = await server.listen(0, "127.0.0.1");
}, 120_000);

afterAll(async () => {
  await server?.close(1_000);
  await rm(dir, { recursive: true, force: true });
});

describe("POST /v1/rerank", () => {
  it("returns every document's index and score, best first, matching the cross-encoder on the same pairs", async () => {
    const res = await post({ model: "tiny-cross-encoder", query: QUERY, documents: DOCS });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RerankResponse;
    expect(body.object).toBe("list");
    expect(body.model).toBe("tiny-cross-encoder");
    expect(body.results.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < body.results.length; i++)
      expect(body.results[i - 1].relevance_score).toBeGreaterThanOrEqual(body.results[i].relevance_score);
    expect(body.results.every((r) => r.document === undefined)).toBe(true);
    expect(body.usage.total_tokens).toBeGreaterThan(5 * 5);

    const tok = new Tokenizer(JSON.parse(await readFile(path.join(dir, "reranker", "tokenizer.json"), "utf8")) as object, {});
    const ids = (t: string) => tok.encode(t, { add_special_tokens: false }).ids;
    const reference = await loadReranker(path.join(dir, "reranker"));
    try {
      const scores = await reference.score(DOCS.map((d) => ({ query: ids(QUERY), document: ids(d) })));
      for (const r of body.results) expect(Math.abs(r.relevance_score - scores[r.index])).toBeLessThan(1e-5);
      expect(new Set(Array.from(scores).map((s) => s.toFixed(4))).size).toBeGreaterThan(1);
    } finally {
      await reference.dispose();
    }
  });

  it("top_n, return_documents, {text} documents and the 'default' alias; a document longer than the model is truncated, not refused", async () => {
    const all = (await (await post({ query: QUERY, documents: DOCS })).json()) as RerankResponse;
    const res = await post({ model: "default", query: QUERY, documents: DOCS.map((text) => ({ text })), top_n: 2, return_documents: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RerankResponse;
    expect(body.results).toHaveLength(2);
    expect(body.results.map((r) => r.index)).toEqual(all.results.slice(0, 2).map((r) => r.index));
    for (const r of body.results) expect(r.document).toEqual({ text: DOCS[r.index] });
    const long = await post({ query: QUERY, documents: ["fever ".repeat(5000), DOCS[0]], top_n: 10 });
    expect(long.status).toBe(200);
    expect(((await long.json()) as RerankResponse).results).toHaveLength(2);
  });

  it.each([
    ["no query", { documents: DOCS }, "query"],
    ["an empty query", { query: "", documents: DOCS }, "query"],
    ["no documents", { query: QUERY, documents: [] }, "documents"],
    ["a non-string document", { query: QUERY, documents: [3] }, "documents.0"],
    ["top_n 0", { query: QUERY, documents: DOCS, top_n: 0 }, "top_n"],
    ["too many documents", { query: QUERY, documents: Array.from({ length: 1001 }, () => "x") }, "documents"],
    ["an over-long query", { query: "x".repeat(8001), documents: DOCS }, "query"],
  ])("400 with a reason for %s", async (_name, body, param) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { message: string; param: string; type: string } };
    expect(err.error.type).toBe("invalid_request_error");
    expect(err.error.param).toBe(param);
    expect(err.error.message.length).toBeGreaterThan(5);
  });

  it("malformed JSON → 400, unknown model → 404, missing token → 401", async () => {
    expect((await post("{not json")).status).toBe(400);
    const unknown = await post({ model: "nope", query: QUERY, documents: DOCS });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("model_not_found");
    expect((await post({ query: QUERY, documents: DOCS }, "")).status).toBe(401);
  });

  it("GET /v1/models lists the reranker and the embedder with their type", async () => {
    const list = (await (await fetch(`${baseURL}/v1/models`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      data: { id: string; type?: string }[];
    };
    expect(list.data.find((m) => m.id === "tiny-cross-encoder")?.type).toBe("rerank");
    expect(list.data.find((m) => m.id === "tiny-bge")?.type).toBe("embedding");
    expect(list.data[0].type).toBe("chat");
  });
});

describe("BERT-family /v1/embeddings", () => {
  it("serves unit vectors of the hidden size through the official openai client; over-long input is truncated to the window", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${baseURL}/v1` });
    const res = await client.embeddings.create({ model: "tiny-bge", input: ["fever and cough", "broken arm", "fever and cough"] });
    expect(res.data).toHaveLength(3);
    expect(res.data[0].embedding).toHaveLength(32);
    expect(Math.hypot(...res.data[0].embedding)).toBeCloseTo(1, 4);
    expect(res.data[2].embedding).toEqual(res.data[0].embedding);
    expect(res.data[1].embedding).not.toEqual(res.data[0].embedding);
    // Past the encoder's window, inputs are cut to it: two texts that agree on the window embed alike.
    const long = await client.embeddings.create({ model: "tiny-bge", input: ["fever ".repeat(60), "fever ".repeat(90)] });
    expect(Math.hypot(...long.data[0].embedding)).toBeCloseTo(1, 4);
    expect(long.data[1].embedding).toEqual(long.data[0].embedding);
  });
});

describe("a server without a reranker", () => {
  it("answers /v1/rerank with 404 and says how to configure one", async () => {
    const bare = await createGpuFunctionServer({ modelDir: path.join(dir, "model"), lora: null, fineTuning: false, log: () => {} });
    try {
      const url = await bare.listen(0, "127.0.0.1");
      const res = await fetch(`${url}/v1/rerank`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY, documents: DOCS }),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/RERANKER_MODEL_DIR/);
    } finally {
      await bare.close(1_000);
    }
  });
});
