// PubMedQA reader (ori_pqal.json, MIT licence): 1,000 expert-labelled yes/no/maybe
// questions with abstract contexts and long answers. Read from a path given by the
// caller; only fs is used so the gpu-function can deploy this file alone.
import fs from "node:fs";

export type PubMedQaDecision = "yes" | "no" | "maybe";

export interface PubMedQaItem {
  /** PubMed id (the JSON key). */
  id: string;
  question: string;
  /** Abstract paragraphs, in order. */
  contexts: string[];
  /** Section label of each context (BACKGROUND, METHODS, …), same length as `contexts`. */
  labels: string[];
  /** The abstract's conclusion: the reference long answer. */
  longAnswer: string;
  finalDecision: PubMedQaDecision;
  meshes: string[];
  year?: string;
}

export class PubMedQaParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PubMedQaParseError";
  }
}

const DECISIONS = new Set<string>(["yes", "no", "maybe"]);

function stringArray(v: unknown, field: string, id: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new PubMedQaParseError(`item ${id}: ${field} must be an array of strings`);
  }
  return v as string[];
}

/** Validates and converts the parsed ori_pqal.json object (id → raw item). Sorted by id. */
export function parsePubMedQa(json: unknown): PubMedQaItem[] {
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new PubMedQaParseError("expected an object keyed by PubMed id");
  }
  const items: PubMedQaItem[] = [];
  for (const [id, raw] of Object.entries(json as Record<string, unknown>)) {
    if (!raw || typeof raw !== "object") throw new PubMedQaParseError(`item ${id}: not an object`);
    const r = raw as Record<string, unknown>;
    const question = typeof r.QUESTION === "string" ? r.QUESTION.trim() : "";
    if (!question) throw new PubMedQaParseError(`item ${id}: missing QUESTION`);
    const decision = String(r.final_decision ?? "").toLowerCase();
    if (!DECISIONS.has(decision)) {
      throw new PubMedQaParseError(`item ${id}: final_decision must be yes, no or maybe (got ${JSON.stringify(r.final_decision)})`);
    }
    const contexts = stringArray(r.CONTEXTS, "CONTEXTS", id);
    const labels = stringArray(r.LABELS, "LABELS", id);
    if (labels.length !== 0 && labels.length !== contexts.length) {
      throw new PubMedQaParseError(`item ${id}: ${labels.length} LABELS for ${contexts.length} CONTEXTS`);
    }
    items.push({
      id,
      question,
      contexts,
      labels,
      longAnswer: typeof r.LONG_ANSWER === "string" ? r.LONG_ANSWER.trim() : "",
      finalDecision: decision as PubMedQaDecision,
      meshes: stringArray(r.MESHES, "MESHES", id),
      year: typeof r.YEAR === "string" ? r.YEAR : undefined,
    });
  }
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

/** Reads ori_pqal.json from `file`. Throws PubMedQaParseError with a reason on bad input. */
export function readPubMedQa(file: string): PubMedQaItem[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new PubMedQaParseError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PubMedQaParseError(`${file}: invalid JSON (${(err as Error).message})`);
  }
  return parsePubMedQa(json);
}
