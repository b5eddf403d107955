// Entry points for the engine: load an HF model directory into a LoadedModel (fused graph,
// KV slot pool, LoRA inputs or a merged adapter) or a LoadedEmbedder.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import * as ort from "onnxruntime-node";

import type { GraphBuilder } from "../onnx/graph";
import { derivedTensor } from "../onnx/safetensors-lazy";
import { selectLoraTargets, tensorOf, type FusedGraphOptions, type Tensors } from "../models/family";
import { readHfModel, type HfModel } from "../models/hf-dir";
import { mergeLoraWeight } from "./lora-feeds";
import { OrtCausalLm } from "./causal-lm";
import { OrtEmbedder } from "./embedder";
import type { PreparedLora } from "../models/types";
import type { LoadedEmbedder, LoadedModel, LoadOptions } from "./types";

export { readHfModel, type HfModel } from "../models/hf-dir";

export type Device = "cpu" | "cuda";

export function resolveDevice(opts: LoadOptions): Device {
  const d = opts.device ?? (process.env.GPU_FUNCTION_DEVICE === "cuda" ? "cuda" : "cpu");
  if (d !== "cpu" && d !== "cuda") throw new Error(`unknown device "${String(d)}" (expected cpu or cuda)`);
  return d;
}

export function floatTypeFor(device: Device, opts: LoadOptions): "float32" | "float16" {
  return (opts.precision ?? (device === "cuda" ? "fp16" : "fp32")) === "fp16" ? "float16" : "float32";
}

export function sessionOptions(device: Device, intraOpThreads?: number): ort.InferenceSession.SessionOptions {
  return {
    // On CUDA the graph is fp16 and the CPU EP only picks up what CUDA cannot run.
    executionProviders: device === "cuda" ? ["cuda", "cpu"] : ["cpu"],
    graphOptimizationLevel: "all",
    executionMode: "sequential",
    interOpNumThreads: 1,
    ...(intraOpThreads && intraOpThreads > 0 ? { intraOpNumThreads: intraOpThreads } : {}),
    enableCpuMemArena: true,
    // Spinning pool threads burn CPU while waiting; on a small shared host that halves decode
    // speed (measured in bench/gpu-function.ts). ORT_ALLOW_SPINNING=1 restores onnxruntime's default.
    extra: { session: { intra_op: { allow_spinning: process.env.ORT_ALLOW_SPINNING === "1" ? "1" : "0" } } },
  };
}

/** HF generate() stops at generation_config.json's eos ids too (e.g. <|im_end|> for chat models). */
async function mergeGenerationEos(dir: string, model: HfModel): Promise<void> {
  const file = path.join(dir, "generation_config.json");
  if (!existsSync(file)) return;
  const gen = JSON.parse(await readFile(file, "utf8")) as { eos_token_id?: number | number[] };
  const extra = typeof gen.eos_token_id === "number" ? [gen.eos_token_id] : Array.isArray(gen.eos_token_id) ? gen.eos_token_id : [];
  model.dims.eosTokenIds = [...new Set([...model.dims.eosTokenIds, ...extra])];
}

/**
 * The weights with W + scale·B·A folded in for every module the adapter targets. The merged
 * weights are lazy (computed when the graph builder reads them), so a lazy checkpoint stays lazy.
 */
export function mergeAdapterWeights(model: HfModel, lora: PreparedLora): Tensors {
  const targets = new Map(model.family.loraTargets(model.dims).map((t) => [t.module, t]));
  const merged: Tensors = new Map(model.tensors);
  for (const [module, w] of lora.weights) {
    const t = targets.get(module);
    if (!t) throw new Error(`adapter "${lora.name}": "${module}" is not a linear layer of this ${model.family.name} model`);
    if (w.a.length !== lora.rank * t.inFeatures || w.b.length !== t.outFeatures * lora.rank) {
      throw new Error(`adapter "${lora.name}": ${module} A/B sizes ${w.a.length}/${w.b.length} do not match r=${lora.rank}, in=${t.inFeatures}, out=${t.outFeatures}`);
    }
    const name = `${module}.weight`;
    const base = merged.get(name)!;
    merged.set(name, derivedTensor(base.dtype, base.shape, () => mergeLoraWeight(tensorOf(model.tensors, name).data, t.outFeatures, t.inFeatures, w.a, w.b, lora.rank, lora.scale)));
  }
  return merged;
}

/**
 * Bytes of weights read per decoded token: every initializer except tables that are only
 * gathered from (token/position embeddings, rotary caches), which cost one row per token.
 */
export function weightBytesPerToken(g: GraphBuilder): number {
  let total = 0;
  for (const [name, c] of g.initializers) {
    const uses = g.nodes.filter((n) => n.inputs.includes(name));
    const gatheredOnly = uses.length > 0 && uses.every((n) => (n.op === "Gather" && n.inputs[0] === name) || (n.op === "RotaryEmbedding" && n.inputs.indexOf(name) >= 2));
    if (!gatheredOnly) total += c.data.byteLength;
  }
  return total;
}

function checkLoadOptions(opts: LoadOptions): void {
  const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (opts.maxBatch !== undefined && !positiveInt(opts.maxBatch)) throw new Error(`loadModel: maxBatch must be a positive integer, got ${opts.maxBatch}`);
  if (opts.maxSequenceLength !== undefined && !positiveInt(opts.maxSequenceLength)) throw new Error(`loadModel: maxSequenceLength must be a positive integer, got ${opts.maxSequenceLength}`);
  if (opts.kvInitialCapacity !== undefined && !positiveInt(opts.kvInitialCapacity)) throw new Error(`loadModel: kvInitialCapacity must be a positive integer, got ${opts.kvInitialCapacity}`);
  if (opts.quantize !== undefined && !["none", "int8", "int4"].includes(opts.quantize)) throw new Error(`loadModel: quantize must be none, int8 or int4, got ${String(opts.quantize)}`);
  if (opts.precision !== undefined && opts.precision !== "fp32" && opts.precision !== "fp16") throw new Error(`loadModel: precision must be fp32 or fp16, got ${String(opts.precision)}`);
  if (opts.lora) {
    if (!positiveInt(opts.lora.maxRank)) throw new Error(`loadModel: lora.maxRank must be a positive integer, got ${opts.lora.maxRank}`);
    if (opts.lora.targetModules.length === 0) throw new Error("loadModel: lora.targetModules is empty");
  }
}

/** Above this many initializer bytes the model goes through a file with external data (protobuf caps messages at 2 GB). */
export const EXTERNAL_DATA_THRESHOLD = 1_500_000_000;

/**
 * Frees the graph's initializer arrays (the graph keeps its nodes and I/O but no weights): once
 * serialised, they would otherwise stay alive next to onnxruntime's own copy while the session
 * is created, doubling the load's host peak. ArrayBuffer.transfer (Node 22) frees each buffer
 * at once; on older Node the references are dropped and a full GC is requested.
 */
export function releaseInitializers(graph: GraphBuilder): void {
  const detach = (ArrayBuffer.prototype as { transfer?: (this: ArrayBuffer, length: number) => ArrayBuffer }).transfer;
  for (const c of graph.initializers.values()) {
    const buf = c.data.buffer as ArrayBuffer;
    if (detach && buf.byteLength > 0) {
      try {
        detach.call(buf, 0);
      } catch {
        // shared or already detached: dropping the reference below is enough
      }
    }
  }
  graph.initializers.clear();
  if (!detach) fullGc();
}

let gcFn: (() => void) | null | undefined;

/** A full garbage collection without --expose-gc (setFlagsFromString + a fresh context's gc); a no-op if unavailable. */
function fullGc(): void {
  if (gcFn === undefined) {
    gcFn = null;
    try {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/**
 * Creates a session from an in-memory graph, via a temporary model.onnx + external data file
 * when it is large. `releaseInitializers`: the graph's weights are freed once serialised (see
 * releaseInitializers), so the graph cannot be serialised again.
 */
export async function createSession(graph: GraphBuilder, options: ort.InferenceSession.SessionOptions, threshold = EXTERNAL_DATA_THRESHOLD, opts: { releaseInitializers?: boolean } = {}): Promise<ort.InferenceSession> {
  let bytes = 0;
  for (const c of graph.initializers.values()) bytes += c.data.byteLength;
  if (bytes < threshold) {
    const model = graph.toBytes();
    if (opts.releaseInitializers) releaseInitializers(graph);
    return ort.InferenceSession.create(model, options);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-onnx-"));
  try {
    const modelPath = await graph.saveWithExternalData(dir);
    if (opts.releaseInitializers) releaseInitializers(graph);
    return await ort.InferenceSession.create(modelPath, options);
  } finally {
    // The session holds the weights now (copied, or memory-mapped: a mapping outlives the unlink on Linux).
    await rm(dir, { recursive: true, force: true });
  }
}

export async function loadModel(dir: string, opts: LoadOptions = {}): Promise<LoadedModel> {
  checkLoadOptions(opts);
  const model = await readHfModel(dir, { lazy: opts.lazyWeights ?? true });
  try {
    return await buildModel(dir, model, opts);
  } finally {
    model.close();
  }
}

async function buildModel(dir: string, model: HfModel, opts: LoadOptions): Promise<LoadedModel> {
  await mergeGenerationEos(dir, model);
  const { family, dims, config } = model;
  const device = resolveDevice(opts);
  const maxSequenceLength = Math.min(opts.maxSequenceLength ?? dims.maxPositions, dims.maxPositions);
  if (opts.mergeAdapter && opts.lora) throw new Error("loadModel: mergeAdapter and LoRA slots are exclusive (merged mode serves one adapter at base speed)");
  const tensors = opts.mergeAdapter ? mergeAdapterWeights(model, opts.mergeAdapter) : model.tensors;
  const loraTargets = opts.lora ? selectLoraTargets(family.loraTargets(dims), opts.lora.targetModules) : [];
  const graphOpts: FusedGraphOptions = {
    loraModules: new Set(loraTargets.map((t) => t.module)),
    quantize: opts.quantize ?? "none",
    floatType: floatTypeFor(device, opts),
    output: "logits",
    maxSequenceLength,
  };
  const graph = family.buildFusedGraph(dims, config, tensors, graphOpts);
  model.close(); // every weight is an initializer now
  const weightBytes = weightBytesPerToken(graph);
  const session = await createSession(graph, sessionOptions(device, opts.intraOpThreads), EXTERNAL_DATA_THRESHOLD, { releaseInitializers: true });
  return new OrtCausalLm({
    session, dims, maxSequenceLength, maxBatch: opts.maxBatch ?? 16, loraTargets, kvType: graphOpts.floatType, weightBytes, kvInitialCapacity: opts.kvInitialCapacity, loraMaxRank: opts.lora?.maxRank, loraGroups: graph.loraGroups,
  });
}

export async function loadEmbedder(dir: string, opts: LoadOptions = {}): Promise<LoadedEmbedder> {
  checkLoadOptions(opts);
  const model = await readHfModel(dir, { lazy: opts.lazyWeights ?? true });
  const device = resolveDevice(opts);
  const maxSequenceLength = Math.min(opts.maxSequenceLength ?? model.dims.maxPositions, model.dims.maxPositions);
  let graph: GraphBuilder;
  try {
    graph = model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
      loraModules: new Set(), quantize: opts.quantize ?? "none", floatType: floatTypeFor(device, opts), output: "hidden", maxSequenceLength,
    });
  } finally {
    model.close();
  }
  const session = await createSession(graph, sessionOptions(device, opts.intraOpThreads), EXTERNAL_DATA_THRESHOLD, { releaseInitializers: true });
  return new OrtEmbedder(session, model.dims, maxSequenceLength, opts.maxBatch ?? 16, floatTypeFor(device, opts));
}
