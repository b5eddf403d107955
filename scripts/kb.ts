// Knowledge-base CLI. Honours DATABASE_URL (Neon / Postgres) and MEDCHAT_DATA_DIR
// (embedded PGlite folder), so a separate knowledge base can be built and searched.
//   npm run kb -- ingest <path> [--source S] [--licence L] [--force] [--embedder local|remote|hashing]
//   npm run kb -- search "<query>" [--k 10] [--json] [--source S]... [--mode hybrid|vector|text]
//   npm run kb -- search --queries <file> [--k 10]     (one JSON line per query, same order; a line is
//        the query, or a JSON object {"query"} or {"subject", "message"} for multi-line messages)
//   npm run kb -- starter | stats
import fs from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { openDatabaseForCli } from "@/lib/db/cli";
import { createEmbedder } from "@/lib/rag/embed-factory";
import { embedderKind, type EmbedderKind } from "@/lib/rag/embedder-kind";
import { importPath, listImportableFiles } from "@/lib/rag/importers";
import { ingestDocuments, type IngestProgress, type IngestReport } from "@/lib/rag/ingest";
import { consumerQueryText } from "@/lib/rag/eval-sets";
import { rerankerFromEnvironment } from "@/lib/rag/rerank";
import { retrieveHybrid, type RetrievalMode, type RetrievedChunkWithSignals } from "@/lib/rag/retrieve";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";

const USAGE = `usage:
  npm run kb -- ingest <file-or-folder> [--source S] [--licence L] [--force] [--bulk] [--embedder local|remote|hashing]
  npm run kb -- search "<query>" [--k 10] [--json] [--source S] [--mode hybrid|vector|text] [--min-score X]
  npm run kb -- search --queries <file> [--k 10] [--source S]   (a line: the query, or {"query"} / {"subject","message"})
  npm run kb -- starter
  npm run kb -- stats`;

class UsageError extends Error {}

function progressBar(total: number, label: string) {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update: (p: IngestProgress) => {
        if (p.files - last >= Math.max(1, Math.floor(total / 20)) || p.files === total) {
          last = p.files;
          process.stderr.write(`${label}: ${p.files}/${total} files, ${p.documents} documents, ${p.chunks} chunks, ${p.failed} failed\n`);
        }
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} files | {documents} docs | {chunks} chunks | {failed} failed | {eta_formatted}`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { documents: 0, chunks: 0, failed: 0 });
  return { update: (p: IngestProgress) => bar.update(p.files, { ...p }), stop: () => bar.stop() };
}

function printReport(r: IngestReport) {
  const secs = r.elapsedMs / 1000;
  process.stderr.write(
    `added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}, ${r.chunksWritten} chunks written in ${secs.toFixed(1)} s` +
      (r.chunksWritten ? ` (${(r.chunksWritten / secs).toFixed(0)} chunks/s)` : "") +
      `, ${r.failed.length} failed\n`,
  );
  for (const f of r.failed.slice(0, 50))
    process.stderr.write(`  skipped ${f.file}${f.documentId ? ` [${f.documentId}]` : ""}: ${f.reason}\n`);
  if (r.failed.length > 50) process.stderr.write(`  … and ${r.failed.length - 50} more\n`);
}

/** A --queries line: plain text, or a JSON object with "query" or "subject" and "message" (messages span lines). */
function queryOfLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const o = JSON.parse(line) as { query?: unknown; subject?: unknown; message?: unknown };
    if (typeof o.query === "string") return o.query.trim();
    if (typeof o.subject === "string" || typeof o.message === "string") {
      return consumerQueryText({
        subject: typeof o.subject === "string" ? o.subject : "",
        message: typeof o.message === "string" ? o.message : "",
      });
    }
  } catch {
    // not JSON: the line is the query
  }
  return line;
}

function resultJson(r: RetrievedChunkWithSignals) {
  return { documentId: r.documentId, chunkId: r.chunkId, title: r.title, url: r.url, score: Number(r.score.toFixed(6)), source: r.source };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: "string", multiple: true },
      licence: { type: "string" },
      force: { type: "boolean", default: false },
      bulk: { type: "boolean", default: false },
      embedder: { type: "string" },
      k: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
      queries: { type: "string" },
      mode: { type: "string", default: "hybrid" },
      "min-score": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const kind = (values.embedder ?? embedderKind()) as EmbedderKind;
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 200) throw new UsageError(`--k must be an integer in 1..200 (got ${values.k})`);
  const mode = values.mode as RetrievalMode;
  if (!["hybrid", "vector", "text"].includes(mode)) throw new UsageError(`--mode must be hybrid, vector or text (got ${mode})`);
  const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw new UsageError("--min-score must be between 0 and 1");

  let handle: DbHandle | undefined;
  const openDb = async () => {
    handle = await openDatabaseForCli(`npm run kb -- ${command}`);
    return handle.db;
  };
  try {
    if (command === "ingest") {
      const target = rest[0];
      if (!target) throw new UsageError("ingest needs a file or folder");
      const files = listImportableFiles(target);
      if (files.length === 0) throw new UsageError(`no supported files under ${target}`);
      if ((values.source?.length ?? 0) > 1) throw new UsageError("ingest takes one --source");
      const db = await openDb();
      const embedder = await createEmbedder(kind);
      process.stderr.write(`embedder ${embedder.id}; database ${handle!.kind}\n`);
      const bar = progressBar(files.length, "ingest");
      const report = await ingestDocuments(db, embedder, importPath(target, { source: values.source?.[0], licence: values.licence }), {
        force: values.force,
        bulk: values.bulk,
        embedderId: embedder.id,
        onProgress: bar.update,
      });
      bar.stop();
      printReport(report);
      await embedder.close();
      process.exitCode = report.failed.length > 0 && report.added + report.updated + report.unchanged === 0 ? 1 : 0;
    } else if (command === "search") {
      const queries = values.queries
        ? fs
            .readFileSync(values.queries, "utf8")
            .split(/\r?\n/)
            .map((q) => queryOfLine(q.trim()))
            .filter(Boolean)
        : [rest.join(" ").trim()];
      if (!queries[0]) throw new UsageError("search needs a query or --queries <file>");
      const db = await openDb();
      const embedder = mode === "text" ? null : await createEmbedder(kind);
      // The gpu-function's reranker when it lists one (or RERANK_MODEL names one), as in the app.
      const reranker = await rerankerFromEnvironment();
      for (const query of queries) {
        const results = await retrieveHybrid(db, embedder, query, { k, sources: values.source, mode, minScore, reranker });
        if (values.queries) console.log(JSON.stringify({ query, results: results.map(resultJson) }));
        else if (values.json) console.log(JSON.stringify(results.map(resultJson), null, 2));
        else if (results.length === 0) console.log("no relevant passages found");
        else
          results.forEach((r, i) =>
            console.log(
              `${i + 1}. [${r.score.toFixed(3)}] ${r.title} — ${r.headingPath}\n   ${r.url ?? r.documentId}\n   ${r.text.slice(0, 160).replace(/\s+/g, " ")}…`,
            ),
          );
      }
      await embedder?.close();
    } else if (command === "starter") {
      const db = await openDb();
      const embedder = await createEmbedder(kind);
      printReport(await ensureStarterKnowledgeBase(db, embedder));
      await embedder.close();
    } else if (command === "stats") {
      const db = await openDb();
      const res = await db.execute(
        sql`select d.source, count(distinct d.id)::int as documents, count(c.id)::int as chunks
            from documents d left join chunks c on c.document_id = d.id group by d.source order by d.source`,
      );
      console.table((res as unknown as { rows: unknown[] }).rows);
    } else {
      throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await handle?.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
});
