// Where retraining data comes from, in precedence order for deduplication (the first
// occurrence of a question wins): reviewers' curated answers, uploaded files, then
// examples generated from the knowledge base.
import type { Db } from "@/lib/db";
import { listCuratedExamples } from "@/lib/db/curated-examples";
import { buildDataset, exampleKind, type BuiltDataset, type TrainingExample } from "./dataset";
import { knowledgeBaseExamples } from "./dataset-kb";
import { uploadedTrainingExamples } from "./dataset-uploads";

export async function curatedTrainingExamples(db: Db): Promise<TrainingExample[]> {
  const rows = await listCuratedExamples(db, 5000);
  return rows.map((r) => ({
    question: r.question,
    answer: r.answer,
    sources: r.sources.map((s) => ({ n: s.n, title: s.title, text: s.text })),
    origin: `curated:${r.id}`,
  }));
}

export async function allTrainingExamples(db: Db): Promise<TrainingExample[]> {
  return [...(await curatedTrainingExamples(db)), ...(await uploadedTrainingExamples(db)), ...(await knowledgeBaseExamples(db))];
}

export interface DatasetSummary {
  version: string;
  goldenVersion: string;
  counts: { curated: number; knowledgeBase: number; uploaded: number; golden: number; train: number };
}

export function summarize(dataset: BuiltDataset): DatasetSummary {
  const counts = { curated: 0, knowledgeBase: 0, uploaded: 0, golden: dataset.golden.length, train: dataset.train.length };
  for (const e of [...dataset.train, ...dataset.golden]) counts[exampleKind(e)]++;
  return { version: dataset.version, goldenVersion: dataset.goldenVersion, counts };
}

export async function datasetSummary(db: Db): Promise<DatasetSummary> {
  return summarize(buildDataset(await allTrainingExamples(db)));
}
