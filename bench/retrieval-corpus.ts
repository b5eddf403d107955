// The retrieval benchmarks' knowledge base: MedQuAD answers up to the target chunk count
// (topped up with synthetic text when the data folder is absent) and held-out MedQuAD
// questions as queries. bench/retrieval.ts and bench/retrieval-explain.ts load the same one.
import fs from "node:fs";
import { isHeldOut, readMedQuad } from "@/gpu-function/shared/medquad";
import { chunkDocument } from "@/lib/rag/chunk";
import { medQuadToDocuments } from "@/lib/rag/importers/medquad";
import type { SourceDocument } from "@/lib/rag/types";

/** Deterministic filler text from a small medical vocabulary (used only without MedQuAD). */
export function syntheticDocuments(count: number, startAt: number): SourceDocument[] {
  const words =
    "asthma airway wheeze inhaler diabetes insulin glucose kidney stone pain fever infection virus bacteria heart blood pressure stroke migraine headache nausea skin rash allergy vaccine child adult elderly diet exercise sleep anxiety depression liver lung cough chest joint arthritis bone fracture cancer tumour screening dose symptom treatment prevention risk".split(
      " ",
    );
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const sentences = Array.from(
      { length: 12 },
      () => Array.from({ length: 12 }, () => words[Math.floor(rnd() * words.length)]).join(" ") + ".",
    );
    const id = `synthetic:${startAt + i}`;
    return {
      id,
      source: "Synthetic",
      title: `Synthetic topic ${startAt + i}`,
      sections: [{ headingPath: [`Synthetic topic ${startAt + i}`], text: sentences.join(" ") }],
    };
  });
}

/** Documents of about `targetChunks` chunks and `queryCount` held-out MedQuAD questions. */
export function benchCorpus(
  medquadDir: string,
  targetChunks: number,
  queryCount: number,
  log: (line: string) => void,
): { docs: SourceDocument[]; queries: string[]; chunkCount: number } {
  const docs: SourceDocument[] = [];
  const queries: string[] = [];
  let chunkCount = 0;
  if (fs.existsSync(medquadDir)) {
    for (const d of readMedQuad(medquadDir).documents) {
      for (const p of d.qaPairs) if (isHeldOut(p.questionId) && queries.length < queryCount) queries.push(p.question);
      for (const doc of medQuadToDocuments(d)) {
        if (chunkCount >= targetChunks) break;
        docs.push(doc);
        chunkCount += chunkDocument(doc).length;
      }
    }
  } else {
    log(`${medquadDir} not found: synthetic corpus only`);
  }
  while (chunkCount < targetChunks) {
    const extra = syntheticDocuments(500, docs.length);
    for (const doc of extra) chunkCount += chunkDocument(doc).length;
    docs.push(...extra);
  }
  while (queries.length < queryCount)
    queries.push(
      ["chest pain when climbing stairs", "how is asthma treated in children", "kidney stone symptoms", "vaccine side effects fever"][
        queries.length % 4
      ],
    );
  return { docs, queries, chunkCount };
}
