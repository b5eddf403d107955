// The default-model pipeline, one module per stage, named by what it makes. Each stage
// reads what earlier stages wrote under `out`, skips itself when its output is complete
// (unless forced), and trains with checkpoints under `work`, so an interrupted run resumes.
// Metrics go to <work>/*-metrics.json for the cards stage.
import { makeBaseModel } from "./base-model";
import { makeModelCards } from "./cards";
import type { StageContext } from "./context";
import { makeEmbedder } from "./embedder";
import { makeConsumerEmbedder } from "./embedder-consumer";
import { makeGroundedAdapter } from "./grounded-adapter";
import { makeReranker } from "./reranker";
import type { Stage } from "./names";
import { makeTokenizer } from "./tokenizer";

const MAKERS: Record<Stage, (ctx: StageContext) => Promise<void>> = {
  tokenizer: makeTokenizer,
  base: makeBaseModel,
  grounded: makeGroundedAdapter,
  embedder: makeEmbedder,
  reranker: makeReranker,
  "embedder-consumer": makeConsumerEmbedder,
  cards: makeModelCards,
};

export async function runStage(stage: Stage, ctx: StageContext): Promise<void> {
  return MAKERS[stage](ctx);
}
