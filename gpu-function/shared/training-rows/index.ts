// One entry point for row-based training data (shared: the gpu-function's jobs and the app's
// training uploads read files with the same code): each row is mapped by the importer its
// fields identify, so a fine-tuning job accepts OpenAI chat JSONL as well as the raw
// rows of the medical datasets the seeds were trained on, without a format flag.

import { RowError, type ChatExample, type ImportResult } from "./chat-example";
import { medicalMeadowRowToExample } from "./medical-meadow";
import { medicalO1RowToExample } from "./medical-o1";
import { openAiRowToExample } from "./openai-chat";
import { pubmedBioThinkingRowToExample } from "./pubmed-bio-thinking";
import { importRows } from "./rows";

export type RowFormat = "openai-chat" | "medical-o1" | "medical-meadow" | "pubmed-bio-thinking";

const MAPPERS: Record<RowFormat, (row: Record<string, unknown>) => ChatExample> = {
  "openai-chat": openAiRowToExample,
  "medical-o1": (row) => medicalO1RowToExample(row),
  "medical-meadow": medicalMeadowRowToExample,
  "pubmed-bio-thinking": pubmedBioThinkingRowToExample,
};

/** Which importer a row belongs to, from its field names; null when none fits. */
export function detectRowFormat(row: Record<string, unknown>): RowFormat | null {
  // Bio-Thinking rows also carry a `messages` copy; their own fields are the source of truth.
  if ("final" in row && "user" in row) return "pubmed-bio-thinking";
  if ("messages" in row) return "openai-chat";
  if ("Question" in row && "Response" in row) return "medical-o1";
  if ("output" in row && ("instruction" in row || "input" in row)) return "medical-meadow";
  return null;
}

/** One row in the given format (or the one its fields identify); throws RowError with the reason. */
export function trainingRowToExample(
  row: Record<string, unknown>,
  format: RowFormat | "auto" = "auto",
): { format: RowFormat; example: ChatExample } {
  const f = format === "auto" ? detectRowFormat(row) : format;
  if (!f) {
    const keys = Object.keys(row).slice(0, 6).join(", ") || "none";
    throw new RowError(
      `unrecognised row (fields: ${keys}); expected "messages", Question/Complex_CoT/Response, instruction/input/output or developer/user/analysis/final`,
    );
  }
  return { format: f, example: MAPPERS[f](row) };
}

/** Imports JSONL or a JSON array in any supported row format (mixed formats allowed). */
export function importTrainingRows(text: string, format: RowFormat | "auto" = "auto"): ImportResult {
  return importRows(text, (row) => trainingRowToExample(row, format).example);
}

export const ROW_FORMATS = Object.keys(MAPPERS) as RowFormat[];
export { importRows } from "./rows";
export { importOpenAiChat } from "./openai-chat";
export { importMedicalO1 } from "./medical-o1";
export { importMedicalMeadow } from "./medical-meadow";
export { importPubmedBioThinking } from "./pubmed-bio-thinking";
