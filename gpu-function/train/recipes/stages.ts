// The default-model pipeline, one function per stage. Each stage reads what earlier
// stages wrote under `out`, skips itself when its output is complete (unless forced),
// and trains with checkpoints under `work`, so an interrupted run resumes.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";

import { countPieces, SPECIAL_TOKENS, tokenizerConfigJson, tokenizerJson, trainBpe } from "../bpe";
import { countParameters, initRandomModel, saveModelDir } from "../model-io";
import type { TrainEvent } from "../trainer";
import { trainModel } from "../trainer";
import { chatmlExample, documentExample, type TextEncoder } from "./chatml";
import { corpusTexts, loadMedicalCorpus, type MedicalCorpus } from "./corpus";
import { baseModelConfig, PRETRAIN, SEED, VOCAB_SIZE } from "./defaults";
import type { Stage } from "./stage-names";

export interface StageContext {
  medquad: string;
  pubmedqa: string;
  out: string;
  work: string;
  force: boolean;
  /** Smoke-test mode: a few steps and small evaluations, to check the pipeline end to end. */
  quick: boolean;
  /** Embedder initial weights: a base checkpoint's params.safetensors (default: the finished models/base). */
  embedderInit?: string;
  /** Time budget for pretraining: stop the planned schedule after this step. */
  baseStopAt?: number;
  log: (line: string) => void;
  progress: (label: string) => { onEvent: (e: TrainEvent) => void; stop: () => void };
}

let corpusCache: MedicalCorpus | null = null;
export function corpusOf(ctx: StageContext): MedicalCorpus {
  corpusCache ??= loadMedicalCorpus(ctx.medquad, ctx.pubmedqa);
  return corpusCache;
}

/** The stage's training config, shrunk to a few steps in quick mode. */
export function sized<T extends { maxSteps?: number; checkpointEvery?: number }>(ctx: StageContext, cfg: T): T {
  return ctx.quick ? { ...cfg, maxSteps: 3, checkpointEvery: 2 } : cfg;
}

export async function loadTokenizer(dir: string): Promise<TextEncoder & { decode(ids: number[]): string }> {
  const json = JSON.parse(await readFile(path.join(dir, "tokenizer.json"), "utf8")) as object;
  const cfg = JSON.parse(await readFile(path.join(dir, "tokenizer_config.json"), "utf8")) as object;
  const tok = new Tokenizer(json, cfg);
  return {
    encode: (text) => (text ? tok.encode(text, { add_special_tokens: false }).ids : []),
    tokenId: (t) => tok.token_to_id(t),
    decode: (ids) => tok.decode(ids, { skip_special_tokens: true }),
  };
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function stageTokenizer(ctx: StageContext): Promise<void> {
  const dir = path.join(ctx.out, "base");
  if (!ctx.force && existsSync(path.join(dir, "tokenizer.json"))) return ctx.log("tokenizer: present, skipped");
  const c = corpusOf(ctx);
  const bpe = trainBpe(countPieces(corpusTexts(c)), { vocabSize: VOCAB_SIZE, specialTokens: [...SPECIAL_TOKENS] });
  for (const d of [dir, path.join(ctx.out, "embedder")]) {
    await writeJson(path.join(d, "tokenizer.json"), tokenizerJson(bpe));
    await writeJson(path.join(d, "tokenizer_config.json"), tokenizerConfigJson(1024));
  }
  await writeJson(path.join(ctx.out, "medquad-heldout.json"), {
    description: "MedQuAD questionIds held out from all default-model training (gpu-function/data/medquad.ts isHeldOut, 5%)",
    count: c.heldOut.length,
    questionIds: c.heldOut.map((p) => p.questionId).sort(),
  });
  ctx.log(`tokenizer: ${bpe.vocab.size} tokens, ${bpe.merges.length} merges; held-out ${c.heldOut.length} of ${c.heldOut.length + c.train.length} questions`);
}

/** Pretraining documents: MedQuAD Q/A as ChatML chats (loss everywhere) and PubMedQA abstracts. */
export function pretrainExamples(tok: TextEncoder, c: MedicalCorpus) {
  const examples = c.train.map((p) => chatmlExample(tok, [{ role: "user", content: p.question }, { role: "assistant", content: p.answer }], { completionOnly: false, endOfText: true }));
  for (const it of c.pubmed) examples.push(documentExample(tok, it.contexts.join("\n")));
  return examples;
}

async function stageBase(ctx: StageContext): Promise<void> {
  const dir = path.join(ctx.out, "base");
  if (!ctx.force && existsSync(path.join(dir, "model.safetensors"))) return ctx.log("base: present, skipped");
  const tok = await loadTokenizer(dir);
  const examples = pretrainExamples(tok, corpusOf(ctx)).slice(0, ctx.quick ? 200 : undefined);
  const tokens = examples.reduce((a, e) => a + e.inputIds.length, 0);
  ctx.log(`base: ${examples.length} documents, ${tokens} tokens`);
  const config = baseModelConfig();
  const base = initRandomModel(config, SEED);
  const p = ctx.progress("base");
  const result = await trainModel({ ...sized(ctx, PRETRAIN), checkpointDir: path.join(ctx.work, "base") }, { examples }, { base, onEvent: p.onEvent, stopAtStep: ctx.baseStopAt });
  p.stop();
  await saveModelDir(dir, config, result.weights!, "F16");
  await writeJson(path.join(ctx.work, "base-metrics.json"), {
    parameters: countParameters(result.weights!), corpusTokens: tokens, documents: examples.length, ...result.metrics,
  });
  ctx.log(`base: saved (final loss ${result.metrics.finalLoss.toFixed(3)}, ${result.metrics.trainSeconds.toFixed(0)}s)`);
}

export async function runStage(stage: Stage, ctx: StageContext): Promise<void> {
  switch (stage) {
    case "tokenizer":
      return stageTokenizer(ctx);
    case "base":
      return stageBase(ctx);
    default: {
      const { runLaterStage } = await import("./stages-late");
      return runLaterStage(stage, ctx);
    }
  }
}
