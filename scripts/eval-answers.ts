// Answer evaluation: the real chat pipeline (lib/chat) over a MedQuAD knowledge base in
// PGlite, with the real gpu-function (models/base + an adapter) started in this process,
// on held-out MedQuAD questions and the consumer-question set. In one run it compares
//   quote  — CHAT_GROUNDING=quote (verbatim source sentences, markers by the engine, with
//            the engine's prior toward the top-ranked source and reading order),
//   quote-alone — the same without the prior (CHAT_QUOTE_PRIOR=none: the model alone chooses),
//   free   — CHAT_GROUNDING=free (the model writes, as before),
//   lead-2 — the top passage's first two sentences, no model,
//   quote-whole — quote mode with a message that asks several things answered as one question
//            (CHAT_MULTI_PART=off: how every message was answered before part-by-part answers),
// on faithfulness (share of answer sentences that are verbatim spans of the source they
// cite), right-source rate, ROUGE-L against the reference answer, length and time, and on
// the multi-part set (lib/eval/multipart) the share of asked parts answered from a right passage.
// Answer-units sets (lib/eval/answer-units; the blind lib/eval/answer-units-final7 as its own row, --units-blind; the
// earlier blind sets lib/eval/answer-units-final5 and -final6, now development sets, each as its own row, --units-dev):
// how often the answer quotes the one sentence that answers the question.
//   npm run eval:answers -- --medquad <dir> [--heldout 100] [--consumer 50] [--kb-docs 3000]
//     [--adapters models/adapters] [--model grounded] [--temperature 0] [--out docs/answer-eval.md]
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isHeldOut, readMedQuad } from "@/gpu-function/shared/medquad";
import { createGpuFunctionServer } from "@/gpu-function/server";
import { formatQuotedAnswer, quoteUnits } from "@/gpu-function/shared/quote-units";
import { answerUnitQuoted, partsAnswered, scoreAnswer } from "@/lib/eval/answer-metrics";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { runChatTurn } from "@/lib/chat/pipeline";
import { createKnowledgeBaseRetriever } from "@/lib/chat/retriever";
import type { ChatEvent, ChatSource } from "@/lib/chat/types";
import { createDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createGpuFunctionEmbedder } from "@/lib/rag/embed";
import { medQuadDocumentId, medQuadToDocuments } from "@/lib/rag/importers/medquad";
import { importPath } from "@/lib/rag/importers";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { STARTER_KB_SOURCE, starterKnowledgeBaseDir } from "@/lib/rag/starter";
import type { SourceDocument } from "@/lib/rag/types";

const { values } = parseArgs({
  options: {
    medquad: { type: "string", default: "../shared/data/medquad" },
    consumer: { type: "string", default: "lib/rag/eval-sets/consumer-questions.jsonl" },
    multipart: { type: "string", default: "lib/eval/multipart/questions.jsonl" },
    "multipart-count": { type: "string", default: "100" },
    /** Questions whose answer is one specific sentence of a source (lib/eval/answer-units); starter-KB ones add the starter knowledge base. */
    units: { type: "string", default: "lib/eval/answer-units/questions.jsonl" },
    "units-count": { type: "string", default: "100" },
    /** A blind answer-units set (same format), written by someone who never saw the code; reported as its own set, never tuned on. */
    "units-blind": { type: "string", default: "lib/eval/answer-units-final7/answers.jsonl" },
    /** Earlier blind sets (comma-separated), measured once blind and now read and worked on (development sets): each reported as its own set. */
    "units-dev": { type: "string", default: "lib/eval/answer-units-final5/answers.jsonl,lib/eval/answer-units-final6/answers.jsonl" },
    heldout: { type: "string", default: "100" },
    "consumer-count": { type: "string", default: "50" },
    "kb-docs": { type: "string", default: "3000" },
    adapters: { type: "string", default: "models/adapters" },
    model: { type: "string", default: "grounded" },
    temperature: { type: "string", default: "0" },
    modes: { type: "string", default: "quote,quote-whole,quote-alone,free,lead-2" },
    "data-dir": { type: "string", default: ".data/eval-answers" },
    out: { type: "string", default: "docs/answer-eval.md" },
    "no-write": { type: "boolean", default: false },
    samples: { type: "string", default: "3" },
    /** Writes every answer (question, mode, sources, answer) as JSON, for reading them. */
    dump: { type: "string" },
    /** Answers only these question ids (comma-separated); the knowledge base is built for all sets as always, so it stays the same. */
    only: { type: "string" },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);
const hash = (s: string) => createHash("sha256").update(s).digest("hex");
/** An answer-units set's name in the tables, by its folder ("lib/eval/answer-units-final6/answers.jsonl" → "final6"). */
const unitSetName = (file: string) => path.basename(path.dirname(file)).replace(/^answer-units-?/, "") || path.basename(file, ".jsonl");
/** The blind answer-units set's and the development one's names in the tables. */
const BLIND_UNITS = `answer units (blind ${unitSetName(values["units-blind"]!)})`;
const DEV_FILES = values["units-dev"]!.split(",")
  .map((f) => f.trim())
  .filter(Boolean);
const devUnits = (file: string) => `answer units (${unitSetName(file)}, dev)`;
const DEV_UNITS = new Set(DEV_FILES.map(devUnits));
type Mode = "quote" | "quote-whole" | "quote-alone" | "free" | "lead-2";

interface Question {
  id: string;
  /** "MedQuAD held-out", "consumer", "multi-part", "answer units", or an answer-units set's BLIND_UNITS / `devUnits` name. */
  set: string;
  text: string;
  /** Documents whose passage is the right source. */
  relevant: Set<string>;
  /** Multi-part questions: each asked part's right documents. */
  parts?: Array<Set<string>>;
  /** Answer-units questions: the texts of which one is the sentence (or list) that answers it. */
  answerUnit?: string[];
  /** Reference answer (MedQuAD), for ROUGE-L. */
  reference?: string;
}

interface Outcome {
  question: Question;
  mode: Mode;
  answer: string;
  sources: ChatSource[];
  noPassage: boolean;
  ms: number;
  /** The pipeline's error event (e.g. model_unavailable), if the turn had one: it is scored as it is, and listed under the table. */
  error?: string;
}

/** Held-out questions (hash-ordered across collections) and consumer questions; the KB: their answers, same-page siblings, then a fixed sample. */
async function buildSets(): Promise<{ questions: Question[]; kb: SourceDocument[]; totalDocs: number }> {
  const read = readMedQuad(values.medquad!);
  const docs: SourceDocument[] = [];
  const byAnswer = new Map<string, string[]>();
  const held: Array<{ id: string; text: string; answer: string }> = [];
  for (const d of read.documents) {
    docs.push(...medQuadToDocuments(d, { includeQuestions: false }));
    for (const p of d.qaPairs) {
      const id = medQuadDocumentId(p.questionId);
      byAnswer.set(hash(p.answer), [...(byAnswer.get(hash(p.answer)) ?? []), id]);
      if (isHeldOut(p.questionId)) held.push({ id, text: p.question, answer: p.answer });
    }
  }
  const questions: Question[] = held
    .sort((a, b) => hash(`answers:${a.id}`).localeCompare(hash(`answers:${b.id}`)))
    .slice(0, Number(values.heldout))
    .map((h) => ({
      id: h.id,
      set: "MedQuAD held-out",
      text: h.text,
      relevant: new Set(byAnswer.get(hash(h.answer))),
      reference: h.answer,
    }));
  if (fs.existsSync(values.consumer!)) {
    const lines = fs
      .readFileSync(values.consumer!, "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const consumer = lines
      .map((l) => JSON.parse(l) as { id: string; split: string; subject?: string; message: string; relevant: string[] })
      // The set's "final" split is kept aside for its own owner's final check.
      .filter((q) => q.split === "dev")
      .slice(0, Number(values["consumer-count"]));
    for (const q of consumer)
      questions.push({ id: q.id, set: "consumer", text: [q.subject, q.message].filter(Boolean).join("\n"), relevant: new Set(q.relevant) });
  } else log(`no consumer set at ${values.consumer}; MedQuAD held-out questions only`);
  if (fs.existsSync(values.multipart!)) {
    const multi = fs
      .readFileSync(values.multipart!, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; message: string; parts: Array<{ asks: string; relevant: string[] }> })
      .slice(0, Number(values["multipart-count"]));
    for (const q of multi)
      questions.push({
        id: q.id,
        set: "multi-part",
        text: q.message,
        relevant: new Set(q.parts.flatMap((p) => p.relevant)),
        parts: q.parts.map((p) => new Set(p.relevant)),
      });
  } else log(`no multi-part set at ${values.multipart}`);
  const starter: SourceDocument[] = [];
  const unitSets: Array<{ file: string; set: Question["set"]; count: number }> = [
    { file: values.units!, set: "answer units", count: Number(values["units-count"]) },
    ...DEV_FILES.map((file) => ({ file, set: devUnits(file), count: Number(values["units-count"]) })),
    { file: values["units-blind"]!, set: BLIND_UNITS, count: Number(values["units-count"]) },
  ];
  let withStarter = false;
  for (const { file, set, count } of unitSets) {
    if (!fs.existsSync(file)) continue;
    const units = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; kb: "medquad" | "starter"; message: string; relevant: string[]; answer: string[] })
      .slice(0, count);
    for (const q of units) questions.push({ id: q.id, set, text: q.message, relevant: new Set(q.relevant), answerUnit: q.answer });
    withStarter ||= units.some((q) => q.kb === "starter");
  }
  // The starter knowledge base's pages, whole, beside the MedQuAD sample (as a fresh install has them).
  if (withStarter)
    for await (const r of importPath(starterKnowledgeBaseDir(), { source: STARTER_KB_SOURCE })) if (r.ok) starter.push(r.document);

  const max = Number(values["kb-docs"]);
  const page = (id: string) => id.slice(0, id.lastIndexOf("/"));
  const chosen = new Set<string>();
  for (const q of questions) for (const id of q.relevant) chosen.add(id);
  const byPage = new Map<string, string[]>();
  for (const d of docs) byPage.set(page(d.id), [...(byPage.get(page(d.id)) ?? []), d.id]);
  for (const q of questions) for (const r of q.relevant) for (const id of byPage.get(page(r)) ?? []) if (chosen.size < max) chosen.add(id);
  for (const d of [...docs].sort((a, b) => hash(`kb:${a.id}`).localeCompare(hash(`kb:${b.id}`)))) {
    if (chosen.size >= max) break;
    chosen.add(d.id);
  }
  return { questions, kb: [...docs.filter((d) => chosen.has(d.id)), ...starter], totalDocs: docs.length };
}

function lead2(sources: ChatSource[]): string {
  const top = sources[0];
  if (!top) return "";
  return formatQuotedAnswer(
    quoteUnits(top.text)
      .slice(0, 2)
      .map((u) => ({ text: u.text, source: 1 })),
  );
}

interface Row {
  set: string;
  mode: Mode;
  answers: number;
  noPassage: number;
  sentences: number;
  faithful: number;
  rightEligible: number;
  right: number;
  rouge: number[];
  words: number[];
  ms: number[];
  /** Multi-part questions: asked parts, parts with a right passage among the sources, parts answered from one. */
  parts: number;
  partsShown: number;
  partsAnswered: number;
  /** Answer-units questions: the answering sentence among the sources, quoted, quoted first. */
  unitShown: number;
  unitQuoted: number;
  unitFirst: number;
  /** The row is an answer-units set's. */
  unitSet: boolean;
}

function score(outcomes: Outcome[]): Row[] {
  const rows = new Map<string, Row>();
  for (const o of outcomes) {
    const key = `${o.question.set}|${o.mode}`;
    const row = rows.get(key) ?? {
      set: o.question.set,
      mode: o.mode,
      answers: 0,
      noPassage: 0,
      sentences: 0,
      faithful: 0,
      rightEligible: 0,
      right: 0,
      rouge: [],
      words: [],
      ms: [],
      parts: 0,
      partsShown: 0,
      partsAnswered: 0,
      unitShown: 0,
      unitQuoted: 0,
      unitFirst: 0,
      unitSet: o.question.answerUnit !== undefined,
    };
    rows.set(key, row);
    row.answers++;
    row.ms.push(o.ms);
    // Every asked part counts, also those of a question answered with "not found".
    row.parts += o.question.parts?.length ?? 0;
    if (o.noPassage) {
      row.noPassage++;
      continue;
    }
    if (o.question.parts) {
      const rightOf = o.question.parts.map((relevant) => o.sources.flatMap((s, i) => (relevant.has(s.documentId) ? [i + 1] : [])));
      row.partsShown += rightOf.filter((r) => r.length > 0).length;
      row.partsAnswered += partsAnswered(
        o.answer,
        o.sources.map((s) => s.text),
        rightOf,
      ).filter(Boolean).length;
    }
    if (o.question.answerUnit) {
      const u = answerUnitQuoted(
        o.answer,
        o.sources.map((s) => s.text),
        o.question.answerUnit,
      );
      row.unitShown += Number(u.shown);
      row.unitQuoted += Number(u.quoted);
      row.unitFirst += Number(u.first);
    }
    const rightIdx = o.sources.flatMap((s, i) => (o.question.relevant.has(s.documentId) ? [i + 1] : []));
    const scored = scoreAnswer(
      o.answer,
      o.sources.map((s) => s.text),
      rightIdx,
      o.question.reference,
    );
    row.sentences += scored.sentences;
    row.faithful += scored.faithful;
    if (scored.rightEligible) {
      row.rightEligible++;
      if (scored.right) row.right++;
    }
    if (scored.rouge !== null) row.rouge.push(scored.rouge);
    row.words.push(scored.words);
  }
  return [...rows.values()];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "—");

function table(rows: Row[]): string {
  return [
    "| questions | answers by | faithfulness | right source | ROUGE-L F1 | parts answered | right passage shown | answering sentence quoted (first) | words | time / answer (p50) | no passage |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.set} | ${r.mode} | ${pct(r.faithful, r.sentences)} (${r.faithful}/${r.sentences}) | ${pct(r.right, r.rightEligible)} (${r.right}/${r.rightEligible}) | ${r.rouge.length ? mean(r.rouge).toFixed(3) : "—"} | ${r.parts ? `${pct(r.partsAnswered, r.parts)} (${r.partsAnswered}/${r.parts})` : "—"} | ${r.parts ? `${pct(r.partsShown, r.parts)} (${r.partsShown}/${r.parts})` : "—"} | ${r.unitSet ? `${pct(r.unitQuoted, r.answers)} (${r.unitQuoted}/${r.answers}; first ${r.unitFirst}, shown ${r.unitShown})` : "—"} | ${mean(r.words).toFixed(0)} | ${(mean(r.ms) / 1000).toFixed(2)} s (${(median(r.ms) / 1000).toFixed(2)} s) | ${r.noPassage} |`,
    ),
  ].join("\n");
}

async function main() {
  const started = performance.now();
  const modes = values.modes!.split(",").map((m) => m.trim()) as Mode[];
  const sets = await buildSets();
  const { kb, totalDocs } = sets;
  const only = values.only ? new Set(values.only.split(",").map((id) => id.trim())) : undefined;
  const questions = only ? sets.questions.filter((q) => only.has(q.id)) : sets.questions;
  log(`${questions.length} questions; knowledge base ${kb.length} of ${totalDocs} MedQuAD documents`);

  const token = randomBytes(12).toString("hex");
  const server = await createGpuFunctionServer({
    modelDir: "models/base",
    modelId: "medchat-base",
    embeddingModelDir: "models/embedder",
    embeddingModelId: "medchat-embedder",
    token,
    adapterRoots: [values.adapters!],
    fineTuning: false,
    log: () => {},
  });
  const url = await server.listen(0, "127.0.0.1");
  const handle = await createDb({ url: "", dataDir: values["data-dir"] });
  try {
    await migrateDb(handle);
    const embedder = createGpuFunctionEmbedder({ baseURL: url, token });
    const report = await ingestSourceDocuments(handle.db, embedder, kb, { batchDocuments: 64, bulk: true, embedderId: embedder.id });
    log(
      `knowledge base: ${report.added} added, ${report.chunksWritten} chunks written (${(report.elapsedMs / 1000).toFixed(0)} s; unchanged documents are kept)`,
    );
    const retriever = createKnowledgeBaseRetriever(async () => handle.db, embedder);

    const outcomes: Outcome[] = [];
    const load = os.loadavg()[0]!;
    for (const [qi, q] of questions.entries()) {
      for (const mode of modes) {
        const t0 = performance.now();
        if (mode === "lead-2") {
          const { numberSources, PROMPT_LEVELS } = await import("@/lib/chat/prompt");
          const sources = numberSources(await retriever(q.text)).slice(0, PROMPT_LEVELS[1].sources);
          outcomes.push({
            question: q,
            mode,
            answer: lead2(sources),
            sources,
            noPassage: sources.length === 0,
            ms: performance.now() - t0,
          });
          continue;
        }
        const id = `eval-${mode}-${qi}-${hash(q.id).slice(0, 8)}-${Date.now()}`;
        const gpu = gpuFunctionConfig({
          GPU_FUNCTION_URL: url,
          GPU_FUNCTION_TOKEN: token,
          CHAT_MODEL: values.model,
          CHAT_GROUNDING: mode === "quote-alone" || mode === "quote-whole" ? "quote" : mode,
          CHAT_QUOTE_PRIOR: mode === "quote-alone" ? "none" : "ranked",
          CHAT_MULTI_PART: mode === "quote-whole" ? "off" : "on",
          CHAT_TEMPERATURE: values.temperature,
        });
        const events: ChatEvent[] = await runChatTurn(
          {
            surface: "api",
            visitorId: "visitor_eval_answers_0000",
            conversationId: id,
            userMessage: { id: `${id}-u`, text: q.text },
            consent: true,
          },
          { db: handle.db, retriever, gpu, env: {} },
        );
        const error = events.find((e) => e.type === "error");
        if (error) log(`  ${q.id} ${mode}: ${JSON.stringify(error)}`);
        const finish = events.find((e) => e.type === "finish") as Extract<ChatEvent, { type: "finish" }> | undefined;
        const sources = (events.find((e) => e.type === "sources") as Extract<ChatEvent, { type: "sources" }> | undefined)?.sources ?? [];
        const answer = events.map((e) => (e.type === "text-delta" ? e.text : "")).join("");
        outcomes.push({
          question: q,
          mode,
          answer,
          sources,
          noPassage: finish?.finishReason === "no_passage",
          ms: performance.now() - t0,
          error: error?.type === "error" ? error.code : undefined,
        });
      }
      if ((qi + 1) % 10 === 0) log(`  ${qi + 1}/${questions.length} questions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (values.dump)
      fs.writeFileSync(
        values.dump,
        JSON.stringify(
          outcomes.map((o) => ({
            id: o.question.id,
            question: o.question.text,
            relevant: [...o.question.relevant],
            mode: o.mode,
            sources: o.sources.map((s) => ({ n: s.n, documentId: s.documentId, title: s.title, text: s.text })),
            answer: o.answer,
          })),
          null,
          1,
        ),
      );
    const rows = score(outcomes);
    const failed = outcomes.filter((o) => o.error);
    const out = `${table(rows)}\n\nTurns that ended with an error event (scored as they are): ${
      failed.length === 0 ? "none" : failed.map((o) => `${o.question.id} (${o.mode}: ${o.error})`).join(", ")
    }.`;
    console.log(out);
    const loadEnd = os.loadavg()[0]!;
    const samples = sampleAnswers(outcomes, Number(values.samples));
    if (!values["no-write"])
      writeDoc(out, samples, {
        questions,
        kbDocs: kb.length,
        totalDocs,
        chunks: report.chunksWritten,
        load,
        loadEnd,
        seconds: (performance.now() - started) / 1000,
      });
  } finally {
    await handle.close();
    await server.close(1_000);
  }
}

function sampleAnswers(outcomes: Outcome[], n: number): string {
  const picked = [...new Set(outcomes.filter((o) => !o.noPassage).map((o) => o.question))].slice(0, n);
  return picked
    .map((q) => {
      const lines = [`**${q.set}: ${q.text.replace(/\n/g, " ")}**`, ""];
      for (const o of outcomes.filter((x) => x.question === q)) {
        lines.push(
          `- *${o.mode}* (sources: ${o.sources.map((s) => `[${s.n}] ${s.title}`).join("; ")}): ${o.answer.replace(/\s+/g, " ").slice(0, 600) || "(empty)"}`,
        );
      }
      return lines.join("\n");
    })
    .join("\n\n");
}

const HAND_WRITTEN_MARKER = "<!-- Written by hand from here on; npm run eval:answers keeps it. -->";

function writeDoc(
  out: string,
  samples: string,
  m: { questions: Question[]; kbDocs: number; totalDocs: number; chunks: number; load: number; loadEnd: number; seconds: number },
) {
  const held = m.questions.filter((q) => q.set === "MedQuAD held-out").length;
  const multi = m.questions.filter((q) => q.set === "multi-part");
  const units = m.questions.filter((q) => q.set === "answer units");
  const blind = m.questions.filter((q) => q.set === BLIND_UNITS);
  const dev = m.questions.filter((q) => DEV_UNITS.has(q.set));
  const consumer = m.questions.length - held - multi.length - units.length - blind.length - dev.length;
  const md = `# Answer evaluation: quote mode vs free generation vs lead-2

Generated by \`npm run eval:answers -- ${process.argv.slice(2).join(" ")}\` on ${new Date().toISOString().slice(0, 10)}
(${(m.seconds / 60).toFixed(1)} min; machine load average ${m.load.toFixed(1)} at the start, ${m.loadEnd.toFixed(1)} at the end, 2 shared cores).

- **Pipeline**: the product's own chat pipeline (\`lib/chat\`: retrieval → prompt → gpu-function → citation check), the
  committed base model with the \`${values.model}\` adapter from \`${values.adapters}\`, temperature ${values.temperature}, prompt level 1
  (two sources). The gpu-function runs in this process and is reached over HTTP, as the app reaches it.
- **Knowledge base**: ${m.kbDocs} of ${m.totalDocs} MedQuAD answers (${m.chunks ? `${m.chunks} chunks written this run; ` : ""}the questions' right answers, the other answers of
  their MedQuAD pages — same condition, other question type, the hardest confusions — and a fixed hash-ordered sample), without
  their question text, so a question cannot find its own wording.
- **Questions**: ${held} held-out MedQuAD questions (never trained on; \`models/SPLIT.md\`), hash-ordered across collections, and
  ${consumer} consumer-style questions (\`lib/rag/eval-sets/consumer-questions.jsonl\`, "dev" split; written by the team,
  with judged relevant answers), and ${multi.length} questions that ask two or three things (\`${values.multipart}\`, ${multi.reduce((n, q) => n + (q.parts?.length ?? 0), 0)} asked
  parts; written by hand with judged relevant answers per part, \`lib/eval/multipart/README.md\`), and ${units.length} questions whose answer is one
  specific sentence or list of a MedQuAD or starter-knowledge-base page (\`${values.units}\`, \`lib/eval/answer-units/README.md\`;
  the starter knowledge base is added to the knowledge base when the set has starter questions)${
    blind.length
      ? `, and ${blind.length} blind questions of the same kind (\`${values["units-blind"]}\`, written apart from the code; reported as their own set, never tuned on)`
      : ""
  }${dev.length ? `, and ${dev.length} of earlier blind sets, now development sets (\`${DEV_FILES.join("`, `")}\`)` : ""}.
- **Modes**: *quote* = \`CHAT_GROUNDING=quote\` (every sentence a verbatim sentence of a listed source, its [n] appended by
  the engine), with the engine's prior (\`CHAT_QUOTE_PRIOR=ranked\`, the default: lean toward the top-ranked source and its
  reading order, at least two sentences and 40 words; \`gpu-function/engine/quote-prior.ts\`); *quote-alone* = the same
  without the prior (\`CHAT_QUOTE_PRIOR=none\`: the model alone chooses source, order and stop); *free* =
  \`CHAT_GROUNDING=free\` (the same model writes freely); *lead-2* = the top passage's first two sentences with [1], no model;
  *quote-whole* = *quote* with \`CHAT_MULTI_PART=off\`: a message that asks several things is retrieved and answered as one
  question, as before part-by-part answers (for a single question it is *quote*).
- **Faithfulness**: share of answer sentences that are verbatim spans (whitespace runs compared as one space) of the source
  their marker cites; a sentence with no marker counts as unfaithful. **Right source**: among questions whose right passage
  is among the answer's sources, the share of answers whose markers all cite a right passage. **ROUGE-L F1** against the
  MedQuAD reference answer (markers removed; consumer questions have no reference). **Words**: answer length. **Time**:
  whole turn, retrieval included. **Parts answered** (multi-part set): share of asked parts with at least one answer
  sentence that is a verbatim span of a right passage for that part, cited to it (all parts counted, also those of
  questions answered with "not found"); **answering sentence quoted** (answer-units set): share of answers that quote the
  sentence that answers the question, cited to a source holding it (first: the answer opens with it; shown: it was among the
  sources); **right passage shown**: share of parts with a right passage among the sources. **No passage**: questions answered with the fixed "not in the knowledge base" message
  (excluded from the other columns).

${out}

## Sample answers

${samples}
`;
  fs.mkdirSync(path.dirname(values.out!), { recursive: true });
  // Notes written by hand below the marker (analysis, transcripts) survive a re-run.
  const previous = fs.existsSync(values.out!) ? fs.readFileSync(values.out!, "utf8") : "";
  const kept = previous.indexOf(HAND_WRITTEN_MARKER);
  fs.writeFileSync(values.out!, kept >= 0 ? `${md}\n${previous.slice(kept)}` : md);
  log(`wrote ${values.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
