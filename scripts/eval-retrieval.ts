// Retrieval evaluation on MedQuAD. The knowledge base holds every MedQuAD answer without its
// question (one document each). Two query sets:
//  - MedQuAD held-out questions (gpu-function/shared/medquad.ts isHeldOut): the question's own
//    answer (and identical answers) is relevant — measures MedQuAD's question template;
//  - the team's consumer questions (lib/rag/eval-sets/, hand-written, answers judged by hand):
//    real people's messages — stories, misspellings, brand names, several questions at once.
// Each is run through a plain Okapi BM25 peer (lib/rag/eval-bm25.ts), full-text only, vector
// only, hybrid and hybrid + rerank (when a reranker is configured), all with the served
// relevance floors; plus the off-topic lists. Writes the tables to docs/retrieval-eval.md.
//   npm run eval:retrieval -- --medquad <dir> [--db-dir <folder>] [--embedder local|remote|hashing]
//        [--split dev|final|final2|final3|final4|final5|final6|final7|all] [--kb-docs N] [--heldout-every N] [--no-write] [--out docs/retrieval-eval.md]
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { isHeldOut, readMedQuad } from "@/gpu-function/shared/medquad";
import type { Db } from "@/lib/db/client";
import { openDatabaseForCli } from "@/lib/db/cli";
import { createEmbedder } from "@/lib/rag/embed-factory";
import { embedderKind, type EmbedderKind } from "@/lib/rag/embedder-kind";
import { buildBm25Index, queryLexemes, type Bm25Index } from "@/lib/rag/eval-bm25";
import { aggregateSet, ndcgAt, pairedBootstrapGain, rankedDocuments, type SetMetrics } from "@/lib/rag/eval-metrics";
import { BLIND_SPLITS, consumerQueryText, isBlindSplit, readAllConsumerQuestions } from "@/lib/rag/eval-sets";
import { medQuadDocumentId, medQuadToDocuments } from "@/lib/rag/importers/medquad";
import { ingestSourceDocuments, refreshAliases } from "@/lib/rag/ingest";
import { rerankerFromEnvironment, type Reranker } from "@/lib/rag/rerank";
import { retrieveHybrid, type RetrieveOptions } from "@/lib/rag/retrieve";
import type { Embedder } from "@/lib/rag/embed";
import type { SourceDocument } from "@/lib/rag/types";
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
    "db-dir": { type: "string" },
    split: { type: "string", default: "dev" },
    "limit-queries": { type: "string" },
    /** Evaluate every n-th held-out question only (the knowledge base stays the same). */
    "heldout-every": { type: "string", default: "1" },
    out: { type: "string", default: "docs/retrieval-eval.md" },
    "no-write": { type: "boolean", default: false },
    "kb-docs": { type: "string" },
    "no-rerank": { type: "boolean", default: false },
    /** Writes one JSON line per consumer question: its nDCG@10 and top 10 for the BM25 peer and hybrid (where hybrid loses). */
    "per-question": { type: "string" },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

type Measured = SetMetrics & { p50Ms: number; perQuery: number[]; ranked: string[][] };
type Row = [string, Measured];

async function evaluateServed(
  db: Db,
  embedder: Embedder,
  reranker: Reranker | null,
  queries: Query[],
  options: RetrieveOptions,
): Promise<Measured> {
  const runs: { ranked: string[]; relevant: Set<string> }[] = [];
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const chunks = await retrieveHybrid(db, options.mode === "text" ? null : embedder, q.text, {
      ...options,
      reranker,
      k: 10,
      maxPerDocument: 1,
    });
    times.push(performance.now() - t);
    runs.push({ ranked: rankedDocuments(chunks), relevant: q.relevant });
  }
  times.sort((a, b) => a - b);
  return {
    ...aggregateSet(runs),
    p50Ms: times[Math.floor(times.length / 2)] ?? 0,
    perQuery: runs.map((r) => ndcgAt(r.ranked, r.relevant, 10)),
    ranked: runs.map((r) => r.ranked),
  };
}

async function evaluateBm25(db: Db, index: Bm25Index, queries: Query[]): Promise<Measured> {
  const runs: { ranked: string[]; relevant: Set<string> }[] = [];
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const ranked = index.search(await queryLexemes(db, q.text), 10).map((r) => r.documentId);
    times.push(performance.now() - t);
    runs.push({ ranked, relevant: q.relevant });
  }
  times.sort((a, b) => a - b);
  return {
    ...aggregateSet(runs),
    p50Ms: times[Math.floor(times.length / 2)] ?? 0,
    perQuery: runs.map((r) => ndcgAt(r.ranked, r.relevant, 10)),
    ranked: runs.map((r) => r.ranked),
  };
}

/** One JSON line per question, the questions where hybrid loses to the BM25 peer first. */
function writePerQuestion(file: string, queries: Query[], bm25: Measured, hybrid: Measured): void {
  const lines = queries
    .map((q, i) => ({
      id: q.id,
      bm25: Number(bm25.perQuery[i].toFixed(3)),
      hybrid: Number(hybrid.perQuery[i].toFixed(3)),
      relevant: [...q.relevant],
      bm25Top: bm25.ranked[i],
      hybridTop: hybrid.ranked[i],
      text: q.text,
    }))
    .sort((a, b) => a.hybrid - a.bm25 - (b.hybrid - b.bm25));
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  log(`per-question results: ${file} (${lines.filter((l) => l.hybrid < l.bm25).length} questions where hybrid loses to BM25)`);
}

function table(rows: Row[]): string {
  const f = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    "| retriever | nDCG@10 | recall@10 | success@1 | success@10 | no passage | p50 ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      ([name, m]) =>
        `| ${name} | ${f(m.ndcg10)} | ${f(m.recallFraction10)} | ${f(m.recall1)} | ${f(m.recall10)} | ${pct(m.noPassage)} | ${m.p50Ms.toFixed(1)} |`,
    ),
  ].join("\n");
}

/**
 * Every document by default. With --kb-docs N, a fixed subset: the answers the queries need,
 * every other answer from the same MedQuAD pages (the hardest distractors), then a hash-ordered sample.
 */
function chooseKnowledgeBase(docs: SourceDocument[], needed: string[]): Set<string> {
  const max = values["kb-docs"] ? Number(values["kb-docs"]) : Infinity;
  if (max >= docs.length) return new Set(docs.map((d) => d.id));
  const page = (id: string) => id.slice(0, id.lastIndexOf("/"));
  const byPage = new Map<string, string[]>();
  for (const d of docs) byPage.set(page(d.id), [...(byPage.get(page(d.id)) ?? []), d.id]);
  const chosen = new Set<string>(needed);
  for (const id of needed) for (const other of byPage.get(page(id)) ?? []) if (chosen.size < max) chosen.add(other);
  const rest = docs
    .map((d) => d.id)
    .filter((id) => !chosen.has(id))
    .sort((a, b) => hash(`kb:${a}`).localeCompare(hash(`kb:${b}`)));
  for (const id of rest) {
    if (chosen.size >= max) break;
    chosen.add(id);
  }
  return chosen;
}

/** A knowledge base in --db-dir is reused when it was built from the same documents with the same embedder. */
async function knowledgeBase(
  db: Db,
  embedder: Embedder,
  kbDocs: SourceDocument[],
): Promise<{ chunks: number; chunksPerSecond: number | null }> {
  // The embedder's id without the folder it was loaded from (the same model in another checkout).
  const fingerprint = hash(`${embedder.id.replace(/:.*[\\/]/, ":")}\n${kbDocs.map((d) => d.id).join("\n")}`);
  const marker = values["db-dir"] ? path.join(values["db-dir"], "eval-kb.json") : null;
  if (marker && fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, "utf8")) as { fingerprint: string; chunksPerSecond: number };
    if (saved.fingerprint === fingerprint) {
      const count = async (table: string) =>
        Number(((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0].n);
      const n = await count("chunks");
      // A knowledge base built before migration 0005 has no synonyms yet.
      if ((await count("term_aliases")) === 0) await refreshAliases(db, kbDocs);
      log(`reusing the knowledge base in ${values["db-dir"]} (${n} chunks, ${await count("term_aliases")} aliases)`);
      return { chunks: n, chunksPerSecond: saved.chunksPerSecond };
    }
    throw new Error(
      `${values["db-dir"]} holds a different knowledge base (${saved.fingerprint}, this one is ${fingerprint}): remove it or choose another --db-dir`,
    );
  }
  log(`embedder ${embedder.id}; ingesting ${kbDocs.length} documents…`);
  let lastLog = 0;
  const report = await ingestSourceDocuments(db, embedder, kbDocs, {
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
  const chunksPerSecond = report.chunksWritten / (report.elapsedMs / 1000);
  log(`ingested ${report.added} documents / ${report.chunksWritten} chunks at ${chunksPerSecond.toFixed(0)} chunks/s`);
  if (marker) fs.writeFileSync(marker, JSON.stringify({ fingerprint, chunksPerSecond }));
  return { chunks: report.chunksWritten, chunksPerSecond };
}

async function main() {
  if (!values.medquad)
    throw new Error(
      "usage: npm run eval:retrieval -- --medquad <dir> [--db-dir <folder>] [--embedder local|remote|hashing] [--split dev|final|final2|final3|final4|final5|final6|final7|all]",
    );
  const split = values.split!;
  if (!["dev", "final", "final2", ...BLIND_SPLITS, "all"].includes(split))
    throw new Error(`--split must be dev, final, final2, ${BLIND_SPLITS.join(", ")} or all`);
  // A blind split is measured, never read question by question (lib/rag/eval-sets/README.md).
  if (values["per-question"] && (isBlindSplit(split) || split === "all"))
    throw new Error("--per-question is for dev, final and final2 only: blind splits are measured, not read question by question");
  const started = performance.now();
  const read = readMedQuad(values.medquad);
  log(`MedQuAD: ${read.stats.documents} files with answers, ${read.stats.qaPairs} answered questions`);

  const docs: SourceDocument[] = [];
  const byAnswer = new Map<string, string[]>();
  const heldOut: { id: string; text: string; answerHash: string }[] = [];
  for (const d of read.documents) {
    docs.push(...medQuadToDocuments(d, { includeQuestions: false }));
    for (const p of d.qaPairs) {
      const h = hash(p.answer);
      const id = medQuadDocumentId(p.questionId);
      byAnswer.set(h, [...(byAnswer.get(h) ?? []), id]);
      if (isHeldOut(p.questionId)) heldOut.push({ id, text: p.question, answerHash: h });
    }
  }
  const limit = values["limit-queries"] ? Number(values["limit-queries"]) : Infinity;
  const allConsumer = readAllConsumerQuestions();
  const chosen = allConsumer.filter((q) => split === "all" || q.split === split).slice(0, limit);
  const heldOutUsed = heldOut.slice(0, limit);
  // The same knowledge base whichever split is evaluated. It is chosen from the first two splits'
  // judged answers: final2 and the blind splits (written later) are judged against all of MedQuAD and
  // measured on the answers of them that this knowledge base holds, so adding them did not change
  // the knowledge base. A blind split's question none of whose judged answers the knowledge base holds
  // is left out (reported); every final2 question keeps at least one.
  const kbIds = chooseKnowledgeBase(docs, [
    ...heldOutUsed.map((q) => q.id),
    ...allConsumer.filter((q) => q.split === "dev" || q.split === "final").flatMap((q) => q.relevant),
  ]);
  const blind = (q: { split: string }) => isBlindSplit(q.split);
  const outside = chosen.filter((q) => blind(q) && !q.relevant.some((id) => kbIds.has(id)));
  if (outside.length)
    log(`${split}: ${outside.length} of ${chosen.filter(blind).length} blind questions left out (no judged answer in the knowledge base)`);
  const consumer = chosen.filter((q) => !outside.includes(q));
  const kbDocs = docs.filter((d) => kbIds.has(d.id));
  const every = Math.max(1, Number(values["heldout-every"]));
  const heldOutQueries: Query[] = heldOutUsed
    .filter((_, i) => i % every === 0)
    .map((q) => ({ id: q.id, text: q.text, relevant: new Set(byAnswer.get(q.answerHash)!.filter((id) => kbIds.has(id))) }));
  const judged = consumer.flatMap((q) => q.relevant);
  log(
    `consumer split ${split}: ${judged.filter((id) => kbIds.has(id)).length} of ${judged.length} judged answers are in the knowledge base`,
  );
  const unanswerable = consumer.filter((q) => !q.relevant.some((id) => kbIds.has(id))).map((q) => q.id);
  if (unanswerable.length) throw new Error(`no judged answer in the knowledge base for ${unanswerable.join(", ")}`);
  const consumerQueries: Query[] = consumer.map((q) => ({
    id: q.id,
    text: consumerQueryText(q),
    relevant: new Set(q.relevant.filter((id) => kbIds.has(id))),
  }));

  const handle = await openDatabaseForCli(
    "npm run eval:retrieval",
    values["db-dir"] ? { dataDir: values["db-dir"] } : { url: "memory://" },
  );
  const embedder = await createEmbedder((values.embedder ?? embedderKind()) as EmbedderKind);
  const kb = await knowledgeBase(handle.db, embedder, kbDocs);
  const bm25 = await buildBm25Index(handle.db);
  const reranker = values["no-rerank"] ? null : await rerankerFromEnvironment();
  log(`BM25 peer over ${bm25.size} documents; reranker ${reranker?.id ?? "none"}`);

  const served: RetrieveOptions = {};
  const rowsFor = async (queries: Query[]): Promise<Row[]> => {
    const rows: Row[] = [
      ["BM25 peer (Okapi, k1 1.2, b 0.75)", await evaluateBm25(handle.db, bm25, queries)],
      ["full-text only", await evaluateServed(handle.db, embedder, null, queries, { ...served, mode: "text" })],
      ["vector only", await evaluateServed(handle.db, embedder, null, queries, { ...served, mode: "vector" })],
      ["hybrid (served)", await evaluateServed(handle.db, embedder, null, queries, { ...served, mode: "hybrid" })],
    ];
    if (reranker)
      rows.push([
        `hybrid + rerank (${reranker.id})`,
        await evaluateServed(handle.db, embedder, reranker, queries, { ...served, mode: "hybrid" }),
      ]);
    return rows;
  };
  log(`evaluating ${consumerQueries.length} consumer questions (split ${split})…`);
  const consumerRows = await rowsFor(consumerQueries);
  const consumerTable = table(consumerRows);
  if (values["per-question"])
    writePerQuestion(values["per-question"], consumerQueries, consumerRows[0][1], consumerRows[consumerRows.length - 1][1]);
  console.log(`Consumer questions (${split}):\n${consumerTable}\n`);
  log(`evaluating ${heldOutQueries.length} MedQuAD held-out questions…`);
  const heldOutRows = await rowsFor(heldOutQueries);
  const heldOutTable = table(heldOutRows);
  console.log(`MedQuAD held-out:\n${heldOutTable}\n`);

  const retrieved = async (qs: readonly string[]) => {
    let n = 0;
    for (const q of qs) if ((await retrieveHybrid(handle.db, embedder, q, { ...served, reranker, k: 10 })).length > 0) n++;
    return n;
  };
  const offTuned = OFF_TOPIC_QUERIES.length - (await retrieved(OFF_TOPIC_QUERIES));
  const offHeldOut = OFF_TOPIC_HELD_OUT_QUERIES.length - (await retrieved(OFF_TOPIC_HELD_OUT_QUERIES));
  const shortOk = await retrieved(SHORT_MEDICAL_QUERIES);
  const hybrid = consumerRows[consumerRows.length - 1][1];
  const offTopicTable = [
    "| list | questions | rejected (no passage) |",
    "|---|---:|---:|",
    `| \`OFF_TOPIC_QUERIES\` (used to tune the floors) | ${OFF_TOPIC_QUERIES.length} | ${offTuned} (${((offTuned / OFF_TOPIC_QUERIES.length) * 100).toFixed(0)} %) |`,
    `| \`OFF_TOPIC_HELD_OUT_QUERIES\` (never used for tuning) | ${OFF_TOPIC_HELD_OUT_QUERIES.length} | ${offHeldOut} (${((offHeldOut / OFF_TOPIC_HELD_OUT_QUERIES.length) * 100).toFixed(0)} %) |`,
    "",
    `On-topic questions without a passage, same floors: consumer ${(hybrid.noPassage * 100).toFixed(1)} % (${consumerRows[consumerRows.length - 1][0]}); ` +
      `short medical queries (\`SHORT_MEDICAL_QUERIES\`): ${SHORT_MEDICAL_QUERIES.length - shortOk} of ${SHORT_MEDICAL_QUERIES.length}.`,
  ].join("\n");
  console.log(offTopicTable);

  const bm25Ndcg = consumerRows[0][1].ndcg10;
  const gain = bm25Ndcg > 0 ? hybrid.ndcg10 / bm25Ndcg - 1 : 0;
  const ci = pairedBootstrapGain(consumerRows[0][1].perQuery, consumerRows[consumerRows.length - 1][1].perQuery);
  const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} %`;
  const verdict =
    `Consumer questions: ${consumerRows[consumerRows.length - 1][0]} nDCG@10 ${hybrid.ndcg10.toFixed(3)} vs BM25 peer ${bm25Ndcg.toFixed(3)} (${signed(gain)}; ` +
    `paired bootstrap over the ${consumerQueries.length} questions, 5,000 resamples, 95 % interval ${signed(ci.low)} … ${signed(ci.high)}).`;
  log(verdict);

  if (!values["no-write"]) {
    const md = `# Retrieval evaluation

Generated by \`npm run eval:retrieval -- --medquad <dir>${split !== "dev" ? ` --split ${split}` : ""}\` on ${new Date().toISOString().slice(0, 10)}
(embedder \`${embedder.id}\`, reranker ${reranker ? `\`${reranker.id}\`` : "none"}).

- **Knowledge base**: MedQuAD answers, one document each, **without the question text** (headings are
  focus + question type): ${kbDocs.length} of ${docs.length} documents${kbDocs.length < docs.length ? " (--kb-docs subset: the judged answers, their pages, a hash-ordered sample)" : ""}, ${kb.chunks} chunks.
  Ingestion ${kb.chunksPerSecond ? `${kb.chunksPerSecond.toFixed(0)} chunks/s` : "—"} including embedding (2 shared cores).
- **Consumer questions**: \`lib/rag/eval-sets/${isBlindSplit(split) ? `consumer-questions-${split}.jsonl` : "consumer-questions.jsonl"}\`, split \`${split}\` (${consumerQueries.length} questions; how they
  were written and judged: \`lib/rag/eval-sets/README.md\`). Query = subject + message.
- **MedQuAD held-out**: ${every > 1 ? `every ${every}th of the held-out questions (${heldOutQueries.length})` : `the ${heldOutQueries.length} held-out questions`} (\`isHeldOut\`); relevant = the question's own answer
  and identical answers.
- **Rows**: the BM25 peer is plain Okapi BM25 (k1 1.2, b 0.75) over the same documents and Postgres's English
  lexemes (\`lib/rag/eval-bm25.ts\`), no floor; the other rows are \`retrieveHybrid\` with the served defaults
  (relevance floors included), k = 10, one chunk per document.
- **Metrics**: nDCG@10 (binary gains, ideal = every judged answer), recall@10 (share of the judged answers in
  the top 10), success@k (a judged answer in the top k), no passage (share of questions for which nothing
  is returned — the chat then says it has no sources), p50 per query in this process.

## Consumer questions (${split})

${consumerTable}

${verdict}

## MedQuAD held-out questions

${heldOutTable}

## Off-topic rejection (served floors, \`lib/rag/off-topic-queries.ts\`)

${offTopicTable}

## How retrieval works

\`retrieveHybrid\` (lib/rag/retrieve.ts) reads the message as a person wrote it (lib/rag/query-terms.ts):

- **Content words**: Postgres's English lexemes (the chunks are indexed the same way), without stop words
  and without conversational filler ("hi", "thank you", "I was wondering", "dont", "please help") or the
  people in the story ("my mom", "my sister's kids": who the question is about, not what).
  A short first line is the subject: its words weigh 1.5×; a word repeated weighs 1 + ln(count).
- **Spelling**: a word the knowledge base does not know is replaced by the most frequent known lexeme
  within 1 edit (2 from 8 letters), found through a trigram index over \`term_stats\` kept in process
  (lib/rag/vocabulary.ts; reloaded when the chunk count changes). Stems under 6 letters are left alone
  ("sofa", "tyre" are real words the knowledge base lacks, not typos). When that finds nothing, the word
  is corrected as typed: every string one typing slip away (a letter left out, one too many, two
  swapped; first letter kept) that may stem to a known lexeme is stemmed by Postgres in one statement,
  and the best-known lexeme wins — not one stemming took more than 3 letters off, nor the word's own
  beginning ("tallest" → tall is another form, not a typo) — ("diffrence" → differ, which stemming
  first puts 3 edits away as *diffrenc*).
- **Synonyms the knowledge base states** (lib/rag/aliases.ts, table \`term_aliases\`, migration 0005):
  abbreviations defined in the text ("chronic obstructive pulmonary disease (COPD)") and other names of a
  document's subject ("Cushing's syndrome, also called hypercortisolism"); an abbreviation expands only
  when written in capitals ("AIDS", not "hearing aids"); an alias that lost a word to the stop list is not
  stored ("Hers disease" would be "disease"), and in a knowledge base of 2,000+ chunks one of common
  words only (summed IDF under 3.5) is not used. Two adjacent words the knowledge base writes as one
  ("pink eye" → pinkeye, "chicken pox" → chickenpox, "heart burn" → heartburn) also search the joined word.
- **Consumer names** (lib/rag/lay-terms.ts, written by hand from general medical knowledge, not from any
  evaluation question): about 400 entries (660 lay forms, lower-case abbreviations and brand names) with the term health pages
  use ("underactive thyroid" → hypothyroidism, "blood in the urine" → hematuria, "water pill" → diuretic, "c diff",
  "afib", "Lipitor" → atorvastatin). A lay form matches when its words lie within its length + 1 content words of
  each other ("my blood pressure is high"; not "a pill … water" far apart); its professional term is added only
  when the knowledge base knows every word of it, weighing as a stated synonym (0.6 of the lay words) and at most
  the lay words' summed IDF ("heart attack" → myocardial infarction does not outweigh the words typed); a brand
  name the knowledge base does not know is read as its generic name (neither unknown nor a correction).
- **Word sense** (query-terms.ts): about 50 lay names are marked figurative — their words mean something
  else one by one ("hears voices" is not hearing loss, "my heart races" not a heart attack, "cold sore" not a
  cold, "ringing in the ears" not a ring chromosome): each of their words keeps half its weight, the other half
  goes to the professional term, and they name no page in a heading unless the heading holds the whole name
  ("Cold sores"). A word negated ("not diabetic", "without diabetes", "no heart problems", "never smoked";
  not "can not sleep", nor a lay name such as "no periods") names no page in a heading either. And a heading
  naming several of the message's terms that the message never uses within 3 words of each other (or as one
  synonym) counts its heaviest term and a quarter of the others: "panic attacks … my heart races" does not
  name "Heart attack".
- **Aspects**: words asking for treatment, causes, symptoms, diagnosis, inheritance, prevention, outlook,
  risk, frequency, complications or side effects ("side effects", "adverse reactions": two consecutive words) add
  heading-only terms, so the section that answers wins among the passages on the topic — also when the
  aspect word is itself a content word of the message (in a knowledge base where every page has a
  "Symptoms" section, "symptom" has a small IDF and its heading match alone weighed nothing); they never
  find passages by themselves.
- **Long messages** keep their 12 most informative terms (IDF × weight; in a knowledge base of 2,000+
  chunks a word no heading names — "kitchen", "church" — counts half when choosing, so a story's rare
  incidental words do not crowd out the condition); a message with several
  questions is also retrieved once per question (with the message's two main terms) and the lists
  are merged by reciprocal rank, the questions' lists together weighing as much as the whole message's.

The lexical side is Okapi BM25 (k1 1.2, b 0.75) in one SQL statement: each rare term gathers its chunks
through the GIN index (terms in more than 10 % of chunks only score), the best 200 by summed IDF are
scored exactly — term frequency from the chunk's tsvector positions, length normalised against the
knowledge base's average — plus twice the weight of the query terms the chunk's headings name (each scaled by
the square root of its IDF over the mean IDF of the message's topic terms: a common word naming a page, "heart",
"skin", says less about it than a rare one), divided by
0.5 + 0.5 × the length of the page's subject heading (the first heading of the path: "Type 2 diabetes" of
"Type 2 diabetes > Symptoms", not the section label) / its average (BM25F-style: "Vitamin D" names its subject
more than "Vitamin D-dependent rickets > Genetic changes"). **Page context**: that topic score is mixed
half-and-half with the best one among the candidates under the same subject heading, so among the passages of
one page the section asked for decides, not which section repeats the subject's name most. The asked
sections' heading match adds twice an average topic term's weight × the share of the message's topic words
(aspect words left out) the chunk holds, so a "Side effects" heading does not lift another medicine's page.
A message with 9 or more content words is searched by full text alone (no embedding request: the default
embedder's list never helped consumer text, and MedQuAD's template questions have 2–5 content words).
A shorter one is fused
with the pgvector (HNSW) candidates by reciprocal rank fusion (k 20, vector 0.1, text 1: on the consumer
development split every larger vector weight lowered nDCG@10 with the default embedder; a chunk found
by the vector search alone stays below the 0.4 floor). The vector search uses the normalised sum of the
message's embedding and, when it has a subject line, the mean embedding of that subject asked as MedQuAD
asks ("What is (are) … ?" and one question per aspect the message asks about: lib/rag/query-vector.ts),
the form the embedder was trained on. **Off-topic floor**: the message's best lexical
candidate must hold at least max(0.2, 0.75 − 0.05 × content words) of its IDF-weighted information
(a word unknown to the knowledge base weighs three quarters of its rarest known word; an unknown aspect word such as
"treat" does not count): a short question must be mostly about what the knowledge base covers, a long
story need not. A message is also on topic when its subject line names something the knowledge base
knows (every word known, summed IDF at least 4 — half the rarest word's in a small knowledge base) and a
candidate holds every word of it ("MRSA" above a story about a boil and grandchildren). In a knowledge base under 2,000 chunks (a few leaflets, where most ordinary words are
unknown) a message is also on topic when it names a candidate's subject: every word of its document
title except generic ones ("remedies", "guide", "treatment"). When the gpu-function serves a reranker (\`POST /v1/rerank\`; or
\`RERANK_MODEL\` names one), the best 20 fused passages are re-ordered by it (lib/rag/rerank.ts); if it
fails, the fused order stands.

## Reproduce

\`\`\`sh
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split dev    # development split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final  # the final check
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final2 # second held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final3 # blind held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final4 # second blind held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final5 # third blind held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final6 # fourth blind held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --db-dir /tmp/eval-kb --kb-docs 4000 --split final7 # fifth blind held-out split
npm run eval:retrieval -- --medquad ../shared/data/medquad --embedder hashing --no-write                       # lexical control
\`\`\`

\`--db-dir\` keeps the ingested knowledge base between runs (it is reused when built from the same documents with
the same embedder); without \`--kb-docs\` the whole of MedQuAD (~36,000 chunks) is ingested.
`;
    // The dated sections after the generated part (what each session tried) are history: kept.
    const previous = fs.existsSync(values.out!) ? fs.readFileSync(values.out!, "utf8") : "";
    const history = previous.indexOf("\n## Issue ");
    fs.writeFileSync(values.out!, history >= 0 ? `${md}${previous.slice(history)}` : md);
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
