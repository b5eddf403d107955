// What the embedder's arithmetic allows on this machine: onnxruntime's fp32 MatMul at the
// embedder's largest shape (a batch of chunks × hidden → MLP width), timed alone with the
// session's default threads, and the embedder's FLOPs per chunk. Ingestion with embeddings
// cannot go faster than ceiling ÷ FLOPs per chunk (bench/retrieval.ts prints both).
import * as ort from "onnxruntime-node";
import { familyFor } from "@/gpu-function/models/registry";
import { readHfConfig } from "@/gpu-function/models/hf-dir";
import { GraphBuilder } from "@/gpu-function/onnx/graph";

/** FLOPs per token of a decoder embedder's linear layers (q, k, v, o and a gated MLP per layer). */
export async function linearFlopsPerToken(dir: string): Promise<{ flops: number; hidden: number; intermediate: number }> {
  const config = await readHfConfig(dir);
  const d = familyFor(config).dims(config);
  const q = d.numHeads * d.headDim;
  const kv = d.numKvHeads * d.headDim;
  const perLayer = d.hiddenSize * (q + 2 * kv) + q * d.hiddenSize + 3 * d.hiddenSize * d.intermediateSize;
  return { flops: 2 * d.numLayers * perLayer, hidden: d.hiddenSize, intermediate: d.intermediateSize };
}

/**
 * fp32 GFLOP/s of one MatMul [rows × k] · [k × n], best of `rounds` rounds of `runs` runs: per second
 * of wall time, and per CPU-second of this process (all threads; much less sensitive to the other
 * users of a shared machine).
 */
export async function matmulGflops(
  rows: number,
  k: number,
  n: number,
  rounds = 3,
  runs = 10,
): Promise<{ wall: number; perCpuSecond: number }> {
  const g = new GraphBuilder("gemm_ceiling");
  g.input("a", "float32", [rows, k]);
  g.initializer("w", {
    dtype: "float32",
    dims: [k, n],
    data: Float32Array.from({ length: k * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5),
  });
  g.node("MatMul", ["a", "w"], { outputs: ["y"] });
  g.output("y", "float32", [rows, n]);
  const session = await ort.InferenceSession.create(g.toBytes(), { graphOptimizationLevel: "all" });
  const a = new ort.Tensor(
    "float32",
    Float32Array.from({ length: rows * k }, (_, i) => ((i * 104729) % 1000) / 1000),
    [rows, k],
  );
  const gflop = (2 * rows * k * n * runs) / 1e9;
  try {
    await session.run({ a });
    let wall = 0;
    let perCpuSecond = 0;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      for (let i = 0; i < runs; i++) await session.run({ a });
      const cpu = process.cpuUsage(c);
      wall = Math.max(wall, gflop / ((performance.now() - t) / 1000));
      perCpuSecond = Math.max(perCpuSecond, gflop / ((cpu.user + cpu.system) / 1e6));
    }
    return { wall, perCpuSecond };
  } finally {
    await session.release();
  }
}
