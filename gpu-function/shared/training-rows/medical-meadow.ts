// medalpaca/medical_meadow_* rows (Alpaca style): {instruction, input, output}. In the
// flashcards set the instruction is a fixed task line and `input` holds the question,
// so the instruction becomes the system message; an instruction-only row is the user turn.

import type { ChatExample, ImportResult } from "./chat-example";
import { importRows, optionalStringField, stringField } from "./rows";

export function importMedicalMeadow(text: string): ImportResult {
  return importRows(text, medicalMeadowRowToExample);
}

export function medicalMeadowRowToExample(row: Record<string, unknown>): ChatExample {
  const instruction = optionalStringField(row, "instruction");
  const input = optionalStringField(row, "input");
  const output = stringField(row, "output");
  if (input === undefined) {
    return {
      messages: [
        { role: "user", content: stringField(row, "instruction") },
        { role: "assistant", content: output },
      ],
    };
  }
  return {
    messages: [
      ...(instruction ? [{ role: "system" as const, content: instruction }] : []),
      { role: "user", content: input },
      { role: "assistant", content: output },
    ],
  };
}
