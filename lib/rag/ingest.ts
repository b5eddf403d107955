// Ingestion: importer results → checksum → chunks → embeddings (batched) → one
// transaction per document. Unchanged content is a no-op; a changed document has its
// chunks replaced atomically; a bad input is reported and skipped, never half-written.
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { chunks as chunksTable, documents as documentsTable, termAliases as termAliasesTable } from "@/lib/db/schema";
import { aliasesOf } from "./aliases";
import { withSearchIndexesSuspended } from "./bulk";
import { CHUNKER_VERSION, chunkDocument, embeddingTextOf, type ChunkOptions } from "./chunk";
import type { DocumentEmbedder } from "./embed";
import { httpUrlOrNull, type ImportResult } from "./importers/types";
import { mergeFullTextPendingLists } from "./index-maintenance";
import { pgTextArray } from "./pg-arrays";
import type { DocumentChunk, SourceDocument } from "./types";
import { forgetVocabulary } from "./vocabulary";

export interface IngestProgress {
  files: number;
  documents: number;
  chunks: number;
  failed: number;
}

export interface IngestOptions {
  chunk?: Partial<ChunkOptions>;
  /** Documents processed together (one embedding call covers all their chunks). */
  batchDocuments?: number;
  /** Re-embed and rewrite even when the checksum is unchanged (e.g. after changing the embedder). */
  force?: boolean;
  /** Offline bulk load: suspend the HNSW and full-text indexes and build them once at the end (see bulk.ts). */
  bulk?: boolean;
  /** Recorded in documents.metadata.embedder. */
  embedderId?: string;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestFailure {
  file: string;
  documentId?: string;
  reason: string;
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  chunksWritten: number;
  failed: IngestFailure[];
  elapsedMs: number;
}

/** Checksum over everything that determines the stored chunks (content + chunker). */
export function documentChecksum(doc: SourceDocument, chunkOptions: Partial<ChunkOptions> = {}): string {
  const canonical = JSON.stringify({
    v: CHUNKER_VERSION,
    chunkOptions,
    source: doc.source,
    title: doc.title,
    url: httpUrlOrNull(doc.url),
    licence: doc.licence ?? null,
    sections: doc.sections,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

interface PreparedDocument {
  doc: SourceDocument;
  file: string;
  checksum: string;
  isNew: boolean;
  chunks: DocumentChunk[];
  vectors?: number[][];
}

const INSERT_ROWS = 200;
const ANALYZE_AFTER_CHUNKS = 1000;

function documentRow(p: PreparedDocument, embedderId: string | undefined) {
  const { doc } = p;
  return {
    id: doc.id,
    source: doc.source,
    // Every importer's URL passes the same check at the one place documents are stored.
    url: httpUrlOrNull(doc.url),
    title: doc.title,
    licence: doc.licence ?? null,
    checksum: p.checksum,
    status: "active" as const,
    metadata: { ...(doc.metadata ?? {}), ...(embedderId ? { embedder: embedderId } : {}) },
  };
}

function chunkRows(p: PreparedDocument) {
  return p.chunks.map((c, i) => ({
    id: `${p.doc.id}#${c.position}`,
    documentId: p.doc.id,
    position: c.position,
    headingPath: c.headingPath,
    text: c.text,
    embedding: p.vectors![i],
  }));
}

/**
 * Writes documents and their chunks in ONE transaction: upsert, delete old chunks,
 * insert new ones. Either all of it lands or none of it (readers never see a document
 * without chunks or with a mix of old and new ones).
 */
async function writeDocuments(db: Db, batch: PreparedDocument[], embedderId: string | undefined): Promise<void> {
  const docs = batch.map((p) => documentRow(p, embedderId));
  const rows = batch.flatMap(chunkRows);
  await db.transaction(async (tx) => {
    await tx
      .insert(documentsTable)
      .values(docs)
      .onConflictDoUpdate({
        target: documentsTable.id,
        set: {
          source: sql`excluded.source`,
          url: sql`excluded.url`,
          title: sql`excluded.title`,
          licence: sql`excluded.licence`,
          checksum: sql`excluded.checksum`,
          status: sql`excluded.status`,
          metadata: sql`excluded.metadata`,
          updatedAt: sql`now()`,
        },
      });
    await tx.delete(chunksTable).where(
      inArray(
        chunksTable.documentId,
        docs.map((d) => d.id),
      ),
    );
    for (let i = 0; i < rows.length; i += INSERT_ROWS) await tx.insert(chunksTable).values(rows.slice(i, i + INSERT_ROWS));
    await writeAliases(tx as unknown as Db, batch);
  });
  forgetVocabulary(db);
}

/** Replaces the documents' aliases (aliases.ts), stored as English lexemes like the chunks. */
async function writeAliases(db: Db, batch: { doc: SourceDocument }[]): Promise<void> {
  await db.delete(termAliasesTable).where(
    inArray(
      termAliasesTable.documentId,
      batch.map((p) => p.doc.id),
    ),
  );
  const rows = batch.flatMap((p) => aliasesOf(p.doc).map((a) => ({ documentId: p.doc.id, ...a })));
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const part = rows.slice(i, i + INSERT_ROWS);
    await db.execute(sql`insert into term_aliases (document_id, alias, expansion)
      select distinct d, a, e from (
        select d, array_to_string(tsvector_to_array(to_tsvector('english', a)), ' ') as a,
                  array_to_string(tsvector_to_array(to_tsvector('english', e)), ' ') as e,
                  (select count(*) from unnest(to_tsvector('english', a)) u, unnest(u.positions) p)
                    = (select count(*) from unnest(to_tsvector('simple', a)) u, unnest(u.positions) p) as words_kept
        from unnest(${pgTextArray(part.map((r) => r.documentId))}::text[], ${pgTextArray(part.map((r) => r.alias))}::text[],
                    ${pgTextArray(part.map((r) => r.expansion))}::text[]) as t(d, a, e)) x
      -- An alias that loses a word to the stop list means something else once stemmed
      -- ("Hers disease" → diseas, "type I" → type): only aliases whose every word is a lexeme.
      where a <> '' and e <> '' and a <> e and words_kept
      on conflict do nothing`);
  }
}

/**
 * Re-derives the aliases of documents already in the knowledge base (ingested before
 * migration 0005), without touching their chunks.
 */
export async function refreshAliases(db: Db, docs: SourceDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_ROWS) {
    const part = docs.slice(i, i + INSERT_ROWS);
    await db.transaction(async (tx) =>
      writeAliases(
        tx as unknown as Db,
        part.map((doc) => ({ doc })),
      ),
    );
  }
  forgetVocabulary(db);
}

/** Embeds the chunks of several documents in one call; on failure, per document to isolate the bad one. */
async function embedPrepared(embedder: DocumentEmbedder, batch: PreparedDocument[], failed: IngestFailure[]) {
  if (batch.length === 0) return batch;
  const texts = batch.flatMap((p) => p.chunks.map((c) => embeddingTextOf(p.doc.title, c)));
  try {
    const vectors = await embedder.embedDocuments(texts);
    let at = 0;
    for (const p of batch) {
      p.vectors = vectors.slice(at, at + p.chunks.length);
      at += p.chunks.length;
    }
    return batch;
  } catch (err) {
    if (batch.length === 1) {
      failed.push({ file: batch[0].file, documentId: batch[0].doc.id, reason: `embedding failed: ${(err as Error).message}` });
      return [];
    }
  }
  const ok: PreparedDocument[] = [];
  for (const p of batch) ok.push(...(await embedPrepared(embedder, [p], failed)));
  return ok;
}

export async function ingestDocuments(
  db: Db,
  embedder: DocumentEmbedder,
  results: AsyncIterable<ImportResult> | Iterable<ImportResult>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  if (options.bulk) {
    const started = performance.now();
    const report = await withSearchIndexesSuspended(db, () => ingestDocuments(db, embedder, results, { ...options, bulk: false }));
    return { ...report, elapsedMs: performance.now() - started }; // includes the index build
  }
  const started = performance.now();
  const batchSize = options.batchDocuments ?? 16;
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, chunksWritten: 0, failed: [], elapsedMs: 0 };
  const seenIds = new Set<string>();
  const seenFiles = new Set<string>();
  let pending: { doc: SourceDocument; file: string }[] = [];
  const progress = () =>
    options.onProgress?.({
      files: seenFiles.size,
      documents: report.added + report.updated + report.unchanged,
      chunks: report.chunksWritten,
      failed: report.failed.length,
    });

  const record = (p: PreparedDocument) => {
    if (p.isNew) report.added++;
    else report.updated++;
    report.chunksWritten += p.chunks.length;
  };
  const write = async (embedded: PreparedDocument[]) => {
    try {
      if (embedded.length > 0) await writeDocuments(db, embedded, options.embedderId);
      embedded.forEach(record);
    } catch {
      // Find the document that broke the batch: each one alone, in its own transaction.
      for (const p of embedded) {
        try {
          await writeDocuments(db, [p], options.embedderId);
          record(p);
        } catch (err) {
          report.failed.push({ file: p.file, documentId: p.doc.id, reason: `database write failed: ${(err as Error).message}` });
        }
      }
    }
    progress();
  };
  // A batch's database write runs while the next batch is embedded (a gpu-function request, or
  // onnxruntime's threads), not after it: the write waits until that batch has been checked
  // against the database, so an embedded database (one connection) is free for the check.
  let unwritten: PreparedDocument[] | null = null;

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const ids = batch.map((b) => b.doc.id);
    const existing = new Map(
      (
        await db
          .select({
            id: documentsTable.id,
            checksum: documentsTable.checksum,
            status: documentsTable.status,
            embedder: sql<string | null>`${documentsTable.metadata}->>'embedder'`,
          })
          .from(documentsTable)
          .where(inArray(documentsTable.id, ids))
      ).map((r) => [r.id, r]),
    );
    const toWrite: PreparedDocument[] = [];
    for (const { doc, file } of batch) {
      const checksum = documentChecksum(doc, options.chunk);
      const prev = existing.get(doc.id);
      // Vectors from another embedder are not comparable with this one's queries: re-embed.
      const sameEmbedder = !options.embedderId || prev?.embedder === options.embedderId;
      if (prev && prev.checksum === checksum && prev.status === "active" && sameEmbedder && !options.force) {
        report.unchanged++;
        continue;
      }
      let docChunks: DocumentChunk[];
      try {
        docChunks = chunkDocument(doc, options.chunk);
      } catch (err) {
        report.failed.push({ file, documentId: doc.id, reason: `chunking failed: ${(err as Error).message}` });
        continue;
      }
      if (docChunks.length === 0) {
        report.failed.push({ file, documentId: doc.id, reason: "document has no text to index" });
        continue;
      }
      toWrite.push({ doc, file, checksum, isNew: !prev, chunks: docChunks });
    }
    const previous = unwritten;
    unwritten = null;
    const [embedded] = await Promise.all([embedPrepared(embedder, toWrite, report.failed), previous && write(previous)]);
    unwritten = embedded;
  };

  for await (const r of results) {
    seenFiles.add(r.file.replace(/:\d+$/, ""));
    if (!r.ok) {
      report.failed.push({ file: r.file, reason: r.reason });
      continue;
    }
    if (seenIds.has(r.document.id)) {
      report.failed.push({ file: r.file, documentId: r.document.id, reason: "duplicate document id in this ingestion" });
      continue;
    }
    seenIds.add(r.document.id);
    pending.push({ doc: r.document, file: r.file });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  if (unwritten) await write(unwritten);
  // Searches read the full-text index's pending list whole (index-maintenance.ts): merged after
  // every ingestion, also one that wrote nothing (the app's starter check merges what an older
  // version left).
  await mergeFullTextPendingLists(db);
  // Planner and full-text statistics (common terms, see retrieve.ts) follow big loads.
  if (report.chunksWritten >= ANALYZE_AFTER_CHUNKS) await db.execute(sql`analyze chunks`);
  report.elapsedMs = performance.now() - started;
  return report;
}

/** Convenience for callers holding documents rather than importer results. */
export function ingestSourceDocuments(db: Db, embedder: DocumentEmbedder, docs: SourceDocument[], options?: IngestOptions) {
  return ingestDocuments(
    db,
    embedder,
    docs.map((document) => ({ ok: true as const, file: document.id, document })),
    options,
  );
}
