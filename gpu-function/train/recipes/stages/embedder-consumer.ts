// Stage "embedder-consumer": the default embedder trained further on how people actually ask:
// each MedQuAD training question becomes a consumer-style variant (consumer-queries.ts: first
// person, a story, lay words, typos, two questions) 70 % of the time, queries may be up to 160
// tokens. Writes <out>/embedder-consumer next to the current embedder and compares both on
// held-out questions as written and as consumer-style variants (another seed than training).
// It replaces nothing: models/embedder is swapped only when the retrieval evaluation
// (npm run eval:retrieval) shows the new one better.
import { existsSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";

import type { ContrastivePair } from "../../batches";
import { loadBaseModel, saveModelDir } from "../../model-io";
import { Rng } from "../../rng";
import { trainModel } from "../../trainer";
import { consumerVariants } from "../consumer-queries";
import { EMBEDDER_CONSUMER, EMBEDDER_PASSAGE_TOKENS, SEED } from "../defaults";
import { retrievalScores } from "../evaluate";
import { corpusOf, loadTokenizer, sized, writeJson, type StageContext } from "./context";

const EVAL_QUESTIONS = 400;

export async function makeConsumerEmbedder(ctx: StageContext): Promise<void> {
  const current = path.join(ctx.out, "embedder");
  const dir = path.join(ctx.out, "embedder-consumer");
  if (!ctx.force && existsSync(path.join(dir, "model.safetensors")) && existsSync(path.join(ctx.work, "embedder-consumer-metrics.json")))
    return ctx.log("embedder-consumer: present, skipped");
  const tok = await loadTokenizer(current);
  const c = corpusOf(ctx);
  const rng = new Rng(SEED + 11);
  const maxQuery = EMBEDDER_CONSUMER.maxSeqLength ?? 160;
  const pairs: ContrastivePair[] = c.train.map((p, i) => ({
    query: tok.encode(rng.next() < 0.7 ? consumerVariants(p, 1, SEED + i)[0] : p.question).slice(0, maxQuery),
    // 96 tokens are well within the first 1,200 characters; tokenising whole answers would cost minutes.
    positive: tok.encode(p.answer.slice(0, 1200)).slice(0, EMBEDDER_PASSAGE_TOKENS),
  }));
  const base = await loadBaseModel(current);
  const p = ctx.progress("embedder-consumer");
  const result = await trainModel(
    { ...sized(ctx, EMBEDDER_CONSUMER), checkpointDir: path.join(ctx.work, "embedder-consumer") },
    { pairs },
    { base, onEvent: p.onEvent },
  );
  p.stop();
  await saveModelDir(dir, base.config, result.weights!, "F16");
  for (const f of ["tokenizer.json", "tokenizer_config.json"]) await copyFile(path.join(current, f), path.join(dir, f));
  ctx.log(`embedder-consumer: saved (final loss ${result.metrics.finalLoss.toFixed(3)})`);

  const items = c.heldOut.slice(0, ctx.quick ? 20 : EVAL_QUESTIONS);
  const passages = items.map((h) => h.answer);
  const asWritten = items.map((h) => h.question);
  const consumer = items.map((h) => consumerVariants(h, 1, SEED + 99)[0]);
  const scores = {
    current: {
      medquad: await retrievalScores(current, tok, asWritten, passages, maxQuery),
      consumer: await retrievalScores(current, tok, consumer, passages, maxQuery),
    },
    consumerTrained: {
      medquad: await retrievalScores(dir, tok, asWritten, passages, maxQuery),
      consumer: await retrievalScores(dir, tok, consumer, passages, maxQuery),
    },
  };
  ctx.log(
    `embedder-consumer: held-out MRR as written ${scores.current.medquad.mrr.toFixed(3)} → ${scores.consumerTrained.medquad.mrr.toFixed(3)}; consumer-style ${scores.current.consumer.mrr.toFixed(3)} → ${scores.consumerTrained.consumer.mrr.toFixed(3)}`,
  );
  await writeJson(path.join(ctx.work, "embedder-consumer-metrics.json"), {
    initFrom: "models/embedder",
    config: result.config,
    pairs: pairs.length,
    metrics: result.metrics,
    heldOut: scores,
  });
}
