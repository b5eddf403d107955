// The worker's TrainingBackend over the project's own parts: the serving tokenizer (chat
// template, engine/tokenizer.ts), the trainer (train/trainer.ts trainModel, LoRA mode), the
// PEFT writer/loader and the serving runtime (runtime/load.ts). Held-out perplexity goes through the serving runtime on purpose:
// the number then also proves the written adapter loads and works where it is served.

import os from "node:os";
import { ChatTokenizer } from "../engine/tokenizer";
import { loadPeftAdapter, readPeftAdapterFiles } from "../engine/peft";
import { loadModel } from "../runtime/load";
import { readSafetensors } from "../onnx/safetensors";
import { saveTrainedAdapter } from "../train/adapter-io";
import { loadedModelScorer } from "../train/eval-perplexity";
import { trainModel, TrainingCancelledError } from "../train/trainer";
import { asChatTemplateTokenizer } from "../train/chat-tokenizer";
import { JobAbortedError, type TrainingBackend } from "./train-job";

/** Training leaves one core to serving (2-core hosts); FINE_TUNING_THREADS overrides. */
function trainingThreads(): number {
  const env = Number(process.env.FINE_TUNING_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, os.availableParallelism() - 1);
}

export const trainerBackend: TrainingBackend = {
  async loadTokenizer(modelDir) {
    return asChatTemplateTokenizer(await ChatTokenizer.fromDir(modelDir));
  },

  async trainLora(args, hooks) {
    const h = args.hyperparameters;
    const initialLora = args.initialAdapterDir ? await initialLoraWeights(args.initialAdapterDir) : undefined;
    let result;
    try {
      result = await trainModel(
        {
          mode: "lora",
          objective: "lm",
          lora: {
            targetModules: h.target_modules,
            r: h.lora_r,
            loraAlpha: h.lora_alpha,
            loraDropout: h.lora_dropout,
            useRslora: h.use_rslora,
          },
          learningRate: h.learning_rate,
          weightDecay: h.weight_decay,
          lrScheduler: h.lr_scheduler,
          warmupRatio: h.warmup_ratio,
          batchSize: h.batch_size,
          gradientAccumulationSteps: h.gradient_accumulation_steps,
          maxGradNorm: h.max_grad_norm,
          epochs: h.n_epochs,
          maxSteps: h.max_steps ?? 0,
          maxSeqLength: h.max_seq_length,
          seed: args.seed,
          threads: trainingThreads(),
        },
        { examples: args.train },
        {
          base: args.modelDir,
          signal: hooks.signal,
          initialLora,
          onEvent: (e) => {
            if (e.type !== "step") return;
            hooks.onStep({
              step: e.step,
              total_steps: e.totalSteps,
              train_loss: e.loss,
              learning_rate: e.lr,
              tokens_per_second: e.tokensPerSecond,
              epoch: e.epoch,
              grad_norm: e.gradNorm,
            });
          },
        },
      );
    } catch (err) {
      if (err instanceof TrainingCancelledError) throw new JobAbortedError(err.message);
      throw err;
    }
    const adapter = result.adapter;
    if (!adapter) throw new Error("trainer returned no adapter in LoRA mode");
    await saveTrainedAdapter(args.outputDir, adapter, args.modelId);
    return { steps: result.metrics.steps, trainedTokens: result.metrics.tokensSeen, finalLoss: result.metrics.finalLoss };
  },

  async openScorer(modelDir, adapterDir, maxSeqLength) {
    let lora = null;
    let loraSlots = null;
    if (adapterDir) {
      const { config } = await readPeftAdapterFiles(adapterDir);
      const cfg = config as { r: number; target_modules: string[] };
      loraSlots = { maxRank: cfg.r, targetModules: cfg.target_modules };
    }
    const model = await loadModel(modelDir, {
      lora: loraSlots,
      maxBatch: 8,
      maxSequenceLength: maxSeqLength,
      intraOpThreads: trainingThreads(),
    });
    if (adapterDir) lora = await loadPeftAdapter(adapterDir, "held-out-eval", model.loraTargets);
    return { score: loadedModelScorer(model, lora), dispose: () => model.dispose() };
  },
};

/** A PEFT adapter directory's A/B per module path (the trainer checks them against its graph). */
async function initialLoraWeights(dir: string): Promise<Map<string, { a: Float32Array; b: Float32Array }>> {
  const { safetensors } = await readPeftAdapterFiles(dir);
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const [key, t] of readSafetensors(safetensors)) {
    const m = /^base_model\.model\.(.+)\.lora_([AB])\.weight$/.exec(key);
    if (!m) throw new Error(`initial adapter: unexpected tensor '${key}'`);
    const w = weights.get(m[1]) ?? { a: new Float32Array(0), b: new Float32Array(0) };
    if (m[2] === "A") w.a = t.data;
    else w.b = t.data;
    weights.set(m[1], w);
  }
  return weights;
}
