// Architecture and hyperparameters of the project's default models (one place, nanoGPT
// style). Sized for this 2-core CPU box: pretraining fits in under an hour, and all of
// models/ (fp16 weights) stays far below 50 MB.
import { bertFamily } from "../../models/bert";
import { llamaFamily } from "../../models/llama";
import type { HfConfig } from "../../models/types";
import type { TrainConfigInput } from "../config";

export const SEED = 1234;
export const VOCAB_SIZE = 6144;
export const EMBEDDING_DIM = 256; // = EMBEDDING_DIM in lib/db/schema.ts

/** A small Llama: 4 layers, d=256, 4 heads of 64, SwiGLU 688, tied embeddings, ctx 1024. */
export function baseModelConfig(): HfConfig {
  return {
    ...llamaFamily.tinyConfig({
      vocabSize: VOCAB_SIZE,
      hiddenSize: EMBEDDING_DIM,
      numLayers: 4,
      numHeads: 4,
      numKvHeads: 4,
      intermediateSize: 688,
      maxPositions: 1024,
      tieWordEmbeddings: true,
      bosTokenId: 0,
      eosTokenIds: [2, 0],
    }),
    bos_token_id: null,
    pad_token_id: 0,
    rope_theta: 10000,
    // Too small to be trusted with free text: the app answers in quote mode (CHAT_GROUNDING=auto).
    medchat_small_model: true,
  };
}

export const PRETRAIN: TrainConfigInput = {
  mode: "full",
  objective: "lm",
  learningRate: 1.5e-3,
  weightDecay: 0.1,
  adamBeta1: 0.9,
  adamBeta2: 0.95,
  lrScheduler: "cosine",
  warmupSteps: 30,
  minLrRatio: 0.1,
  batchSize: 4,
  gradientAccumulationSteps: 1,
  maxGradNorm: 1,
  maxSteps: 800,
  maxSeqLength: 512,
  packing: true,
  seed: SEED,
  checkpointEvery: 40,
  threads: 2,
};

/** Grounded-answer adapter (numbered sources → answer citing [n]); the seed cards' LoRA recipe. */
export const GROUNDED_LORA: TrainConfigInput = {
  mode: "lora",
  objective: "lm",
  lora: {
    targetModules: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    r: 16,
    loraAlpha: 32,
    loraDropout: 0.05,
    useRslora: false,
  },
  learningRate: 1e-3,
  weightDecay: 0,
  lrScheduler: "cosine",
  warmupRatio: 0.05,
  batchSize: 4,
  gradientAccumulationSteps: 2,
  maxGradNorm: 1,
  maxSteps: 200,
  maxSeqLength: 768,
  packing: false,
  seed: SEED,
  checkpointEvery: 20,
  threads: 2,
};

/** Contrastive embedder fine-tuned from the pretrained base (full parameters, in-batch negatives). */
export const EMBEDDER: TrainConfigInput = {
  mode: "full",
  objective: "contrastive",
  learningRate: 3e-4,
  weightDecay: 0.01,
  lrScheduler: "cosine",
  warmupRatio: 0.05,
  batchSize: 24,
  gradientAccumulationSteps: 1,
  maxGradNorm: 1,
  maxSteps: 240,
  maxSeqLength: 96,
  temperature: 0.05,
  seed: SEED,
  checkpointEvery: 25,
  threads: 2,
};

/**
 * The default cross-encoder: a 2-layer BERT (d=256, 4 heads, GELU 1024) over the project's
 * BPE vocabulary, BertForSequenceClassification with one relevance logit; its word
 * embeddings start from the pretrained base. ~3.4M parameters (≈7 MB in fp16).
 */
export function rerankerModelConfig(): HfConfig {
  return {
    ...bertFamily.tinyConfig({
      vocabSize: VOCAB_SIZE,
      hiddenSize: EMBEDDING_DIM,
      numLayers: 2,
      numHeads: 4,
      intermediateSize: 1024,
      maxPositions: 512,
      numLabels: 1,
    }),
    pad_token_id: 0,
  };
}

/** Listwise training over groups of a positive and 3 hard negatives (MedQuAD; half the queries consumer-style). */
export const RERANKER: TrainConfigInput = {
  mode: "full",
  objective: "rerank",
  rerankGroupSize: 4,
  learningRate: 4e-4,
  weightDecay: 0.01,
  lrScheduler: "cosine",
  warmupRatio: 0.1,
  minLrRatio: 0.1,
  batchSize: 8,
  gradientAccumulationSteps: 1,
  maxGradNorm: 1,
  maxSteps: 150,
  maxSeqLength: 128,
  seed: SEED,
  checkpointEvery: 20,
  threads: 2,
};

/**
 * The embedder continued on consumer-style queries (stage "embedder-consumer"): from the
 * finished models/embedder, queries up to 160 tokens (they carry a story), answers 96.
 */
export const EMBEDDER_CONSUMER: TrainConfigInput = {
  ...EMBEDDER,
  learningRate: 2e-4,
  warmupRatio: 0.05,
  maxSteps: 40,
  maxSeqLength: 160,
  checkpointEvery: 20,
};
export const EMBEDDER_PASSAGE_TOKENS = 96;
