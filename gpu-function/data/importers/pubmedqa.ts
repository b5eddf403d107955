// PubMedQA (ori_pqal.json) → grounded chat examples: the abstract's contexts become
// numbered sources, the question follows, and the assistant answers with the long
// answer plus a final "Answer: yes|no|maybe" line that the evaluator parses back.
// Validation of one record is the shared reader's (../pubmedqa.ts); it is applied
// item by item here so one bad record is reported and skipped, not fatal.

import fs from "node:fs";
import { parsePubMedQa, PubMedQaParseError, type PubMedQaDecision, type PubMedQaItem } from "../pubmedqa";
import { ImportFormatError, type ChatExample, type ImportIssue, type ImportResult } from "../chat-example";

export type { PubMedQaDecision, PubMedQaItem };

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

export type PubMedQaImport = ImportResult & { evalItems: PubMedQaEvalItem[] };

/** Reads ori_pqal.json from a path. */
export function importPubMedQaFile(file: string): PubMedQaImport {
  return importPubMedQaJson(fs.readFileSync(file, "utf8"));
}

/** ori_pqal.json text (an object keyed by PubMed id) → examples; bad records are reported by id. */
export function importPubMedQaJson(text: string): PubMedQaImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ImportFormatError(`PubMedQA file is not JSON: ${(err as Error).message}`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new ImportFormatError("PubMedQA file must be an object keyed by PubMed id");
  const items: PubMedQaItem[] = [];
  const issues: ImportIssue[] = [];
  for (const [id, raw] of Object.entries(json)) {
    try {
      items.push(...parsePubMedQa({ [id]: raw }));
    } catch (err) {
      if (!(err instanceof PubMedQaParseError)) throw err;
      issues.push({ id, reason: err.message });
    }
  }
  const result = pubMedQaToExamples(items);
  return { ...result, issues: [...issues, ...result.issues] };
}

export function pubMedQaToExamples(items: PubMedQaItem[]): PubMedQaImport {
  const examples: ChatExample[] = [];
  const evalItems: PubMedQaEvalItem[] = [];
  const issues: ImportIssue[] = [];
  for (const item of items) {
    const reason = problemWith(item);
    if (reason) {
      issues.push({ id: item.id, reason });
      continue;
    }
    const decision = item.finalDecision;
    const prompt: ChatExample["messages"] = [
      { role: "system", content: GROUNDED_SYSTEM_PROMPT },
      { role: "user", content: formatGroundedQuestion(item.contexts, item.question, item.labels) },
    ];
    const reference = item.longAnswer.trim();
    const example: ChatExample = {
      id: item.id,
      messages: [...prompt, { role: "assistant", content: `${reference}\n\nAnswer: ${decision}` }],
    };
    examples.push(example);
    evalItems.push({ example, prompt, reference, decision });
  }
  return { examples, issues, evalItems };
}

function problemWith(item: PubMedQaItem): string | null {
  if (!item.question.trim()) return "empty QUESTION";
  if (!Array.isArray(item.contexts) || item.contexts.length === 0) return "no CONTEXTS";
  if (item.contexts.some((c) => typeof c !== "string" || c.trim() === "")) return "a CONTEXTS entry is empty or not text";
  if (!item.longAnswer.trim()) return "empty LONG_ANSWER";
  if (!isDecision(item.finalDecision)) return `final_decision ${JSON.stringify(item.finalDecision)} is not yes/no/maybe`;
  return null;
}
