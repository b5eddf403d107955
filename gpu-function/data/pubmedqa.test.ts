import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PubMedQaParseError, parsePubMedQa, readPubMedQa } from "./pubmedqa";

const PUBMEDQA_FILE = process.env.PUBMEDQA_FILE ?? "/work/shared/data/pubmedqa/ori_pqal.json";
const hasRealData = fs.existsSync(PUBMEDQA_FILE);
if (!hasRealData) console.warn(`pubmedqa.test: ${PUBMEDQA_FILE} not found, skipping real-data test (set PUBMEDQA_FILE)`);

const FIXTURE = {
  "222": {
    QUESTION: "Does B help? ",
    CONTEXTS: ["Background b.", "Results b."],
    LABELS: ["BACKGROUND", "RESULTS"],
    LONG_ANSWER: "B helps somewhat.",
    MESHES: ["Humans"],
    YEAR: "2001",
    final_decision: "maybe",
  },
  "111": {
    QUESTION: "Does A work?",
    CONTEXTS: ["A was tested."],
    LABELS: ["METHODS"],
    LONG_ANSWER: "A works.",
    final_decision: "yes",
  },
};

describe("parsePubMedQa", () => {
  it("converts items and sorts them by id", () => {
    const items = parsePubMedQa(FIXTURE);
    expect(items.map((i) => i.id)).toEqual(["111", "222"]);
    expect(items[1]).toEqual({
      id: "222",
      question: "Does B help?",
      contexts: ["Background b.", "Results b."],
      labels: ["BACKGROUND", "RESULTS"],
      longAnswer: "B helps somewhat.",
      finalDecision: "maybe",
      meshes: ["Humans"],
      year: "2001",
    });
  });

  it("rejects bad input with a reason", () => {
    expect(() => parsePubMedQa([])).toThrow(PubMedQaParseError);
    expect(() => parsePubMedQa({ x: { QUESTION: "q", final_decision: "perhaps" } })).toThrow(/final_decision/);
    expect(() => parsePubMedQa({ x: { final_decision: "yes" } })).toThrow(/missing QUESTION/);
    expect(() => parsePubMedQa({ x: { QUESTION: "q", CONTEXTS: ["a"], LABELS: ["A", "B"], final_decision: "no" } })).toThrow(
      /2 LABELS for 1 CONTEXTS/,
    );
  });

  it("reads a file and reports invalid JSON", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pubmedqa-"));
    try {
      fs.writeFileSync(path.join(dir, "ok.json"), JSON.stringify(FIXTURE));
      fs.writeFileSync(path.join(dir, "bad.json"), "{not json");
      expect(readPubMedQa(path.join(dir, "ok.json"))).toHaveLength(2);
      expect(() => readPubMedQa(path.join(dir, "bad.json"))).toThrow(/invalid JSON/);
      expect(() => readPubMedQa(path.join(dir, "missing.json"))).toThrow(/cannot read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasRealData)("PubMedQA real file", () => {
  it("reads all 1,000 labelled questions", () => {
    const items = readPubMedQa(PUBMEDQA_FILE);
    expect(items).toHaveLength(1000);
    const decisions = new Set(items.map((i) => i.finalDecision));
    expect(decisions).toEqual(new Set(["yes", "no", "maybe"]));
    for (const i of items) {
      expect(i.contexts.length).toBeGreaterThan(0);
      expect(i.labels).toHaveLength(i.contexts.length);
      expect(i.longAnswer.length).toBeGreaterThan(0);
    }
  });
});
