// Stage "embedder": the retrieval embedder, the pretrained LM fine-tuned contrastively on
// MedQuAD question/answer pairs, with held-out recall against the untrained pooled LM.
import { existsSync } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";

import type { ContrastivePair } from "../../batches";
import { readSafetensors } from "../../../onnx/safetensors";
import { initRandomModel, loadBaseModel, saveModelDir } from "../../model-io";
import { baseModelConfig, EMBEDDER, SEED } from "../defaults";
import { retrievalScores } from "../evaluate";
import { corpusOf, loadTokenizer, type StageContext, trainStage, writeJson } from "./context";

export async function makeEmbedder(ctx: StageContext): Promise<void> {
  const baseDir = path.join(ctx.out, "base");
  const dir = path.join(ctx.out, "embedder");
  // Skipped only once evaluated too; otherwise training resumes from its final checkpoint (no steps left) and evaluates.
  if (!ctx.force && existsSync(path.join(dir, "model.safetensors")) && existsSync(path.join(ctx.work, "embedder-metrics.json")))
    return ctx.log("embedder: present, skipped");
  const tok = await loadTokenizer(baseDir);
  const c = corpusOf(ctx);
  const maxLen = EMBEDDER.maxSeqLength ?? 128;
  const pairs: ContrastivePair[] = c.train.map((p) => ({
    query: tok.encode(p.question).slice(0, maxLen),
    positive: tok.encode(p.answer).slice(0, maxLen),
  }));
  // Start from the pretrained LM (its hidden states already encode the medical vocabulary):
  // the finished base, or a pretraining checkpoint so the embedder can train alongside it.
  const base = ctx.embedderInit ? await baseFromCheckpoint(ctx.embedderInit) : await loadBaseModel(baseDir);
  const result = await trainStage(ctx, "embedder", EMBEDDER, { pairs }, { base });
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
  ctx.log(
    `embedder: held-out recall@1 ${untrained.recallAt1.toFixed(3)} (base LM pooled) → ${trained.recallAt1.toFixed(3)}, MRR ${trained.mrr.toFixed(3)}`,
  );
  await writeJson(path.join(ctx.work, "embedder-metrics.json"), {
    initFrom: ctx.embedderInit ? await checkpointStep(ctx.embedderInit) : "models/base",
    config: result.config,
    pairs: pairs.length,
    metrics: result.metrics,
    heldOut: { trained, basePooled: untrained },
  });
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
