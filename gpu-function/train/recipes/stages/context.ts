// What every default-model stage gets: the run's folders and flags, the medical corpus
// (loaded once per run), and small helpers the stages share.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";

import type { TrainConfigInput } from "../../config";
import { trainModel, type TrainDataset, type TrainEvent, type TrainOptions, type TrainResult } from "../../trainer";
import type { TextEncoder } from "../chatml";
import { loadMedicalCorpus, type MedicalCorpus } from "../corpus";

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

export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Trains a stage's model with its progress display, checkpoints under <work>/<label>, a few steps in quick mode. */
export async function trainStage(
  ctx: StageContext,
  label: string,
  config: TrainConfigInput,
  data: TrainDataset,
  opts: Omit<TrainOptions, "onEvent">,
): Promise<TrainResult> {
  const p = ctx.progress(label);
  try {
    return await trainModel({ ...sized(ctx, config), checkpointDir: path.join(ctx.work, label) }, data, { ...opts, onEvent: p.onEvent });
  } finally {
    p.stop();
  }
}

/** Held-out questions for perplexity and for generation (few in quick mode). */
export const heldOutPpl = (ctx: StageContext) => (ctx.quick ? 6 : 200);
export const heldOutGen = (ctx: StageContext) => (ctx.quick ? 2 : 40);
