// PubMedQA-style yes/no/maybe accuracy on free text. Models answer in prose, so the
// decision is parsed: an explicit "Answer: …" line wins (the format the grounded
// training data teaches), then a leading yes/no/maybe, then the last decision word.

import type { PubMedQaDecision } from "../data/pubmedqa";

const WORD = /\b(yes|no|maybe)\b/gi;

export function parseDecision(text: string): PubMedQaDecision | null {
  const explicit = [...text.matchAll(/\b(?:final\s+)?answer\s*[:\-]\s*\**\s*(yes|no|maybe)\b/gi)];
  if (explicit.length > 0) return explicit[explicit.length - 1][1].toLowerCase() as PubMedQaDecision;
  const leading = /^\W*(yes|no|maybe)\b/i.exec(text);
  if (leading) return leading[1].toLowerCase() as PubMedQaDecision;
  const any = [...text.matchAll(WORD)];
  return any.length > 0 ? (any[any.length - 1][1].toLowerCase() as PubMedQaDecision) : null;
}

export interface DecisionAccuracy {
  accuracy: number;
  correct: number;
  total: number;
  /** Answers with no recognisable decision (counted as wrong). */
  unparsed: number;
  /** confusion[gold][predicted|"none"] counts. */
  confusion: Record<PubMedQaDecision, Record<PubMedQaDecision | "none", number>>;
}

export function decisionAccuracy(items: { answer: string; gold: PubMedQaDecision }[]): DecisionAccuracy {
  const row = () => ({ yes: 0, no: 0, maybe: 0, none: 0 });
  const confusion = { yes: row(), no: row(), maybe: row() };
  let correct = 0;
  let unparsed = 0;
  for (const { answer, gold } of items) {
    const predicted = parseDecision(answer);
    if (predicted === null) unparsed++;
    if (predicted === gold) correct++;
    confusion[gold][predicted ?? "none"]++;
  }
  return { accuracy: items.length ? correct / items.length : 0, correct, total: items.length, unparsed, confusion };
}
