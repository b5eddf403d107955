// POST /v1/embeddings on a real server and a real onnxruntime session (tiny generated
// embedder): one request of texts of mixed lengths gives each text the vector it gets alone
// (the model sorts them into length-bucketed batches), and EMBEDDING_MAX_TOKENS' option cuts
// every input to its first tokens.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeTinyEmbedder, writeTinyModel } from "../models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "../server";

let dir: string;
let whole: GpuFunctionServer;
let cut: GpuFunctionServer;
let wholeURL: string;
let cutURL: string;

async function embed(baseURL: string, input: string[]): Promise<number[][]> {
  const res = await fetch(`${baseURL}/v1/embeddings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "tiny-embedder", input, encoding_format: "float" }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { index: number; embedding: number[] }[] }).data.map((d) => d.embedding);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpu-function-embeddings-"));
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 5, maxPositions: 128 });
  await writeTinyEmbedder(path.join(dir, "embedder"), { dim: 64, seed: 6 });
  const common = {
    modelDir: path.join(dir, "model"),
    embeddingModelDir: path.join(dir, "embedder"),
    embeddingModelId: "tiny-embedder",
    lora: null,
    fineTuning: false as const,
    intraOpThreads: 1,
    log: () => {},
  };
  whole = await createGpuFunctionServer(common);
  cut = await createGpuFunctionServer({ ...common, embeddingMaxTokens: 6 });
  wholeURL = await whole.listen(0, "127.0.0.1");
  cutURL = await cut.listen(0, "127.0.0.1");
}, 120_000);

afterAll(async () => {
  await whole?.close(1_000);
  await cut?.close(1_000);
  await rm(dir, { recursive: true, force: true });
});

describe("POST /v1/embeddings", () => {
  it("embeds a request of mixed lengths as each text alone, in the caller's order", async () => {
    const texts = [
      "fever",
      "a long story about a cough that has lasted for three weeks and gets worse at night when lying down",
      "broken arm",
      "kidney stones and back pain",
      ...Array.from({ length: 20 }, (_, i) => `headache number ${i} ${"and more ".repeat(i % 5)}`),
    ];
    const together = await embed(wholeURL, texts);
    expect(together).toHaveLength(texts.length);
    for (const i of [0, 1, 2, 3, 10, 23]) {
      const [alone] = await embed(wholeURL, [texts[i]]);
      alone.forEach((x, k) => expect(together[i][k]).toBeCloseTo(x, 4));
    }
  });

  it("reads only the first embeddingMaxTokens tokens of each input", async () => {
    const start = "kidney stones cause severe pain in the side and back";
    const texts = [`${start} and blood in the urine`, `${start}, nausea and a fever`];
    const [a, b] = await embed(cutURL, texts);
    expect(a).toEqual(b);
    const [c, d] = await embed(wholeURL, texts);
    expect(c).not.toEqual(d);
  });
});
