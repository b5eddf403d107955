// Where the database part of retrieval spends its time, per part of the statement: every
// statement retrieveHybrid sends is run under EXPLAIN ANALYZE on the benchmark's knowledge base
// (bench/retrieval-corpus.ts: ~50k chunks, hashing vectors), and the time of each CTE (hits,
// scored, the vector search, …) is summed per query set, with how many terms the queries
// expand to and how many of them gather candidates. The knowledge base is built once in
// --db-dir (bulk, hashing embedder) and reused by later runs.
//   npx tsx bench/retrieval-explain.ts --db-dir /tmp/kb50k [--chunks 50000] [--queries 100] [--messages 100]
//        [--medquad <dir>] [--plan <file: the slowest statement's plan as text>]
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { consumerQueryText, readConsumerQuestions } from "@/lib/rag/eval-sets";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { analyzeQuery } from "@/lib/rag/query-terms";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { vocabularyFor } from "@/lib/rag/vocabulary";
import { benchCorpus } from "./retrieval-corpus";
import { percentile } from "./retrieval-stats";

const { values } = parseArgs({
  options: {
    "db-dir": { type: "string" },
    chunks: { type: "string", default: "50000" },
    queries: { type: "string", default: "100" },
    messages: { type: "string", default: "100" },
    medquad: { type: "string", default: "/work/shared/data/medquad" },
    plan: { type: "string" },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

interface PlanNode {
  "Node Type": string;
  "Subplan Name"?: string;
  "CTE Name"?: string;
  "Actual Total Time"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

/** Inclusive time of every named subplan (a materialised CTE, an InitPlan) in the plan tree. */
function subplanTimes(node: PlanNode, out: Map<string, number>): void {
  const name = node["Subplan Name"];
  if (name) out.set(name, (out.get(name) ?? 0) + (node["Actual Total Time"] ?? 0) * (node["Actual Loops"] ?? 1));
  for (const child of node.Plans ?? []) subplanTimes(child, out);
}

interface Explained {
  ms: number;
  planning: number;
  parts: Map<string, number>;
  statement?: SQL;
}

const dialect = new PgDialect();

/** A database whose retrieval statements (the ones holding a CTE list) are EXPLAIN ANALYZEd as they run. */
function explainingDb(db: Db, sink: Explained[]): Db {
  const execute = async (statement: SQL) => {
    const text = dialect.sqlToQuery(statement).sql;
    if (!/^\s*with\s/i.test(text)) return db.execute(statement);
    const r = (await db.execute(sql`explain (analyze, format json) ${statement}`)) as unknown as { rows: { "QUERY PLAN": unknown }[] };
    const raw = r.rows[0]["QUERY PLAN"];
    const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as {
      Plan: PlanNode;
      "Execution Time": number;
      "Planning Time": number;
    }[];
    const parts = new Map<string, number>();
    subplanTimes(plan[0].Plan, parts);
    sink.push({ ms: plan[0]["Execution Time"], planning: plan[0]["Planning Time"], parts, statement });
    return db.execute(statement);
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute") return execute;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

async function openKnowledgeBase(dir: string): Promise<{ db: Db; close: () => Promise<void>; queries: string[] }> {
  const { docs, queries, chunkCount } = benchCorpus(values.medquad!, Number(values.chunks), Number(values.queries), log);
  const h = await createDb({ url: `pglite://${dir}` });
  await migrateDb(h);
  const vocabulary = await vocabularyFor(h.db);
  if (vocabulary.chunks === 0) {
    log(`building the knowledge base in ${dir}: ${docs.length} documents, ${chunkCount} chunks (hashing vectors, bulk)`);
    await ingestSourceDocuments(h.db, createHashingEmbedder(), docs, { batchDocuments: 64, bulk: true });
  }
  return { db: h.db, close: () => h.close(), queries };
}

async function main() {
  if (!values["db-dir"]) throw new Error("--db-dir <folder> is required (built on first use)");
  const { db, close, queries } = await openKnowledgeBase(values["db-dir"]);
  const vocabulary = await vocabularyFor(db);
  const hashing = createHashingEmbedder();
  const messages = readConsumerQuestions().map(consumerQueryText).slice(0, Number(values.messages));
  console.log(`retrieval statements under EXPLAIN ANALYZE — ${new Date().toISOString()}, ${vocabulary.chunks} chunks, load ${load()}`);
  let slowest: Explained | null = null;
  for (const [name, set] of [
    ["MedQuAD held-out questions", queries],
    ["consumer messages", messages],
  ] as const) {
    const explained: Explained[] = [];
    const perQuery: number[] = [];
    const statements: number[] = [];
    const terms: number[] = [];
    const gathering: number[] = [];
    for (const q of set.slice(0, 5)) await retrieveHybrid(db, hashing, q); // warm-up
    for (const q of set) {
      const before = explained.length;
      await retrieveHybrid(explainingDb(db, explained), hashing, q);
      const mine = explained.slice(before);
      perQuery.push(mine.reduce((s, e) => s + e.ms + e.planning, 0));
      statements.push(mine.length);
      for (const e of mine) if (!slowest || e.ms > slowest.ms) slowest = e;
      const a = await analyzeQuery(db, vocabulary, q);
      terms.push(a.terms.length);
      const maxGathering = vocabulary.chunks * 0.1;
      gathering.push(a.terms.filter((t) => !t.headingOnly && vocabulary.chunksWith(t.lexeme) <= maxGathering).length);
    }
    const line = (label: string, xs: number[], unit = "ms") =>
      console.log(
        `  ${label.padEnd(52)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)}  p95 ${percentile(xs, 95).toFixed(1).padStart(7)}  mean ${(xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)).toFixed(1).padStart(7)} ${unit}`,
      );
    console.log(`\n${name} (${set.length}), load ${load()}`);
    line("statements' execution + planning time per query", perQuery);
    line("statements per query", statements, "");
    line("query terms (incl. expansions, aspects)", terms, "");
    line("terms that gather candidates (≤ 10 % of chunks)", gathering, "");
    line(
      "planning time per statement",
      explained.map((e) => e.planning),
    );
    const names = [...new Set(explained.flatMap((e) => [...e.parts.keys()]))].sort();
    for (const n of names)
      line(
        `  ${n} (inclusive, per statement)`,
        explained.map((e) => e.parts.get(n) ?? 0),
      );
  }
  if (values.plan && slowest?.statement) {
    const t = (await db.execute(sql`explain (analyze) ${slowest.statement}`)) as unknown as { rows: { "QUERY PLAN": string }[] };
    fs.writeFileSync(values.plan, `${t.rows.map((x) => x["QUERY PLAN"]).join("\n")}\n`);
    console.log(`\nslowest statement's plan (${slowest.ms.toFixed(1)} ms) written to ${values.plan}`);
  }
  await close();
}

main().catch((err: unknown) => {
  console.error(`error: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
