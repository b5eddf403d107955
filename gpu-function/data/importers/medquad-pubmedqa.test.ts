// MedQuAD XML and PubMedQA records on hand-written samples in their real shapes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isHeldOut } from "../../shared/medquad";
import { importMedQuadDir, importMedQuadXml } from "./medquad";
import { GROUNDED_SYSTEM_PROMPT, importPubMedQaFile, importPubMedQaJson } from "./pubmedqa";

const xml = (id: string, pairs: [string, string][]) => `<?xml version="1.0" encoding="UTF-8"?>
<Document id="${id}" source="SampleSource" url="https://example.org/${id}">
<Focus>Sample condition</Focus>
<QAPairs>
${pairs
  .map(
    ([q, a], i) => `  <QAPair pid="${i + 1}">
    <Question qid="${id}-${i + 1}" qtype="information">${q}</Question>
    <Answer>${a}</Answer>
  </QAPair>`,
  )
  .join("\n")}
</QAPairs>
</Document>`;

describe("MedQuAD importer", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medquad-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("maps question/answer pairs and reports removed answers per document", () => {
    const { examples, issues } = importMedQuadXml(
      xml("0000099_1", [
        ["What is a sample condition ?", "A made-up condition used in tests."],
        ["How to treat it ?", ""],
      ]),
      "0000099_1",
      { split: "all" },
    );
    expect(examples).toEqual([
      {
        id: "SampleSource/0000099_1/0000099_1-1",
        messages: [
          { role: "user", content: "What is a sample condition ?" },
          { role: "assistant", content: "A made-up condition used in tests." },
        ],
      },
    ]);
    expect(issues).toEqual([{ id: "SampleSource/0000099_1", reason: "1 question(s) without an answer skipped" }]);
  });

  it("reads a folder, reports unreadable files, and honours the fixed held-out split", () => {
    const coll = path.join(dir, "1_Sample_QA");
    fs.mkdirSync(coll);
    const pairs: [string, string][] = Array.from({ length: 60 }, (_, i) => [`Question number ${i} ?`, `Answer number ${i}.`]);
    fs.writeFileSync(path.join(coll, "0000001_1.xml"), xml("0000001_1", pairs));
    fs.writeFileSync(path.join(coll, "0000002_1.xml"), "<Document><QAPairs>");
    const train = importMedQuadDir(dir);
    const held = importMedQuadDir(dir, { split: "heldout" });
    const all = importMedQuadDir(dir, { split: "all" });
    expect(all.examples).toHaveLength(60);
    expect(train.examples.length + held.examples.length).toBe(60);
    for (const ex of held.examples) expect(isHeldOut(ex.id!)).toBe(true);
    for (const ex of train.examples) expect(isHeldOut(ex.id!)).toBe(false);
    expect(train.issues).toHaveLength(1);
    expect(train.issues[0].id).toContain("0000002_1.xml");
  });
});

describe("PubMedQA importer", () => {
  const raw = (over: Record<string, unknown> = {}) => ({
    QUESTION: "Does walking after meals lower blood sugar?",
    CONTEXTS: ["Adults walked for ten minutes after lunch (invented).", "Glucose peaks were lower in walkers."],
    LABELS: ["METHODS", "RESULTS"],
    MESHES: ["Walking"],
    YEAR: "2020",
    final_decision: "yes",
    LONG_ANSWER: "Short walks after meals lowered glucose peaks in this sample.",
    ...over,
  });

  it("numbers the contexts as sources, ends the answer with the decision, reports bad records by id", () => {
    const text = JSON.stringify({
      "1000001": raw(),
      "1000002": raw({ final_decision: "perhaps" }),
      "1000003": raw({ CONTEXTS: [], LABELS: [] }),
      "1000004": raw({ LONG_ANSWER: " " }),
    });
    const { examples, evalItems, issues } = importPubMedQaJson(text);
    expect(examples).toHaveLength(1);
    const [system, user, assistant] = examples[0].messages;
    expect(system).toEqual({ role: "system", content: GROUNDED_SYSTEM_PROMPT });
    expect(user.content).toBe(
      "Sources:\n[1] (METHODS) Adults walked for ten minutes after lunch (invented).\n[2] (RESULTS) Glucose peaks were lower in walkers.\n\nQuestion: Does walking after meals lower blood sugar?",
    );
    expect(assistant.content).toBe("Short walks after meals lowered glucose peaks in this sample.\n\nAnswer: yes");
    expect(evalItems[0]).toMatchObject({ decision: "yes", reference: "Short walks after meals lowered glucose peaks in this sample." });
    expect(evalItems[0].prompt).toHaveLength(2);
    expect(issues.map((i) => i.id)).toEqual(["1000002", "1000003", "1000004"]);
    expect(issues[0].reason).toMatch(/final_decision/);
    expect(issues[1].reason).toBe("no CONTEXTS");
    expect(issues[2].reason).toBe("empty LONG_ANSWER");
  });

  const real = "/work/shared/data/pubmedqa/ori_pqal.json";
  it.skipIf(!fs.existsSync(real))("imports the real ori_pqal.json without issues", () => {
    const { examples, issues, evalItems } = importPubMedQaFile(real);
    expect(issues).toEqual([]);
    expect(examples).toHaveLength(1000);
    expect(new Set(evalItems.map((e) => e.decision))).toEqual(new Set(["yes", "no", "maybe"]));
  });
});
