// Stage "tokenizer": a byte-level BPE trained on the corpus, written for the base model
// and the embedder, and the list of MedQuAD questions held out from all training.
import { existsSync } from "node:fs";
import path from "node:path";

import { countPieces, SPECIAL_TOKENS, tokenizerConfigJson, tokenizerJson, trainBpe } from "../../bpe";
import { corpusTexts } from "../corpus";
import { VOCAB_SIZE } from "../defaults";
import { corpusOf, writeJson, type StageContext } from "./context";

export async function makeTokenizer(ctx: StageContext): Promise<void> {
  const dir = path.join(ctx.out, "base");
  if (!ctx.force && existsSync(path.join(dir, "tokenizer.json"))) return ctx.log("tokenizer: present, skipped");
  const c = corpusOf(ctx);
  const bpe = trainBpe(countPieces(corpusTexts(c)), { vocabSize: VOCAB_SIZE, specialTokens: [...SPECIAL_TOKENS] });
  for (const d of [dir, path.join(ctx.out, "embedder")]) {
    await writeJson(path.join(d, "tokenizer.json"), tokenizerJson(bpe));
    await writeJson(path.join(d, "tokenizer_config.json"), tokenizerConfigJson(1024));
  }
  await writeJson(path.join(ctx.out, "medquad-heldout.json"), {
    description: "MedQuAD questionIds held out from all default-model training (gpu-function/shared/medquad.ts isHeldOut, 5%)",
    count: c.heldOut.length,
    questionIds: c.heldOut.map((p) => p.questionId).sort(),
  });
  ctx.log(
    `tokenizer: ${bpe.vocab.size} tokens, ${bpe.merges.length} merges; held-out ${c.heldOut.length} of ${c.heldOut.length + c.train.length} questions`,
  );
}
