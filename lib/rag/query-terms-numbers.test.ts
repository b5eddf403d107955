import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { analyzeQuery, isMeasurement, nameNumbers, words } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { doc, freshDb } from "./test-helpers";
import { loadVocabulary, type Vocabulary } from "./vocabulary";

// Two documents whose names differ only by a number: without it in the query they tie.
const DOCS = [
  doc(
    "diabetes-1",
    "Type 1 diabetes",
    "Type 1 diabetes is a condition in which the pancreas makes little or no insulin. Early signs of diabetes include thirst and weight loss. Unlike type 2 diabetes it is not caused by diet.",
  ),
  doc(
    "diabetes-2",
    "Type 2 diabetes",
    "Type 2 diabetes is a condition in which blood sugar stays too high. Early signs of diabetes include thirst, passing urine often and tiredness. Diet and activity help.",
  ),
  doc("blood-type", "Blood groups", "Your blood type matters for a transfusion: a donor must have a matching type."),
  doc("covid", "COVID-19", "COVID-19 is an illness caused by a coronavirus. A covid vaccine lowers the risk of severe illness and fever."),
  doc("long-covid", "Long covid", "Long covid means symptoms that last for months after a covid infection, such as tiredness."),
  doc("covid-vaccine", "Covid vaccines", "Covid vaccines lower the risk of severe covid illness."),
  doc("flu", "Influenza", "Influenza is an illness caused by a flu virus. A yearly vaccine lowers the risk of severe illness and fever."),
  doc("dose", "Pain relief", "Some people take 45 tablets a year for pain relief, which is one way to count."),
];

describe("numbers that belong to a name", () => {
  let h: DbHandle;
  let vocab: Vocabulary;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, embedder, DOCS);
    vocab = await loadVocabulary(h.db);
  });
  afterAll(() => h.close());

  it("pairs short numbers with the word before them", () => {
    expect([...nameNumbers(words("type 2 diabetes, COVID-19, HPV 16, I am 45, 2024"))]).toEqual([
      ["2", "type"],
      ["19", "covid"],
      ["16", "hpv"],
      ["45", "am"],
    ]);
  });

  it("keeps the number of a disease name when the knowledge base indexes it", async () => {
    const a = await analyzeQuery(h.db, vocab, "early signs of type 2 diabetis");
    expect(a.terms.map((t) => t.lexeme)).toEqual(expect.arrayContaining(["2", "type", "diabet"]));
    // Postgres indexes "COVID-19" as '-19': the query finds that form (here it narrows "covid" down).
    const c = await analyzeQuery(h.db, vocab, "covid-19 vaccine");
    expect(c.terms.map((t) => t.lexeme)).toContain("-19");
  });

  it("leaves out a number found wherever its word is (it would only outweigh the aspect asked)", async () => {
    const one = await freshDb();
    try {
      await ingestSourceDocuments(one.db, embedder, [DOCS[3], DOCS[6]]); // COVID-19 and influenza only
      const a = await analyzeQuery(one.db, await loadVocabulary(one.db), "what are the symptoms of covid-19");
      expect(a.terms.map((t) => t.lexeme)).toContain("covid");
      expect(a.terms.map((t) => t.lexeme)).not.toContain("-19");
    } finally {
      await one.close();
    }
  });

  it("leaves out ages and numbers the knowledge base does not index", async () => {
    const a = await analyzeQuery(h.db, vocab, "I am 45 with type 7 diabetes");
    const lexemes = a.terms.map((t) => t.lexeme);
    expect(lexemes).not.toContain("45"); // after a stop word
    expect(lexemes).not.toContain("7"); // not indexed: neither a term nor unknown
    const without = await analyzeQuery(h.db, vocab, "I am with type diabetes");
    expect(a.unknownWeight).toBe(without.unknownWeight);
  });

  it("leaves out readings, doses and times written as one word ('39C', '38.5c', '500mg', '2am') like bare numbers", async () => {
    for (const [q, plain] of [
      ["my son has a fever of 39C, is flu likely?", "my son has a fever of, is flu likely?"],
      ["fever 38.5c and 102F after the covid vaccine", "fever and after the covid vaccine"],
      ["took 500mg for pain relief at 2am", "took for pain relief at"],
    ]) {
      const a = await analyzeQuery(h.db, vocab, q);
      const without = await analyzeQuery(h.db, vocab, plain);
      expect(a.unknownWeight, q).toBe(without.unknownWeight);
      expect(a.terms.map((t) => t.lexeme)).toEqual(without.terms.map((t) => t.lexeme));
    }
    expect(isMeasurement("covid19")).toBe(false);
    expect(isMeasurement("4th")).toBe(true);
  });

  it("ranks the document with the asked number first", async () => {
    for (const [q, title] of [
      ["early signs of type 2 diabetis", "Type 2 diabetes"],
      ["can type 2 diabetes be reversed with diet?", "Type 2 diabetes"],
      ["early signs of type 1 diabetes", "Type 1 diabetes"],
    ]) {
      const results = await retrieveHybrid(h.db, embedder, q, { k: 2 });
      expect(results[0].title, q).toBe(title);
    }
  });
});
