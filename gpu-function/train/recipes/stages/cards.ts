// Stage "cards": the model cards (MODEL_CARD.md of the base, the adapter and the embedder),
// from the metrics the other stages wrote under <work>.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { perplexity } from "../../perplexity";
import { chatmlExample } from "../chatml";
import { writeModelCards } from "../model-cards";
import { corpusOf, heldOutPpl, loadTokenizer, type StageContext } from "./context";

export async function makeModelCards(ctx: StageContext): Promise<void> {
  const read = async (name: string) => {
    const f = path.join(ctx.work, name);
    return existsSync(f) ? (JSON.parse(await readFile(f, "utf8")) as Record<string, unknown>) : null;
  };
  const c = corpusOf(ctx);
  const tok = await loadTokenizer(path.join(ctx.out, "base"));
  // Base-model held-out perplexity on MedQuAD answers (completion-only ChatML Q/A).
  let basePpl: number | null = null;
  if (existsSync(path.join(ctx.out, "base", "model.safetensors"))) {
    const ex = c.heldOut.slice(0, heldOutPpl(ctx)).map((h) =>
      chatmlExample(
        tok,
        [
          { role: "user", content: h.question },
          { role: "assistant", content: h.answer },
        ],
        { completionOnly: true },
      ),
    );
    basePpl = (await perplexity(path.join(ctx.out, "base"), ex, { threads: 2, maxSeqLength: 1024 })).perplexity;
  }
  await writeModelCards(ctx.out, {
    base: await read("base-metrics.json"),
    grounded: await read("grounded-metrics.json"),
    embedder: await read("embedder-metrics.json"),
    heldOutQuestions: c.heldOut.length,
    trainQuestions: c.train.length,
    pubmedAbstracts: c.pubmed.length,
    baseHeldOutPerplexity: basePpl,
  });
  ctx.log("cards: written");
}
