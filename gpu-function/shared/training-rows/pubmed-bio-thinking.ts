// Pubmed-Bio-Thinking rows: {developer, user, analysis, final} (plus paper_id and a
// pre-built `messages` copy). `developer` is the system prompt, `analysis` the reasoning
// channel (gpt-oss "analysis"), `final` the visible answer (gpt-oss "final").

import type { ChatExample, ChatMessage, ImportResult } from "./chat-example";
import { importRows, optionalStringField, stringField } from "./rows";

export function importPubmedBioThinking(text: string): ImportResult {
  return importRows(text, pubmedBioThinkingRowToExample);
}

export function pubmedBioThinkingRowToExample(row: Record<string, unknown>): ChatExample {
  const system = optionalStringField(row, "developer");
  const user = stringField(row, "user");
  const final = stringField(row, "final");
  const analysis = optionalStringField(row, "analysis");
  const messages: ChatMessage[] = [];
  if (system) messages.push({ role: "system", content: system });
  messages.push({ role: "user", content: user });
  messages.push(analysis ? { role: "assistant", content: final, reasoning: analysis } : { role: "assistant", content: final });
  const id = optionalStringField(row, "paper_id");
  return id ? { id, messages } : { messages };
}
