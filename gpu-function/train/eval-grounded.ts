// Grounded-answer evaluation: generate an answer for each held-out prompt (numbered
// sources + question), score it against the reference with ROUGE-L and, for PubMedQA,
// the parsed yes/no/maybe decision against the label. Generation is greedy so a score
// is reproducible run to run.

import type { ChatMessage } from "../data/chat-example";
import type { PubMedQaDecision } from "../data/pubmedqa";
import { toTemplateMessages, type ChatTemplateTokenizer } from "../data/tokenize-chat";
import type { PreparedLora } from "../models/types";
import type { LoadedModel } from "../runtime/types";
import { decisionAccuracy, type DecisionAccuracy } from "./eval-decision";
import { meanRougeL, type RougeScore } from "./eval-rouge";

export interface GroundedItem {
  id?: string;
  prompt: ChatMessage[];
  reference: string;
  decision?: PubMedQaDecision;
}

export type Generate = (prompt: ChatMessage[]) => Promise<string>;

export interface GroundedScore {
  rougeL: RougeScore;
  /** Present when items carry a gold decision. */
  decision: DecisionAccuracy | null;
  answers: { id?: string; answer: string; reference: string }[];
}

/** The trailing "Answer: yes" line is the decision, not prose to compare with the reference. */
export function answerProse(answer: string): string {
  return answer.replace(/\n*\s*(?:final\s+)?answer\s*[:\-]\s*\**\s*(?:yes|no|maybe)\b[\s\S]*$/i, "").trim();
}

export async function evaluateGrounded(items: GroundedItem[], generate: Generate): Promise<GroundedScore> {
  const answers: GroundedScore["answers"] = [];
  for (const item of items) answers.push({ id: item.id, answer: await generate(item.prompt), reference: item.reference });
  const rougeL = meanRougeL(answers.map((a) => ({ candidate: answerProse(a.answer), reference: a.reference })));
  const labelled = items
    .map((it, i) => ({ gold: it.decision, answer: answers[i].answer }))
    .filter((x): x is { gold: PubMedQaDecision; answer: string } => x.gold !== undefined);
  return { rougeL, decision: labelled.length > 0 ? decisionAccuracy(labelled) : null, answers };
}

export interface GreedyOptions {
  maxTokens: number;
  lora?: PreparedLora | null;
  decode(ids: number[]): string;
}

/** Greedy decoding through a serving LoadedModel: prefill the templated prompt, then argmax until EOS. */
export function greedyGenerator(model: LoadedModel, tokenizer: ChatTemplateTokenizer, opts: GreedyOptions): Generate {
  const eos = new Set(model.dims.eosTokenIds);
  return async (prompt) => {
    const text = tokenizer.applyChatTemplate(toTemplateMessages(prompt), { addGenerationPrompt: true });
    const budget = model.maxSequenceLength - opts.maxTokens;
    if (budget < 1) throw new Error(`maxTokens ${opts.maxTokens} leaves no room for a prompt (context ${model.maxSequenceLength})`);
    // Keep the end of an over-long prompt: the question and the generation prompt sit there.
    const ids = tokenizer.encodeText(text).slice(-budget);
    const cache = model.newCache();
    const out: number[] = [];
    try {
      let next = ids;
      for (let i = 0; i < opts.maxTokens; i++) {
        const [logits] = await model.forward([{ tokens: next, cache, lora: opts.lora ?? null }]);
        let best = 0;
        for (let v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
        if (eos.has(best)) break;
        out.push(best);
        next = [best];
      }
    } finally {
      cache.release();
    }
    return opts.decode(out);
  };
}
