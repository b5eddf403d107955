// Retrieval evaluation on MedQuAD: every answer is in the knowledge base (without its
// question), the queries are the held-out questions (gpu-function/shared/medquad.ts
// isHeldOut), and each question's own answer document is the relevant one (plus exact
// duplicates of that answer text). Reports recall@1/5/10 and nDCG@10 for full-text
// only, vector only and hybrid, and writes the table to docs/retrieval-eval.md.
//   npm run eval:retrieval -- --medquad <dir> [--embedder local|remote|hashing] [--tune] [--out docs/retrieval-eval.md]
import { createHash } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { isHeldOut, readMedQuad } from "@/gpu-function/shared/medquad";
import { openDatabaseForCli } from "@/lib/db/cli";
import { createEmbedder } from "@/lib/rag/embed-factory";
import { embedderKind, type EmbedderKind } from "@/lib/rag/embedder-kind";
import { aggregate, rankedDocuments, type RetrievalMetrics } from "@/lib/rag/eval-metrics";
import { medQuadDocumentId, medQuadToDocuments } from "@/lib/rag/importers/medquad";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { DEFAULT_RETRIEVAL, retrieveHybrid, type RetrieveOptions } from "@/lib/rag/retrieve";
import type { Db } from "@/lib/db/client";
import type { Embedder } from "@/lib/rag/embed";
import type { SourceDocument } from "@/lib/rag/types";
import { tuneFusion, type FusionParams } from "@/lib/rag/eval-tune";
import { OFF_TOPIC_HELD_OUT_QUERIES, OFF_TOPIC_QUERIES, SHORT_MEDICAL_QUERIES } from "@/lib/rag/off-topic-queries";

interface Query {
  id: string;
  text: string;
  relevant: Set<string>;
}

const { values } = parseArgs({
  options: {
    medquad: { type: "string" },
    embedder: { type: "string" },
    tune: { type: "boolean", default: false },
    "tune-queries": { type: "string", default: "400" },
    "limit-queries": { type: "string" },
    out: { type: "string", default: "docs/retrieval-eval.md" },
    "no-write": { type: "boolean", default: false },
    /** Evaluate on a fixed subset of this many documents (see chooseKnowledgeBase). */
    "kb-docs": { type: "string" },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

async function evaluate(db: Db, embedder: Embedder, queries: Query[], options: RetrieveOptions): Promise<RetrievalMetrics & { p50Ms: number }> {
  const runs: { ranked: string[]; relevant: Set<string> }[] = [];
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const chunks = await retrieveHybrid(db, options.mode === "text" ? null : embedder, q.text, { ...options, k: 10, maxPerDocument: 1 });
    times.push(performance.now() - t);
    runs.push({ ranked: rankedDocuments(chunks), relevant: q.relevant });
  }
  times.sort((a, b) => a - b);
  return { ...aggregate(runs), p50Ms: times[Math.floor(times.length / 2)] ?? 0 };
}

function table(rows: [string, RetrievalMetrics & { p50Ms: number }][]): string {
  const f = (x: number) => x.toFixed(3);
  return [
    "| retriever | recall@1 | recall@5 | recall@10 | nDCG@10 | p50 ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map(([name, m]) => `| ${name} | ${f(m.recall1)} | ${f(m.recall5)} | ${f(m.recall10)} | ${f(m.ndcg10)} | ${m.p50Ms.toFixed(1)} |`),
  ].join("\n");
}

/**
 * The knowledge base to evaluate on: every document by default. With --kb-docs N (a slow
 * embedder on CPU cannot embed all ~36k chunks in reasonable time) it is a fixed subset:
 * the held-out questions' answers, every other answer from the same MedQuAD page (same
 * condition, other question type: the hardest distractors), then a hash-ordered sample.
 */
function chooseKnowledgeBase(docs: SourceDocument[], heldOut: { id: string; answerHash: string }[], byAnswer: Map<string, string[]>): Set<string> {
  const max = values["kb-docs"] ? Number(values["kb-docs"]) : Infinity;
  if (max >= docs.length) return new Set(docs.map((d) => d.id));
  const page = (id: string) => id.slice(0, id.lastIndexOf("/"));
  const byPage = new Map<string, string[]>();
  for (const d of docs) byPage.set(page(d.id), [...(byPage.get(page(d.id)) ?? []), d.id]);
  const chosen = new Set<string>();
  for (const q of heldOut) for (const id of byAnswer.get(q.answerHash) ?? []) chosen.add(id);
  for (const q of heldOut) for (const id of byPage.get(page(q.id)) ?? []) if (chosen.size < max) chosen.add(id);
  const rest = docs.map((d) => d.id).filter((id) => !chosen.has(id)).sort((a, b) => hash(`kb:${a}`).localeCompare(hash(`kb:${b}`)));
  for (const id of rest) {
    if (chosen.size >= max) break;
    chosen.add(id);
  }
  return chosen;
}

async function main() {
  if (!values.medquad) throw new Error("usage: npm run eval:retrieval -- --medquad <dir> [--embedder local|remote|hashing] [--tune]");
  const started = performance.now();
  const read = readMedQuad(values.medquad);
  log(`MedQuAD: ${read.stats.documents} files with answers, ${read.stats.qaPairs} answered questions, ${read.stats.emptyAnswers} empty answers skipped, ${read.stats.failed.length} unreadable files`);

  // Relevance: the question's own answer, and any other document with the identical answer text.
  const docs: SourceDocument[] = [];
  const byAnswer = new Map<string, string[]>();
  const heldOut: { id: string; text: string; answerHash: string }[] = [];
  const tuning: { id: string; text: string; answerHash: string }[] = [];
  for (const d of read.documents) {
    docs.push(...medQuadToDocuments(d, { includeQuestions: false }));
    for (const p of d.qaPairs) {
      const h = hash(p.answer);
      const id = medQuadDocumentId(p.questionId);
      byAnswer.set(h, [...(byAnswer.get(h) ?? []), id]);
      (isHeldOut(p.questionId) ? heldOut : tuning).push({ id, text: p.question, answerHash: h });
    }
  }
  const limit = values["limit-queries"] ? Number(values["limit-queries"]) : Infinity;
  const heldOutUsed = heldOut.slice(0, limit);
  const kbIds = chooseKnowledgeBase(docs, heldOutUsed, byAnswer);
  const kbDocs = docs.filter((d) => kbIds.has(d.id));
  const toQuery = (q: { id: string; text: string; answerHash: string }): Query => ({
    id: q.id,
    text: q.text,
    relevant: new Set(byAnswer.get(q.answerHash)!.filter((id) => kbIds.has(id))),
  });
  const evalQueries = heldOutUsed.map(toQuery);
  // A deterministic sample of training questions (ordered by hash) whose answer is in the KB, never held-out ones.
  const tuneQueries = tuning
    .filter((q) => kbIds.has(q.id))
    .map((q) => ({ q, key: hash(`tune:${q.id}`) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, Number(values["tune-queries"]))
    .map(({ q }) => toQuery(q));

  const handle = await openDatabaseForCli("npm run eval:retrieval", { url: "memory://" });
  const embedder = await createEmbedder((values.embedder ?? embedderKind()) as EmbedderKind);
  log(`embedder ${embedder.id}; ingesting ${kbDocs.length} of ${docs.length} documents…`);
  let lastLog = 0;
  const report = await ingestSourceDocuments(handle.db, embedder, kbDocs, {
    batchDocuments: 64,
    bulk: true,
    embedderId: embedder.id,
    onProgress: (p) => {
      if (p.documents - lastLog >= 2000) {
        lastLog = p.documents;
        log(`  ${p.documents} documents, ${p.chunks} chunks`);
      }
    },
  });
  if (report.failed.length) log(`  ${report.failed.length} documents failed, e.g. ${report.failed[0].reason}`);
  const ingestSecs = report.elapsedMs / 1000;
  log(`ingested ${report.added} documents / ${report.chunksWritten} chunks in ${ingestSecs.toFixed(0)} s`);

  let params: FusionParams = {
    rrfK: DEFAULT_RETRIEVAL.rrfK,
    weights: { ...DEFAULT_RETRIEVAL.weights },
    minSimilarity: DEFAULT_RETRIEVAL.minSimilarity,
    minScore: DEFAULT_RETRIEVAL.minScore,
  };
  let tuneNote = "defaults from lib/rag/retrieve.ts (no tuning run)";
  if (values.tune) {
    log(`tuning fusion on ${tuneQueries.length} non-held-out questions…`);
    const tuned = await tuneFusion(handle.db, embedder, tuneQueries, OFF_TOPIC_QUERIES, log);
    params = tuned.best;
    tuneNote = `tuned on ${tuneQueries.length} non-held-out questions: ${tuned.summary}`;
  }

  log(`evaluating ${evalQueries.length} held-out questions…`);
  // Rows without floors have no coverage floor either (candidates are still ordered by coverage).
  const common = { rrfK: params.rrfK, minCoverage: 0 };
  const served: RetrieveOptions = {
    rrfK: params.rrfK,
    weights: params.weights,
    minSimilarity: params.minSimilarity,
    minScore: params.minScore,
    minCoverage: DEFAULT_RETRIEVAL.minCoverage,
  };
  const rows: [string, RetrievalMetrics & { p50Ms: number }][] = [
    ["full-text only", await evaluate(handle.db, embedder, evalQueries, { ...common, mode: "text", minScore: 0 })],
    ["vector only", await evaluate(handle.db, embedder, evalQueries, { ...common, mode: "vector", minSimilarity: -1, minScore: 0 })],
    ["hybrid (RRF)", await evaluate(handle.db, embedder, evalQueries, { ...common, mode: "hybrid", weights: params.weights, minSimilarity: -1, minScore: 0 })],
    [
      "hybrid + relevance floors (served)",
      await evaluate(handle.db, embedder, evalQueries, { ...served, mode: "hybrid" }),
    ],
  ];
  const out = table(rows);
  console.log(out);
  const retrieved = async (qs: readonly string[]) => {
    let n = 0;
    for (const q of qs) if ((await retrieveHybrid(handle.db, embedder, q, { ...served, k: 10 })).length > 0) n++;
    return n;
  };
  const offTuned = OFF_TOPIC_QUERIES.length - (await retrieved(OFF_TOPIC_QUERIES));
  const offHeldOut = OFF_TOPIC_HELD_OUT_QUERIES.length - (await retrieved(OFF_TOPIC_HELD_OUT_QUERIES));
  const shortOk = await retrieved(SHORT_MEDICAL_QUERIES);
  const offTopicLine = [
    "Off-topic control (served floors; lib/rag/off-topic-queries.ts):",
    "",
    "| list | questions | get no passages |",
    "|---|---:|---:|",
    `| \`OFF_TOPIC_QUERIES\` (used to tune the floors) | ${OFF_TOPIC_QUERIES.length} | ${offTuned} |`,
    `| \`OFF_TOPIC_HELD_OUT_QUERIES\` (never used for tuning) | ${OFF_TOPIC_HELD_OUT_QUERIES.length} | ${offHeldOut} |`,
    "",
    `Short medical queries (\`SHORT_MEDICAL_QUERIES\`, e.g. "gout", "chest pain"): ${shortOk} of ${SHORT_MEDICAL_QUERIES.length} retrieve passages.`,
  ].join("\n");
  console.log(offTopicLine);
  const hybridWins = rows[2][1].ndcg10 > rows[0][1].ndcg10 && rows[2][1].recall10 >= rows[0][1].recall10;
  log(hybridWins ? "hybrid beats full-text only" : "WARNING: hybrid does NOT beat full-text only");

  if (!values["no-write"]) {
    const md = `# Retrieval evaluation (MedQuAD held-out questions)

Generated by \`npm run eval:retrieval -- --medquad <dir>${values.tune ? " --tune" : ""}\` on ${new Date().toISOString().slice(0, 10)}.

- Knowledge base: answered MedQuAD questions, one document each (${report.added} of ${docs.length} documents${
      kbDocs.length < docs.length
        ? ": the held-out answers, every other answer from the same MedQuAD pages, and a fixed hash-ordered sample (--kb-docs)"
        : ""
    }; ${report.chunksWritten} chunks), **without the question text** (headings are focus + question type),
  so queries cannot match their own wording.
- Queries: the ${evalQueries.length} held-out questions (\`isHeldOut\` in \`gpu-function/shared/medquad.ts\`, fixed salted 5 %).
- Relevant: the question's own answer document, plus documents with an identical answer text
  (MedQuAD repeats some answers across focus pages). recall@k = share of queries with a relevant
  document in the top k documents (a document counts once, at its best chunk).
- Embedder: \`${embedder.id}\`. Fusion: reciprocal rank fusion, k = ${params.rrfK}, weights vector ${params.weights.vector} / text ${params.weights.text},
  floors: cosine ≥ ${params.minSimilarity} for vector candidates, fused score ≥ ${params.minScore}; ${tuneNote};
  full-text candidates need IDF-weighted coverage ≥ ${DEFAULT_RETRIEVAL.minCoverage} of the query's terms (\`DEFAULT_RETRIEVAL.minCoverage\`).
- Ingestion ${(report.chunksWritten / ingestSecs).toFixed(0)} chunks/s including embedding; p50 is per query in PGlite (in process, 2 shared cores).

${out}

${offTopicLine}

${hybridWins ? "Hybrid (RRF) is ahead of full-text only." : "**Hybrid (RRF) is not ahead of full-text only with this embedder.**"}
The last row adds the relevance floors the app uses (tuned to drop off-topic questions while
losing at most one point of recall@10 on the tuning questions); "p50 ms" is per query inside this
process, on 2 CPU cores shared with other jobs.

## How retrieval works

\`retrieveHybrid\` (lib/rag/retrieve.ts) runs one SQL statement: up to 40 nearest chunks by
pgvector cosine distance (HNSW), and up to 40 full-text candidates — chunks matching
\`websearch_to_tsquery\` (all terms) or sharing at least two of the query's terms, ranked by
coverage — the share of the query's information the chunk contains, each term weighted by
its inverse document frequency ln((chunks + 1) / (chunks with the term + 1)) from the
\`term_stats\` table (kept exact by triggers on \`chunks\`) — then by the weight of the query terms in
its headings (\`chunks.heading_tsv\`), then by \`ts_rank_cd\`. Full-text
candidates below the coverage floor are dropped. The lists are fused by reciprocal rank fusion
(score = Σ w / (k + rank), normalised so 1 = first in every list), and fused scores below the
score floor are dropped; a chunk found by the vector search alone stays below it. So an
unrelated question that shares only ordinary words with some chunk ("speed" and "light" but
not "vacuum") retrieves nothing and the chat says it has no sources.

## Reproduce

\`\`\`sh
npm run eval:retrieval -- --medquad ../shared/data/medquad --tune          # embedder: models/embedder in-process
npm run eval:retrieval -- --medquad ../shared/data/medquad --embedder hashing --tune --no-write   # lexical control
\`\`\`

## Building the full knowledge base from MedQuAD

\`\`\`sh
npm run kb -- ingest ../shared/data/medquad --bulk       # ~16,400 answers, one document each (CC BY 4.0)
npm run kb -- search "What are the symptoms of type 2 diabetes?" --k 10 --json
npm run kb -- search "gout" --source MedQuAD
\`\`\`

\`DATABASE_URL\` (Neon / Postgres with pgvector) or \`MEDCHAT_DATA_DIR\` (embedded PGlite folder) choose
the database; \`--embedder remote\` embeds through the gpu-function (\`GPU_FUNCTION_URL\`) instead of in-process.
\`--bulk\` builds the HNSW index once at the end: use it for offline loads only.
`;
    fs.writeFileSync(values.out!, md);
    log(`wrote ${values.out}`);
  }
  log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await embedder.close();
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
});
