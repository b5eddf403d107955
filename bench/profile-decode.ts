// Where a batch-1 decode token's time goes, stage by stage, on one loaded model:
//   ORT kernels (onnxruntime's own profiler: sum of node times, and the whole model_run)
//   → session.run as JS sees it (binding: feed wrapping, output tensors, the setImmediate hop)
//   → LoadedModel.forward (feeds, KV pool write, LoRA feeds, the serialising queue)
//   → argmax over the vocabulary
//   → Scheduler (sampler, detokenizer/output parser, stop matcher, the setImmediate between steps)
//   → HTTP (OpenAI chat completions streaming over SSE on 127.0.0.1, client in this process).
// Each stage's figure includes the ones above it; the differences are the per-token overheads.
//   npm run bench:profile-decode -- [--model models/base | bench] [--tokens 128] [--threads N] [--no-lora] [--ort-profile] [--quantize int8|int4]
// "bench" is the llama 512×8 fp32 model of bench/gpu-function.ts (written under .data/bench if missing).
import { existsSync } from "node:fs";
import { request } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { REPO_ROOT } from "../gpu-function/engine/defaults";
import { argmax, GREEDY } from "../gpu-function/engine/sampler";
import { writeTinyModel } from "../gpu-function/models/tiny";
import { NEW_KV } from "../gpu-function/models/fused-graph";
import { OrtCausalLm } from "../gpu-function/runtime/causal-lm";
import { createGpuFunctionServer } from "../gpu-function/server";
import type { LoadedModel } from "../gpu-function/runtime/types";
import { upperMedian } from "./stats";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    tokens: { type: "string", default: "128" },
    threads: { type: "string" },
    rounds: { type: "string", default: "3" },
    "no-lora": { type: "boolean", default: false },
    "ort-profile": { type: "boolean", default: false },
    quantize: { type: "string", default: "none" },
  },
});
const TOKENS = Number(values.tokens);
const ROUNDS = Number(values.rounds);
const threads = values.threads ? Number(values.threads) : undefined;
const quantize = values.quantize as "none" | "int8" | "int4";
if (!["none", "int8", "int4"].includes(quantize)) throw new Error(`--quantize must be none, int8 or int4, got ${quantize}`);
const PROMPT = "What causes anemia and how is it treated? Please answer in plain words.";

/** The benchmark model of bench/gpu-function.ts (same writer options, so the same weights). */
async function benchModelDir(): Promise<string> {
  const dir = path.join(REPO_ROOT, ".data", "bench", "gpu-function-llama-512x8", "hf");
  if (!existsSync(path.join(dir, "model.safetensors"))) {
    await writeTinyModel(dir, {
      family: "llama",
      seed: 2024,
      hiddenSize: 512,
      numLayers: 8,
      numHeads: 8,
      numKvHeads: 4,
      intermediateSize: 1536,
      maxPositions: 1024,
      std: 0.05,
    });
  }
  return dir;
}

// ---- instrumentation: session.run as JS sees it, and (optionally) onnxruntime's profiler ----
let runMs = 0;
let runCalls = 0;
// onnxruntime-common's InferenceSession is a class at runtime (the typings only declare its factory).
const proto = (ort.InferenceSession as unknown as { prototype: { run: (...a: unknown[]) => Promise<unknown> } }).prototype;
const originalRun = proto.run;
proto.run = async function (this: unknown, ...args: unknown[]) {
  const t = performance.now();
  try {
    return await originalRun.apply(this, args);
  } finally {
    runMs += performance.now() - t;
    runCalls++;
  }
};
let profileDir = "";
if (values["ort-profile"]) {
  profileDir = await mkdtemp(path.join(os.tmpdir(), "medchat-ort-profile-"));
  const create = ort.InferenceSession.create.bind(ort.InferenceSession) as (...a: unknown[]) => Promise<ort.InferenceSession>;
  (ort.InferenceSession as { create: unknown }).create = (model: unknown, options: ort.InferenceSession.SessionOptions) =>
    create(model, { ...options, enableProfiling: true, profileFilePrefix: path.join(profileDir, "ort") });
}

interface Stage {
  name: string;
  usPerToken: number;
  /** Process CPU µs per token (steadier than wall time on a loaded host; all threads). */
  cpuPerToken?: number;
}

function cpuMicros(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return c.user + c.system;
}

/** Decodes `tokens` greedy tokens with forward() directly: forward and session.run time per token, argmax time. */
async function forwardLoop(
  model: LoadedModel,
  prompt: number[],
  tokens: number,
): Promise<{ forward: number; run: number; argmax: number; cpu: number }> {
  const cache = model.newCache();
  let [logits] = await model.forward([{ tokens: prompt, cache, lora: null }]);
  const cpu0 = process.cpuUsage();
  let forwardMs = 0;
  let argmaxMs = 0;
  runMs = 0;
  runCalls = 0;
  for (let i = 0; i < tokens; i++) {
    const a = performance.now();
    const next = argmax(logits!);
    const b = performance.now();
    [logits] = await model.forward([{ tokens: [next], cache, lora: null }]);
    forwardMs += performance.now() - b;
    argmaxMs += b - a;
  }
  const cpu = cpuMicros(cpu0) / tokens;
  cache.release();
  return { forward: (forwardMs * 1000) / tokens, run: (runMs * 1000) / runCalls, argmax: (argmaxMs * 1000) / tokens, cpu };
}

/**
 * Per-token time of the decode phase of a streamed HTTP completion (first token excluded), read
 * from SSE chunk arrival. The client is node:http in this process (lighter than fetch's web streams).
 */
function httpDecode(baseUrl: string, model: string, tokens: number): Promise<number> {
  const body = JSON.stringify({
    model,
    messages: [{ role: "user", content: PROMPT }],
    stream: true,
    temperature: 0,
    max_tokens: tokens,
    ignore_eos: true,
  });
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
      res.setEncoding("utf8");
      let first = 0;
      let last = 0;
      let chunks = 0;
      res.on("data", (text: string) => {
        // Content chunks only (the role chunk carries "content":"").
        const n = text.split('"content":"').length - 1 - (text.split('"content":""').length - 1);
        if (n === 0) return;
        chunks += n;
        last = performance.now();
        if (!first) first = last;
      });
      res.on("end", () => {
        if (chunks < 2) return reject(new Error("the stream carried fewer than two content chunks"));
        // A chunk can carry more than one token's text (held-back UTF-8), so divide by tokens, not chunks.
        resolve(((last - first) * 1000) / (tokens - 1));
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * The runtime's own JS per decode step (feeds, KV pool writes and growth, output views), with
 * onnxruntime replaced by a stub that returns ready outputs of the model's shapes: CPU µs per
 * step over requests of `tokens` new tokens after `prompt` (capacity growth included).
 */
async function runtimeJsPerStep(model: LoadedModel, prompt: number, tokens: number): Promise<number> {
  const d = model.dims;
  const width = d.numKvHeads * d.headDim;
  const kv = 2 * d.numLayers * width;
  const outputs: Record<string, ort.Tensor> = {
    logits: new ort.Tensor("float32", new Float32Array(d.vocabSize), [1, d.vocabSize]),
    [NEW_KV]: new ort.Tensor("float32", new Float32Array(prompt * kv), [1, prompt, kv]),
  };
  const session = { inputNames: ["input_ids", "position_ids"], run: async () => outputs, release: async () => {} };
  const stub = new OrtCausalLm({
    session: session as unknown as ort.InferenceSession,
    dims: d,
    maxSequenceLength: model.maxSequenceLength,
    maxBatch: 16,
    loraTargets: [],
    loraGroups: [],
    kvType: "float32",
    weightBytes: 0,
  });
  let best = Infinity;
  for (let rep = 0; rep < 12; rep++) {
    const cache = stub.newCache();
    await stub.forward([{ tokens: Array.from({ length: prompt }, (_, i) => i % d.vocabSize), cache, lora: null }]);
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < tokens; i++) await stub.forward([{ tokens: [i % d.vocabSize], cache, lora: null }]);
    best = Math.min(best, cpuMicros(cpu0) / tokens);
    cache.release();
  }
  return best;
}

async function main(): Promise<void> {
  const modelDir = values.model === "bench" ? await benchModelDir() : path.resolve(values.model!);
  const server = await createGpuFunctionServer({
    modelDir,
    lora: values["no-lora"] ? null : undefined,
    fineTuning: false,
    intraOpThreads: threads,
    quantize,
    log: () => {},
  });
  const url = await server.listen(0);
  const { model, scheduler, tokenizer, modelId } = server.deps;
  const prompt = await tokenizer.encodeWithin(tokenizer.applyChatTemplate([{ role: "user", content: PROMPT }]), model.maxSequenceLength);
  if (!prompt) throw new Error("prompt does not fit");
  const tokens = Math.min(TOKENS, model.maxSequenceLength - prompt.length - 2);
  const cpus = os.cpus().length;
  console.log(
    `profile: ${modelDir}, ${(model.weightBytes() / 1e6).toFixed(1)} MB weights/token, prompt ${prompt.length} tokens, ${tokens} new, ` +
      `${quantize === "none" ? "" : `${quantize}, `}LoRA slots ${model.loraTargets.length > 0 ? "on" : "off"}, threads ${threads ?? "default"}, best of ${ROUNDS}`,
  );
  console.log(
    `load average before: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} on ${cpus} CPUs`,
  );

  const best = { run: Infinity, forward: Infinity, argmax: Infinity, scheduler: Infinity, http: Infinity };
  const bestCpu = { forward: Infinity, scheduler: Infinity, http: Infinity };
  await forwardLoop(model, prompt, 8); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const f = await forwardLoop(model, prompt, tokens);
    best.run = Math.min(best.run, f.run);
    best.forward = Math.min(best.forward, f.forward);
    best.argmax = Math.min(best.argmax, f.argmax);
    bestCpu.forward = Math.min(bestCpu.forward, f.cpu);
    let cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await scheduler.submit({ promptTokens: prompt, lora: null, sampling: GREEDY, maxTokens: tokens, stop: [], ignoreEos: true });
    const total = performance.now() - t0;
    // CPU figures of whole requests include their one prefill (tokens ≫ 1 keeps it small).
    bestCpu.scheduler = Math.min(bestCpu.scheduler, cpuMicros(cpu0) / r.completionTokens);
    best.scheduler = Math.min(best.scheduler, ((total - r.ttftMs) * 1000) / (r.completionTokens - 1));
    cpu0 = process.cpuUsage();
    best.http = Math.min(best.http, await httpDecode(url, modelId, tokens));
    bestCpu.http = Math.min(bestCpu.http, cpuMicros(cpu0) / tokens);
  }

  let kernels: { op: string; us: number }[] = [];
  let modelRun = 0;
  let nodeSum = 0;
  let headUs = 0;
  if (profileDir) {
    const session = (model as unknown as { session: ort.InferenceSession }).session;
    session.endProfiling();
    const file = (await import("node:fs")).readdirSync(profileDir).find((f) => f.endsWith(".json"));
    const events = JSON.parse(await readFile(path.join(profileDir, file!), "utf8")) as Array<{
      cat: string;
      name: string;
      ts: number;
      dur: number;
      args?: { op_name?: string; input_type_shape?: Array<Record<string, number[]>>; output_type_shape?: Array<Record<string, number[]>> };
    }>;
    // Decode steps only: a run is a prefill when any of its (quantised) MatMuls multiplies more than one position.
    const runs = events.filter((e) => e.cat === "Session" && e.name === "model_run");
    const nodes = events.filter((e) => e.cat === "Node" && e.name.endsWith("_kernel_time") && e.args?.op_name);
    const isPrefill = (e: (typeof events)[number]) => {
      const first = Object.values(e.args?.input_type_shape?.[0] ?? {})[0];
      return (
        (e.args!.op_name === "MatMul" || e.args!.op_name === "MatMulNBits") && first !== undefined && first.length === 3 && first[1]! > 1
      );
    };
    // The LM head: the node producing [rows, vocab] (Gemm, MatMul or MatMulNBits).
    const isHead = (e: (typeof events)[number]) => {
      const out = Object.values(e.args?.output_type_shape?.[0] ?? {})[0];
      return e.args!.op_name !== "Identity" && out !== undefined && out.length === 2 && out[1] === model.dims.vocabSize;
    };
    const decodeRuns = runs.filter((r) => !nodes.some((e) => e.ts >= r.ts && e.ts <= r.ts + r.dur && isPrefill(e)));
    // Medians over decode steps (a step the host preempted mid-kernel inflates a mean, not a median).
    const perRun = decodeRuns.map((r) => {
      const byOp = new Map<string, number>();
      let total = 0;
      let head = 0;
      for (const e of nodes) {
        if (e.ts < r.ts || e.ts > r.ts + r.dur) continue;
        byOp.set(e.args!.op_name!, (byOp.get(e.args!.op_name!) ?? 0) + e.dur);
        total += e.dur;
        if (isHead(e)) head += e.dur;
      }
      return { byOp, total, head, run: r.dur };
    });
    const ops = new Set(perRun.flatMap((r) => [...r.byOp.keys()]));
    modelRun = upperMedian(perRun.map((r) => r.run));
    nodeSum = upperMedian(perRun.map((r) => r.total));
    headUs = upperMedian(perRun.map((r) => r.head));
    kernels = [...ops].map((op) => ({ op, us: upperMedian(perRun.map((r) => r.byOp.get(op) ?? 0)) })).sort((a, b) => b.us - a.us);
  }

  const stages: Stage[] = [];
  if (profileDir) {
    stages.push({ name: "ORT kernels (sum of node times, median step)", usPerToken: nodeSum });
    stages.push({ name: "ORT model_run (kernels + executor, median)", usPerToken: modelRun });
  }
  stages.push({ name: "session.run as JS sees it", usPerToken: best.run });
  stages.push({ name: "LoadedModel.forward", usPerToken: best.forward });
  stages.push({ name: "forward + argmax", usPerToken: best.forward + best.argmax, cpuPerToken: bestCpu.forward });
  stages.push({ name: "Scheduler (sampler, detokenizer, step loop)", usPerToken: best.scheduler, cpuPerToken: bestCpu.scheduler });
  stages.push({ name: "HTTP SSE stream (node:http client in process)", usPerToken: best.http, cpuPerToken: bestCpu.http });
  console.log("\nper-token µs, cumulative (each includes the stages above it), best round; wall clock, then process CPU:");
  let prev = 0;
  let prevCpu = 0;
  for (const s of stages) {
    const cpu =
      s.cpuPerToken === undefined
        ? ""
        : `   CPU ${s.cpuPerToken.toFixed(0).padStart(6)} µs (+${(s.cpuPerToken - prevCpu).toFixed(0).padStart(5)})`;
    console.log(
      `  ${s.name.padEnd(46)} ${s.usPerToken.toFixed(0).padStart(7)} µs  (+${(s.usPerToken - prev).toFixed(0).padStart(5)})  ${(1e6 / s.usPerToken).toFixed(0).padStart(6)} tok/s${cpu}`,
    );
    prev = s.usPerToken;
    if (s.cpuPerToken !== undefined) prevCpu = s.cpuPerToken;
  }
  if (kernels.length) {
    console.log("\nORT kernel time per decode step by op type (decode runs only, median step):");
    for (const k of kernels.slice(0, 14)) console.log(`  ${k.op.padEnd(36)} ${k.us.toFixed(0).padStart(6)} µs`);
    console.log(`  ${"LM head node (included above)".padEnd(36)} ${headUs.toFixed(0).padStart(6)} µs`);
    console.log("  (ORT profiling adds its own per-node overhead; use the non-profiled run for the stage totals)");
  }
  const stubbed = await runtimeJsPerStep(model, prompt.length, tokens);
  console.log(`\nruntime JS per decode step with a stubbed session (feeds, KV writes and growth): ${stubbed.toFixed(0)} CPU µs`);
  console.log(
    `\nload average after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  await server.close(1000);
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
