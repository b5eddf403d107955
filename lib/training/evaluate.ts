// Evaluates one model (an adapter name or the base model id) on the golden set through the
// gpu-function: assistant-token perplexity over every golden example (POST /v1/perplexity,
// the job's own validation measure), and the answer evaluation (faithfulness, right source,
// ROUGE-L; lib/eval/answer-metrics.ts) on quote-mode answers to a small golden subset —
// the examples that carry numbered sources, answered as the chat pipeline asks them.
import { addScore, answerRates, emptyTotals, scoreAnswer } from "@/lib/eval/answer-metrics";
import { promptSources, toChatExample, toJsonl, type TrainingExample } from "./dataset";
import type { ModelMetrics } from "./gate";
import type { GpuFunctionClient } from "./gpu-client";

export interface EvalSettings {
  /** Golden examples scored for perplexity (the first ones in the frozen order). */
  maxPerplexityExamples: number;
  /** Golden examples answered for the answer evaluation. */
  answerExamples: number;
  maxAnswerTokens: number;
}

export function evalSettingsFromEnv(env: Record<string, string | undefined> = process.env): EvalSettings {
  const int = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) && Number(v) >= 0 ? Number(v) : d);
  return {
    maxPerplexityExamples: Math.max(1, int(env.RETRAIN_GOLDEN_MAX, 200)),
    answerExamples: int(env.RETRAIN_EVAL_ANSWERS, 8),
    maxAnswerTokens: 160,
  };
}

/** The golden examples each measure uses (both models get exactly these). */
export function goldenSubsets(golden: TrainingExample[], s: EvalSettings) {
  return {
    perplexity: golden.slice(0, s.maxPerplexityExamples),
    answers: golden.filter((g) => g.sources.length > 0 && (g.rightSources?.length ?? 0) > 0).slice(0, s.answerExamples),
  };
}

export async function evaluateModel(
  gpu: GpuFunctionClient,
  model: string,
  golden: TrainingExample[],
  settings: EvalSettings,
): Promise<ModelMetrics> {
  const subsets = goldenSubsets(golden, settings);
  const ppl = await gpu.perplexity(model, toJsonl(subsets.perplexity));
  const totals = emptyTotals();
  for (const e of subsets.answers) {
    const sources = promptSources(e);
    const messages = toChatExample(e).messages.slice(0, -1) as { role: "system" | "user"; content: string }[];
    const answer = await gpu.quoteAnswer({ model, messages, sources, maxTokens: settings.maxAnswerTokens });
    addScore(
      totals,
      scoreAnswer(
        answer,
        sources.map((s) => s.text),
        e.rightSources ?? [],
        e.answer,
      ),
    );
  }
  const rates = answerRates(totals);
  return { perplexity: ppl.perplexity, tokens: ppl.tokens, ...rates, answers: totals.answers };
}
