// The one normalised training example every importer produces. It mirrors OpenAI's
// chat fine-tuning format, plus a reasoning channel (gpt-oss "analysis", Qwen
// "reasoning_content", DeepSeek "<think>") kept apart from the visible answer so the
// chat template can place it where the model family expects it.

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
  /** Assistant-only: chain of thought shown to the model as its reasoning channel. */
  reasoning?: string;
  /** Assistant-only (OpenAI's `weight`): 0 keeps the turn as context without loss. */
  weight?: 0 | 1;
}

export interface ChatExample {
  /** Stable id from the source (MedQuAD qid, PubMedQA pmid, …) when it has one. */
  id?: string;
  messages: ChatMessage[];
}

/** A row an importer skipped, with where it was and why. */
export interface ImportIssue {
  /** 1-based line in the source text where the row starts (JSONL and JSON arrays). */
  line?: number;
  /** Source id (file name, pmid, qid) when rows are not line-addressed. */
  id?: string;
  reason: string;
}

export interface ImportResult {
  examples: ChatExample[];
  issues: ImportIssue[];
}

/** Thrown by a row mapper: the row is skipped and reported, the import goes on. */
export class RowError extends Error {}

/** Thrown when the source as a whole is unreadable (not JSON, unterminated array, …). */
export class ImportFormatError extends Error {}

/**
 * Checks the invariants the tokenizer and trainer rely on; throws RowError with the
 * first violation so the importer can report it against the row.
 */
export function assertValidChatExample(example: ChatExample): ChatExample {
  const { messages } = example;
  if (messages.length === 0) throw new RowError("no messages");
  let trainable = 0;
  messages.forEach((m, i) => {
    if (m.content.trim() === "" && !(m.role === "assistant" && m.reasoning?.trim())) {
      throw new RowError(`message ${i} (${m.role}) has empty content`);
    }
    if (m.role !== "assistant" && (m.reasoning !== undefined || m.weight !== undefined)) {
      throw new RowError(`message ${i} (${m.role}): reasoning/weight are only allowed on assistant messages`);
    }
    if (m.role === "assistant" && m.weight !== 0) trainable++;
  });
  if (trainable === 0) throw new RowError("no assistant message to learn from");
  if (!messages.some((m) => m.role === "user")) throw new RowError("no user message");
  return example;
}
