// Stages that build on the pretrained base: the grounded-answer LoRA adapter, the
// contrastive embedder, and the model cards. Metrics go to <work>/*-metrics.json for
// the cards stage.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { preparedFromTrained, saveTrainedAdapter } from "../adapter-io";
import type { ContrastivePair } from "../batches";
import { readSafetensors } from "../../onnx/safetensors";
import { initRandomModel, loadBaseModel, saveModelDir } from "../model-io";
import { perplexity } from "../perplexity";
import { Rng } from "../rng";
import { trainModel } from "../trainer";
import { chatmlExample } from "./chatml";
import { baseModelConfig, EMBEDDER, GROUNDED_LORA, SEED } from "./defaults";
import { groundedScores, retrievalScores } from "./evaluate";
import { groundedCases, groundedExamples } from "./grounded-data";
import { writeModelCards } from "./model-cards";
import type { Stage } from "./stage-names";
import { corpusOf, loadTokenizer, sized, type StageContext } from "./stages";

const GROUNDED_TRAIN_EXAMPLES = 2400;
const heldOutPpl = (ctx: StageContext) => (ctx.quick ? 6 : 200);
const heldOutGen = (ctx: StageContext) => (ctx.quick ? 2 : 40);

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function stageGrounded(ctx: StageContext): Promise<void> {
  const baseDir = path.join(ctx.out, "base");
  const dir = path.join(ctx.out, "adapters", "grounded");
  if (!ctx.force && existsSync(path.join(dir, "adapter_model.safetensors")) && existsSync(path.join(ctx.work, "grounded-metrics.json"))) return ctx.log("grounded: present, skipped");
  const tok = await loadTokenizer(baseDir);
  const c = corpusOf(ctx);
  const trainItems = new Rng(SEED).shuffle([...c.train]).slice(0, GROUNDED_TRAIN_EXAMPLES);
  const examples = groundedExamples(tok, groundedCases(trainItems, c.train, SEED + 1));
  const base = await loadBaseModel(baseDir);
  const p = ctx.progress("grounded");
  const result = await trainModel({ ...sized(ctx, GROUNDED_LORA), checkpointDir: path.join(ctx.work, "grounded") }, { examples }, { base, onEvent: p.onEvent });
  p.stop();
  await saveTrainedAdapter(dir, result.adapter!, "models/base");
  ctx.log(`grounded: adapter saved (final loss ${result.metrics.finalLoss.toFixed(3)})`);

  // Held-out evaluation: questions never trained on, distractors from the training pool.
  const heldCases = groundedCases(c.heldOut.slice(0, heldOutPpl(ctx)), c.train, SEED + 2);
  const heldExamples = groundedExamples(tok, heldCases);
  const lora = preparedFromTrained("grounded", result.adapter!);
  const pplBase = await perplexity(base, heldExamples, { threads: 2 });
  const pplAdapter = await perplexity(base, heldExamples, { threads: 2, lora });
  ctx.log(`grounded: held-out perplexity base ${pplBase.perplexity.toFixed(2)} → adapter ${pplAdapter.perplexity.toFixed(2)}`);
  const gen = heldCases.slice(0, heldOutGen(ctx));
  const scoresBase = await groundedScores(baseDir, tok, gen, null);
  const scoresAdapter = await groundedScores(baseDir, tok, gen, lora);
  ctx.log(`grounded: ROUGE-L base ${scoresBase.rougeL.toFixed(3)} → adapter ${scoresAdapter.rougeL.toFixed(3)}; citation accuracy ${scoresBase.citationAccuracy.toFixed(2)} → ${scoresAdapter.citationAccuracy.toFixed(2)}`);
  await writeJson(path.join(ctx.work, "grounded-metrics.json"), {
    config: result.config, trainExamples: examples.length, metrics: result.metrics,
    heldOut: { perplexityBase: pplBase, perplexityAdapter: pplAdapter, generationBase: scoresBase, generationAdapter: scoresAdapter },
  });
}

async function stageEmbedder(ctx: StageContext): Promise<void> {
  const baseDir = path.join(ctx.out, "base");
  const dir = path.join(ctx.out, "embedder");
  // Skipped only once evaluated too; otherwise training resumes from its final checkpoint (no steps left) and evaluates.
  if (!ctx.force && existsSync(path.join(dir, "model.safetensors")) && existsSync(path.join(ctx.work, "embedder-metrics.json"))) return ctx.log("embedder: present, skipped");
  const tok = await loadTokenizer(baseDir);
  const c = corpusOf(ctx);
  const maxLen = EMBEDDER.maxSeqLength ?? 128;
  const pairs: ContrastivePair[] = c.train.map((p) => ({ query: tok.encode(p.question).slice(0, maxLen), positive: tok.encode(p.answer).slice(0, maxLen) }));
  // Start from the pretrained LM (its hidden states already encode the medical vocabulary):
  // the finished base, or a pretraining checkpoint so the embedder can train alongside it.
  const base = ctx.embedderInit ? await baseFromCheckpoint(ctx.embedderInit) : await loadBaseModel(baseDir);
  const p = ctx.progress("embedder");
  const result = await trainModel({ ...sized(ctx, EMBEDDER), checkpointDir: path.join(ctx.work, "embedder") }, { pairs }, { base, onEvent: p.onEvent });
  p.stop();
  await saveModelDir(dir, base.config, result.weights!, "F16");
  ctx.log(`embedder: saved (final loss ${result.metrics.finalLoss.toFixed(3)})`);
  const evalItems = c.heldOut.slice(0, ctx.quick ? 20 : undefined);
  const queries = evalItems.map((h) => h.question);
  const passages = evalItems.map((h) => h.answer);
  const trained = await retrievalScores(dir, tok, queries, passages);
  // Baseline: the initial weights, mean-pooled, before any contrastive training.
  const initDir = path.join(ctx.work, "embedder-initial-model");
  await saveModelDir(initDir, base.config, base.tensors);
  await copyFile(path.join(baseDir, "tokenizer.json"), path.join(initDir, "tokenizer.json"));
  const untrained = await retrievalScores(initDir, tok, queries, passages);
  ctx.log(`embedder: held-out recall@1 ${untrained.recallAt1.toFixed(3)} (base LM pooled) → ${trained.recallAt1.toFixed(3)}, MRR ${trained.mrr.toFixed(3)}`);
  await writeJson(path.join(ctx.work, "embedder-metrics.json"), { initFrom: ctx.embedderInit ? await checkpointStep(ctx.embedderInit) : "models/base", config: result.config, pairs: pairs.length, metrics: result.metrics, heldOut: { trained, basePooled: untrained } });
}

async function baseFromCheckpoint(paramsFile: string) {
  const config = baseModelConfig();
  const m = initRandomModel(config, SEED);
  for (const [name, t] of readSafetensors(await readFile(paramsFile))) {
    if (!m.tensors.has(name)) throw new Error(`${paramsFile}: unexpected tensor ${name}`);
    m.tensors.set(name, { dtype: "F32", shape: t.shape, data: t.data });
  }
  return m;
}

async function checkpointStep(paramsFile: string): Promise<string> {
  const state = path.join(path.dirname(paramsFile), "trainer_state.json");
  const step = existsSync(state) ? (JSON.parse(await readFile(state, "utf8")) as { step: number }).step : "?";
  return `base pretraining checkpoint at step ${step}`;
}

async function stageCards(ctx: StageContext): Promise<void> {
  const read = async (name: string) => {
    const f = path.join(ctx.work, name);
    return existsSync(f) ? (JSON.parse(await readFile(f, "utf8")) as Record<string, unknown>) : null;
  };
  const c = corpusOf(ctx);
  const tok = await loadTokenizer(path.join(ctx.out, "base"));
  // Base-model held-out perplexity on MedQuAD answers (completion-only ChatML Q/A).
  let basePpl: number | null = null;
  if (existsSync(path.join(ctx.out, "base", "model.safetensors"))) {
    const ex = c.heldOut.slice(0, heldOutPpl(ctx)).map((h) => chatmlExample(tok, [{ role: "user", content: h.question }, { role: "assistant", content: h.answer }], { completionOnly: true }));
    basePpl = (await perplexity(path.join(ctx.out, "base"), ex, { threads: 2, maxSeqLength: 1024 })).perplexity;
  }
  await writeModelCards(ctx.out, {
    base: await read("base-metrics.json"), grounded: await read("grounded-metrics.json"), embedder: await read("embedder-metrics.json"),
    heldOutQuestions: c.heldOut.length, trainQuestions: c.train.length, pubmedAbstracts: c.pubmed.length, baseHeldOutPerplexity: basePpl,
  });
  ctx.log("cards: written");
}

export async function runLaterStage(stage: Stage, ctx: StageContext): Promise<void> {
  if (stage === "grounded") return stageGrounded(ctx);
  if (stage === "embedder") return stageEmbedder(ctx);
  if (stage === "cards") return stageCards(ctx);
  throw new Error(`unknown stage ${stage}`);
}
