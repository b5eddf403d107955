// Stage "grounded": the grounded-answer LoRA adapter on the pretrained base (answers from
// numbered sources, citing them), evaluated on held-out questions against the base.
import { existsSync } from "node:fs";
import path from "node:path";

import { preparedFromTrained, saveTrainedAdapter } from "../../adapter-io";
import { loadBaseModel } from "../../model-io";
import { perplexity } from "../../perplexity";
import { Rng } from "../../rng";
import { GROUNDED_LORA, SEED } from "../defaults";
import { groundedScores } from "../evaluate";
import { groundedCases, groundedExamples } from "../grounded-data";
import { corpusOf, heldOutGen, heldOutPpl, loadTokenizer, type StageContext, trainStage, writeJson } from "./context";

const GROUNDED_TRAIN_EXAMPLES = 2400;

export async function makeGroundedAdapter(ctx: StageContext): Promise<void> {
  const baseDir = path.join(ctx.out, "base");
  const dir = path.join(ctx.out, "adapters", "grounded");
  if (!ctx.force && existsSync(path.join(dir, "adapter_model.safetensors")) && existsSync(path.join(ctx.work, "grounded-metrics.json")))
    return ctx.log("grounded: present, skipped");
  const tok = await loadTokenizer(baseDir);
  const c = corpusOf(ctx);
  const trainItems = new Rng(SEED).shuffle([...c.train]).slice(0, GROUNDED_TRAIN_EXAMPLES);
  const examples = groundedExamples(tok, groundedCases(trainItems, c.train, SEED + 1));
  const base = await loadBaseModel(baseDir);
  const result = await trainStage(ctx, "grounded", GROUNDED_LORA, { examples }, { base });
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
  ctx.log(
    `grounded: ROUGE-L base ${scoresBase.rougeL.toFixed(3)} → adapter ${scoresAdapter.rougeL.toFixed(3)}; citation accuracy ${scoresBase.citationAccuracy.toFixed(2)} → ${scoresAdapter.citationAccuracy.toFixed(2)}`,
  );
  await writeJson(path.join(ctx.work, "grounded-metrics.json"), {
    config: result.config,
    trainExamples: examples.length,
    metrics: result.metrics,
    heldOut: { perplexityBase: pplBase, perplexityAdapter: pplAdapter, generationBase: scoresBase, generationAdapter: scoresAdapter },
  });
}
