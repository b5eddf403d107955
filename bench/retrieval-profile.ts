// Where retrieval's time goes, stage by stage (the numbers behind docs/retrieval-eval.md's
// "speed" sections). Two parts:
//  - ingestion with the real embedder on a MedQuAD sample: chunking, tokenisation, token
//    lengths and the padding each batching computes, onnxruntime runs per batching / batch
//    size / thread count, and the database write (vectors given, bulk and row-by-row HNSW);
//  - a consumer message (the team's consumer set) against a knowledge base folder: query
//    analysis (stemming, spelling, aliases) and its database round trips, the query
//    embedding (message + template questions), and the whole retrieveHybrid call.
//   npx tsx bench/retrieval-profile.ts [--chunks 600] [--medquad <dir>] [--db-dir <kb folder, opened read-only in spirit>]
//        [--part ingest|query|all] [--messages 60]
// Use a COPY of a knowledge base for --db-dir (it is opened read-write by PGlite).
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { readMedQuad } from "@/gpu-function/shared/medquad";
import { resolveEmbedderDir } from "@/gpu-function/engine/defaults";
import { ChatTokenizer } from "@/gpu-function/engine/tokenizer";
import { loadEmbedder } from "@/gpu-function/runtime/load";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { chunkDocument, embeddingTextOf } from "@/lib/rag/chunk";
import type { DocumentEmbedder, QueryEmbedder } from "@/lib/rag/embed";
import { createLocalEmbedder } from "@/lib/rag/embed-local";
import { consumerQueryText, readConsumerQuestions } from "@/lib/rag/eval-sets";
import { medQuadToDocuments } from "@/lib/rag/importers/medquad";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { analyzeQuery } from "@/lib/rag/query-terms";
import { messageVector, templateQuestions } from "@/lib/rag/query-vector";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import type { SourceDocument } from "@/lib/rag/types";
import { vocabularyFor } from "@/lib/rag/vocabulary";
import { paddingOf, percentile } from "./retrieval-stats";

const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "600" },
    medquad: { type: "string", default: "/work/shared/data/medquad" },
    "db-dir": { type: "string" },
    part: { type: "string", default: "all" },
    messages: { type: "string", default: "60" },
    "ort-chunks": { type: "string", default: "200" },
    rounds: { type: "string", default: "2" },
  },
});
const out = (s: string) => console.log(s);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** Every n-th MedQuAD document until `target` chunks (a spread over the collections, not the first one). */
function sampleDocuments(target: number): SourceDocument[] {
  const all = readMedQuad(values.medquad!).documents.flatMap((d) => medQuadToDocuments(d));
  const step = Math.max(1, Math.floor(all.length / (target / 2)));
  const docs: SourceDocument[] = [];
  let chunks = 0;
  for (let i = 0; i < all.length && chunks < target; i += step) {
    docs.push(all[i]);
    chunks += chunkDocument(all[i]).length;
  }
  return docs;
}

async function profileIngestion() {
  out(`\n## Ingestion (load ${load()})`);
  const docs = sampleDocuments(Number(values.chunks));
  const [chunked, tChunk] = await timed(() => docs.map((d) => ({ d, chunks: chunkDocument(d) })));
  const texts = chunked.flatMap(({ d, chunks }) => chunks.map((c) => embeddingTextOf(d.title, c)));
  out(
    `sample: ${docs.length} documents, ${texts.length} chunks; chunking ${ms(tChunk)} (${((tChunk / texts.length) * 1000).toFixed(0)} µs/chunk)`,
  );

  const { dir } = await resolveEmbedderDir(process.env.EMBEDDING_MODEL_DIR || undefined);
  const tokenizer = await ChatTokenizer.fromDir(dir);
  const [ids, tTok] = await timed(() => texts.map((t) => tokenizer.encode(t, true)));
  const lengths = ids.map((x) => x.length);
  const real = lengths.reduce((a, b) => a + b, 0);
  out(
    `tokenisation ${ms(tTok)} (${((tTok / texts.length) * 1000).toFixed(0)} µs/chunk); tokens per chunk p50 ${percentile(lengths, 50)}, p95 ${percentile(lengths, 95)}, max ${Math.max(...lengths)}, mean ${(real / lengths.length).toFixed(0)}`,
  );

  // The batchings: as ingestion ran before (64 documents per embedding call, 32 texts per
  // model call, sorted within those 32, runs of 16), and sorted over everything with several run sizes.
  const perDocCounts = chunked.map((c) => c.chunks.length);
  const oldRuns: number[][] = [];
  for (let d = 0, at = 0; d < perDocCounts.length; d += 64) {
    const n = perDocCounts.slice(d, d + 64).reduce((a, b) => a + b, 0);
    const group = lengths.slice(at, at + n);
    at += n;
    for (let i = 0; i < group.length; i += 32) {
      const sorted = group.slice(i, i + 32).sort((a, b) => a - b);
      for (let j = 0; j < sorted.length; j += 16) oldRuns.push(sorted.slice(j, j + 16));
    }
  }
  const sortedAll = [...lengths].sort((a, b) => a - b);
  const runsOf = (size: number) =>
    Array.from({ length: Math.ceil(sortedAll.length / size) }, (_, i) => sortedAll.slice(i * size, (i + 1) * size));
  const describe = (name: string, runs: number[][]) => {
    const p = paddingOf(runs);
    out(
      `  ${name.padEnd(44)} ${String(runs.length).padStart(4)} runs, computed tokens ${(p.computed / real).toFixed(2)}× the real ones, attention area ${(p.area / p.realArea).toFixed(2)}×`,
    );
  };
  out("padding (computed / real tokens):");
  describe("before: 64 docs/call, 32 texts/slice, runs of 16", oldRuns);
  for (const size of [8, 16, 32, 64]) describe(`sorted over the whole sample, runs of ${size}`, runsOf(size));

  // onnxruntime itself: the same texts through each batching and session setting, configs
  // interleaved over rounds (the machine is shared: compare within a round), wall time and the
  // process's CPU time (user + system of all threads: less sensitive to other people's load).
  const sub = ids.slice(0, Number(values["ort-chunks"])).map((x) => x.slice(0, 1024));
  const subCounts: number[] = [];
  for (let left = sub.length, d = 0; left > 0; d++) {
    const n = Math.min(left, perDocCounts[d]);
    subCounts.push(n);
    left -= n;
  }
  const configs: { name: string; maxBatch: number; threads: number; spinning?: boolean; before?: boolean; cut?: number }[] = [
    { name: "before: unsorted slices of 32, runs of 16, 2 threads", maxBatch: 16, threads: 2, before: true },
    { name: "sorted, runs of 8, 2 threads", maxBatch: 8, threads: 2 },
    { name: "sorted, runs of 16, 2 threads", maxBatch: 16, threads: 2 },
    { name: "sorted, runs of 32, 2 threads", maxBatch: 32, threads: 2 },
    { name: "sorted, runs of 16, 1 thread", maxBatch: 16, threads: 1 },
    { name: "sorted, runs of 16, 2 threads, spinning", maxBatch: 16, threads: 2, spinning: true },
    { name: "sorted, runs of 16, 2 threads, cut at 128 tokens", maxBatch: 16, threads: 2, cut: 128 },
    { name: "sorted, runs of 16, 2 threads, cut at 96 tokens", maxBatch: 16, threads: 2, cut: 96 },
  ];
  const sessions: Awaited<ReturnType<typeof loadEmbedder>>[] = [];
  for (const c of configs) {
    const saved = process.env.ORT_ALLOW_SPINNING;
    if (c.spinning) process.env.ORT_ALLOW_SPINNING = "1";
    const model = await loadEmbedder(dir, { maxBatch: c.maxBatch, intraOpThreads: c.threads });
    if (c.spinning) process.env.ORT_ALLOW_SPINNING = saved;
    await model.embed(sub.slice(0, 8)); // warm-up
    sessions.push(model);
  }
  const wall = configs.map(() => [] as number[]);
  const cpu = configs.map(() => [] as number[]);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [i, c] of configs.entries()) {
      const c0 = process.cpuUsage();
      const [, t] = await timed(async () => {
        if (c.before) for (const run of oldRunsAsIds(subCounts, sub)) await sessions[i].embed(run);
        else await sessions[i].embed(c.cut ? sub.map((x) => x.slice(0, c.cut)) : sub);
      });
      const used = process.cpuUsage(c0);
      wall[i].push(sub.length / (t / 1000));
      cpu[i].push(sub.length / ((used.user + used.system) / 1e6));
    }
    out(`  round ${round + 1} done (load ${load()})`);
  }
  out(
    `onnxruntime runs over ${sub.length} chunks (median of ${values.rounds} interleaved rounds; ratio = against "before" in the same rounds):`,
  );
  const median = (xs: number[]) => percentile(xs, 50);
  for (const [i, c] of configs.entries()) {
    out(
      `  ${c.name.padEnd(52)} ${median(wall[i]).toFixed(0).padStart(5)} chunks/s wall (${(median(wall[i]) / median(wall[0])).toFixed(2)}×), ${median(cpu[i]).toFixed(0).padStart(5)} chunks per CPU-second (${(median(cpu[i]) / median(cpu[0])).toFixed(2)}×)`,
    );
  }
  for (const m of sessions) await m.dispose();

  // The database write alone: vectors computed beforehand, fresh in-memory database.
  const vectors = new Map<string, number[]>();
  const local = await createLocalEmbedder();
  const [embedded, tEmbed] = await timed(() => local.embedDocuments(texts));
  texts.forEach((t, i) => vectors.set(t, embedded[i]));
  out(`embedDocuments (lib/rag/embed-local.ts as it is) ${(texts.length / (tEmbed / 1000)).toFixed(0)} chunks/s`);
  await local.close();
  const given: DocumentEmbedder = {
    dim: 256,
    embedDocuments: async (ts) => ts.map((t) => vectors.get(t)!),
  };
  for (const bulk of [true, false]) {
    const h = await createDb({ url: "memory://" });
    await migrateDb(h);
    const [report] = await timed(() => ingestSourceDocuments(h.db, given, docs, { batchDocuments: 64, bulk }));
    out(
      `  database write, vectors given, ${bulk ? "bulk (HNSW built at the end)" : "HNSW maintained row by row"}: ${(report.chunksWritten / (report.elapsedMs / 1000)).toFixed(0)} chunks/s`,
    );
    await h.close();
  }
}

function oldRunsAsIds(perDocCounts: number[], ids: number[][]): number[][][] {
  const runs: number[][][] = [];
  for (let d = 0, at = 0; d < perDocCounts.length; d += 64) {
    const n = perDocCounts.slice(d, d + 64).reduce((a, b) => a + b, 0);
    const group = ids.slice(at, at + n);
    at += n;
    for (let i = 0; i < group.length; i += 32) runs.push(group.slice(i, i + 32));
  }
  return runs;
}

/** Counts and times the database statements of `db` (drizzle's execute/select/transaction all end in the session). */
function countingDb(db: Db): { db: Db; reset: () => void; stats: () => { calls: number; ms: number } } {
  let calls = 0;
  let spent = 0;
  const wrap = <F extends (...a: never[]) => Promise<unknown>>(f: F): F =>
    (async (...a: Parameters<F>) => {
      calls++;
      const t = performance.now();
      try {
        return await f(...a);
      } finally {
        spent += performance.now() - t;
      }
    }) as unknown as F;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (prop === "execute" && typeof v === "function") return wrap((v as (...a: never[]) => Promise<unknown>).bind(target));
      if (prop === "transaction" && typeof v === "function") return wrap((v as (...a: never[]) => Promise<unknown>).bind(target));
      return v;
    },
  });
  return {
    db: proxy,
    reset: () => {
      calls = 0;
      spent = 0;
    },
    stats: () => ({ calls, ms: spent }),
  };
}

async function profileQuery() {
  if (!values["db-dir"] || !fs.existsSync(values["db-dir"])) {
    out("\n(query part skipped: --db-dir <copy of a knowledge base built with the same embedder>)");
    return;
  }
  out(`\n## Consumer message (load ${load()})`);
  const h = await createDb({ dataDir: values["db-dir"] });
  await migrateDb(h);
  const counted = countingDb(h.db);
  const db = counted.db;
  const embedder: QueryEmbedder = await createLocalEmbedder();
  const messages = readConsumerQuestions()
    .filter((q) => q.split === "dev")
    .slice(0, Number(values.messages))
    .map(consumerQueryText);
  const vocabulary = await vocabularyFor(db);
  out(`knowledge base: ${vocabulary.chunks} chunks; ${messages.length} dev messages`);
  for (const m of messages.slice(0, 5)) await retrieveHybrid(db, embedder, m); // warm-up
  const rows: Record<string, number[]> = { analysis: [], analysisCalls: [], embed: [], texts: [], total: [], totalCalls: [], dbMs: [] };
  for (const m of messages) {
    // The whole call first, as the chat makes it (caches hold what earlier messages left);
    // then its parts alone, for the split.
    counted.reset();
    const [, tT] = await timed(() => retrieveHybrid(db, embedder, m));
    rows.total.push(tT);
    rows.totalCalls.push(counted.stats().calls);
    rows.dbMs.push(counted.stats().ms);
    counted.reset();
    const [, tA] = await timed(() => analyzeQuery(db, vocabulary, m));
    rows.analysis.push(tA);
    rows.analysisCalls.push(counted.stats().calls);
    rows.texts.push(1 + templateQuestions(m).length);
    const [, tE] = await timed(() => messageVector(embedder, m));
    rows.embed.push(tE);
  }
  const line = (name: string, xs: number[], unit = "ms") =>
    out(`  ${name.padEnd(58)} p50 ${percentile(xs, 50).toFixed(1).padStart(6)}  p95 ${percentile(xs, 95).toFixed(1).padStart(6)} ${unit}`);
  line("query analysis alone (analyzeQuery, again: cached words)", rows.analysis);
  line("  its database round trips", rows.analysisCalls, "");
  line("query embedding alone (messageVector)", rows.embed);
  line("  texts embedded (message + template questions)", rows.texts, "");
  line("retrieveHybrid end to end", rows.total);
  line("  database round trips in it", rows.totalCalls, "");
  line("  time inside database calls", rows.dbMs);
  const rest = rows.total.map((t, i) => t - rows.dbMs[i]);
  line("  outside database calls (embedding, JS analysis, merging)", rest);
  await h.close();
}

async function main() {
  out(`retrieval profile — ${new Date().toISOString()}, load ${load()} (2 shared cores)`);
  if (values.part !== "query") {
    if (!fs.existsSync(values.medquad!)) out(`(ingestion part skipped: ${values.medquad} not found)`);
    else await profileIngestion();
  }
  if (values.part !== "ingest") await profileQuery();
}

main().catch((err: unknown) => {
  console.error(`error: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
