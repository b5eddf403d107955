// What the training worker does for one job, independent of process plumbing:
// tokenize the examples with the base model's own tokenizer and chat template
// (completion-only loss), measure held-out perplexity of the base model, train the
// LoRA adapter, measure again with the adapter, and report every step on the way.

import fs from "node:fs/promises";
import type { ChatExample, ImportIssue } from "../data/chat-example";
import { tokenizeChatDataset, type ChatTemplateTokenizer, type TokenizedExample } from "../data/tokenize-chat";
import { heldOutPerplexity, type PerplexityResult, type SequenceScorer } from "../train/eval-perplexity";
import type { JobResultMetrics, StepMetrics } from "./job";
import type { WorkerJobSpec, WorkerToServer } from "./protocol";

export interface TrainLoraArgs {
  modelDir: string;
  modelId: string;
  adapterName: string;
  outputDir: string;
  train: TokenizedExample[];
  validation: TokenizedExample[];
  hyperparameters: WorkerJobSpec["hyperparameters"];
  seed: number;
  /** Warm start from this PEFT adapter directory (null: PEFT's fresh init). */
  initialAdapterDir: string | null;
}

export interface TrainLoraHooks {
  onStep(metrics: StepMetrics): void;
  /** Held-out loss measured by the trainer during training (optional). */
  onEval?(step: number, result: PerplexityResult): void;
  signal: AbortSignal;
}

/** The trainer as the worker needs it (implemented over gpu-function/train by trainer-backend.ts). */
export interface TrainingBackend {
  loadTokenizer(modelDir: string): Promise<ChatTemplateTokenizer>;
  /** Trains and writes a PEFT adapter (adapter_config.json + adapter_model.safetensors) to outputDir. */
  trainLora(args: TrainLoraArgs, hooks: TrainLoraHooks): Promise<{ steps: number; trainedTokens: number; finalLoss: number }>;
  /** A scorer over the base model, with the PEFT adapter in adapterDir applied when given. */
  openScorer(
    modelDir: string,
    adapterDir: string | null,
    maxSeqLength: number,
  ): Promise<{ score: SequenceScorer; dispose(): Promise<void> }>;
}

export class JobAbortedError extends Error {}

const ISSUES_IN_EVENT = 20;

export async function runTrainingJob(
  spec: WorkerJobSpec,
  backend: TrainingBackend,
  emit: (msg: WorkerToServer) => void,
  signal: AbortSignal,
): Promise<void> {
  const log = (message: string, data?: Record<string, unknown>, level: "info" | "warn" = "info") =>
    emit({ type: "log", level, message, data });
  const checkAbort = () => {
    if (signal.aborted) throw new JobAbortedError("cancelled");
  };
  const h = spec.hyperparameters;

  const tokenizer = await backend.loadTokenizer(spec.modelDir);
  const train = await tokenizeFile(tokenizer, spec.trainingFile, h.max_seq_length, "training", log);
  const validation = spec.validationFile ? await tokenizeFile(tokenizer, spec.validationFile, h.max_seq_length, "validation", log) : [];
  checkAbort();

  let basePpl: PerplexityResult | null = null;
  if (validation.length > 0) {
    basePpl = await scoreWith(backend, spec.modelDir, null, validation, h.max_seq_length);
    log(`Base model held-out perplexity ${basePpl.perplexity.toFixed(3)} over ${basePpl.tokens} tokens`, {
      base_perplexity: basePpl.perplexity,
      tokens: basePpl.tokens,
    });
  }
  checkAbort();

  const initialDir = spec.initialAdapterDir ?? null;
  let initialPpl: PerplexityResult | null = null;
  if (initialDir && validation.length > 0) {
    initialPpl = await scoreWith(backend, spec.modelDir, initialDir, validation, h.max_seq_length);
    log(`Initial adapter held-out perplexity ${initialPpl.perplexity.toFixed(3)} (warm start, before step 1)`, {
      initial_perplexity: initialPpl.perplexity,
      tokens: initialPpl.tokens,
    });
  }
  checkAbort();

  log(`Training LoRA r=${h.lora_r} alpha=${h.lora_alpha} on ${h.target_modules.join(",")} for ${h.max_steps ?? `${h.n_epochs} epoch(s)`}`);
  const trained = await backend.trainLora(
    {
      modelDir: spec.modelDir,
      modelId: spec.modelId,
      adapterName: spec.adapterName,
      outputDir: spec.outputDir,
      train,
      validation,
      hyperparameters: h,
      seed: spec.seed,
      initialAdapterDir: initialDir,
    },
    {
      signal,
      onStep: (metrics) => emit({ type: "step", metrics }),
      onEval: (step, r) => emit({ type: "eval", step, validation_loss: r.loss, validation_perplexity: r.perplexity, tokens: r.tokens }),
    },
  );
  checkAbort();

  const metrics: JobResultMetrics = { final_train_loss: trained.finalLoss, steps: trained.steps };
  if (basePpl) {
    const adapted = await scoreWith(backend, spec.modelDir, spec.outputDir, validation, h.max_seq_length);
    metrics.validation = { base_perplexity: basePpl.perplexity, adapter_perplexity: adapted.perplexity, tokens: adapted.tokens };
    if (initialPpl) metrics.validation.initial_perplexity = initialPpl.perplexity;
    emit({
      type: "eval",
      step: trained.steps,
      validation_loss: adapted.loss,
      validation_perplexity: adapted.perplexity,
      tokens: adapted.tokens,
    });
  }
  emit({ type: "result", trainedTokens: trained.trainedTokens, metrics });

  async function tokenizeFile(
    tok: ChatTemplateTokenizer,
    file: string,
    maxLen: number,
    kind: string,
    logFn: typeof log,
  ): Promise<TokenizedExample[]> {
    const examples = (await fs.readFile(file, "utf8"))
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as ChatExample);
    const { rows, issues, lossTokens } = tokenizeChatDataset(tok, examples, maxLen);
    if (issues.length > 0) reportIssues(kind, issues, logFn);
    if (rows.length === 0) throw new Error(`${kind} data: no example has assistant tokens within max_seq_length ${maxLen}`);
    logFn(`${kind} data tokenized: ${rows.length} example(s), ${lossTokens} trained tokens`, {
      examples: rows.length,
      loss_tokens: lossTokens,
    });
    return rows;
  }
}

function reportIssues(
  kind: string,
  issues: ImportIssue[],
  log: (m: string, d?: Record<string, unknown>, l?: "info" | "warn") => void,
): void {
  log(
    `${kind} data: ${issues.length} example(s) skipped at tokenization; first: ${issues[0].id ?? ""} ${issues[0].reason}`,
    { skipped: issues.length, issues: issues.slice(0, ISSUES_IN_EVENT) },
    "warn",
  );
}

async function scoreWith(
  backend: TrainingBackend,
  modelDir: string,
  adapterDir: string | null,
  rows: TokenizedExample[],
  maxLen: number,
): Promise<PerplexityResult> {
  const scorer = await backend.openScorer(modelDir, adapterDir, maxLen);
  try {
    return await heldOutPerplexity(scorer.score, rows);
  } finally {
    await scorer.dispose();
  }
}
