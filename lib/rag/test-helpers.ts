// Shared by this folder's tests: a migrated in-memory PGlite and small documents.
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import type { DocumentEmbedder } from "./embed";
import { ingestSourceDocuments } from "./ingest";
import { ensureStarterKnowledgeBase } from "./starter";
import type { SourceDocument } from "./types";

export async function freshDb(): Promise<DbHandle> {
  const handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  return handle;
}

/** A migrated in-memory PGlite holding the real starter knowledge base (lib/rag/starter-kb). */
export async function freshStarterDb(embedder: DocumentEmbedder): Promise<DbHandle> {
  const handle = await freshDb();
  const report = await ensureStarterKnowledgeBase(handle.db, embedder);
  if (report.failed.length > 0) throw new Error(`starter knowledge base: ${report.failed.length} documents failed`);
  return handle;
}

/** A migrated in-memory PGlite holding `documents`, ingested as the app ingests them (every one must ingest). */
export async function freshDbWith(embedder: DocumentEmbedder, documents: SourceDocument[]): Promise<DbHandle> {
  const handle = await freshDb();
  const report = await ingestSourceDocuments(handle.db, embedder, documents);
  if (report.failed.length > 0) throw new Error(`test documents: ${report.failed.length} failed to ingest`);
  return handle;
}

export function doc(id: string, title: string, text: string, source = "Test", extra: Partial<SourceDocument> = {}): SourceDocument {
  return {
    id,
    source,
    title,
    url: `https://example.org/${id}`,
    licence: "CC BY 4.0",
    sections: [{ headingPath: [title], text }],
    ...extra,
  };
}

export const CONDITIONS: SourceDocument[] = [
  doc(
    "asthma",
    "Asthma",
    "Asthma narrows the airways and causes wheezing, coughing and a tight chest. Reliever inhalers open the airways.",
  ),
  doc(
    "diabetes-2",
    "Type 2 diabetes",
    "Type 2 diabetes raises blood sugar. Symptoms include thirst, passing urine often, tiredness and blurred vision.",
  ),
  doc(
    "kidney-stones",
    "Kidney stones",
    "Kidney stones are hard deposits of minerals. They cause severe pain in the side and back and blood in the urine.",
  ),
  doc("migraine", "Migraine", "Migraine is a headache disorder with throbbing pain, nausea and sensitivity to light and sound."),
  doc(
    "gout",
    "Gout",
    "Gout is arthritis caused by uric acid crystals in a joint, often the big toe, with sudden pain and swelling.",
    "Partner",
  ),
];
