// One typed training configuration (nanoGPT style: every knob in one place, defaults
// that work, validation with readable errors). Field names follow transformers/PEFT
// where they exist so a seed card's hyperparameters map one to one.
import type { LrScheduler } from "./schedule";

export interface LoraSettings {
  /** PEFT `target_modules`: short names (q_proj) or full module paths. */
  targetModules: string[];
  r: number;
  loraAlpha: number;
  loraDropout: number;
  useRslora: boolean;
}

export interface TrainConfig {
  /** "lora": base frozen, A/B trained; "full": every weight trained (pretraining). */
  mode: "lora" | "full";
  /**
   * Training objective: next-token LM loss, contrastive (embedder, in-batch negatives), or
   * rerank (cross-encoder: listwise softmax over a positive and its hard negatives).
   */
  objective: "lm" | "contrastive" | "rerank";
  lora: LoraSettings;
  learningRate: number;
  weightDecay: number;
  adamBeta1: number;
  adamBeta2: number;
  adamEpsilon: number;
  lrScheduler: LrScheduler;
  /** Warmup as a fraction of total steps (used when warmupSteps is 0). */
  warmupRatio: number;
  warmupSteps: number;
  /** Cosine/linear floor as a fraction of the peak LR. */
  minLrRatio: number;
  /** Sequences per micro-batch. */
  batchSize: number;
  gradientAccumulationSteps: number;
  /** 0 disables clipping. */
  maxGradNorm: number;
  epochs: number;
  /** When > 0, stops after this many optimizer steps (overrides epochs). */
  maxSteps: number;
  maxSeqLength: number;
  /** Concatenate examples into full-length rows (pretraining); otherwise one example per row. */
  packing: boolean;
  seed: number;
  /** Contrastive temperature (cosine similarities are divided by it). */
  temperature: number;
  /** Rerank objective: documents per query in a group (the positive first, then hard negatives). */
  rerankGroupSize: number;
  /** Where checkpoints go; empty = no checkpoints. */
  checkpointDir: string;
  /** Optimizer steps between checkpoints (0 = only at the end). */
  checkpointEvery: number;
  /** Resume from checkpointDir when it holds a checkpoint of the same config. */
  resume: boolean;
  /** onnxruntime intra-op threads. */
  threads: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  mode: "lora",
  objective: "lm",
  // The GPT-Neo seed card: r=16, alpha=32, dropout 0.1 on q/v.
  lora: { targetModules: ["q_proj", "v_proj"], r: 16, loraAlpha: 32, loraDropout: 0.1, useRslora: false },
  learningRate: 2e-4,
  weightDecay: 0,
  adamBeta1: 0.9,
  adamBeta2: 0.999,
  adamEpsilon: 1e-8,
  lrScheduler: "linear",
  warmupRatio: 0,
  warmupSteps: 0,
  minLrRatio: 0,
  batchSize: 8,
  gradientAccumulationSteps: 1,
  maxGradNorm: 1,
  epochs: 1,
  maxSteps: 0,
  maxSeqLength: 512,
  packing: false,
  seed: 42,
  temperature: 0.05,
  rerankGroupSize: 4,
  checkpointDir: "",
  checkpointEvery: 0,
  resume: true,
  threads: 2,
};

export type TrainConfigInput = Partial<Omit<TrainConfig, "lora">> & { lora?: Partial<LoraSettings> };

export class TrainConfigError extends Error {
  constructor(message: string) {
    super(`training config: ${message}`);
    this.name = "TrainConfigError";
  }
}

/** Fills defaults and rejects values that cannot train. */
export function resolveTrainConfig(input: TrainConfigInput = {}): TrainConfig {
  const c: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...input, lora: { ...DEFAULT_TRAIN_CONFIG.lora, ...(input.lora ?? {}) } };
  const positive = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) throw new TrainConfigError(`${name} must be > 0, got ${v}`);
  };
  const nonNegative = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v >= 0)) throw new TrainConfigError(`${name} must be ≥ 0, got ${v}`);
  };
  const integer = (name: string, v: number) => {
    if (!Number.isInteger(v)) throw new TrainConfigError(`${name} must be an integer, got ${v}`);
  };
  positive("learningRate", c.learningRate);
  nonNegative("weightDecay", c.weightDecay);
  for (const [n, v] of [
    ["batchSize", c.batchSize],
    ["gradientAccumulationSteps", c.gradientAccumulationSteps],
    ["maxSeqLength", c.maxSeqLength],
    ["threads", c.threads],
  ] as const) {
    positive(n, v);
    integer(n, v);
  }
  nonNegative("maxGradNorm", c.maxGradNorm);
  nonNegative("maxSteps", c.maxSteps);
  integer("maxSteps", c.maxSteps);
  positive("epochs", c.epochs);
  if (c.warmupRatio < 0 || c.warmupRatio >= 1) throw new TrainConfigError(`warmupRatio must be in [0, 1), got ${c.warmupRatio}`);
  nonNegative("warmupSteps", c.warmupSteps);
  if (!["linear", "cosine", "constant"].includes(c.lrScheduler))
    throw new TrainConfigError(`lrScheduler must be linear, cosine or constant, got "${c.lrScheduler}"`);
  if (c.adamBeta1 < 0 || c.adamBeta1 >= 1 || c.adamBeta2 < 0 || c.adamBeta2 >= 1)
    throw new TrainConfigError("adam betas must be in [0, 1)");
  if (c.mode !== "lora" && c.mode !== "full") throw new TrainConfigError(`mode must be "lora" or "full", got "${c.mode}"`);
  if (!["lm", "contrastive", "rerank"].includes(c.objective))
    throw new TrainConfigError(`objective must be "lm", "contrastive" or "rerank", got "${c.objective}"`);
  if (!Number.isInteger(c.rerankGroupSize) || c.rerankGroupSize < 2)
    throw new TrainConfigError(`rerankGroupSize must be an integer ≥ 2 (a positive and at least one negative), got ${c.rerankGroupSize}`);
  if (c.mode === "lora") {
    positive("lora.r", c.lora.r);
    integer("lora.r", c.lora.r);
    positive("lora.loraAlpha", c.lora.loraAlpha);
    if (c.lora.loraDropout < 0 || c.lora.loraDropout >= 1)
      throw new TrainConfigError(`lora.loraDropout must be in [0, 1), got ${c.lora.loraDropout}`);
    if (c.lora.targetModules.length === 0) throw new TrainConfigError("lora.targetModules is empty");
  }
  positive("temperature", c.temperature);
  return c;
}

/** PEFT's scaling: alpha/r, or alpha/√r with rsLoRA. */
export function loraScaling(l: Pick<LoraSettings, "r" | "loraAlpha" | "useRslora">): number {
  return l.useRslora ? l.loraAlpha / Math.sqrt(l.r) : l.loraAlpha / l.r;
}
