// The starter knowledge base (lib/rag/starter-kb, written by the project, CC BY 4.0) is
// ingested on first start so a fresh install answers grounded. Idempotent: checksums
// make later calls no-ops, and one in-flight run is shared per database.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { DocumentEmbedder } from "./embed";
import { importPath } from "./importers";
import { ingestDocuments, type IngestOptions, type IngestReport } from "./ingest";

export const STARTER_KB_SOURCE = "MedChat starter knowledge base";

export function starterKnowledgeBaseDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_STARTER_KB_DIR || path.join(process.cwd(), "lib", "rag", "starter-kb"));
}

export interface StarterOptions extends Pick<IngestOptions, "onProgress"> {
  dir?: string;
  /** Retries while the embedder is unreachable (the gpu-function may start after the app). */
  retries?: number;
  /** First retry delay; doubles each time. */
  retryDelayMs?: number;
}

const inFlight = new WeakMap<Db, Promise<IngestReport>>();

/**
 * Ingests the starter knowledge base unless it is already there with the same content.
 * Never throws for a bad file or an unreachable embedder: the report says what failed,
 * and a run that wrote nothing because of failures is retried on the next call.
 */
export function ensureStarterKnowledgeBase(
  db: Db,
  embedder: DocumentEmbedder & { id?: string },
  options: StarterOptions = {},
): Promise<IngestReport> {
  const existing = inFlight.get(db);
  if (existing) return existing;
  const dir = options.dir ?? starterKnowledgeBaseDir();
  const retries = options.retries ?? 6;
  const run = (async () => {
    if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`starter knowledge base folder not found: ${dir}`);
    const started = performance.now();
    let written = { added: 0, updated: 0, chunksWritten: 0 };
    for (let attempt = 0; ; attempt++) {
      const last = await ingestDocuments(db, embedder, importPath(dir, { source: STARTER_KB_SOURCE }), {
        embedderId: embedder.id,
        onProgress: options.onProgress,
      });
      // What earlier attempts wrote shows up as "unchanged" now: report it as written.
      const priorWrites = written.added + written.updated;
      written = {
        added: written.added + last.added,
        updated: written.updated + last.updated,
        chunksWritten: written.chunksWritten + last.chunksWritten,
      };
      const report: IngestReport = {
        ...last,
        ...written,
        unchanged: Math.max(0, last.unchanged - priorWrites),
        elapsedMs: performance.now() - started,
      };
      const embedderDown = last.failed.some((f) => f.reason.startsWith("embedding failed"));
      if (!embedderDown || attempt >= retries) return report;
      // Documents already written are unchanged next time (checksums): a retry only redoes the rest.
      await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 2_000) * 2 ** attempt));
    }
  })();
  inFlight.set(db, run);
  run.then(
    (report) => {
      if (report.failed.length > 0) inFlight.delete(db);
    },
    () => inFlight.delete(db),
  );
  return run;
}
