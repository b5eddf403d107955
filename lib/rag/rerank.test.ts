// The rerank client against a real HTTP server on 127.0.0.1 that speaks the gpu-function's
// POST /v1/rerank contract, and its use inside retrieval (re-ordering, fallback on failure).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { createGpuFunctionReranker, RerankError, rerankerFromEnvironment } from "./rerank";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, freshDb } from "./test-helpers";

interface Seen {
  auth?: string;
  body: { model?: string; query: string; documents: string[]; top_n?: number };
}

/** Scores a document by how many times it contains the query's last word (a stand-in cross-encoder). */
function fakeServer(mode: { broken?: boolean } = {}) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.url === "/v1/models") {
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({ object: "list", data: [{ id: "medchat-base" }, { id: "medchat-reranker", object: "model", type: "rerank" }] }),
        );
        return;
      }
      const body = JSON.parse(raw) as Seen["body"];
      seen.push({ auth: req.headers.authorization, body });
      if (mode.broken) {
        res.statusCode = 503;
        res.end(JSON.stringify({ error: { message: "model loading" } }));
        return;
      }
      const word = body.query.toLowerCase().split(/\W+/).filter(Boolean).at(-1) ?? "";
      const results = body.documents.map((d, index) => ({ index, relevance_score: d.toLowerCase().split(word).length - 1 }));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ results: results.slice(0, body.top_n ?? results.length), model: body.model ?? "medchat-reranker" }));
    });
  });
  return {
    seen,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("gpu-function reranker client", () => {
  const fake = fakeServer();
  let url = "";
  beforeAll(async () => {
    url = await fake.start();
  });
  afterAll(() => fake.stop());

  it("sends query, documents, top_n and the token; returns scores best first", async () => {
    const r = createGpuFunctionReranker({ baseURL: url, token: "t0k", model: "ms-marco" });
    const out = await r.rerank("what helps gout", ["asthma", "gout gout", "gout"], 3);
    expect(out).toEqual([
      { index: 1, score: 2 },
      { index: 2, score: 1 },
      { index: 0, score: 0 },
    ]);
    expect(fake.seen.at(-1)).toEqual({
      auth: "Bearer t0k",
      body: { model: "ms-marco", query: "what helps gout", documents: ["asthma", "gout gout", "gout"], top_n: 3 },
    });
  });

  it("finds the reranker the gpu-function lists, or the one RERANK_MODEL names", async () => {
    vi.stubEnv("GPU_FUNCTION_URL", url);
    vi.stubEnv("RERANK_MODEL", "");
    expect((await rerankerFromEnvironment())?.id).toBe("gpu-function:medchat-reranker");
    vi.stubEnv("RERANK_MODEL", "bge-reranker");
    expect((await rerankerFromEnvironment())?.id).toBe("gpu-function:bge-reranker");
    vi.stubEnv("RERANK_MODEL", "off");
    expect(await rerankerFromEnvironment()).toBeNull();
    vi.unstubAllEnvs();
  });

  it("rejects malformed answers and unreachable servers with a RerankError", async () => {
    const bad = http.createServer((_req, res) => res.end(JSON.stringify({ results: [{ index: 9, relevance_score: 1 }] })));
    await new Promise<void>((resolve) => bad.listen(0, "127.0.0.1", () => resolve()));
    const badUrl = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
    await expect(createGpuFunctionReranker({ baseURL: badUrl }).rerank("q", ["a"])).rejects.toThrow(/invalid result/);
    await new Promise<void>((resolve) => bad.close(() => resolve()));
    await expect(createGpuFunctionReranker({ baseURL: badUrl, timeoutMs: 2000 }).rerank("q", ["a"])).rejects.toThrow(RerankError);
  });
});

describe("retrieval with a reranker", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  const fake = fakeServer();
  const broken = fakeServer({ broken: true });
  let url = "";
  let brokenUrl = "";
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, embedder, CONDITIONS);
    url = await fake.start();
    brokenUrl = await broken.start();
  });
  afterAll(async () => {
    await fake.stop();
    await broken.stop();
    await h.close();
  });

  it("re-orders the fused candidates by the cross-encoder's scores", async () => {
    const q = "pain in the side, back and big toe: uric";
    const plain = await retrieveHybrid(h.db, embedder, q, { k: 5, minScore: 0, minCoverage: 0 });
    expect(plain.length).toBeGreaterThan(1);
    const reranked = await retrieveHybrid(h.db, embedder, q, {
      k: 5,
      minScore: 0,
      minCoverage: 0,
      reranker: createGpuFunctionReranker({ baseURL: url }),
    });
    expect(reranked[0].documentId).toBe("gout"); // the only passage saying "uric"
    expect(new Set(reranked.map((r) => r.chunkId))).toEqual(new Set(plain.map((r) => r.chunkId)));
    expect(fake.seen.at(-1)!.body.documents.length).toBe(plain.length);
  });

  it("falls back to the fused order when the reranker fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const q = "kidney stones pain";
    const opts = { k: 3, minScore: 0, minCoverage: 0 };
    const plain = await retrieveHybrid(h.db, embedder, q, opts);
    expect(plain.length).toBeGreaterThan(1);
    const withBroken = await retrieveHybrid(h.db, embedder, q, { ...opts, reranker: createGpuFunctionReranker({ baseURL: brokenUrl }) });
    expect(withBroken.map((r) => r.chunkId)).toEqual(plain.map((r) => r.chunkId));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rerank skipped: .*503 model loading/));
    warn.mockRestore();
  });
});
