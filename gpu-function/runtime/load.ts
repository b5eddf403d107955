// Entry points for the engine: load an HF model directory into a LoadedModel (fused graph,
// KV slot pool, LoRA inputs or a merged adapter) or a LoadedEmbedder.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { GraphBuilder } from "../onnx/graph";
import { derivedTensor } from "../onnx/safetensors-lazy";
import { selectLoraTargets, tensorOf, type FusedGraphOptions, type Tensors } from "../models/family";
import { readHfConfig, readHfModel, type HfModel } from "../models/hf-dir";
import { familyFor } from "../models/registry";
import { mergeLoraWeight } from "./lora-feeds";
import { OrtCausalLm } from "./causal-lm";
import { OrtEmbedder } from "./embedder";
import { createSession, EXTERNAL_DATA_THRESHOLD, floatTypeFor, resolveDevice, sessionOptions } from "./session";
import type { PreparedLora } from "../models/types";
import type { LoadedEmbedder, LoadedModel, LoadOptions } from "./types";

export { readHfModel, type HfModel } from "../models/hf-dir";

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
      throw new Error(
        `adapter "${lora.name}": ${module} A/B sizes ${w.a.length}/${w.b.length} do not match r=${lora.rank}, in=${t.inFeatures}, out=${t.outFeatures}`,
      );
    }
    const name = `${module}.weight`;
    const base = merged.get(name)!;
    merged.set(
      name,
      derivedTensor(base.dtype, base.shape, () =>
        mergeLoraWeight(tensorOf(model.tensors, name).data, t.outFeatures, t.inFeatures, w.a, w.b, lora.rank, lora.scale),
      ),
    );
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
    const gatheredOnly =
      uses.length > 0 &&
      uses.every(
        (n) =>
          (n.op === "Gather" && n.inputs[0] === name) ||
          (n.op === "GatherBlockQuantized" && (n.inputs[0] === name || n.inputs[2] === name)) ||
          (n.op === "RotaryEmbedding" && n.inputs.indexOf(name) >= 2),
      );
    if (!gatheredOnly) total += c.data.byteLength;
  }
  return total;
}

function checkLoadOptions(opts: LoadOptions): void {
  const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (opts.maxBatch !== undefined && !positiveInt(opts.maxBatch))
    throw new Error(`loadModel: maxBatch must be a positive integer, got ${opts.maxBatch}`);
  if (opts.maxSequenceLength !== undefined && !positiveInt(opts.maxSequenceLength))
    throw new Error(`loadModel: maxSequenceLength must be a positive integer, got ${opts.maxSequenceLength}`);
  if (opts.kvInitialCapacity !== undefined && !positiveInt(opts.kvInitialCapacity))
    throw new Error(`loadModel: kvInitialCapacity must be a positive integer, got ${opts.kvInitialCapacity}`);
  if (opts.quantize !== undefined && !["none", "int8", "int4"].includes(opts.quantize))
    throw new Error(`loadModel: quantize must be none, int8 or int4, got ${String(opts.quantize)}`);
  if (opts.precision !== undefined && opts.precision !== "fp32" && opts.precision !== "fp16")
    throw new Error(`loadModel: precision must be fp32 or fp16, got ${String(opts.precision)}`);
  if (opts.lora) {
    if (!positiveInt(opts.lora.maxRank)) throw new Error(`loadModel: lora.maxRank must be a positive integer, got ${opts.lora.maxRank}`);
    if (opts.lora.targetModules.length === 0) throw new Error("loadModel: lora.targetModules is empty");
  }
}

export async function loadModel(dir: string, opts: LoadOptions = {}): Promise<LoadedModel> {
  checkLoadOptions(opts);
  const model = await readHfModel(dir, { lazy: opts.lazyWeights ?? true });
  if (model.family.kind === "encoder") {
    model.close();
    throw new Error(`${dir}: a ${model.family.name} encoder cannot generate text (use it as EMBEDDING_MODEL_DIR or RERANKER_MODEL_DIR)`);
  }
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
  if (opts.mergeAdapter && opts.lora)
    throw new Error("loadModel: mergeAdapter and LoRA slots are exclusive (merged mode serves one adapter at base speed)");
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
  const session = await createSession(graph, sessionOptions(device, opts.intraOpThreads, opts.spinning), EXTERNAL_DATA_THRESHOLD, {
    releaseInitializers: true,
  });
  return new OrtCausalLm({
    session,
    dims,
    maxSequenceLength,
    maxBatch: opts.maxBatch ?? 16,
    loraTargets,
    kvType: graphOpts.floatType,
    weightBytes,
    kvInitialCapacity: opts.kvInitialCapacity,
    loraMaxRank: opts.lora?.maxRank,
    loraGroups: graph.loraGroups,
  });
}

/** Decoder LMs: mean-pooled, L2-normalised hidden states; encoders (bert): pooled as their sentence-transformers config says. */
export async function loadEmbedder(dir: string, opts: LoadOptions = {}): Promise<LoadedEmbedder> {
  checkLoadOptions(opts);
  if (familyFor(await readHfConfig(dir)).kind === "encoder") return (await import("./load-encoder")).loadBertEmbedder(dir, opts);
  const model = await readHfModel(dir, { lazy: opts.lazyWeights ?? true });
  const device = resolveDevice(opts);
  const maxSequenceLength = Math.min(opts.maxSequenceLength ?? model.dims.maxPositions, model.dims.maxPositions);
  let graph: GraphBuilder;
  try {
    graph = model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
      loraModules: new Set(),
      quantize: opts.quantize ?? "none",
      floatType: floatTypeFor(device, opts),
      output: "hidden",
      maxSequenceLength,
    });
  } finally {
    model.close();
  }
  const session = await createSession(graph, sessionOptions(device, opts.intraOpThreads, opts.spinning), EXTERNAL_DATA_THRESHOLD, {
    releaseInitializers: true,
  });
  return new OrtEmbedder(session, model.dims, maxSequenceLength, opts.maxBatch ?? 16, floatTypeFor(device, opts));
}
