// Stage "reranker": the default cross-encoder behind POST /v1/rerank. A 2-layer BERT
// (BertForSequenceClassification, one logit) over the project's BPE vocabulary, word embeddings
// from the pretrained base, trained listwise on MedQuAD groups with hard negatives (half the
// queries consumer-style variants). Evaluated by reranking BM25's top 20 for held-out
// questions, as MedQuAD asks them and as consumer-style variants; the card reports both.
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { loadReranker } from "../../../runtime/load-encoder";
import type { RerankGroup } from "../../batches";
import { initRandomModel, loadBaseModel, saveModelDir } from "../../model-io";
import { trainModel } from "../../trainer";
import { rerankerModelConfig, RERANKER, SEED } from "../defaults";
import { AnswerPool, rankingMetrics, rerankEvalCases, rerankTrainExamples, type RerankEvalCase } from "../reranker-data";
import { writeRerankerCard } from "../reranker-card";
import { corpusOf, loadTokenizer, sized, writeJson, type StageContext } from "./context";

/** [CLS] and [SEP] of the reranker: the BPE's ChatML markers (the BPE has no BERT tokens; RoBERTa likewise reuses <s> </s>). */
export const RERANKER_CLS = "<|im_start|>";
export const RERANKER_SEP = "<|im_end|>";
const TRAIN_GROUPS = 1200; // 150 steps × 8 groups: one pass
const DOC_CHARS = 1200;
const MAX_QUERY_TOKENS = 64;
const EVAL_QUESTIONS = 100;
const EVAL_K = 20;

async function writeRerankerTokenizer(baseDir: string, dir: string, cls: number, sep: number): Promise<void> {
  const tok = JSON.parse(await readFile(path.join(baseDir, "tokenizer.json"), "utf8")) as Record<string, unknown>;
  const special = (id: string, type = 0) => ({ SpecialToken: { id, type_id: type } });
  const seq = (id: "A" | "B", type: number) => ({ Sequence: { id, type_id: type } });
  tok.post_processor = {
    type: "TemplateProcessing",
    single: [special(RERANKER_CLS), seq("A", 0), special(RERANKER_SEP)],
    pair: [special(RERANKER_CLS), seq("A", 0), special(RERANKER_SEP), seq("B", 1), special(RERANKER_SEP, 1)],
    special_tokens: {
      [RERANKER_CLS]: { id: RERANKER_CLS, ids: [cls], tokens: [RERANKER_CLS] },
      [RERANKER_SEP]: { id: RERANKER_SEP, ids: [sep], tokens: [RERANKER_SEP] },
    },
  };
  await writeJson(path.join(dir, "tokenizer.json"), tok);
  await writeJson(path.join(dir, "tokenizer_config.json"), {
    // The length it was trained at: position embeddings past it never learned anything.
    tokenizer_class: "PreTrainedTokenizerFast",
    cls_token: RERANKER_CLS,
    sep_token: RERANKER_SEP,
    pad_token: "<|endoftext|>",
    model_max_length: RERANKER.maxSeqLength,
  });
}

/** BM25 order vs the reranker's order over the same candidates. */
async function evaluate(dir: string, tok: Awaited<ReturnType<typeof loadTokenizer>>, cases: RerankEvalCase[]) {
  const reranker = await loadReranker(dir, { intraOpThreads: 2 });
  const started = performance.now();
  const orders: number[][] = [];
  try {
    for (const c of cases) {
      const q = tok.encode(c.query).slice(0, MAX_QUERY_TOKENS);
      const scores = await reranker.score(c.candidates.map((d) => ({ query: q, document: tok.encode(d) })));
      orders.push(c.candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b));
    }
  } finally {
    await reranker.dispose();
  }
  const bm25 = rankingMetrics(
    cases,
    cases.map((c) => c.candidates.map((_, i) => i)),
  );
  return {
    questions: cases.length,
    candidates: EVAL_K,
    bm25,
    reranked: rankingMetrics(cases, orders),
    goldInCandidates: cases.filter((c) => c.relevant.length > 0).length / cases.length,
    secondsPerQuery: (performance.now() - started) / 1000 / cases.length,
  };
}

export async function makeReranker(ctx: StageContext): Promise<void> {
  const baseDir = path.join(ctx.out, "base");
  const dir = path.join(ctx.out, "reranker");
  // Trained and evaluated here; copied to <out>/reranker (which npm start loads) only when it beats BM25's order.
  const candidate = path.join(ctx.work, "reranker-candidate");
  if (!ctx.force && existsSync(path.join(ctx.work, "reranker-metrics.json"))) return ctx.log("reranker: evaluated before, skipped");
  const tok = await loadTokenizer(baseDir);
  const cls = tok.tokenId(RERANKER_CLS);
  const sep = tok.tokenId(RERANKER_SEP);
  if (cls === undefined || sep === undefined)
    throw new Error(`reranker: ${baseDir}/tokenizer.json lacks ${RERANKER_CLS} / ${RERANKER_SEP}`);
  const c = corpusOf(ctx);
  const pool = new AnswerPool(c.train, DOC_CHARS);
  const examples = rerankTrainExamples(c.train, pool, {
    count: ctx.quick ? 64 : TRAIN_GROUPS,
    negatives: (RERANKER.rerankGroupSize ?? 4) - 1,
    seed: SEED,
    consumerShare: 0.5,
    docChars: DOC_CHARS,
  });
  const groups: RerankGroup[] = examples.map((e) => ({
    query: tok.encode(e.query).slice(0, MAX_QUERY_TOKENS),
    positive: tok.encode(e.positive),
    negatives: e.negatives.map((n) => tok.encode(n)),
  }));
  ctx.log(`reranker: ${groups.length} groups (${pool.texts.length} candidate answers)`);

  const config = rerankerModelConfig();
  const model = initRandomModel(config, SEED);
  const base = await loadBaseModel(baseDir);
  model.tensors.set("embeddings.word_embeddings.weight", base.tensors.get("model.embed_tokens.weight")!);
  const p = ctx.progress("reranker");
  const result = await trainModel(
    { ...sized(ctx, RERANKER), checkpointDir: path.join(ctx.work, "reranker") },
    { rerank: { groups, cls, sep } },
    { base: model, onEvent: p.onEvent },
  );
  p.stop();
  await saveModelDir(candidate, config, result.weights!, "F16");
  await writeRerankerTokenizer(baseDir, candidate, cls, sep);
  ctx.log(`reranker: saved (final loss ${result.metrics.finalLoss.toFixed(3)}, ${result.metrics.trainSeconds.toFixed(0)}s)`);

  const n = ctx.quick ? 10 : EVAL_QUESTIONS;
  const heldOut = c.heldOut.slice(0, n);
  const medquad = await evaluate(
    candidate,
    tok,
    rerankEvalCases(heldOut, c.train, { k: EVAL_K, docChars: DOC_CHARS, consumer: false, seed: SEED }),
  );
  const consumer = await evaluate(
    candidate,
    tok,
    rerankEvalCases(heldOut, c.train, { k: EVAL_K, docChars: DOC_CHARS, consumer: true, seed: SEED + 7 }),
  );
  ctx.log(
    `reranker: held-out MRR@10 BM25 ${medquad.bm25.mrrAt10.toFixed(3)} → reranked ${medquad.reranked.mrrAt10.toFixed(3)}; consumer-style ${consumer.bm25.mrrAt10.toFixed(3)} → ${consumer.reranked.mrrAt10.toFixed(3)}`,
  );
  const metrics = { config: result.config, groups: groups.length, metrics: result.metrics, heldOut: { medquad, consumer } };
  await writeFile(
    path.join(candidate, "MODEL_CARD.md"),
    writeRerankerCard(metrics, { trainQuestions: c.train.length, heldOutQuestions: c.heldOut.length }),
  );
  // A reranker that orders BM25's candidates worse than BM25 would only hurt retrieval.
  const promoted = medquad.reranked.mrrAt10 > medquad.bm25.mrrAt10 && consumer.reranked.mrrAt10 > consumer.bm25.mrrAt10;
  if (promoted) {
    await mkdir(dir, { recursive: true });
    await cp(candidate, dir, { recursive: true });
    ctx.log(`reranker: better than BM25's order on both held-out sets: written to ${dir}`);
  } else ctx.log(`reranker: NOT promoted (worse than BM25's order); the candidate and its card stay in ${candidate}`);
  await writeJson(path.join(ctx.work, "reranker-metrics.json"), { ...metrics, promoted });
}
