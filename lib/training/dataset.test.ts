// The dataset builder over a real (PGlite) database: knowledge-base examples generated from
// the starter knowledge base in the chat pipeline's quote-mode prompt format, uploads in each
// seed model-card format with line-numbered rejections, dedup across sources, and a golden
// set whose membership does not shift when data is added.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citedSentences } from "@/gpu-function/shared/quote-units";
import { buildPrompt } from "@/lib/chat/prompt";
import type { DbHandle } from "@/lib/db/client";
import { curatedExamples } from "@/lib/db/schema";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { freshDb } from "@/lib/rag/test-helpers";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { buildDataset, isGolden, promptSources, toChatExample } from "./dataset";
import { knowledgeBaseExamples, questionForSection } from "./dataset-kb";
import { allTrainingExamples, datasetSummary } from "./dataset-sources";
import { MAX_UPLOAD_BYTES, UploadError, uploadTrainingExamples } from "./dataset-uploads";

let handle: DbHandle;
let kbDir: string;

beforeAll(async () => {
  handle = await freshDb();
  kbDir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-kb-"));
  for (const f of ["asthma.md", "anemia.md", "acne.md", "anxiety.md", "chickenpox.md", "adhd.md"])
    fs.copyFileSync(path.join("lib/rag/starter-kb", f), path.join(kbDir, f));
  const report = await ensureStarterKnowledgeBase(handle.db, createHashingEmbedder(), { dir: kbDir, retries: 0 });
  expect(report.failed ?? []).toEqual([]);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  fs.rmSync(kbDir, { recursive: true, force: true });
});

describe("knowledge-base examples", () => {
  it("derive questions from the document and heading", () => {
    expect(questionForSection("Asthma", "Asthma > What it is")).toBe("What is Asthma?");
    expect(questionForSection("Asthma", "Asthma > Symptoms")).toBe("What are the symptoms of Asthma?");
    expect(questionForSection("X syndrome", "X syndrome > Is X syndrome inherited ?")).toBe("Is X syndrome inherited?");
    expect(questionForSection("Asthma", "Asthma > Treatment and management")).toBe("How is Asthma treated?");
  });

  it("are bounded, deterministic, in the quote-mode prompt format, and answer verbatim from the right source with [n]", async () => {
    const a = await knowledgeBaseExamples(handle.db, 12);
    const b = await knowledgeBaseExamples(handle.db, 12);
    expect(a.length).toBeGreaterThan(6);
    expect(a.length).toBeLessThanOrEqual(12);
    expect(b).toEqual(a);
    expect((await knowledgeBaseExamples(handle.db, 3)).length).toBeLessThanOrEqual(3);
    const rightAt = new Set<number>();
    for (const e of a) {
      expect(e.origin).toMatch(/^kb:/);
      const right = e.rightSources![0];
      rightAt.add(right);
      const shown = promptSources(e).map((s) => s.text);
      const sentences = citedSentences(e.answer, shown);
      expect(sentences.length).toBeGreaterThan(0);
      for (const s of sentences) expect(s).toMatchObject({ cites: [right], verbatim: true });
      // exactly what the chat pipeline sends in quote mode at the default prompt level
      const prompt = buildPrompt(
        {
          question: e.question,
          history: [],
          sources: e.sources.map((s) => ({
            n: s.n,
            chunkId: "",
            documentId: s.title,
            title: s.title,
            url: null,
            headingPath: s.title,
            text: s.text,
          })),
          triage: { emergency: false, categories: [], matches: [], locale: "en-US" },
          contacts: emergencyContactsFor("en-US"),
        },
        1,
        "quote",
      );
      const chat = toChatExample(e);
      expect(chat.messages[0]).toEqual({ role: "system", content: prompt.instructions });
      expect(chat.messages[1]).toEqual({ role: "user", content: prompt.messages[0].content });
      expect(chat.messages[1].content).toContain('<source id="1"');
      expect(chat.messages[2]).toEqual({ role: "assistant", content: e.answer });
    }
    expect(rightAt.size).toBeGreaterThan(1); // the right source is not always [1]
  });
});

const ROWS = {
  "openai-chat": [
    {
      messages: [
        { role: "user", content: "What is a fever?" },
        { role: "assistant", content: "A body temperature above normal." },
      ],
    },
    {
      messages: [
        { role: "user", content: "What is a rash?" },
        { role: "assistant", content: "A change of the skin's colour or texture." },
      ],
    },
  ],
  "medical-o1": [
    { Question: "Which vitamin prevents scurvy?", Complex_CoT: "Scurvy is vitamin C deficiency.", Response: "Vitamin C." },
    { Question: "What does insulin do?", Complex_CoT: "Insulin lowers glucose.", Response: "It lets cells take up glucose." },
  ],
  "medical-meadow": [
    { instruction: "Answer this question truthfully", input: "What causes tetanus?", output: "The bacterium Clostridium tetani." },
    { instruction: "Answer this question truthfully", input: "What is anaemia?", output: "Too few red blood cells or haemoglobin." },
  ],
  "pubmed-bio-thinking": [
    {
      developer: "Only use the provided paper.",
      user: "Does exercise help sleep? Paper: ...",
      analysis: "The trial found...",
      final: "Yes, moderately.",
    },
    {
      developer: "Only use the provided paper.",
      user: "Does coffee raise blood pressure? Paper: ...",
      analysis: "Short term.",
      final: "Briefly.",
    },
  ],
} as const;

const jsonl = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";

describe("uploads in the seed model cards' formats", () => {
  for (const [format, rows] of Object.entries(ROWS)) {
    it(`${format}: detected, stored, duplicates counted`, async () => {
      const first = await uploadTrainingExamples(handle.db, { filename: `${format}.jsonl`, content: jsonl(rows) }, "admin@x");
      expect(first).toEqual({ format, accepted: 2, duplicates: 0, rejected: [], rejectedTotal: 0 });
      // the same file again (given its format this time): all duplicates
      const again = await uploadTrainingExamples(
        handle.db,
        { format: format as never, filename: "again.jsonl", content: jsonl(rows) },
        "admin@x",
      );
      expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    });
  }

  it("a JSON array (how medical-o1 ships) is read too", async () => {
    const content = JSON.stringify([
      { Question: "What is a stye?", Complex_CoT: "Eyelid gland infection.", Response: "A painful eyelid lump." },
    ]);
    expect(await uploadTrainingExamples(handle.db, { filename: "o1.json", content }, null)).toMatchObject({
      format: "medical-o1",
      accepted: 1,
    });
  });

  it("bad rows are rejected with their line numbers and reasons; the good ones are kept", async () => {
    const content = [
      JSON.stringify({
        messages: [
          { role: "user", content: "What is a cold sore?" },
          { role: "assistant", content: "A blister caused by herpes simplex." },
        ],
      }),
      "{not json",
      JSON.stringify({ Question: "Missing response" }),
      JSON.stringify({ foo: 1 }),
      JSON.stringify({ messages: [{ role: "user", content: "only a question" }] }),
    ].join("\n");
    const report = await uploadTrainingExamples(handle.db, { filename: "mixed.jsonl", content }, null);
    expect(report.accepted).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(report.rejected[0].reason).toMatch(/invalid JSON/);
    expect(report.rejected[1].reason).toMatch(/Response/);
    expect(report.rejected[2].reason).toMatch(/unrecognised row/);
    expect(report.rejected[3].reason).toMatch(/assistant/);
  });

  it("refuses, with the reason, a file with nothing usable, a wrong given format, an empty or over-large file", async () => {
    const refuse = async (input: Parameters<typeof uploadTrainingExamples>[1]) => {
      try {
        await uploadTrainingExamples(handle.db, input, null);
      } catch (e) {
        expect(e).toBeInstanceOf(UploadError);
        return { status: (e as UploadError).status, message: (e as Error).message };
      }
      throw new Error("accepted");
    };
    expect(await refuse({ filename: "x.jsonl", content: "{bad\n{worse" })).toMatchObject({
      status: 400,
      message: expect.stringContaining("line 1: invalid JSON"),
    });
    expect(await refuse({ format: "medical-o1", filename: "x.jsonl", content: jsonl(ROWS["openai-chat"]) })).toMatchObject({
      status: 400,
      message: expect.stringContaining('missing field "Question"'),
    });
    expect(await refuse({ filename: "x.jsonl", content: "  \n" })).toMatchObject({ status: 400 });
    expect(await refuse({ filename: "x.jsonl", content: "x".repeat(MAX_UPLOAD_BYTES + 1) })).toMatchObject({ status: 413 });
  });
});

describe("the whole dataset", () => {
  it("dedups across sources (curated > uploaded > knowledge base), counts each, and keeps golden membership when data is added", async () => {
    const before = buildDataset(await allTrainingExamples(handle.db));
    const kbQuestion = before.train.concat(before.golden).find((e) => e.origin.startsWith("kb:"))!.question;
    // a reviewer's answer and an upload for a question the knowledge base also generates
    await handle.db.insert(curatedExamples).values({
      id: "cur-1",
      messageId: "m-1",
      conversationId: "c-1",
      question: kbQuestion,
      sources: [{ n: 1, title: "Reviewed", text: "A reviewed answer source." }],
      answer: "A reviewed answer source. [1]",
      verdict: "corrected",
    });
    const upload = await uploadTrainingExamples(
      handle.db,
      {
        filename: "dup.jsonl",
        content: jsonl([
          {
            messages: [
              { role: "user", content: kbQuestion.toUpperCase() },
              { role: "assistant", content: "x" },
            ],
          },
        ]),
      },
      null,
    );
    expect(upload).toMatchObject({ accepted: 0, duplicates: 1 }); // the curated one has it already
    const after = buildDataset(await allTrainingExamples(handle.db));
    const all = [...after.train, ...after.golden];
    const same = all.filter((e) => e.question.toLowerCase() === kbQuestion.toLowerCase());
    expect(same).toHaveLength(1);
    expect(same[0].origin).toBe("curated:cur-1");
    // golden membership did not shift: every golden question before is golden after, never trained on
    const goldenAfter = new Set(after.golden.map((e) => e.question.toLowerCase()));
    for (const g of before.golden) expect(goldenAfter.has(g.question.toLowerCase())).toBe(true);
    for (const t of after.train) expect(isGolden(t.question)).toBe(false);

    const summary = await datasetSummary(handle.db);
    expect(summary.version).toBe(after.version);
    expect(summary.goldenVersion).toBe(after.goldenVersion);
    expect(summary.counts.curated).toBe(1);
    expect(summary.counts.uploaded).toBe(10); // 4 formats × 2, the JSON array, the good row of the mixed file
    expect(summary.counts.knowledgeBase).toBeGreaterThan(6);
    expect(summary.counts.golden + summary.counts.train).toBe(
      summary.counts.curated + summary.counts.uploaded + summary.counts.knowledgeBase,
    );
  });
});
