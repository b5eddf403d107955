// The trainer: LoRA or full-parameter training of a model family's plain graph with
// AdamW, warmup + linear/cosine schedule, gradient accumulation, global-norm clipping,
// epochs or max_steps, checkpoint/resume and progress events. Deterministic for a seed:
// data order, dropout masks and LoRA init all come from seeded generators, and resume
// restores every piece of state.
import * as ort from "onnxruntime-node";

import type { Tensors } from "../models/family";
import { adamwStep, globalNorm, newAdamWState, type AdamWState } from "./adamw";
import {
  contrastiveBatches,
  DatasetError,
  lmBatches,
  rerankBatches,
  validateExamples,
  type ContrastiveBatch,
  type ContrastivePair,
  type LmBatch,
  type RerankBatch,
  type RerankGroup,
  type TrainExample,
} from "./batches";
import { loadCheckpoint, saveCheckpoint } from "./checkpoint";
import { loraScaling, resolveTrainConfig, type TrainConfig, type TrainConfigInput } from "./config";
import { loadBaseModel } from "./model-io";
import { fnv1a32 } from "../shared/hash";
import { Rng } from "./rng";
import { learningRateAt, warmupStepsFor } from "./schedule";
import { buildTrainGraph, loraNames, type BaseModel, type BuiltGraph } from "./train-graph";

export interface TrainDataset {
  /** LM objective: tokenized examples with completion-only loss masks. */
  examples?: TrainExample[];
  /** Contrastive objective: (query, positive) pairs. */
  pairs?: ContrastivePair[];
  /** Rerank objective (cross-encoder): groups of a query, its positive and hard negatives, with the tokenizer's [CLS]/[SEP] ids. */
  rerank?: { groups: RerankGroup[]; cls: number; sep: number };
}

export type TrainEvent =
  | { type: "start"; totalSteps: number; trainableParameters: number; resumedFromStep: number }
  | {
      type: "step";
      step: number;
      totalSteps: number;
      epoch: number;
      loss: number;
      lr: number;
      gradNorm: number;
      tokensPerSecond: number;
      elapsedSeconds: number;
    }
  | { type: "checkpoint"; step: number; dir: string };

export interface TrainOptions {
  /** Base model: an HF directory or an in-memory model (e.g. freshly initialised). */
  base: string | BaseModel;
  onEvent?: (e: TrainEvent) => void;
  signal?: AbortSignal;
  /**
   * Stop after this optimizer step while keeping the planned schedule (a time budget:
   * the LR curve is the full run's, cut short). Not part of the config's identity, so a
   * checkpoint of the full run resumes into it.
   */
  stopAtStep?: number;
  /**
   * LoRA warm start: A [r×in] and B [out×r] per PEFT module path (an adapter's weights) replace
   * PEFT's init, so step 0 equals base + that adapter; the optimizer state still starts fresh.
   * Must cover exactly the graph's LoRA targets with the config's rank.
   */
  initialLora?: Map<string, { a: Float32Array; b: Float32Array }>;
}

export interface TrainedAdapter {
  r: number;
  loraAlpha: number;
  loraDropout: number;
  useRslora: boolean;
  targetModules: string[];
  /** Keyed by PEFT module path: A [r×in], B [out×r], row-major fp32. */
  weights: Map<string, { a: Float32Array; b: Float32Array }>;
}

export interface TrainMetrics {
  steps: number;
  totalSteps: number;
  tokensSeen: number;
  trainSeconds: number;
  tokensPerSecond: number;
  finalLoss: number;
  losses: { step: number; loss: number; lr: number }[];
  trainableParameters: number;
}

export interface TrainResult {
  config: TrainConfig;
  base: BaseModel;
  /** LoRA mode. */
  adapter?: TrainedAdapter;
  /** Full mode: every weight after training (HF names). */
  weights?: Tensors;
  metrics: TrainMetrics;
}

export class TrainingCancelledError extends Error {
  constructor(readonly step: number) {
    super(`training cancelled at step ${step}`);
    this.name = "TrainingCancelledError";
  }
}

type AnyBatch = LmBatch | ContrastiveBatch | RerankBatch;

function configKey(cfg: TrainConfig, data: TrainDataset): string {
  const { checkpointDir: _dir, resume: _resume, threads: _threads, checkpointEvery: _every, ...rest } = cfg;
  const items = data.examples ?? data.pairs ?? data.rerank?.groups ?? [];
  function* tokens() {
    for (const it of items.slice(0, 256)) yield* "inputIds" in it ? it.inputIds : it.query;
  }
  return JSON.stringify({ ...rest, items: items.length, hash: fnv1a32(tokens()) });
}

/** PEFT's init: A ~ kaiming-uniform (bound 1/√in), B = 0, so step 0 equals the base model. */
function initLora(built: BuiltGraph, rng: Rng): Map<string, Float32Array> {
  const params = new Map<string, Float32Array>();
  for (const t of built.trainable) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (t.name.endsWith(".lora_A.weight")) {
      const bound = 1 / Math.sqrt(t.shape[1]);
      for (let i = 0; i < n; i++) data[i] = (rng.next() * 2 - 1) * bound;
    }
    params.set(t.name, data);
  }
  return params;
}

/** Copies an adapter's A/B into the trainable LoRA tensors; refuses any module or shape mismatch. */
function warmStartLora(built: BuiltGraph, initial: Map<string, { a: Float32Array; b: Float32Array }>): Map<string, Float32Array> {
  const sizes = new Map(built.trainable.map((t) => [t.name, t.shape.reduce((x, y) => x * y, 1)]));
  const params = new Map<string, Float32Array>();
  for (const t of built.loraTargets) {
    const w = initial.get(t.module);
    if (!w) throw new DatasetError(`initial adapter has no LoRA weights for ${t.module}`);
    const n = loraNames(t.module);
    for (const [name, data] of [
      [n.a, w.a],
      [n.b, w.b],
    ] as const) {
      if (data.length !== sizes.get(name))
        throw new DatasetError(`initial adapter's ${name} has ${data.length} values, expected ${sizes.get(name)}`);
      params.set(name, Float32Array.from(data));
    }
  }
  const extra = [...initial.keys()].filter((m) => !built.loraTargets.some((t) => t.module === m));
  if (extra.length > 0) throw new DatasetError(`initial adapter adapts modules this run does not train: ${extra.slice(0, 3).join(", ")}`);
  return params;
}

export async function trainModel(configInput: TrainConfigInput, data: TrainDataset, opts: TrainOptions): Promise<TrainResult> {
  const cfg = resolveTrainConfig(configInput);
  const base = typeof opts.base === "string" ? await loadBaseModel(opts.base) : opts.base;
  const contrastive = cfg.objective === "contrastive";
  const rerank = cfg.objective === "rerank";
  if (contrastive && !data.pairs) throw new DatasetError("contrastive training needs dataset.pairs");
  if (rerank && !data.rerank) throw new DatasetError("rerank training needs dataset.rerank");
  if (cfg.objective === "lm") {
    if (!data.examples) throw new DatasetError("LM training needs dataset.examples");
    validateExamples(data.examples);
  }
  const batchesOf = (epoch: number): AnyBatch[] =>
    rerank
      ? rerankBatches(data.rerank!.groups, {
          maxSeqLength: cfg.maxSeqLength,
          batchSize: cfg.batchSize,
          groupSize: cfg.rerankGroupSize,
          cls: data.rerank!.cls,
          sep: data.rerank!.sep,
          seed: cfg.seed,
          epoch,
        })
      : contrastive
        ? contrastiveBatches(data.pairs!, { maxSeqLength: cfg.maxSeqLength, batchSize: cfg.batchSize, seed: cfg.seed, epoch })
        : lmBatches(data.examples!, {
            maxSeqLength: cfg.maxSeqLength,
            packing: cfg.packing,
            batchSize: cfg.batchSize,
            seed: cfg.seed,
            epoch,
          });
  let epochCache = { epoch: 0, batches: batchesOf(0) };
  const perEpoch = epochCache.batches.length;
  if (perEpoch === 0) throw new DatasetError("training data yields no batches");
  const totalSteps = cfg.maxSteps > 0 ? cfg.maxSteps : Math.max(1, Math.ceil((cfg.epochs * perEpoch) / cfg.gradientAccumulationSteps));
  const batchAt = (micro: number): AnyBatch => {
    const epoch = Math.floor(micro / perEpoch);
    if (epochCache.epoch !== epoch) epochCache = { epoch, batches: batchesOf(epoch) };
    return epochCache.batches[micro % perEpoch];
  };

  const built = await buildTrainGraph({ base, cfg, withGradients: true, dropout: true });
  const shapes = new Map(built.trainable.map((t) => [t.name, t.shape]));
  const rootRng = new Rng(cfg.seed);
  let params: Map<string, Float32Array>;
  if (cfg.mode === "lora") params = opts.initialLora ? warmStartLora(built, opts.initialLora) : initLora(built, rootRng.fork(1));
  else params = new Map(built.trainable.map((t) => [t.name, Float32Array.from(base.tensors.get(t.name)!.data)]));
  let optimizer: AdamWState = newAdamWState(params);
  let dropoutRng = rootRng.fork(2);
  let step = 0;
  let tokensSeen = 0;
  let elapsedBefore = 0;
  let losses: TrainMetrics["losses"] = [];
  const key = configKey(cfg, data);
  if (cfg.checkpointDir && cfg.resume) {
    const ck = await loadCheckpoint(cfg.checkpointDir, key);
    if (ck) {
      params = ck.params;
      optimizer = ck.optimizer;
      dropoutRng = new Rng(ck.position.dropoutRngState);
      ({ step, tokensSeen, losses } = ck.position);
      elapsedBefore = ck.position.elapsedSeconds;
    }
  }
  const trainableParameters = [...params.values()].reduce((a, p) => a + p.length, 0);
  opts.onEvent?.({ type: "start", totalSteps, trainableParameters, resumedFromStep: step });

  const session = await ort.InferenceSession.create(built.bytes, {
    intraOpNumThreads: cfg.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
    // No busy-waiting worker threads: on a shared CPU spinning steals time from everyone.
    extra: { session: { intra_op: { allow_spinning: "0" } } },
  });
  const decay = (name: string) => cfg.weightDecay > 0 && (shapes.get(name)?.length ?? 0) >= 2;
  const grads = new Map([...params].map(([k, p]) => [k, new Float32Array(p.length)]));
  const started = performance.now();
  const save = async () => {
    if (!cfg.checkpointDir) return;
    const elapsedSeconds = elapsedBefore + (performance.now() - started) / 1000;
    await saveCheckpoint(
      cfg.checkpointDir,
      key,
      { params, optimizer, position: { step, tokensSeen, dropoutRngState: dropoutRng.seedState, elapsedSeconds, losses } },
      shapes,
    );
    opts.onEvent?.({ type: "checkpoint", step, dir: cfg.checkpointDir });
  };
  try {
    const schedule = {
      peakLr: cfg.learningRate,
      totalSteps,
      warmupSteps: warmupStepsFor(totalSteps, cfg.warmupSteps, cfg.warmupRatio),
      scheduler: cfg.lrScheduler,
      minLrRatio: cfg.minLrRatio,
    };
    const lastStep = Math.min(totalSteps, opts.stopAtStep ?? totalSteps);
    while (step < lastStep) {
      if (opts.signal?.aborted) {
        await save();
        throw new TrainingCancelledError(step);
      }
      const t0 = performance.now();
      const group = Array.from({ length: cfg.gradientAccumulationSteps }, (_, i) => batchAt(step * cfg.gradientAccumulationSteps + i));
      const meanLoss = contrastive || rerank; // per-batch mean losses, averaged over the accumulation group
      const groupLossTokens = meanLoss ? 0 : group.reduce((a, b) => a + (b as LmBatch).lossTokens, 0);
      for (const g of grads.values()) g.fill(0);
      let loss = 0;
      let inputTokens = 0;
      for (const batch of group) {
        const feeds = batchFeeds(batch, built, cfg, params, groupLossTokens, dropoutRng);
        if (!feeds) continue;
        const out = await session.run(feeds);
        const share = meanLoss ? 1 / group.length : 1;
        loss += Number(out[built.loss].data[0]) * share;
        for (const [name, gradName] of built.grads) {
          const src = out[gradName].data as Float32Array;
          const acc = grads.get(name)!;
          for (let i = 0; i < src.length; i++) acc[i] += src[i] * share;
        }
        inputTokens += batch.inputTokens;
      }
      const norm = globalNorm(grads);
      const clip = cfg.maxGradNorm > 0 && norm > cfg.maxGradNorm ? cfg.maxGradNorm / norm : 1;
      const lr = learningRateAt(step, schedule);
      if (Number.isFinite(norm) && (meanLoss || groupLossTokens > 0)) {
        adamwStep(
          params,
          grads,
          optimizer,
          lr,
          { beta1: cfg.adamBeta1, beta2: cfg.adamBeta2, eps: cfg.adamEpsilon, weightDecay: cfg.weightDecay },
          decay,
          clip,
        );
      }
      step++;
      tokensSeen += inputTokens;
      losses.push({ step, loss, lr });
      const seconds = (performance.now() - t0) / 1000;
      opts.onEvent?.({
        type: "step",
        step,
        totalSteps,
        epoch: (step * cfg.gradientAccumulationSteps) / perEpoch,
        loss,
        lr,
        gradNorm: norm,
        tokensPerSecond: inputTokens / Math.max(seconds, 1e-9),
        elapsedSeconds: elapsedBefore + (performance.now() - started) / 1000,
      });
      if (cfg.checkpointEvery > 0 && step % cfg.checkpointEvery === 0 && step < lastStep) await save();
    }
    await save();
  } finally {
    await session.release();
  }
  const trainSeconds = elapsedBefore + (performance.now() - started) / 1000;
  const metrics: TrainMetrics = {
    steps: step,
    totalSteps,
    tokensSeen,
    trainSeconds,
    tokensPerSecond: tokensSeen / Math.max(trainSeconds, 1e-9),
    finalLoss: losses.at(-1)?.loss ?? NaN,
    losses,
    trainableParameters,
  };
  const result: TrainResult = { config: cfg, base, metrics };
  if (cfg.mode === "lora") result.adapter = adapterFrom(built, params, cfg);
  else {
    const weights: Tensors = new Map();
    for (const [name, t] of base.tensors) weights.set(name, { dtype: "F32", shape: t.shape, data: params.get(name) ?? t.data });
    result.weights = weights;
  }
  return result;
}

function adapterFrom(built: BuiltGraph, params: Map<string, Float32Array>, cfg: TrainConfig): TrainedAdapter {
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of built.loraTargets) {
    const n = loraNames(t.module);
    weights.set(t.module, { a: params.get(n.a)!, b: params.get(n.b)! });
  }
  return {
    r: cfg.lora.r,
    loraAlpha: cfg.lora.loraAlpha,
    loraDropout: cfg.lora.loraDropout,
    useRslora: cfg.lora.useRslora,
    targetModules: [...new Set(built.loraTargets.map((t) => t.shortName))],
    weights,
  };
}

/** Feeds for one micro-batch; null when nothing in it carries loss. */
function batchFeeds(
  batch: AnyBatch,
  built: BuiltGraph,
  cfg: TrainConfig,
  params: Map<string, Float32Array>,
  groupLossTokens: number,
  dropoutRng: Rng,
): Record<string, ort.Tensor> | null {
  const feeds: Record<string, ort.Tensor> = {};
  for (const t of built.trainable) feeds[t.name] = new ort.Tensor("float32", params.get(t.name)!, t.shape);
  let rows: number;
  if ("groupSize" in batch) {
    rows = batch.groups * batch.groupSize;
    const dims = [rows, batch.seqLen];
    feeds.input_ids = new ort.Tensor("int64", batch.inputIds, dims);
    feeds.token_type_ids = new ort.Tensor("int64", batch.tokenTypeIds, dims);
    feeds.attention_mask = new ort.Tensor("int64", batch.attentionMask, dims);
  } else if ("labels" in batch) {
    if (batch.lossTokens === 0) return null;
    rows = batch.rows;
    const dims = [batch.rows, batch.seqLen];
    const weights = batch.labelMask.map((m) => m / groupLossTokens);
    feeds.input_ids = new ort.Tensor("int64", batch.inputIds, dims);
    feeds.labels = new ort.Tensor("int64", batch.labels, dims);
    feeds.label_weights = new ort.Tensor("float32", weights, dims);
  } else {
    rows = batch.pairs * 2;
    feeds.input_ids = new ort.Tensor("int64", batch.inputIds, [rows, batch.seqLen]);
    feeds.pool_weights = new ort.Tensor("float32", batch.poolWeights, [rows, batch.seqLen]);
    feeds.pair_targets = new ort.Tensor(
      "int64",
      BigInt64Array.from({ length: batch.pairs }, (_, i) => BigInt(i)),
      [batch.pairs, 1],
    );
    // Encoders (bert) attend both ways: padding must be masked, and all tokens are segment 0.
    if (built.inputNames.includes("attention_mask")) {
      feeds.attention_mask = new ort.Tensor(
        "int64",
        BigInt64Array.from(batch.poolWeights, (w) => (w > 0 ? 1n : 0n)),
        [rows, batch.seqLen],
      );
      feeds.token_type_ids = new ort.Tensor("int64", new BigInt64Array(rows * batch.seqLen), [rows, batch.seqLen]);
    }
  }
  const p = cfg.lora.loraDropout;
  for (const d of built.dropout) {
    const mask = new Float32Array(rows * batch.seqLen * d.inFeatures);
    const keep = 1 / (1 - p);
    for (let i = 0; i < mask.length; i++) mask[i] = dropoutRng.next() < p ? 0 : keep;
    feeds[d.name] = new ort.Tensor("float32", mask, [rows, batch.seqLen, d.inFeatures]);
  }
  return feeds;
}

export { loraScaling };
