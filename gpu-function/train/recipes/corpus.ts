// The medical corpus the default models are trained on: MedQuAD (CC BY 4.0) minus its
// fixed 5 % held-out questions (gpu-function/data/medquad.ts isHeldOut), and PubMedQA
// (MIT) abstracts. Read from paths given on the command line; never copied into the repo.
import { isHeldOut, readMedQuad, type MedQuadQaPair } from "../../data/medquad";
import { readPubMedQa, type PubMedQaItem } from "../../data/pubmedqa";

export interface MedicalCorpus {
  train: MedQuadQaPair[];
  heldOut: MedQuadQaPair[];
  pubmed: PubMedQaItem[];
}

export function loadMedicalCorpus(medquadDir: string, pubmedqaFile: string): MedicalCorpus {
  const mq = readMedQuad(medquadDir);
  const train: MedQuadQaPair[] = [];
  const heldOut: MedQuadQaPair[] = [];
  // Duplicate questions with identical answers appear across collections; keep one.
  const seen = new Set<string>();
  for (const doc of mq.documents) {
    for (const p of doc.qaPairs) {
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
