// Benchmark: this engine (fused ORT graph, KV slot pool, continuous batching) against two peers
// on the same weights, in one run:
//   - the @huggingface/transformers text-generation pipeline, loading an ONNX export built here
//     with the project's GraphBuilder in the layout transformers.js expects (standard ops only);
//   - llama.cpp (node-llama-cpp's prebuilt CPU binary) loading this project's GGUF export
//     (gpu-function/export) of the same checkpoint: f32 against the engine's fp32, q8_0 against
//     int8, q4_0 against int4, at its best measured thread count (1 or 2), 16 concurrent streams
//     as 16 sequences of one context (llama.cpp batches them into one decode step).
// The committed default model (models/base) is measured too: the engine direct and over HTTP
// (the gpu-function server in this process, streaming /v1/chat/completions) against llama.cpp.
// Prints decode tok/s at batch 1, aggregate tok/s at 1/4/16 streams, TTFT, the ratios, LoRA vs
// merged, and batch-1 decode as a fraction of the memory-bandwidth bound.
//   npm run bench:gpu-function            (BENCH_LAYERS, BENCH_HIDDEN, BENCH_TOKENS to resize)
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { env as tjsEnv, pipeline } from "@huggingface/transformers";
import * as ort from "onnxruntime-node";

import { REPO_ROOT } from "../gpu-function/engine/defaults";
import { exportGguf, type GgufFileType } from "../gpu-function/export/gguf-export";
import { openLlamaCpp, type LlamaCppPeer } from "../gpu-function/export/llama-cpp-peer";
import { createGpuFunctionServer } from "../gpu-function/server";
import { GREEDY } from "../gpu-function/engine/sampler";
import { Scheduler } from "../gpu-function/engine/scheduler";
import { ChatTokenizer } from "../gpu-function/engine/tokenizer";
import { GraphBuilder } from "../gpu-function/onnx/graph";
import { anonHugePageBytes } from "../gpu-function/runtime/huge-pages";
import { loadModel, readHfModel, type HfModel } from "../gpu-function/runtime/load";
import { ropeTables } from "../gpu-function/models/rope";
import { seededRandom, writeTinyModel } from "../gpu-function/models/tiny";
import type { PreparedLora } from "../gpu-function/models/types";
import type { LoadedModel, LoadOptions } from "../gpu-function/runtime/types";
import { sseEvents } from "./sse-events";
import { describeChoice, describeSetting, idleHostProbe, probeThreads, type ThreadChoice, type ThreadSetting } from "./thread-choice";

const HIDDEN = Number(process.env.BENCH_HIDDEN ?? 512);
const LAYERS = Number(process.env.BENCH_LAYERS ?? 8);
const NEW_TOKENS = Number(process.env.BENCH_TOKENS ?? 64);
const PROMPT_TOKENS = 32;
const STREAMS = [1, 4, 16];
const LORA_RANK = 16;
const WORK = path.join(REPO_ROOT, ".data", "bench", `gpu-function-llama-${HIDDEN}x${LAYERS}`);
const MODEL_DIR = path.join(WORK, "hf");
const TJS_ROOT = path.join(WORK, "transformers-js");
const TJS_ID = "bench-llama";
const GGUF_DIR = path.join(WORK, "gguf");
const DEFAULT_MODEL_DIR = path.join(REPO_ROOT, "models", "base");
/**
 * Ports for the in-process gpu-function servers (default 0: any free port). The HTTP thread probe
 * holds one server per thread count at once, so a fixed port needs one per count:
 * BENCH_HTTP_PORT=8140,8170 (the measured server then takes the first).
 */
const HTTP_PORTS = (process.env.BENCH_HTTP_PORT ?? "0").split(",").map(Number);
const PROBE_TOKENS = 32;
/** Thread counts probed for llama.cpp (n_threads). */
const THREAD_COUNTS = [1, 2];
/**
 * The engine's settings probed (onnxruntime intra-op threads): 1, 2 with the pool's thread
 * sleeping between parallel ops (the serving default), 2 with it spinning (LoadOptions.spinning:
 * no futex wake-up per MatMul, a busy second core). llama.cpp's threads always spin (ggml_barrier).
 */
const ENGINE_SETTINGS: ThreadSetting[] = [{ threads: 1 }, { threads: 2 }, { threads: 2, spinning: true }];
/** LoadOptions for a chosen setting. */
const threading = (s: ThreadSetting) => ({ intraOpThreads: s.threads, spinning: s.spinning === true });

// ---------- the peer's model: HF llama → ONNX with a past_key_values cache, standard ops ----------

function transposed(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

function buildTransformersJsLlama(m: HfModel): GraphBuilder {
  const { dims: d, config, tensors } = m;
  const g = new GraphBuilder("llama_transformers_js");
  const hd = d.headDim;
  const group = d.numHeads / d.numKvHeads;
  const eps = typeof config.rms_norm_eps === "number" ? config.rms_norm_eps : 1e-6;
  const w = (name: string) => tensors.get(name)!;
  const weightT = (name: string) => {
    const t = w(name);
    return g.initializer(`${name}.T`, {
      dtype: "float32",
      dims: [t.shape[1]!, t.shape[0]!],
      data: transposed(t.data, t.shape[0]!, t.shape[1]!),
    });
  };
  const vec = (name: string) => g.initializer(name, { dtype: "float32", dims: w(name).shape, data: w(name).data });
  const scalarF = (v: number) => g.f32([v], []);
  const axes = (...a: number[]) => g.i64(a);

  g.input("input_ids", "int64", ["batch", "sequence"]);
  g.input("attention_mask", "int64", ["batch", "total"]);
  g.input("position_ids", "int64", ["batch", "sequence"]);
  const seq = g.op("Gather", [g.op("Shape", ["input_ids"]), g.i64([1], [])]);
  const total = g.op("Gather", [g.op("Shape", ["attention_mask"]), g.i64([1], [])]);
  const past = g.op("Sub", [total, seq]);
  // Additive mask [B,1,1,S,T]: causal (key ≤ past + query) and not padding.
  const causal = g.op("LessOrEqual", [
    g.op("Unsqueeze", [g.op("Range", [g.i64([0], []), total, g.i64([1], [])]), axes(0)]),
    g.op("Unsqueeze", [g.op("Range", [past, total, g.i64([1], [])]), axes(1)]),
  ]);
  const notPad = g.op("Unsqueeze", [g.op("Equal", ["attention_mask", g.i64([1], [])]), axes(1)]);
  const mask = g.op("Unsqueeze", [g.op("Where", [g.op("And", [causal, notPad]), scalarF(0), scalarF(-1e9)]), axes(1, 2)]);

  const rope = ropeTables(config, hd, d.maxPositions);
  const full = (half: Float64Array) =>
    Float32Array.from({ length: d.maxPositions * hd }, (_, i) => half[Math.floor(i / hd) * (hd / 2) + ((i % hd) % (hd / 2))]!);
  const cos = g.op("Unsqueeze", [
    g.op("Gather", [g.initializer("rope_cos", { dtype: "float32", dims: [d.maxPositions, hd], data: full(rope.cos) }), "position_ids"]),
    axes(1),
  ]);
  const sin = g.op("Unsqueeze", [
    g.op("Gather", [g.initializer("rope_sin", { dtype: "float32", dims: [d.maxPositions, hd], data: full(rope.sin) }), "position_ids"]),
    axes(1),
  ]);
  const applyRope = (x: string) => {
    const x1 = g.op("Slice", [x, g.i64([0]), g.i64([hd / 2]), g.i64([3])]);
    const x2 = g.op("Slice", [x, g.i64([hd / 2]), g.i64([hd]), g.i64([3])]);
    return g.op("Add", [g.op("Mul", [x, cos]), g.op("Mul", [g.op("Concat", [g.op("Neg", [x2]), x1], { axis: 3 }), sin])]);
  };
  const rms = (x: string, weight: string) => {
    const inv = g.op("Sqrt", [g.op("Add", [g.op("ReduceMean", [g.op("Mul", [x, x])], { axes: [-1], keepdims: 1 }), scalarF(eps)])]);
    return g.op("Mul", [g.op("Div", [x, inv]), vec(weight)]);
  };
  const heads = (x: string, n: number) => g.op("Transpose", [g.op("Reshape", [x, g.i64([0, 0, n, hd])])], { perm: [0, 2, 1, 3] });

  let h = g.op("Gather", [vec("model.embed_tokens.weight"), "input_ids"]);
  for (let l = 0; l < d.numLayers; l++) {
    const p = `model.layers.${l}`;
    const n1 = rms(h, `${p}.input_layernorm.weight`);
    const q = applyRope(heads(g.op("MatMul", [n1, weightT(`${p}.self_attn.q_proj.weight`)]), d.numHeads));
    const k = applyRope(heads(g.op("MatMul", [n1, weightT(`${p}.self_attn.k_proj.weight`)]), d.numKvHeads));
    const v = heads(g.op("MatMul", [n1, weightT(`${p}.self_attn.v_proj.weight`)]), d.numKvHeads);
    for (const kind of ["key", "value"]) g.input(`past_key_values.${l}.${kind}`, "float32", ["batch", d.numKvHeads, "past", hd]);
    const presentK = g.node("Concat", [`past_key_values.${l}.key`, k], { attrs: { axis: 2 }, outputs: [`present.${l}.key`] })[0]!;
    const presentV = g.node("Concat", [`past_key_values.${l}.value`, v], { attrs: { axis: 2 }, outputs: [`present.${l}.value`] })[0]!;
    for (const kind of ["key", "value"]) g.output(`present.${l}.${kind}`, "float32", ["batch", d.numKvHeads, "total", hd]);
    // Grouped-query attention without repeating K/V: query heads as [B,kvH,group,S,D].
    const q5 = g.op("Reshape", [q, g.i64([0, d.numKvHeads, group, -1, hd])]);
    const kT = g.op("Unsqueeze", [g.op("Transpose", [presentK], { perm: [0, 1, 3, 2] }), axes(2)]);
    const scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q5, kT]), scalarF(1 / Math.sqrt(hd))]), mask]);
    const ctx5 = g.op("MatMul", [g.op("Softmax", [scores], { axis: -1 }), g.op("Unsqueeze", [presentV, axes(2)])]);
    const ctx = g.op("Reshape", [
      g.op("Transpose", [g.op("Reshape", [ctx5, g.i64([0, d.numHeads, -1, hd])])], { perm: [0, 2, 1, 3] }),
      g.i64([0, 0, d.numHeads * hd]),
    ]);
    h = g.op("Add", [h, g.op("MatMul", [ctx, weightT(`${p}.self_attn.o_proj.weight`)])]);
    const n2 = rms(h, `${p}.post_attention_layernorm.weight`);
    const gate = g.op("MatMul", [n2, weightT(`${p}.mlp.gate_proj.weight`)]);
    const act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), g.op("MatMul", [n2, weightT(`${p}.mlp.up_proj.weight`)])]);
    h = g.op("Add", [h, g.op("MatMul", [act, weightT(`${p}.mlp.down_proj.weight`)])]);
  }
  const head = d.tieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight";
  g.node("MatMul", [rms(h, "model.norm.weight"), weightT(head)], { outputs: ["logits"] });
  g.output("logits", "float32", ["batch", "sequence", d.vocabSize]);
  return g;
}

async function prepareModels(): Promise<void> {
  if (!existsSync(path.join(MODEL_DIR, "model.safetensors"))) {
    await writeTinyModel(MODEL_DIR, {
      family: "llama",
      seed: 2024,
      hiddenSize: HIDDEN,
      numLayers: LAYERS,
      numHeads: HIDDEN / 64,
      numKvHeads: HIDDEN / 128,
      intermediateSize: HIDDEN * 3,
      maxPositions: 1024,
      std: 0.05,
    });
  }
  const tjsDir = path.join(TJS_ROOT, TJS_ID);
  if (existsSync(path.join(tjsDir, "onnx", "model.onnx"))) return;
  await mkdir(path.join(tjsDir, "onnx"), { recursive: true });
  const hf = await readHfModel(MODEL_DIR);
  await writeFile(path.join(tjsDir, "onnx", "model.onnx"), buildTransformersJsLlama(hf).toBytes());
  // No EOS for either engine: every run generates exactly NEW_TOKENS, so throughput compares like for like.
  await writeFile(path.join(tjsDir, "config.json"), JSON.stringify({ ...hf.config, eos_token_id: null }, null, 2));
  await writeFile(path.join(tjsDir, "generation_config.json"), JSON.stringify({ bos_token_id: hf.dims.bosTokenId, eos_token_id: null }));
  for (const f of ["tokenizer.json", "tokenizer_config.json"]) await copyFile(path.join(MODEL_DIR, f), path.join(tjsDir, f));
}

// ---------- measurements ----------
// The machine is shared, so contenders run interleaved, ROUNDS times, and each figure is the
// best round (the least-disturbed one), which is the usual practice for noisy hosts.

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * transformers.js's onnxruntime session (same onnxruntime-node) runs with the pool-spinning
 * setting the engine's fp32 probe chose (engineSpinning, set once that probe ran), so both
 * onnxruntime engines get the same setting; BENCH_ORT_SPINNING=0|1 fixes it instead. The
 * engine's own sessions set session.intra_op.allow_spinning themselves (LoadOptions.spinning)
 * and are left as they are.
 */
let engineSpinning = false;
const peerSpinning = () => ((process.env.BENCH_ORT_SPINNING ? process.env.BENCH_ORT_SPINNING === "1" : engineSpinning) ? "1" : "0");
{
  const create = ort.InferenceSession.create.bind(ort.InferenceSession) as (...args: unknown[]) => Promise<ort.InferenceSession>;
  const withSpinning = (o: unknown) => {
    const opts = (o ?? {}) as ort.InferenceSession.SessionOptions;
    const extra = opts.extra as { session?: { intra_op?: { allow_spinning?: string } } } | undefined;
    if (extra?.session?.intra_op?.allow_spinning !== undefined) return opts;
    return { ...opts, extra: { ...extra, session: { ...extra?.session, intra_op: { allow_spinning: peerSpinning() } } } };
  };
  // create(pathOrBuffer, options) or create(buffer, byteOffset, byteLength, options).
  (ort.InferenceSession as { create: unknown }).create = (...args: unknown[]) =>
    create(...(typeof args[1] === "number" ? [args[0], args[1], args[2], withSpinning(args[3])] : [args[0], withSpinning(args[1])]));
}

interface Solo {
  decodeTokS: number;
  /**
   * Process CPU µs per new token of the request (its prompt included; both peers run in this
   * process, one at a time): on a shared host the wall-clock rate also measures how much of a
   * core the contender was given, this what a token cost.
   */
  cpuUsPerToken: number;
  ttftMs: number;
  firstTokens: number[];
}

interface Contender {
  name: string;
  solo(): Promise<Solo>;
  /** The thread-count probe that chose this contender's threads, when it had one. */
  choice?: ThreadChoice;
  /** Aggregate tok/s with n concurrent streams (independent requests) of NEW_TOKENS each. */
  streams(n: number): Promise<number>;
  /** Aggregate tok/s when the n prompts are handed over together as one static batch. */
  staticBatch?(n: number): Promise<number>;
  dispose(): Promise<void>;
}

function prompts(n: number): string[] {
  // Same length for every stream (byte-level tokenizer: one token per ASCII char), different text.
  return Array.from({ length: n }, (_, i) =>
    `Q${String(i).padStart(2, "0")}: what causes anemia and how is it treated?`.slice(0, PROMPT_TOKENS),
  );
}

async function engineContender(
  name: string,
  opts: LoadOptions,
  lora: PreparedLora | null,
  dir = MODEL_DIR,
): Promise<Contender & { weightBytes: number; probe(): Promise<number> }> {
  const model = await loadModel(dir, { maxBatch: 16, ...opts });
  const tok = await ChatTokenizer.fromDir(dir);
  const scheduler = new Scheduler(model, tok, { maxBatch: 16, maxQueue: 64 });
  const run = (texts: string[], maxTokens: number) =>
    Promise.all(
      texts.map((t) => scheduler.submit({ promptTokens: tok.encode(t), lora, sampling: GREEDY, maxTokens, stop: [], ignoreEos: true })),
    );
  await run(prompts(2), 8); // warm-up
  const solo = async (newTokens: number): Promise<Solo> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const [r] = await run(prompts(1), newTokens);
    const ms = performance.now() - t0;
    return {
      decodeTokS: ((r!.completionTokens - 1) * 1000) / (ms - r!.ttftMs),
      cpuUsPerToken: cpuUsSince(c0) / r!.completionTokens,
      ttftMs: r!.ttftMs,
      firstTokens: r!.tokenIds.slice(0, 16),
    };
  };
  return {
    name,
    weightBytes: model.weightBytes(),
    solo: () => solo(NEW_TOKENS * 2),
    probe: async () => (await solo(PROBE_TOKENS)).decodeTokS,
    async streams(n) {
      const start = performance.now();
      const results = await run(prompts(n), NEW_TOKENS);
      return (results.reduce((a, r) => a + r.completionTokens, 0) * 1000) / (performance.now() - start);
    },
    dispose: () => model.dispose(),
  };
}

/**
 * The engine's intra-op thread count for the model in `dir` at one precision, by the same
 * interleaved probe rule as llama.cpp's (thread-choice.ts): no LoRA slots, batch-1 decode. Each
 * precision is probed on its own, as llama.cpp is for each of its types: a quantised step is
 * compute-bound kernels plus the same per-op overhead, so its best count need not be fp32's.
 * The fp32 choice also applies to the fp32 variants (LoRA inputs, merged); HTTP is probed on its own (httpThreadChoice).
 */
async function engineThreads(dir: string, quantize: LoadOptions["quantize"] = "none"): Promise<ThreadChoice> {
  const bySetting = new Map<ThreadSetting, Awaited<ReturnType<typeof engineContender>>>();
  for (const s of ENGINE_SETTINGS)
    bySetting.set(s, await engineContender(`probe ${describeSetting(s)}`, { lora: null, ...threading(s), quantize }, null, dir));
  try {
    return await probeThreads(
      ENGINE_SETTINGS,
      idleHostProbe((s) => bySetting.get(s)!.probe()),
    );
  } finally {
    for (const c of bySetting.values()) await c.dispose();
  }
}

/** The HTTP contender's intra-op threads, by the same interleaved probe rule (one server per setting). */
async function httpThreadChoice(dir: string): Promise<ThreadChoice> {
  const bySetting = new Map<ThreadSetting, Awaited<ReturnType<typeof httpContender>>>();
  if (HTTP_PORTS.some((p) => p !== 0) && HTTP_PORTS.length < ENGINE_SETTINGS.length)
    throw new Error(
      `BENCH_HTTP_PORT: the HTTP thread probe runs ${ENGINE_SETTINGS.length} servers at once; give as many ports (e.g. 8140,8170,3141) or none`,
    );
  for (const [i, s] of ENGINE_SETTINGS.entries())
    bySetting.set(s, await httpContender(`probe ${describeSetting(s)}`, dir, s, HTTP_PORTS[i] ?? 0));
  try {
    return await probeThreads(
      ENGINE_SETTINGS,
      idleHostProbe((s) => bySetting.get(s)!.probe()),
    );
  } finally {
    for (const c of bySetting.values()) await c.dispose();
  }
}

/** The GGUF export of `dir` as `type`, written afresh each run (a stale file from older export code would compare other weights). */
async function ggufOf(dir: string, type: GgufFileType, tag: string): Promise<string> {
  const out = path.join(GGUF_DIR, `${tag}-${type}`, `${tag}-${type}.gguf`);
  await exportGguf({ modelDir: dir, type, out, system: "benchmark" });
  return out;
}

/**
 * llama.cpp on a GGUF export, one context with 16 sequences (a stream = a sequence; llama.cpp
 * decodes all active sequences in one batch). The thread count comes from interleaved batch-1
 * probes at 1 and 2 threads (thread-choice.ts: 2 only when clearly faster; on a loaded 2-vCPU
 * host llama.cpp's spinning barrier makes 2 threads up to 100× slower).
 */
async function llamaCppContender(name: string, file: string, dir: string): Promise<Contender & { threads: number; choice: ThreadChoice }> {
  const tok = await ChatTokenizer.fromDir(dir);
  const ids = (n: number) => prompts(n).map((t) => tok.encode(t));
  const soloOn = async (peer: LlamaCppPeer, newTokens = NEW_TOKENS * 2): Promise<Solo> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { tokens, stamps } = await peer.timedGreedy(ids(1)[0]!, newTokens);
    return {
      decodeTokS: ((stamps.length - 1) * 1000) / (stamps.at(-1)! - stamps[0]!),
      cpuUsPerToken: cpuUsSince(c0) / tokens.length,
      ttftMs: stamps[0]! - t0,
      firstTokens: tokens.slice(0, 16),
    };
  };
  const peers = new Map<number, LlamaCppPeer>();
  for (const threads of THREAD_COUNTS) {
    const peer = await openLlamaCpp(file, { threads, sequences: 16, contextSize: 256 });
    await peer.greedy(ids(1)[0]!, 4); // warm-up
    peers.set(threads, peer);
  }
  // Short probes: on a loaded host the losing thread count can run at a few tokens/s.
  const choice = await probeThreads(
    THREAD_COUNTS,
    idleHostProbe(async (t) => (await soloOn(peers.get(t)!, PROBE_TOKENS)).decodeTokS),
  );
  for (const [t, p] of peers) if (t !== choice.threads) await p.dispose();
  const peer = peers.get(choice.threads)!;
  const threads = choice.threads;
  return {
    name,
    threads,
    choice,
    solo: () => soloOn(peer),
    async streams(n) {
      const start = performance.now();
      await peer.greedyMany(ids(n), NEW_TOKENS);
      return (n * NEW_TOKENS * 1000) / (performance.now() - start);
    },
    dispose: () => peer.dispose(),
  };
}

/** The gpu-function server (serving defaults) in this process on 127.0.0.1, streamed /v1/chat/completions. */
async function httpContender(
  name: string,
  dir: string,
  setting: ThreadSetting,
  port = HTTP_PORTS[0]!,
): Promise<Contender & { probe(): Promise<number> }> {
  const server = await createGpuFunctionServer({ modelDir: dir, fineTuning: false, ...threading(setting), log: () => {} });
  const base = await server.listen(port, "127.0.0.1");
  const modelId = path.basename(dir);
  const generate = async (text: string, maxTokens: number) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: modelId,
        messages: [{ role: "user", content: text }],
        max_tokens: maxTokens,
        temperature: 0,
        ignore_eos: true,
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    const stamps: number[] = [];
    let tokens = 0;
    type Event = { choices?: Array<{ delta?: { content?: string } }>; usage?: { completion_tokens: number } };
    for await (const event of sseEvents<Event>(res.body)) {
      if (event.choices?.[0]?.delta?.content) stamps.push(performance.now());
      if (event.usage) tokens = event.usage.completion_tokens;
    }
    return { t0, stamps, tokens };
  };
  await generate("warm up", 8);
  // An event carries every token of one write window (the server merges them): count tokens from usage.
  const solo = async (newTokens: number): Promise<Solo> => {
    const c0 = process.cpuUsage();
    const { t0, stamps, tokens } = await generate(prompts(1)[0]!, newTokens);
    return {
      decodeTokS: ((tokens - 1) * 1000) / (stamps.at(-1)! - stamps[0]!),
      cpuUsPerToken: cpuUsSince(c0) / tokens,
      ttftMs: stamps[0]! - t0,
      firstTokens: [],
    };
  };
  return {
    name,
    solo: () => solo(NEW_TOKENS * 2),
    probe: async () => (await solo(PROBE_TOKENS)).decodeTokS,
    async streams(n) {
      const start = performance.now();
      const results = await Promise.all(prompts(n).map((p) => generate(p, NEW_TOKENS)));
      return (results.reduce((a, r) => a + r.tokens, 0) * 1000) / (performance.now() - start);
    },
    dispose: () => server.close(),
  };
}

async function transformersJsContender(): Promise<Contender> {
  tjsEnv.localModelPath = TJS_ROOT;
  tjsEnv.allowRemoteModels = false;
  tjsEnv.allowLocalModels = true;
  const generator = await pipeline("text-generation", TJS_ID, { dtype: "fp32", device: "cpu" });
  const generate = async (texts: string[], maxNew: number) => {
    const stamps: number[] = [];
    const ids: number[] = [];
    // put() #0 is the prompt, #1 the first new token, then one per token.
    const streamer = {
      put: (value: bigint[][]) => {
        stamps.push(performance.now());
        if (stamps.length > 1) ids.push(Number(value[0]![0]));
      },
      end: () => {},
    };
    await generator(texts.length === 1 ? texts[0]! : texts, {
      max_new_tokens: maxNew,
      do_sample: false,
      return_full_text: false,
      streamer,
    } as never);
    return { stamps, ids };
  };
  await generate(prompts(2), 8); // warm-up
  return {
    name: "transformers.js",
    async solo() {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const { stamps, ids } = await generate(prompts(1), NEW_TOKENS * 2);
      return {
        decodeTokS: ((stamps.length - 2) * 1000) / (stamps.at(-1)! - stamps[1]!),
        cpuUsPerToken: cpuUsSince(c0) / ids.length,
        ttftMs: stamps[1]! - t0,
        firstTokens: ids.slice(0, 16),
      };
    },
    // A server built on the pipeline runs one call per request; calls overlap on the same session.
    async streams(n) {
      const start = performance.now();
      await Promise.all(prompts(n).map((text) => generate([text], NEW_TOKENS)));
      return (n * NEW_TOKENS * 1000) / (performance.now() - start);
    },
    // Its best case: all prompts known up front and padded into one batch (not possible for streams arriving over time).
    async staticBatch(n) {
      const start = performance.now();
      await generate(prompts(n), NEW_TOKENS);
      return (n * NEW_TOKENS * 1000) / (performance.now() - start);
    },
    dispose: () => generator.dispose(),
  };
}

interface Best {
  solo: Solo;
  streams: Map<number, number>;
  staticBatch: Map<number, number>;
}

async function measure(contenders: Array<{ c: Contender; streams: number[] }>): Promise<Map<string, Best>> {
  const best = new Map<string, Best>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { c, streams } of contenders) {
      const b = best.get(c.name) ?? {
        solo: { decodeTokS: 0, cpuUsPerToken: Infinity, ttftMs: Infinity, firstTokens: [] },
        streams: new Map(),
        staticBatch: new Map(),
      };
      const s = await c.solo();
      b.solo = {
        decodeTokS: Math.max(b.solo.decodeTokS, s.decodeTokS),
        cpuUsPerToken: Math.min(b.solo.cpuUsPerToken, s.cpuUsPerToken),
        ttftMs: Math.min(b.solo.ttftMs, s.ttftMs),
        firstTokens: s.firstTokens,
      };
      for (const n of streams) b.streams.set(n, Math.max(b.streams.get(n) ?? 0, await c.streams(n)));
      if (c.staticBatch)
        for (const n of streams.filter((x) => x > 1)) b.staticBatch.set(n, Math.max(b.staticBatch.get(n) ?? 0, await c.staticBatch(n)));
      best.set(c.name, b);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done (load ${os.loadavg()[0]!.toFixed(1)})\n`);
  }
  return best;
}

function cpuUsSince(c0: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(c0);
  return u.user + u.system;
}

/** Memory-copy bandwidth (bytes read + written per second, STREAM "copy" convention), best of 5. */
function copyBandwidth(): number {
  const size = 256 * 1024 * 1024;
  const src = Buffer.alloc(size, 1);
  const dst = Buffer.alloc(size);
  let best = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    src.copy(dst);
    best = Math.max(best, (2 * size) / ((performance.now() - t) / 1000));
  }
  return best;
}

function randomLora(model: LoadedModel): PreparedLora {
  const rng = seededRandom(99);
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of model.loraTargets) {
    weights.set(t.module, {
      a: Float32Array.from({ length: LORA_RANK * t.inFeatures }, () => rng.normal() * 0.02),
      b: Float32Array.from({ length: t.outFeatures * LORA_RANK }, () => rng.normal() * 0.02),
    });
  }
  return { name: "bench", rank: LORA_RANK, scale: 2, weights };
}

// ---------- report ----------

const f1 = (x: number) => x.toFixed(1);

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** "engine / peer" CPU µs per token and the peer's over the engine's. */
const cpuColumns = (engine: Solo, peer: Solo) => [
  `${engine.cpuUsPerToken.toFixed(0)} / ${peer.cpuUsPerToken.toFixed(0)}`,
  ratio(peer.cpuUsPerToken, engine.cpuUsPerToken),
];

async function main(): Promise<void> {
  console.log(
    `gpu-function benchmark: llama hidden=${HIDDEN} layers=${LAYERS}, prompt ${PROMPT_TOKENS} tokens, ${NEW_TOKENS} new tokens per stream, best of ${ROUNDS} interleaved rounds`,
  );
  await prepareModels();
  // The host is shared: the load average says how much the figures below were disturbed.
  const loadBefore = os.loadavg()[0]!;
  const bandwidth = copyBandwidth();
  const loraOpts: LoadOptions = { lora: { maxRank: LORA_RANK, targetModules: ["q_proj", "v_proj"] } };
  const probe = await loadModel(MODEL_DIR, { maxBatch: 16, ...loraOpts });
  const adapter = randomLora(probe);
  await probe.dispose();

  const benchThreads = await engineThreads(MODEL_DIR);
  engineSpinning = benchThreads.spinning === true;
  const t = threading(benchThreads);
  const engine = await engineContender("engine", { lora: null, ...t }, null);
  engine.choice = benchThreads;
  const lora = await engineContender("engine, LoRA as graph inputs", { ...loraOpts, ...t }, adapter);
  const merged = await engineContender("engine, LoRA merged", { lora: null, mergeAdapter: adapter, ...t }, null);
  const int8Threads = await engineThreads(MODEL_DIR, "int8");
  const int8 = await engineContender("engine, int8 weights", { lora: null, quantize: "int8", ...threading(int8Threads) }, null);
  int8.choice = int8Threads;
  const int4Threads = await engineThreads(MODEL_DIR, "int4");
  const int4 = await engineContender("engine, int4 weights", { lora: null, quantize: "int4", ...threading(int4Threads) }, null);
  int4.choice = int4Threads;
  const peer = await transformersJsContender();
  const llamaTypes = ["f32", "q8_0", "q4_0", "f16"] as const;
  const llama = new Map<string, Awaited<ReturnType<typeof llamaCppContender>>>();
  for (const t of llamaTypes) llama.set(t, await llamaCppContender(`llama.cpp ${t}`, await ggufOf(MODEL_DIR, t, "bench"), MODEL_DIR));
  const baseThreads = await engineThreads(DEFAULT_MODEL_DIR);
  const base = await engineContender("default model: engine direct", { lora: null, ...threading(baseThreads) }, null, DEFAULT_MODEL_DIR);
  base.choice = baseThreads;
  // Over HTTP the engine shares its process (and, at 1 thread, its thread) with the server and the
  // in-process client, so its best thread count is probed on its own, like int8/int4's.
  const httpThreads = await httpThreadChoice(DEFAULT_MODEL_DIR);
  const baseHttp = await httpContender("default model: engine over HTTP", DEFAULT_MODEL_DIR, httpThreads);
  baseHttp.choice = httpThreads;
  const baseLlama = await llamaCppContender(
    "default model: llama.cpp f32",
    await ggufOf(DEFAULT_MODEL_DIR, "f32", "base"),
    DEFAULT_MODEL_DIR,
  );
  const results = await measure([
    { c: engine, streams: STREAMS },
    { c: llama.get("f32")!, streams: STREAMS },
    { c: peer, streams: STREAMS },
    { c: lora, streams: [16] },
    { c: merged, streams: [16] },
    { c: int8, streams: [16] },
    { c: llama.get("q8_0")!, streams: [16] },
    { c: int4, streams: [16] },
    { c: llama.get("q4_0")!, streams: [16] },
    { c: llama.get("f16")!, streams: [16] },
    { c: base, streams: [16] },
    { c: baseHttp, streams: [] },
    { c: baseLlama, streams: [16] },
  ]);
  const get = (c: Contender) => results.get(c.name)!;
  const e = get(engine);
  const p = get(peer);
  const lf = get(llama.get("f32")!);

  const rows = [["metric", "engine", "transformers.js", "ratio", "llama.cpp f32", "ratio"]];
  rows.push([
    "decode tok/s, batch 1",
    f1(e.solo.decodeTokS),
    f1(p.solo.decodeTokS),
    ratio(e.solo.decodeTokS, p.solo.decodeTokS),
    f1(lf.solo.decodeTokS),
    ratio(e.solo.decodeTokS, lf.solo.decodeTokS),
  ]);
  rows.push([
    "TTFT ms, batch 1",
    f1(e.solo.ttftMs),
    f1(p.solo.ttftMs),
    `${(p.solo.ttftMs / e.solo.ttftMs).toFixed(2)}× faster`,
    f1(lf.solo.ttftMs),
    `${(lf.solo.ttftMs / e.solo.ttftMs).toFixed(2)}× faster`,
  ]);
  for (const n of STREAMS) {
    rows.push([
      `aggregate tok/s, ${n} stream${n > 1 ? "s" : ""}`,
      f1(e.streams.get(n)!),
      f1(p.streams.get(n)!),
      ratio(e.streams.get(n)!, p.streams.get(n)!),
      f1(lf.streams.get(n)!),
      ratio(e.streams.get(n)!, lf.streams.get(n)!),
    ]);
  }
  for (const n of STREAMS.filter((x) => x > 1)) {
    rows.push([
      `  vs peer's static batch of ${n}`,
      f1(e.streams.get(n)!),
      f1(p.staticBatch.get(n)!),
      ratio(e.streams.get(n)!, p.staticBatch.get(n)!),
      "",
      "",
    ]);
  }
  printTable(rows);
  console.log(
    "streams = independent concurrent requests (transformers.js: one pipeline call each, overlapping; llama.cpp: one context sequence each, batched by llama.cpp); static batch = transformers.js given all prompts in one padded call",
  );

  console.log(
    `\nllama.cpp at equal precision (same checkpoint, GGUF export; engine threads: fp32 ${describeSetting(benchThreads)}, int8 ${describeSetting(int8Threads)}, int4 ${describeSetting(int4Threads)}; llama.cpp threads: ${llamaTypes.map((t) => `${t} ${llama.get(t)!.threads}`).join(", ")}):`,
  );
  const eq = [["", "engine", "llama.cpp", "ratio", "CPU µs/token", "CPU ratio"]];
  const pairs: Array<[string, Contender, string]> = [
    ["fp32 vs f32", engine, "f32"],
    ["int8 vs q8_0", int8, "q8_0"],
    ["int4 vs q4_0", int4, "q4_0"],
    ["fp32 vs f16 (llama.cpp's fp16 weights)", engine, "f16"],
  ];
  for (const [label, c, t] of pairs) {
    const a = get(c);
    const b = get(llama.get(t)!);
    eq.push([
      `decode tok/s, batch 1, ${label}`,
      f1(a.solo.decodeTokS),
      f1(b.solo.decodeTokS),
      ratio(a.solo.decodeTokS, b.solo.decodeTokS),
      ...cpuColumns(a.solo, b.solo),
    ]);
    eq.push([
      `aggregate tok/s, 16 streams, ${label}`,
      f1(a.streams.get(16)!),
      f1(b.streams.get(16)!),
      ratio(a.streams.get(16)!, b.streams.get(16)!),
      "",
      "",
    ]);
  }
  printTable(eq);
  console.log(
    "int8/int4 = MatMulNBits weight-only block-32 quantisation; q8_0/q4_0 = ggml's block-32 formats (rows of down_proj stay f16 when not a multiple of 32)",
  );

  const b1 = get(base);
  const bh = get(baseHttp);
  const bl = get(baseLlama);
  console.log(
    `\ncommitted default model (${path.relative(REPO_ROOT, DEFAULT_MODEL_DIR)}), fp32, engine at ${describeSetting(baseThreads)} direct and ${describeSetting(httpThreads)} over HTTP, llama.cpp f32 at ${baseLlama.threads}:`,
  );
  printTable([
    ["", "engine", "llama.cpp", "ratio", "CPU µs/token", "CPU ratio"],
    [
      "decode tok/s, batch 1, direct",
      f1(b1.solo.decodeTokS),
      f1(bl.solo.decodeTokS),
      ratio(b1.solo.decodeTokS, bl.solo.decodeTokS),
      ...cpuColumns(b1.solo, bl.solo),
    ],
    [
      "decode tok/s, batch 1, engine over HTTP",
      f1(bh.solo.decodeTokS),
      f1(bl.solo.decodeTokS),
      ratio(bh.solo.decodeTokS, bl.solo.decodeTokS),
      ...cpuColumns(bh.solo, bl.solo),
    ],
    ["TTFT ms, batch 1, direct / over HTTP", `${f1(b1.solo.ttftMs)} / ${f1(bh.solo.ttftMs)}`, f1(bl.solo.ttftMs), "", "", ""],
    [
      "aggregate tok/s, 16 streams, direct",
      f1(b1.streams.get(16)!),
      f1(bl.streams.get(16)!),
      ratio(b1.streams.get(16)!, bl.streams.get(16)!),
      "",
      "",
    ],
  ]);
  console.log(
    "CPU µs/token: process CPU per new token of a batch-1 request, prompt included, least of the rounds (engine / llama.cpp); CPU ratio = llama.cpp's / the engine's (> 1: the engine's token costs less). Under load the tok/s ratio also measures the core share each got.",
  );

  const l = get(lora);
  const m = get(merged);
  const overhead1 = 1 - l.solo.decodeTokS / m.solo.decodeTokS;
  const overhead16 = 1 - l.streams.get(16)! / m.streams.get(16)!;
  console.log(`\nLoRA r=${LORA_RANK} (q_proj, v_proj) as graph inputs vs merged into the weights:`);
  printTable([
    ["", "LoRA inputs", "merged", "overhead"],
    ["decode tok/s, batch 1", f1(l.solo.decodeTokS), f1(m.solo.decodeTokS), `${(100 * overhead1).toFixed(1)}%`],
    ["aggregate tok/s, 16 streams", f1(l.streams.get(16)!), f1(m.streams.get(16)!), `${(100 * overhead16).toFixed(1)}%`],
  ]);

  const q = get(int4);
  const bound = bandwidth / engine.weightBytes;
  const boundInt4 = bandwidth / int4.weightBytes;
  console.log(
    `\nmemory bandwidth (copy, read+write): ${(bandwidth / 1e9).toFixed(2)} GB/s; weights read per token: ${(engine.weightBytes / 1e6).toFixed(1)} MB fp32, ${(int4.weightBytes / 1e6).toFixed(1)} MB int4`,
  );
  const fracFp32 = e.solo.decodeTokS / bound;
  console.log(
    `batch-1 decode vs bandwidth bound: fp32 ${(100 * fracFp32).toFixed(1)}% of ${f1(bound)} tok/s; int4 ${((100 * q.solo.decodeTokS) / boundInt4).toFixed(1)}% of ${f1(boundInt4)} tok/s`,
  );
  const same = (a: number[], b: number[]) => a.length === 16 && a.every((t, i) => t === b[i]);
  console.log(
    `same weights check, first 16 greedy tokens: engine vs transformers.js ${same(e.solo.firstTokens, p.solo.firstTokens) ? "identical" : "DIFFER"}; ` +
      `engine vs llama.cpp f32 ${same(e.solo.firstTokens, lf.solo.firstTokens) ? "identical" : "DIFFER"}; ` +
      `default model engine vs llama.cpp f32 ${same(b1.solo.firstTokens, bl.solo.firstTokens) ? "identical" : "DIFFER"}`,
  );
  // Thread counts: each chosen by interleaved probes (bench/thread-choice.ts). A contender whose best
  // measured batch-1 rate fell below half its own probe median was disturbed in every round (the
  // host's load, or a thread count that collapses under it): the targets it enters are not judged.
  console.log(
    `\nthread counts (batch-1 probes of ${PROBE_TOKENS} tokens, 5 per count, interleaved, each corrected for the CPU time the host took from it; more threads only when clearly faster, one outlier per side set aside):`,
  );
  const probed: Contender[] = [engine, int8, int4, ...llamaTypes.map((t) => llama.get(t)!), base, baseHttp, baseLlama];
  const disturbed = new Set<Contender>();
  for (const c of probed) {
    const measured = get(c).solo.decodeTokS;
    const bad = measured < 0.5 * c.choice!.chosenMedian;
    if (bad) disturbed.add(c);
    console.log(
      `  ${c.name}: ${describeChoice(c.choice!)}; measured ${f1(measured)} tok/s${bad ? " — DISTURBED (below half its probe)" : ""}`,
    );
  }
  // The fp32 variants of the bench model run at the fp32 engine's count.
  for (const c of [lora, merged]) if (disturbed.has(engine)) disturbed.add(c);
  const ge = (a: number, b: number) => a >= b;
  const targets: Array<[boolean, string, Contender[]]> = [
    [e.solo.decodeTokS / p.solo.decodeTokS >= 1.5, "≥1.5× transformers.js at batch 1 (fp32)", [engine]],
    [e.streams.get(16)! / p.streams.get(16)! >= 4, "≥4× transformers.js aggregate at 16 streams (fp32)", [engine]],
    [ge(e.solo.decodeTokS, lf.solo.decodeTokS), "batch-1 decode ≥ llama.cpp f32", [engine, llama.get("f32")!]],
    [ge(get(int8).solo.decodeTokS, get(llama.get("q8_0")!).solo.decodeTokS), "batch-1 int8 ≥ llama.cpp q8_0", [int8, llama.get("q8_0")!]],
    [ge(q.solo.decodeTokS, get(llama.get("q4_0")!).solo.decodeTokS), "batch-1 int4 ≥ llama.cpp q4_0", [int4, llama.get("q4_0")!]],
    [ge(b1.solo.decodeTokS, bl.solo.decodeTokS), "default model batch-1 decode ≥ llama.cpp (direct)", [base, baseLlama]],
    [ge(bh.solo.decodeTokS, bl.solo.decodeTokS), "default model batch-1 decode ≥ llama.cpp (over HTTP)", [baseHttp, baseLlama]],
    [e.streams.get(16)! / lf.streams.get(16)! >= 2, "16-stream aggregate ≥2× llama.cpp f32", [engine, llama.get("f32")!]],
    [overhead1 <= 0.15 && overhead16 <= 0.15, "LoRA as inputs ≤15% behind merged", [lora, merged]],
    [fracFp32 >= 0.85, "batch-1 fp32 ≥85% of the bandwidth bound", [engine]],
  ];
  console.log(
    `transformers.js's onnxruntime pool threads: ${peerSpinning() === "1" ? "spinning" : "sleeping"} between ops (${process.env.BENCH_ORT_SPINNING ? "BENCH_ORT_SPINNING" : "as the engine's fp32 probe chose"})`,
  );
  // npm run bench:gpu-function starts this process with glibc's malloc on transparent huge pages
  // (gpu-function/runtime/huge-pages.ts, as scripts/start.ts starts the server): both onnxruntime
  // engines' buffers, and llama.cpp's malloc'd ones (its f32/f16 weights stay in its mmap of the GGUF).
  const huge = anonHugePageBytes();
  console.log(
    `GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES ?? "(unset)"}; this process's memory in transparent huge pages: ${huge === null ? "unknown" : `${(huge / 1e6).toFixed(0)} MB`}`,
  );
  console.log(`load average (1 min) on ${os.cpus().length} CPUs: ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`);
  const verdict = (ok: boolean, cs: Contender[]) => (cs.some((c) => disturbed.has(c)) ? "NOT JUDGED (disturbed)" : ok ? "met" : "MISSED");
  console.log(`targets: ${targets.map(([ok, label, cs]) => `${verdict(ok, cs)} ${label}`).join("; ")}`);
  for (const c of [engine, lora, merged, int8, int4, peer, ...llama.values(), base, baseHttp, baseLlama]) await c.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
