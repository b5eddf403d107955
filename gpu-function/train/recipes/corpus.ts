// The medical corpus the default models are trained on: MedQuAD (CC BY 4.0) minus its
// fixed 5 % held-out questions (gpu-function/shared/medquad.ts isHeldOut), and PubMedQA
// (MIT) abstracts. Read from paths given on the command line; never copied into the repo.
import { isHeldOut, readMedQuad, type MedQuadQaPair } from "../../shared/medquad";
import { readPubMedQa, type PubMedQaItem } from "../../data/pubmedqa";

/** A MedQuAD pair with its document's focus (the topic, used as the source title). */
export type MedQuadItem = MedQuadQaPair & { focus: string };

export interface MedicalCorpus {
  train: MedQuadItem[];
  heldOut: MedQuadItem[];
  pubmed: PubMedQaItem[];
}

export function loadMedicalCorpus(medquadDir: string, pubmedqaFile: string): MedicalCorpus {
  const mq = readMedQuad(medquadDir);
  const train: MedQuadItem[] = [];
  const heldOut: MedQuadItem[] = [];
  // Duplicate questions with identical answers appear across collections; keep one.
  const seen = new Set<string>();
  for (const doc of mq.documents) {
    for (const pair of doc.qaPairs) {
      const p = { ...pair, focus: doc.focus };
      const key = `${p.question}\u0000${p.answer}`;
      if (isHeldOut(p.questionId)) {
        heldOut.push(p);
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      train.push(p);
    }
  }
  return { train, heldOut, pubmed: readPubMedQa(pubmedqaFile) };
}

/** Plain text for the tokenizer: questions, answers, abstracts. */
export function* corpusTexts(c: MedicalCorpus): Generator<string> {
  for (const p of c.train) {
    yield p.question;
    yield p.answer;
  }
  for (const it of c.pubmed) yield it.contexts.join("\n");
}
