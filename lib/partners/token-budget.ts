// The worst case a partner request may cost, reserved before the model is called.
// The prompt is what the pipeline's own buildPrompt makes at its starting level (smaller
// levels only shrink it) in either answer mode, with the largest sources it can quote and
// the emergency rule, measured in UTF-8 bytes: a tokenizer emits at least one byte per token
// (byte-level BPE, byte-fallback SentencePiece), so bytes bound tokens. A fixed allowance
// covers the chat template's own tokens (role markers, a template's built-in system header).
// Assumes knowledge-base chunks of at most DEFAULT_CHUNK_OPTIONS.maxChars and titles of at
// most TITLE_ALLOWANCE_CHARS (what the importers produce).
import { MAX_SOURCES, PROMPT_LEVELS, buildPrompt } from "@/lib/chat/prompt";
import type { ChatSource, HistoryMessage } from "@/lib/chat/types";
import { DEFAULT_CHUNK_OPTIONS } from "@/lib/rag/chunk";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { TRIAGE_CATEGORIES } from "@/lib/safety/red-flags";
import type { TriageResult } from "@/lib/safety/triage";

/** Template tokens per request and per message (configurable for chat templates with long headers). */
export const DEFAULT_TEMPLATE_OVERHEAD_TOKENS = 256;
const PER_MESSAGE_OVERHEAD_TOKENS = 16;
/** Longest source title the bound assumes (titles of the knowledge base are far shorter). */
const TITLE_ALLOWANCE_CHARS = 300;

export interface BudgetInput {
  question: string;
  history: HistoryMessage[];
  locale?: string;
  /** The pipeline's starting prompt level (GpuFunctionConfig.promptLevel). */
  promptLevel: number;
  maxTokens: number;
  env?: Record<string, string | undefined>;
  /**
   * Once known (a request cut short before the model reported its usage): the sources and
   * triage the turn really had, for a bound of the prompt actually sent instead of the worst case.
   */
  actual?: { sources: ChatSource[]; triage: TriageResult };
}

export function templateOverheadTokens(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PARTNER_PROMPT_OVERHEAD_TOKENS);
  return Number.isInteger(n) && n >= 0 && env.PARTNER_PROMPT_OVERHEAD_TOKENS?.trim() ? n : DEFAULT_TEMPLATE_OVERHEAD_TOKENS;
}

/** Upper bound of the prompt tokens the pipeline can send for this question and history. */
export function promptTokenBound(input: Omit<BudgetInput, "maxTokens">): number {
  const env = input.env ?? process.env;
  const level = Math.max(0, Math.min(input.promptLevel, PROMPT_LEVELS.length - 1));
  const size = PROMPT_LEVELS[level];
  const contacts = emergencyContactsFor(input.locale, env);
  const worstSources = (text: string): ChatSource[] =>
    Array.from({ length: Math.min(MAX_SOURCES, size.sources) }, (_, i) => ({
      n: i + 1,
      chunkId: "c",
      documentId: `d${i}`,
      title: "t".repeat(TITLE_ALLOWANCE_CHARS),
      url: null,
      headingPath: "",
      text,
    }));
  const worstTriage: TriageResult = { emergency: true, categories: [...TRIAGE_CATEGORIES], matches: [], locale: contacts.locale };
  const base = { question: input.question, history: input.history, triage: input.actual?.triage ?? worstTriage, contacts };
  // The answer mode (quote or free) is chosen per model inside the pipeline: bound both.
  if (input.actual) {
    const actual = { ...base, sources: input.actual.sources };
    return (
      Math.max(promptBytes(buildPrompt(actual, level, "free")), promptBytes(buildPrompt(actual, level, "quote"))) +
      templateOverheadTokens(env)
    );
  }
  // Free mode cuts a source at sourceChars: 3-byte characters (escaped angle brackets, most scripts) are its worst.
  const free = promptBytes(buildPrompt({ ...base, sources: worstSources("\u2039".repeat(size.sourceChars + 1)) }, level, "free"));
  // Quote mode keeps whole sentences: up to sourceChars, or a first sentence as long as a chunk.
  const quoteChars = Math.max(size.sourceChars, DEFAULT_CHUNK_OPTIONS.maxChars);
  const quote =
    promptBytes(buildPrompt({ ...base, sources: worstSources("") }, level, "quote")) + Math.min(MAX_SOURCES, size.sources) * 3 * quoteChars;
  return Math.max(free, quote) + templateOverheadTokens(env);
}

function promptBytes(prompt: { instructions: string; messages: { content: unknown }[] }): number {
  let bytes = Buffer.byteLength(prompt.instructions, "utf8");
  for (const message of prompt.messages) {
    const content = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
    bytes += Buffer.byteLength(content, "utf8") + PER_MESSAGE_OVERHEAD_TOKENS;
  }
  return bytes;
}

/** Tokens reserved for a request: the prompt bound plus every token it may generate. */
export function reservationFor(input: BudgetInput): number {
  return promptTokenBound(input) + input.maxTokens;
}
