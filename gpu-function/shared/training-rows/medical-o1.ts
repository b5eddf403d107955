// FreedomIntelligence/medical-o1-reasoning-SFT rows: {Question, Complex_CoT, Response}.
// The chain of thought becomes the assistant's reasoning channel, not part of the answer,
// so a reasoning-capable template (gpt-oss analysis, Qwen <think>) renders it as such.

import type { ChatExample, ChatMessage, ImportResult } from "./chat-example";
import { importRows, optionalStringField, stringField } from "./rows";

export interface MedicalO1Options {
  /** Optional system prompt prepended to every example. */
  systemPrompt?: string;
}

export function importMedicalO1(text: string, options: MedicalO1Options = {}): ImportResult {
  return importRows(text, (row) => medicalO1RowToExample(row, options));
}

export function medicalO1RowToExample(row: Record<string, unknown>, options: MedicalO1Options = {}): ChatExample {
  const question = stringField(row, "Question");
  const response = stringField(row, "Response");
  const reasoning = optionalStringField(row, "Complex_CoT");
  const messages: ChatMessage[] = [];
  if (options.systemPrompt) messages.push({ role: "system", content: options.systemPrompt });
  messages.push({ role: "user", content: question });
  messages.push(reasoning ? { role: "assistant", content: response, reasoning } : { role: "assistant", content: response });
  return { messages };
}
