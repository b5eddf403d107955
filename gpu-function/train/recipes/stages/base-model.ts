// Stage "base": the base language model, pretrained from random weights on MedQuAD
// question/answer chats and PubMedQA abstracts.
import { existsSync } from "node:fs";
import path from "node:path";

import { countParameters, initRandomModel, saveModelDir } from "../../model-io";
import { chatmlExample, documentExample, type TextEncoder } from "../chatml";
import type { MedicalCorpus } from "../corpus";
import { baseModelConfig, PRETRAIN, SEED } from "../defaults";
import { corpusOf, loadTokenizer, type StageContext, trainStage, writeJson } from "./context";

/** Pretraining documents: MedQuAD Q/A as ChatML chats (loss everywhere) and PubMedQA abstracts. */
export function pretrainExamples(tok: TextEncoder, c: MedicalCorpus) {
  const examples = c.train.map((p) =>
    chatmlExample(
      tok,
      [
        { role: "user", content: p.question },
        { role: "assistant", content: p.answer },
      ],
      { completionOnly: false, endOfText: true },
    ),
  );
  for (const it of c.pubmed) examples.push(documentExample(tok, it.contexts.join("\n")));
  return examples;
}

export async function makeBaseModel(ctx: StageContext): Promise<void> {
  const dir = path.join(ctx.out, "base");
  if (!ctx.force && existsSync(path.join(dir, "model.safetensors"))) return ctx.log("base: present, skipped");
  const tok = await loadTokenizer(dir);
  const examples = pretrainExamples(tok, corpusOf(ctx)).slice(0, ctx.quick ? 200 : undefined);
  const tokens = examples.reduce((a, e) => a + e.inputIds.length, 0);
  ctx.log(`base: ${examples.length} documents, ${tokens} tokens`);
  const config = baseModelConfig();
  const base = initRandomModel(config, SEED);
  const result = await trainStage(ctx, "base", PRETRAIN, { examples }, { base, stopAtStep: ctx.baseStopAt });
  await saveModelDir(dir, config, result.weights!, "F16");
  await writeJson(path.join(ctx.work, "base-metrics.json"), {
    parameters: countParameters(result.weights!),
    corpusTokens: tokens,
    documents: examples.length,
    ...result.metrics,
  });
  ctx.log(`base: saved (final loss ${result.metrics.finalLoss.toFixed(3)}, ${result.metrics.trainSeconds.toFixed(0)}s)`);
}
