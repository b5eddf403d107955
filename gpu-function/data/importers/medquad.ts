// MedQuAD (NIH Q&A XML) → chat examples: the question as the user turn, the answer as
// the assistant turn. Reading and the fixed 5 % held-out split live in the MedQuAD reader
// both the app and the gpu-function use (shared/medquad.ts); this only maps and reports what it could not use.

import { isHeldOut, parseMedQuadXml, readMedQuad, type MedQuadDocument } from "../../shared/medquad";
import type { ChatExample, ChatMessage, ImportIssue, ImportResult } from "../chat-example";

export interface MedQuadImportOptions {
  /** "train" (default) excludes the held-out questions, "heldout" keeps only them. */
  split?: "train" | "heldout" | "all";
  systemPrompt?: string;
}

/** Imports a MedQuAD folder (the root with one sub-folder per collection, or one collection). */
export function importMedQuadDir(dir: string, options: MedQuadImportOptions = {}): ImportResult {
  const { documents, stats } = readMedQuad(dir);
  const issues: ImportIssue[] = stats.failed.map((f) => ({ id: f.file, reason: f.reason }));
  const result = medQuadDocumentsToExamples(documents, options);
  return { examples: result.examples, issues: [...issues, ...result.issues] };
}

/** Imports one MedQuAD XML document given as text (used for uploads and tests). */
export function importMedQuadXml(xml: string, fileStem: string, options: MedQuadImportOptions = {}): ImportResult {
  try {
    return medQuadDocumentsToExamples([parseMedQuadXml(xml, "", fileStem)], options);
  } catch (err) {
    return { examples: [], issues: [{ id: fileStem, reason: (err as Error).message }] };
  }
}

export function medQuadDocumentsToExamples(documents: MedQuadDocument[], options: MedQuadImportOptions = {}): ImportResult {
  const split = options.split ?? "train";
  const examples: ChatExample[] = [];
  const issues: ImportIssue[] = [];
  for (const doc of documents) {
    // The reader drops pairs whose answer the publisher removed; say so per document.
    if (doc.emptyAnswers > 0) {
      issues.push({ id: doc.key, reason: `${doc.emptyAnswers} question(s) without an answer skipped` });
    }
    for (const pair of doc.qaPairs) {
      const heldOut = isHeldOut(pair.questionId);
      if ((split === "train" && heldOut) || (split === "heldout" && !heldOut)) continue;
      const messages: ChatMessage[] = [];
      if (options.systemPrompt) messages.push({ role: "system", content: options.systemPrompt });
      messages.push({ role: "user", content: pair.question }, { role: "assistant", content: pair.answer });
      examples.push({ id: pair.questionId, messages });
    }
  }
  return { examples, issues };
}
