// The retraining dataset: examples in the chat format the fine-tuning jobs API takes
// ({"messages":[...]} per JSONL line), deduplicated by their normalized question, and split
// into a train part and a FROZEN golden evaluation part. Membership of the golden set is a
// pure function of the question (its SHA-256), so an example that is golden once is golden
// forever and is never trained on, whatever else the dataset contains; the golden set's
// version is the hash of its members.
import { createHash } from "node:crypto";

export interface SourceText {
  n: number;
  title: string;
  text: string;
}

export interface TrainingExample {
  question: string;
  sources: SourceText[];
  answer: string;
  /** Where it came from (a curated example id, a knowledge-base chunk id…), for audits. */
  origin: string;
}

export interface ChatExample {
  messages: { role: "system" | "user" | "assistant"; content: string }[];
}

export interface BuiltDataset {
  train: TrainingExample[];
  golden: TrainingExample[];
  /** Hash of every example (train + golden): unchanged means "no new data". */
  version: string;
  goldenVersion: string;
}

/** One golden example in this many (by the question's hash). */
export const GOLDEN_MODULUS = 5;

const SYSTEM =
  "You are MedChat, an AI assistant giving general health information (not a diagnosis). Answer only from the numbered sources and cite them as [n].";

export function normalizeQuestion(q: string): string {
  return q
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[?.!\s]+$/, "");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function isGolden(question: string): boolean {
  return parseInt(sha256(normalizeQuestion(question)).slice(0, 8), 16) % GOLDEN_MODULUS === 0;
}

/** The chat prompt format: system, user (numbered sources then the question), assistant. */
export function toChatExample(e: TrainingExample): ChatExample {
  const sources = e.sources.map((s) => `[${s.n}] ${s.title}\n${s.text}`).join("\n\n");
  return {
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: `Sources:\n${sources}\n\nQuestion: ${e.question}` },
      { role: "assistant", content: e.answer },
    ],
  };
}

export function toJsonl(examples: TrainingExample[]): string {
  return examples.map((e) => JSON.stringify(toChatExample(e))).join("\n") + "\n";
}

/**
 * Dedups by normalized question (the first occurrence wins: callers pass curated examples
 * before generated ones, so a reviewer's answer beats a generated one), drops empty ones,
 * and splits into train and golden.
 */
export function buildDataset(examples: TrainingExample[]): BuiltDataset {
  const seen = new Set<string>();
  const unique: TrainingExample[] = [];
  for (const e of examples) {
    const key = normalizeQuestion(e.question);
    if (!key || !e.answer.trim() || seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  unique.sort((a, b) => (normalizeQuestion(a.question) < normalizeQuestion(b.question) ? -1 : 1));
  const golden = unique.filter((e) => isGolden(e.question));
  const train = unique.filter((e) => !isGolden(e.question));
  const hashAll = (list: TrainingExample[]) => sha256(list.map((e) => JSON.stringify(toChatExample(e))).join("\n")).slice(0, 16);
  return { train, golden, version: hashAll(unique), goldenVersion: hashAll(golden) };
}
