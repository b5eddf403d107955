// Benchmark: host memory while loading a checkpoint, eager reader (every tensor decoded to
// fp32 up front) vs lazy reader (onnx/safetensors-lazy.ts: each tensor read from disk when the
// graph builder uses it). Writes a synthetic llama checkpoint in fp16 (~1.1 GB by default) to
// a temporary directory, then runs each measurement in its own child process and prints the
// child's peak RSS (process.resourceUsage().maxRSS):
//   - build fp16 / build fp32: read + build the fused graph with fp16 (CUDA) or fp32 (CPU)
//     initializers, no session (what the reader changes);
//   - load: the whole loadModel() on the CPU EP (fp32, with the onnxruntime session).
//   npm run bench:load-memory     (BENCH_LOAD_HIDDEN, BENCH_LOAD_LAYERS, BENCH_LOAD_VOCAB, BENCH_LOAD_INTERMEDIATE to resize)
import { spawn } from "node:child_process";
import { open, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { floatToFp16 } from "../gpu-function/onnx/safetensors";
import { readHfModel } from "../gpu-function/models/hf-dir";
import { loadModel } from "../gpu-function/runtime/load";
import { familyByName } from "../gpu-function/models/registry";
import { seededRandom } from "../gpu-function/models/tiny";

const HIDDEN = Number(process.env.BENCH_LOAD_HIDDEN ?? 2048);
const LAYERS = Number(process.env.BENCH_LOAD_LAYERS ?? 12);
const VOCAB = Number(process.env.BENCH_LOAD_VOCAB ?? 32000);
const INTERMEDIATE = Number(process.env.BENCH_LOAD_INTERMEDIATE ?? 4096);

type Mode = "build-fp16" | "build-fp32" | "load";
interface ChildResult {
  maxRssBytes: number;
  baseRssBytes: number;
  initializerBytes: number;
  largestTensorFp32Bytes: number;
  seconds: number;
}

const MB = 1024 * 1024;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

/** Streams a random fp16 llama checkpoint tensor by tensor (never the whole file in memory). */
async function writeCheckpoint(dir: string): Promise<{ weightBytes: number; params: number }> {
  const family = familyByName("llama");
  const config = family.tinyConfig({
    vocabSize: VOCAB,
    hiddenSize: HIDDEN,
    numLayers: LAYERS,
    numHeads: 16,
    numKvHeads: 16,
    intermediateSize: INTERMEDIATE,
    maxPositions: 2048,
    eosTokenIds: [2],
    bosTokenId: 1,
  });
  config.torch_dtype = "float16";
  const dims = family.dims(config);
  const specs = family.tensorSpecs(dims, config).filter((s) => !s.optional);
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  let offset = 0;
  for (const s of specs) {
    const bytes = s.shape.reduce((a, b) => a * b, 1) * 2;
    header[s.name] = { dtype: "F16", shape: s.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - ((8 + json.length) % 8)) % 8);
  const rng = seededRandom(5);
  const normals = Uint16Array.from({ length: 4096 }, () => floatToFp16(rng.normal() * 0.02));
  const near1 = Uint16Array.from({ length: 4096 }, () => floatToFp16(1 + rng.normal() * 0.05));
  const handle = await open(path.join(dir, "model.safetensors"), "w");
  try {
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(json.length));
    await handle.write(len);
    await handle.write(Buffer.from(json));
    let state = 12345;
    for (const s of specs) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      const data = new Uint16Array(n);
      const table = s.init === "ones" ? near1 : normals;
      if (s.init !== "zeros") {
        for (let i = 0; i < n; i++) {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          data[i] = table[state & 4095];
        }
      }
      await handle.write(new Uint8Array(data.buffer));
    }
  } finally {
    await handle.close();
  }
  await writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  return { weightBytes: offset, params: offset / 2 };
}

async function child(mode: Mode, lazy: boolean, dir: string): Promise<ChildResult> {
  const baseRssBytes = process.memoryUsage().rss;
  const t0 = performance.now();
  let initializerBytes = 0;
  let largestTensorFp32Bytes = 0;
  if (mode === "load") {
    const model = await loadModel(dir, { lazyWeights: lazy, maxBatch: 1, maxSequenceLength: 256, device: "cpu", precision: "fp32" });
    const [logits] = await model.forward([{ tokens: [1, 5, 9], cache: model.newCache(), lora: null }]);
    if (!logits.every(Number.isFinite)) throw new Error("non-finite logits");
    initializerBytes = model.weightBytes();
    await model.dispose();
  } else {
    const model = await readHfModel(dir, { lazy });
    for (const t of model.tensors.values())
      largestTensorFp32Bytes = Math.max(largestTensorFp32Bytes, t.shape.reduce((a, b) => a * b, 1) * 4);
    const graph = model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
      loraModules: new Set(),
      quantize: "none",
      floatType: mode === "build-fp16" ? "float16" : "float32",
      output: "logits",
      maxSequenceLength: 256,
    });
    model.close();
    for (const c of graph.initializers.values()) initializerBytes += c.data.byteLength;
  }
  return {
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    baseRssBytes,
    initializerBytes,
    largestTensorFp32Bytes,
    seconds: (performance.now() - t0) / 1000,
  };
}

function runChild(mode: Mode, lazy: boolean, dir: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--child", mode, lazy ? "lazy" : "eager", dir],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("error", reject);
    p.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`child ${mode}/${lazy ? "lazy" : "eager"} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-load-memory-"));
  try {
    const t0 = performance.now();
    const { weightBytes, params } = await writeCheckpoint(dir);
    console.log(
      `synthetic llama: hidden ${HIDDEN}, ${LAYERS} layers, intermediate ${INTERMEDIATE}, vocab ${VOCAB} (tied head): ${(params / 1e6).toFixed(0)}M params, ${gb(weightBytes)} fp16 on disk (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    console.log("");
    console.log("| measurement | initializers | eager peak RSS | lazy peak RSS | lazy/eager | eager s | lazy s |");
    console.log("|---|---|---|---|---|---|---|");
    for (const mode of ["build-fp16", "build-fp32", "load"] as const) {
      // One at a time: both together would compete for the machine's memory and cores.
      const eager = await runChild(mode, false, dir);
      const lazy = await runChild(mode, true, dir);
      const label =
        mode === "load" ? "loadModel (CPU, fp32, session)" : `read + build graph, ${mode === "build-fp16" ? "fp16 (CUDA)" : "fp32 (CPU)"}`;
      console.log(
        `| ${label} | ${gb(lazy.initializerBytes)} | ${gb(eager.maxRssBytes)} | ${gb(lazy.maxRssBytes)} | ${(lazy.maxRssBytes / eager.maxRssBytes).toFixed(2)} | ${eager.seconds.toFixed(1)} | ${lazy.seconds.toFixed(1)} |`,
      );
      if (mode === "build-fp16")
        console.log(
          `|  (process baseline ${(lazy.baseRssBytes / MB).toFixed(0)} MB; largest tensor in fp32 ${gb(lazy.largestTensorFp32Bytes)}) | | | | | | |`,
        );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  child(args[1] as Mode, args[2] === "lazy", args[3]).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
