// Rerank latency: one query against its top-20 candidates through the served cross-encoder
// (fused graph: EmbedLayerNormalization, Attention, SkipLayerNormalization, BiasGelu), with the
// same pairs through the plain standard-op graph of the same weights as the peer in the same run.
// Models: the committed default (models/reranker, when present) and a random model of
// ms-marco-MiniLM-L-6-v2's shape (6 layers, d=384, 12 heads), so a real deployment's cost shows.
// Usage: npm run bench:rerank -- [--candidates 20] [--doc-tokens 160] [--runs 15] [--threads 2]
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { writeTinyBert } from "../gpu-function/models/bert-tiny";
import { readHfModel } from "../gpu-function/models/hf-dir";
import { buildPlainGraph, PLAIN_SESSION_OPTIONS } from "../gpu-function/models/plain";
import { encodePair } from "../gpu-function/runtime/encoder";
import { loadReranker } from "../gpu-function/runtime/load-encoder";

const { values } = parseArgs({
  options: {
    candidates: { type: "string", default: "20" },
    "doc-tokens": { type: "string", default: "160" },
    runs: { type: "string", default: "15" },
    threads: { type: "string", default: "2" },
  },
});
const candidates = Number(values.candidates);
const docTokens = Number(values["doc-tokens"]);
const runs = Number(values.runs);
const threads = Number(values.threads);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function timeIt(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

async function bench(label: string, dir: string, special: { cls: number; sep: number }): Promise<void> {
  const model = await readHfModel(dir);
  const vocab = model.dims.vocabSize;
  const ids = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 5 + ((seed * 7919 + i * 104729) % (vocab - 5)));
  const query = ids(24, 1);
  const pairs = Array.from({ length: candidates }, (_, i) => ({ query, document: ids(docTokens, i + 2) }));
  const reranker = await loadReranker(dir, { intraOpThreads: threads, maxBatch: candidates });
  const fused = await timeIt(() => reranker.score(pairs));
  await reranker.dispose();

  // Peer: the plain graph on the same padded batch.
  const rows = pairs.map((p) => encodePair(p, special, reranker.maxSequenceLength));
  const seq = Math.max(...rows.map((r) => r.ids.length));
  const feeds = {
    input_ids: new ort.Tensor(
      "int64",
      BigInt64Array.from(
        rows.flatMap((r) => [...r.ids, ...Array(seq - r.ids.length).fill(0)]),
        BigInt,
      ),
      [rows.length, seq],
    ),
    token_type_ids: new ort.Tensor(
      "int64",
      BigInt64Array.from(
        rows.flatMap((r) => [...r.types!, ...Array(seq - r.ids.length).fill(0)]),
        BigInt,
      ),
      [rows.length, seq],
    ),
    attention_mask: new ort.Tensor(
      "int64",
      BigInt64Array.from(
        rows.flatMap((r) => [...r.ids.map(() => 1), ...Array(seq - r.ids.length).fill(0)]),
        BigInt,
      ),
      [rows.length, seq],
    ),
  };
  const plain = await ort.InferenceSession.create(buildPlainGraph(model, { output: "logits" }).toBytes(), {
    ...PLAIN_SESSION_OPTIONS,
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
  const reference = await timeIt(() => plain.run(feeds));
  await plain.release();
  const p50 = percentile(fused, 50);
  console.log(
    `${label}: ${candidates} candidates × ${seq} tokens: fused p50 ${p50.toFixed(0)} ms, p95 ${percentile(fused, 95).toFixed(0)} ms; plain graph p50 ${percentile(reference, 50).toFixed(0)} ms → fused is ${(percentile(reference, 50) / p50).toFixed(2)}× the plain graph's speed`,
  );
}

const root = await mkdtemp(path.join(tmpdir(), "medchat-bench-rerank-"));
try {
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} (${threads} threads, ${runs} runs)`,
  );
  const committed = path.resolve(import.meta.dirname, "..", "models", "reranker");
  if (existsSync(path.join(committed, "model.safetensors"))) {
    const tok = (await import("../gpu-function/engine/tokenizer")).ChatTokenizer;
    const t = await tok.fromDir(committed);
    await bench("models/reranker (2 layers, d=256)", committed, { cls: t.tokenId("<|im_start|>")!, sep: t.tokenId("<|im_end|>")! });
  }
  const minilm = path.join(root, "minilm-l6");
  await writeTinyBert(minilm, { seed: 1, hiddenSize: 384, numLayers: 6, numHeads: 12, maxPositions: 512, numLabels: 1, std: 0.02 });
  await bench("ms-marco-MiniLM-L-6 shape, random (6 layers, d=384)", minilm, { cls: 2, sep: 3 });
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
