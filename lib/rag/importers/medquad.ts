// MedQuAD (NIH, CC BY 4.0): one knowledge-base document per answered question, so a
// citation points at exactly one answer and the evaluation can name the relevant one.
import type { MedQuadDocument } from "@/gpu-function/shared/medquad";
import type { SourceDocument } from "../types";
import { httpUrlOrNull } from "./types";

export const MEDQUAD_SOURCE = "MedQuAD";
export const MEDQUAD_LICENCE = "CC BY 4.0";

export interface MedQuadImportOptions {
  /**
   * Put the question in the section heading (default). The retrieval evaluation turns
   * this off: its queries ARE the questions, and finding them verbatim would be a leak.
   */
  includeQuestions?: boolean;
}

const QTYPE_LABELS: Record<string, string> = {
  information: "Overview",
  symptoms: "Symptoms",
  causes: "Causes",
  treatment: "Treatment",
  prevention: "Prevention",
  "exams and tests": "Diagnosis",
  inheritance: "Inheritance",
  frequency: "Frequency",
  genetic_changes: "Genetic changes",
  outlook: "Outlook",
  research: "Research",
  susceptibility: "Who is at risk",
  stages: "Stages",
  complications: "Complications",
  considerations: "Considerations",
  "support groups": "Support groups",
};

export function qtypeLabel(qtype: string): string {
  const known = QTYPE_LABELS[qtype.toLowerCase()];
  if (known) return known;
  const s = qtype.replace(/_/g, " ").trim();
  return s ? s[0].toUpperCase() + s.slice(1) : "Overview";
}

export function medQuadDocumentId(questionId: string): string {
  return `medquad:${questionId}`;
}

export function medQuadToDocuments(doc: MedQuadDocument, opts: MedQuadImportOptions = {}): SourceDocument[] {
  const includeQuestions = opts.includeQuestions ?? true;
  const focus = doc.focus || doc.id;
  return doc.qaPairs.map((pair) => {
    const heading = includeQuestions ? pair.question : qtypeLabel(pair.qtype);
    return {
      id: medQuadDocumentId(pair.questionId),
      source: MEDQUAD_SOURCE,
      title: `${focus}: ${qtypeLabel(pair.qtype)}`,
      url: httpUrlOrNull(doc.url),
      licence: MEDQUAD_LICENCE,
      metadata: { collection: doc.collection, publisher: doc.source, questionId: pair.questionId, qtype: pair.qtype, focus },
      sections: [{ headingPath: [focus, heading], text: pair.answer }],
    };
  });
}
