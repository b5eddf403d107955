// Knowledge-base management for the console: documents with their source, status,
// chunks and last update; upload (the formats the kb CLI ingests), delete, re-ingest,
// and a search test that shows the ranked passages a question gets, with scores.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { chunks, documents } from "@/lib/db/schema";
import type { DocumentEmbedder } from "@/lib/rag/embed";
import { importFile, SUPPORTED_EXTENSIONS } from "@/lib/rag/importers";
import { ingestSourceDocuments, type IngestReport } from "@/lib/rag/ingest";
import { forgetVocabulary } from "@/lib/rag/vocabulary";
import { retrieveHybrid, type RetrievalMode } from "@/lib/rag/retrieve";
import type { QueryEmbedder } from "@/lib/rag/embed";
import type { SourceDocument } from "@/lib/rag/types";
import { recordAudit, type Actor } from "./audit";
import { AdminError } from "./errors";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;

export async function listDocuments(db: Db, opts: { limit?: number; offset?: number; q?: string } = {}) {
  const q = opts.q?.trim().slice(0, 200);
  return db
    .select({
      id: documents.id,
      title: documents.title,
      source: documents.source,
      url: documents.url,
      status: documents.status,
      updatedAt: documents.updatedAt,
      // Spelled out: in a select list drizzle prints the bare column, which "c" would capture.
      chunks: sql<number>`(select count(*) from ${chunks} c where c.document_id = "documents"."id")`.mapWith(Number),
    })
    .from(documents)
    .where(q ? sql`${documents.title} ilike ${"%" + q.replace(/[%_\\]/g, "\\$&") + "%"}` : undefined)
    .orderBy(desc(documents.updatedAt))
    .limit(Math.min(opts.limit ?? 100, 500))
    .offset(opts.offset ?? 0);
}

export async function knowledgeBaseStats(db: Db) {
  const [row] = await db
    .select({ documents: sql<number>`count(*)`.mapWith(Number), chunks: sql<number>`(select count(*) from ${chunks})`.mapWith(Number) })
    .from(documents);
  return row;
}

/** Imports uploaded files (kept only in a temporary folder) and ingests them. */
export async function uploadDocuments(
  db: Db,
  embedder: DocumentEmbedder,
  actor: Actor,
  files: { name: string; bytes: Uint8Array }[],
  opts: { source?: string } = {},
): Promise<{ report: IngestReport; skipped: { file: string; reason: string }[] }> {
  if (files.length === 0) throw new AdminError(400, "no_files", "Choose at least one file to upload.");
  if (files.length > MAX_UPLOAD_FILES) throw new AdminError(413, "too_many_files", `Upload at most ${MAX_UPLOAD_FILES} files at a time.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-upload-"));
  const docs: SourceDocument[] = [];
  const skipped: { file: string; reason: string }[] = [];
  try {
    for (const file of files) {
      // Only the base name, only supported extensions: the name never steers the path.
      const name =
        path
          .basename(file.name)
          .replace(/[^\w.\- ]/g, "_")
          .slice(0, 120) || "upload";
      if (!SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
        skipped.push({ file: name, reason: `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(" ")})` });
        continue;
      }
      // Runtime-only path (an upload folder under the data dir): not part of the build's file tracing.
      const target = path.join(/*turbopackIgnore: true*/ dir, name);
      fs.writeFileSync(target, file.bytes);
      for (const result of await importFile(target, { relPath: `uploads/${name}`, source: opts.source || undefined })) {
        if (result.ok) docs.push(result.document);
        else skipped.push({ file: name, reason: result.reason });
      }
    }
    const report = docs.length
      ? await ingestSourceDocuments(db, embedder, docs)
      : { added: 0, updated: 0, unchanged: 0, chunksWritten: 0, failed: [], elapsedMs: 0 };
    await recordAudit(db, actor, {
      action: "kb.upload",
      targetType: "document",
      targetId:
        docs
          .map((d) => d.id)
          .join(",")
          .slice(0, 500) || null,
      after: {
        files: files.map((f) => f.name),
        documents: docs.map((d) => ({ id: d.id, title: d.title })),
        added: report.added,
        updated: report.updated,
        failed: report.failed.length,
        skipped,
      },
    });
    return { report, skipped };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function deleteDocument(db: Db, actor: Actor, id: string): Promise<void> {
  const [before] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  if (!before) throw new AdminError(404, "not_found", "No such document.");
  await db.delete(documents).where(eq(documents.id, id));
  forgetVocabulary(db);
  await recordAudit(db, actor, { action: "kb.delete", targetType: "document", targetId: id, before, after: null });
}

/** Re-embeds and rewrites a document's chunks with the current embedder (e.g. after the embedder changed). */
export async function reingestDocument(db: Db, embedder: DocumentEmbedder, actor: Actor, id: string): Promise<IngestReport> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  if (!doc) throw new AdminError(404, "not_found", "No such document.");
  const rows = await db.select().from(chunks).where(eq(chunks.documentId, id)).orderBy(asc(chunks.position));
  const source: SourceDocument = {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    url: doc.url,
    licence: doc.licence,
    metadata: (doc.metadata as Record<string, unknown> | null) ?? undefined,
    sections: rows.map((c) => ({ headingPath: c.headingPath ? c.headingPath.split(" > ") : [doc.title], text: c.text })),
  };
  const report = await ingestSourceDocuments(db, embedder, [source], { force: true });
  const [after] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  await recordAudit(db, actor, { action: "kb.reingest", targetType: "document", targetId: id, before: doc, after });
  return report;
}

export async function searchTest(db: Db, embedder: QueryEmbedder | null, query: string, mode: RetrievalMode = "hybrid", k = 10) {
  const q = query.trim();
  if (!q) throw new AdminError(400, "empty_query", "Type a question to test.");
  if (q.length > 2000) throw new AdminError(413, "query_too_long", "A test question has at most 2000 characters.");
  const results = await retrieveHybrid(db, embedder, q, { mode, k });
  return results.map((r, i) => ({
    rank: i + 1,
    score: r.score,
    title: r.title,
    url: r.url,
    headingPath: r.headingPath,
    text: r.text.slice(0, 600),
    documentId: r.documentId,
  }));
}
