// npm run bench:train [-- --steps 4 --batch 4 --seq 512 --threads 2 --modes lora,full]
//
// Training throughput of the default model (models/base/config.json, else the recipe's
// config) for LoRA and full-parameter training, against the fp32 MatMul throughput
// onnxruntime reaches on this machine in the same run (a 1024³ MatMul session with the
// same thread count). Model FLOPs follow PaLM's accounting (Chowdhery et al. 2022,
// appendix B): 6·N per token for full training plus 12·L·d·S for attention; LoRA
// skips the frozen weights' gradients (4·N) and adds its own small A/B terms.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import type { HfConfig, ModelDims } from "../gpu-function/models/types";
import { familyFor } from "../gpu-function/models/registry";
import { selectLoraTargets } from "../gpu-function/models/family";
import { initRandomModel } from "../gpu-function/train/model-io";
import { baseModelConfig, GROUNDED_LORA } from "../gpu-function/train/recipes/defaults";
import { trainModel, type TrainEvent } from "../gpu-function/train/trainer";
import type { TrainExample } from "../gpu-function/train/batches";
import { upperMedian } from "./stats";

const { values: args } = parseArgs({
  options: {
    steps: { type: "string", default: "4" },
    batch: { type: "string", default: "4" },
    seq: { type: "string", default: "512" },
    threads: { type: "string", default: "2" },
    modes: { type: "string", default: "lora,full" },
    config: { type: "string" },
  },
});
const STEPS = Number(args.steps);
const BATCH = Number(args.batch);
const SEQ = Number(args.seq);
const THREADS = Number(args.threads);
const MODES = args.modes.split(",").map((m) => m.trim()) as ("lora" | "full")[];
for (const [k, v] of Object.entries({ steps: STEPS, batch: BATCH, seq: SEQ, threads: THREADS })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
}

function loadConfig(): { config: HfConfig; source: string } {
  const file = args.config ?? path.join(import.meta.dirname, "..", "models", "base", "config.json");
  if (existsSync(file)) return { config: JSON.parse(readFileSync(file, "utf8")) as HfConfig, source: path.relative(process.cwd(), file) };
  return { config: baseModelConfig(), source: "gpu-function/train/recipes/defaults.ts (models/base/config.json absent)" };
}

/** GFLOP/s of one fp32 MatMul [m,k]×[k,n] session, median of timed runs after warm-up. */
async function matmulGflops(m: number, k: number, n: number, threads: number): Promise<number> {
  const g = new GraphBuilder("matmul_peak");
  const a = g.input("a", "float32", [m, k]);
  const b = g.input("b", "float32", [k, n]);
  g.node("MatMul", [a, b], { outputs: ["c"] });
  g.output("c", "float32", [m, n]);
  const session = await ort.InferenceSession.create(g.toBytes(), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  const feeds = {
    a: new ort.Tensor(
      "float32",
      Float32Array.from({ length: m * k }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5),
      [m, k],
    ),
    b: new ort.Tensor(
      "float32",
      Float32Array.from({ length: k * n }, (_, i) => ((i * 104729) % 1000) / 1000 - 0.5),
      [k, n],
    ),
  };
  const times: number[] = [];
  for (let i = 0; i < 13; i++) {
    const t0 = performance.now();
    await session.run(feeds);
    if (i >= 3) times.push((performance.now() - t0) / 1000);
  }
  await session.release();
  return (2 * m * k * n) / upperMedian(times) / 1e9;
}

interface FlopModel {
  /** Weights that take part in matmuls (embedding lookups excluded; a tied LM head counted once). */
  matmulParams: number;
  loraParamsPerToken: number;
  attentionPerToken: number;
}

function flopModel(config: HfConfig, dims: ModelDims, loraTargets: string[], r: number, seq: number): FlopModel {
  const family = familyFor(config);
  let matmulParams = 0;
  for (const spec of family.tensorSpecs(dims, config)) {
    if (spec.shape.length !== 2 || spec.optional) continue;
    if (/embed_tokens|wte|wpe|embed_positions/.test(spec.name)) continue;
    matmulParams += spec.shape[0] * spec.shape[1];
  }
  if (dims.tieWordEmbeddings) matmulParams += dims.vocabSize * dims.hiddenSize;
  const targets = selectLoraTargets(family.loraTargets(dims), loraTargets);
  const loraParams = targets.reduce((s, t) => s + r * (t.inFeatures + t.outFeatures), 0);
  // Per token and layer: QKᵀ and AV are 2·S·(heads·headDim) FLOPs each in the forward pass.
  const attentionForward = 4 * dims.numLayers * seq * dims.numHeads * dims.headDim;
  return { matmulParams, loraParamsPerToken: loraParams, attentionPerToken: attentionForward };
}

/** Training FLOPs per token: forward 1×, backward 2× (inputs + weights); LoRA skips frozen weight grads. */
function trainingFlopsPerToken(f: FlopModel, mode: "lora" | "full"): number {
  const attention = 3 * f.attentionPerToken;
  if (mode === "full") return 6 * f.matmulParams + attention;
  return 4 * f.matmulParams + attention + 6 * f.loraParamsPerToken;
}

function syntheticRows(vocab: number, rows: number, len: number): TrainExample[] {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % vocab;
  return Array.from({ length: rows }, () => {
    const inputIds = Array.from({ length: len }, next);
    return { inputIds, lossMask: inputIds.map((_, i) => (i === 0 ? 0 : 1)) };
  });
}

async function benchMode(
  mode: "lora" | "full",
  base: ReturnType<typeof initRandomModel>,
): Promise<{ tokensPerSecond: number; trainable: number; stepSeconds: number }> {
  const steps: { seconds: number }[] = [];
  let trainable = 0;
  let last = performance.now();
  const onEvent = (e: TrainEvent) => {
    if (e.type === "start") trainable = e.trainableParameters;
    if (e.type === "step") {
      const now = performance.now();
      steps.push({ seconds: (now - last) / 1000 });
      last = now;
      process.stderr.write(`  ${mode} step ${e.step}/${e.totalSteps}: ${Math.round(e.tokensPerSecond)} tok/s\n`);
    }
  };
  await trainModel(
    {
      ...(mode === "lora" ? GROUNDED_LORA : { mode: "full", objective: "lm", learningRate: 1e-4 }),
      gradientAccumulationSteps: 1,
      batchSize: BATCH,
      maxSeqLength: SEQ,
      maxSteps: STEPS + 1,
      packing: false,
      threads: THREADS,
      checkpointDir: "",
      warmupSteps: 0,
      warmupRatio: 0,
    },
    { examples: syntheticRows(base.dims.vocabSize, BATCH * (STEPS + 1), SEQ) },
    { base, onEvent },
  );
  // The first step pays onnxruntime's first-run allocations; steady state is what counts.
  // Wall time between step events (batching, feeds, optimizer included), not the trainer's own figure.
  const stepSeconds = upperMedian(steps.slice(1).map((s) => s.seconds));
  return { tokensPerSecond: (BATCH * SEQ) / stepSeconds, trainable, stepSeconds };
}

async function main(): Promise<void> {
  const { config, source } = loadConfig();
  const base = initRandomModel(config, 1);
  const d = base.dims;
  console.log(
    `model: ${d.family} L=${d.numLayers} d=${d.hiddenSize} heads=${d.numHeads}/${d.numKvHeads} ffn=${d.intermediateSize} vocab=${d.vocabSize} (from ${source})`,
  );
  console.log(`shape: batch ${BATCH} × seq ${SEQ}, ${STEPS} timed steps per mode, ${THREADS} onnxruntime threads`);
  // Shared machines skew both sides of the ratio; the load average says how much.
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );

  const peak = await matmulGflops(1024, 1024, 1024, THREADS);
  const shaped = await matmulGflops(BATCH * SEQ, d.hiddenSize, d.intermediateSize, THREADS);
  console.log(
    `onnxruntime fp32 MatMul: 1024³ ${peak.toFixed(1)} GFLOP/s; model-shaped ${BATCH * SEQ}×${d.hiddenSize}×${d.intermediateSize} ${shaped.toFixed(1)} GFLOP/s`,
  );

  const lora = GROUNDED_LORA.lora!;
  const flops = flopModel(config, d, lora.targetModules!, lora.r!, SEQ);
  const rows: string[][] = [];
  const peaks = [peak];
  for (const mode of MODES) {
    const r = await benchMode(mode, base);
    // Re-measured right after the mode ran: on a shared machine the peak drifts with load,
    // and each ratio should compare against the peak of its own moment.
    const modePeak = await matmulGflops(1024, 1024, 1024, THREADS);
    const ref = (peaks[peaks.length - 1] + modePeak) / 2;
    peaks.push(modePeak);
    const perToken = trainingFlopsPerToken(flops, mode);
    const gflops = (perToken * r.tokensPerSecond) / 1e9;
    rows.push([
      mode === "lora" ? `LoRA r=${lora.r} (${lora.targetModules!.length} modules)` : "full",
      r.trainable.toLocaleString("en-US"),
      Math.round(r.tokensPerSecond).toString(),
      r.stepSeconds.toFixed(2),
      (perToken / 1e6).toFixed(1),
      gflops.toFixed(1),
      ref.toFixed(1),
      `${((100 * gflops) / ref).toFixed(0)}%`,
    ]);
  }
  const header = ["mode", "trainable params", "tokens/s", "s/step", "MFLOP/token", "GFLOP/s", "MatMul GFLOP/s", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  console.log();
  console.log(fmt(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(fmt(r));
  console.log(
    `\n1024³ MatMul samples (GFLOP/s): ${peaks.map((p) => p.toFixed(1)).join(", ")}; each ratio uses the mean of the samples before and after its mode`,
  );
  console.log("target: ≥35% of the MatMul throughput");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
