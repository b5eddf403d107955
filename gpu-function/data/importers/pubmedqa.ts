// PubMedQA (ori_pqal.json) → grounded chat examples: the abstract's contexts become
// numbered sources, the question follows, and the assistant answers with the long
// answer plus a final "Answer: yes|no|maybe" line that the evaluator parses back.
// Reading the file is H5's shared reader's job; this maps its records.

import type { ChatExample, ImportIssue, ImportResult } from "../chat-example";

export type PubMedQaDecision = "yes" | "no" | "maybe";

/** The fields this importer needs from one PubMedQA record. */
export interface PubMedQaItem {
  pmid: string;
  question: string;
  contexts: string[];
  /** Section labels parallel to `contexts` (BACKGROUND, METHODS, …), when present. */
  labels?: string[];
  longAnswer: string;
  finalDecision: string;
}

export const GROUNDED_SYSTEM_PROMPT =
  "Answer the question using only the numbered sources. Cite the sources you use as [n]. " +
  "End with a line 'Answer: yes', 'Answer: no' or 'Answer: maybe'.";

/** The user turn of a grounded question: numbered sources, then the question. */
export function formatGroundedQuestion(sources: string[], question: string, labels?: string[]): string {
  const numbered = sources.map((text, i) => {
    const label = labels?.[i] ? `(${labels[i]}) ` : "";
    return `[${i + 1}] ${label}${text.trim()}`;
  });
  return `Sources:\n${numbered.join("\n")}\n\nQuestion: ${question.trim()}`;
}

export function isDecision(v: string): v is PubMedQaDecision {
  return v === "yes" || v === "no" || v === "maybe";
}

export interface PubMedQaEvalItem {
  example: ChatExample;
  /** The prompt part only (system + user), for generation during evaluation. */
  prompt: ChatExample["messages"];
  reference: string;
  decision: PubMedQaDecision;
}

export function pubMedQaToExamples(items: PubMedQaItem[]): ImportResult & { evalItems: PubMedQaEvalItem[] } {
  const examples: ChatExample[] = [];
  const evalItems: PubMedQaEvalItem[] = [];
  const issues: ImportIssue[] = [];
  for (const item of items) {
    const reason = problemWith(item);
    if (reason) {
      issues.push({ id: item.pmid, reason });
      continue;
    }
    const decision = item.finalDecision.trim().toLowerCase() as PubMedQaDecision;
    const prompt: ChatExample["messages"] = [
      { role: "system", content: GROUNDED_SYSTEM_PROMPT },
      { role: "user", content: formatGroundedQuestion(item.contexts, item.question, item.labels) },
    ];
    const reference = item.longAnswer.trim();
    const example: ChatExample = {
      id: item.pmid,
      messages: [...prompt, { role: "assistant", content: `${reference}\n\nAnswer: ${decision}` }],
    };
    examples.push(example);
    evalItems.push({ example, prompt, reference, decision });
  }
  return { examples, issues, evalItems };
}

function problemWith(item: PubMedQaItem): string | null {
  if (!item.question?.trim()) return "empty QUESTION";
  if (!Array.isArray(item.contexts) || item.contexts.length === 0) return "no CONTEXTS";
  if (item.contexts.some((c) => typeof c !== "string" || c.trim() === "")) return "a CONTEXTS entry is empty or not text";
  if (!item.longAnswer?.trim()) return "empty LONG_ANSWER";
  const d = item.finalDecision?.trim().toLowerCase() ?? "";
  if (!isDecision(d)) return `final_decision ${JSON.stringify(item.finalDecision)} is not yes/no/maybe`;
  return null;
}
