// The retraining dataset: examples in the chat format the fine-tuning jobs API takes
// ({"messages":[...]} per JSONL line), deduplicated by their normalized question, and split
// into a train part and a FROZEN golden evaluation part. Membership of the golden set is a
// pure function of the question (its SHA-256), so an example that is golden once is golden
// forever and is never trained on, whatever else the dataset contains; the golden set's
// version is the hash of its members.
import { createHash } from "node:crypto";
import type { ChatMessage } from "@/gpu-function/shared/training-rows/chat-example";
import { buildPrompt } from "@/lib/chat/prompt";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import type { ChatSource } from "@/lib/chat/types";

export interface SourceText {
  n: number;
  title: string;
  text: string;
}

export type ExampleKind = "curated" | "knowledgeBase" | "uploaded";

export interface TrainingExample {
  question: string;
  sources: SourceText[];
  answer: string;
  /** Where it came from ("curated:<id>", "kb:<chunk id>", "upload:<id>"), for audits and counts. */
  origin: string;
  /** Uploaded examples keep their own messages (system/user/assistant, reasoning); the rest get the chat prompt. */
  messages?: ChatMessage[];
  /** Numbers of the sources that hold the answer (for the right-source rate). */
  rightSources?: number[];
}

export interface ChatExample {
  messages: ChatMessage[];
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

/** The prompt level retraining examples use: the chat pipeline's default start level (CHAT_PROMPT_LEVEL 1). */
export const TRAINING_PROMPT_LEVEL = 1;

export function exampleKind(e: Pick<TrainingExample, "origin">): ExampleKind {
  if (e.origin.startsWith("kb:")) return "knowledgeBase";
  if (e.origin.startsWith("upload:")) return "uploaded";
  return "curated";
}

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

function asChatSources(sources: SourceText[]): ChatSource[] {
  return sources.map((s) => ({
    n: s.n,
    chunkId: `${s.n}`,
    documentId: s.title,
    title: s.title,
    url: null,
    headingPath: s.title,
    text: s.text,
  }));
}

const NO_TRIAGE = { emergency: false, categories: [], matches: [], locale: "en-US" };

/**
 * The chat prompt exactly as the pipeline builds it in quote mode (lib/chat/prompt.ts
 * buildPrompt at the default prompt level): system = the policy and quote rule, user =
 * the question then the numbered `<source>` blocks, assistant = the answer. Uploaded
 * examples keep their own messages.
 */
export function toChatExample(e: TrainingExample): ChatExample {
  if (e.messages) return { messages: e.messages };
  const prompt = buildPrompt(
    { question: e.question, history: [], sources: asChatSources(e.sources), triage: NO_TRIAGE, contacts: emergencyContactsFor("en-US") },
    TRAINING_PROMPT_LEVEL,
    "quote",
  );
  const user = prompt.messages.at(-1)!.content as string;
  return {
    messages: [
      { role: "system", content: prompt.instructions },
      { role: "user", content: user },
      { role: "assistant", content: e.answer },
    ],
  };
}

/** The sources the quote-mode prompt shows (clipped as the prompt clips them), for `grounding.sources`. */
export function promptSources(e: TrainingExample): { id: string; text: string }[] {
  return buildPrompt(
    { question: e.question, history: [], sources: asChatSources(e.sources), triage: NO_TRIAGE, contacts: emergencyContactsFor("en-US") },
    TRAINING_PROMPT_LEVEL,
    "quote",
  ).quoteSources;
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
