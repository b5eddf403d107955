// The answer evaluation's metrics for one answer, shared by `npm run eval:answers`
// (scripts/eval-answers.ts) and the retraining gate (lib/training/evaluate.ts):
//   faithfulness — answer sentences that are verbatim spans of the source their marker cites;
//   right source — whether every marker cites a right passage (when a right one was shown);
//   ROUGE-L F1   — against the reference answer, markers removed.
import { citationMarkers, citedSentences } from "@/gpu-function/shared/quote-units";
import { rougeL } from "@/gpu-function/shared/rouge";

export interface AnswerScore {
  sentences: number;
  faithful: number;
  /** A right passage was among the sources (so right-source applies). */
  rightEligible: boolean;
  right: boolean;
  /** ROUGE-L F1 against the reference; null without one. */
  rouge: number | null;
  words: number;
}

export function stripCitationMarkers(text: string): string {
  let out = "";
  let from = 0;
  for (const m of citationMarkers(text)) {
    out += text.slice(from, m.start);
    from = m.end;
  }
  return out + text.slice(from);
}

const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length;

/**
 * Scores one answer against the sources it was given (position n-1 = source [n]), the
 * numbers of the sources that hold the right answer, and an optional reference answer.
 */
export function scoreAnswer(answer: string, sourceTexts: string[], rightSources: number[], reference?: string): AnswerScore {
  const sentences = citedSentences(answer, sourceTexts);
  const cited = sentences.flatMap((s) => s.cites);
  const plain = stripCitationMarkers(answer);
  return {
    sentences: sentences.length,
    faithful: sentences.filter((s) => s.verbatim).length,
    rightEligible: rightSources.length > 0,
    right: rightSources.length > 0 && cited.length > 0 && cited.every((n) => rightSources.includes(n)),
    rouge: reference ? rougeL(plain, reference).f1 : null,
    words: countWords(plain),
  };
}

export interface AnswerTotals {
  answers: number;
  sentences: number;
  faithful: number;
  rightEligible: number;
  right: number;
  rouge: number[];
}

export function addScore(t: AnswerTotals, s: AnswerScore): AnswerTotals {
  t.answers++;
  t.sentences += s.sentences;
  t.faithful += s.faithful;
  if (s.rightEligible) {
    t.rightEligible++;
    if (s.right) t.right++;
  }
  if (s.rouge !== null) t.rouge.push(s.rouge);
  return t;
}

export const emptyTotals = (): AnswerTotals => ({ answers: 0, sentences: 0, faithful: 0, rightEligible: 0, right: 0, rouge: [] });

/** Rates in 0..1 (null when nothing to measure). */
export function answerRates(t: AnswerTotals): { faithfulness: number | null; rightSource: number | null; rougeL: number | null } {
  return {
    faithfulness: t.sentences ? t.faithful / t.sentences : null,
    rightSource: t.rightEligible ? t.right / t.rightEligible : null,
    rougeL: t.rouge.length ? t.rouge.reduce((a, b) => a + b, 0) / t.rouge.length : null,
  };
}

/**
 * A question that asks several things: for each asked part (the numbers of the sources that
 * hold a right passage for it), whether the answer quotes it — at least one sentence that is a
 * verbatim span of a source its marker cites, and that source is one of the part's right ones.
 */
export function partsAnswered(answer: string, sourceTexts: string[], partRightSources: number[][]): boolean[] {
  const quoted = new Set(
    citedSentences(answer, sourceTexts)
      .filter((s) => s.verbatim)
      .flatMap((s) => s.cites.filter((n) => sourceTexts[n - 1] !== undefined && squashIncludes(sourceTexts[n - 1]!, s.text))),
  );
  return partRightSources.map((right) => right.some((n) => quoted.has(n)));
}

/** Whether `text` (whitespace already squashed) is a span of `source` with its whitespace runs squashed. */
function squashIncludes(source: string, text: string): boolean {
  return source.replace(/\s+/g, " ").includes(text);
}

/**
 * A question whose answer is one specific sentence or list of a source (lib/eval/answer-units):
 * `shown` — some source holds one of the `expected` texts; `quoted` — the answer does, in a
 * quote cited to a source that holds it; `first` — the answer's first quote does.
 * Whitespace runs compare as one space.
 */
export function answerUnitQuoted(
  answer: string,
  sourceTexts: string[],
  expected: string[],
): { shown: boolean; quoted: boolean; first: boolean } {
  const squash = (t: string) => t.replace(/\s+/g, " ").trim();
  const wanted = expected.map(squash);
  const holds = (t: string) => wanted.some((w) => squash(t).includes(w));
  const quotes: Array<{ text: string; cites: number[] }> = [];
  let from = 0;
  for (const m of citationMarkers(answer)) {
    quotes.push({ text: answer.slice(from, m.start), cites: m.numbers });
    from = m.end;
  }
  const right = quotes.map((q) => holds(q.text) && q.cites.some((n) => sourceTexts[n - 1] !== undefined && holds(sourceTexts[n - 1]!)));
  return { shown: sourceTexts.some(holds), quoted: right.some(Boolean), first: right[0] === true };
}
