// Curated training examples (reviewed answers from the admin console), read by the console and by retraining.
import { desc } from "drizzle-orm";
import type { Db } from "./client";
import { curatedExamples } from "./schema";

export type CuratedExample = typeof curatedExamples.$inferSelect;

export async function listCuratedExamples(db: Db, limit = 500): Promise<CuratedExample[]> {
  return db.select().from(curatedExamples).orderBy(desc(curatedExamples.updatedAt)).limit(limit);
}
