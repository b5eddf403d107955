// British and American spellings of one word: a knowledge base that holds both (the starter pages
// mix NHS and MedlinePlus wording) finds a page written one way for a question typed the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { analyzeQuery } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { spellingVariants } from "./spelling-variants";
import { doc, freshDbWith } from "./test-helpers";
import { loadVocabulary } from "./vocabulary";

const DOCS = [
  doc(
    "gastroenteritis",
    "Gastroenteritis (stomach bug)",
    "Gastroenteritis causes diarrhoea and vomiting. Keep drinking small sips of fluids; children may need oral rehydration solution.",
  ),
  doc(
    "antibiotics",
    "Antibiotics",
    "Antibiotics are medicines for bacterial infections. Side effects include diarrhea, nausea and rashes.",
  ),
  doc("brain-tumour", "Brain tumour", "A brain tumour is a growth of cells in the brain. Headaches and seizures can be signs."),
  doc("tension-headache", "Tension headache", "A tension headache feels like a tight band around the head and is common."),
];

describe("spellingVariants", () => {
  it("gives a word's other spellings, both ways", () => {
    expect(spellingVariants("diarrhea")).toContain("diarrhoea");
    expect(spellingVariants("diarrhoea")).toContain("diarrhea");
    expect(spellingVariants("anaemia")).toContain("anemia");
    expect(spellingVariants("esophagus")).toContain("oesophagus");
    expect(spellingVariants("tumor")).toContain("tumour");
    expect(spellingVariants("tumours")).toContain("tumors");
    expect(spellingVariants("paralyzed")).toContain("paralysed");
    expect(spellingVariants("centre")).toContain("center");
    expect(spellingVariants("hypoglycaemia")).toContain("hypoglycemia");
    expect(spellingVariants("cold")).toEqual([]);
  });
});

describe("a question typed in the other spelling", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, DOCS);
  });
  afterAll(() => h.close());

  it("searches the spelling the knowledge base also holds, as the same word", async () => {
    const vocabulary = await loadVocabulary(h.db);
    const a = await analyzeQuery(h.db, vocabulary, "my son has diarrhea");
    const typed = a.terms.find((t) => t.lexeme === "diarrhea")!;
    const other = a.terms.find((t) => t.expandedFrom === "diarrhea")!;
    expect(other.lexeme).toBe("diarrhoea");
    expect(other.weight).toBe(typed.weight);
    // A spelling the knowledge base does not hold is not searched.
    const b = await analyzeQuery(h.db, vocabulary, "is a tumor in the brain serious");
    expect(b.terms.map((t) => t.lexeme)).toContain("tumour");
    expect(b.terms.some((t) => t.lexeme === "tumor")).toBe(false);
  });

  it("finds the page written the other way, first when the rest of the question is about it", async () => {
    const ids = async (question: string, withVector: boolean) =>
      (await retrieveHybrid(h.db, withVector ? embedder : null, question, withVector ? { k: 3 } : { mode: "text", k: 3 })).map(
        (c) => c.documentId,
      );
    for (const withVector of [false, true]) {
      // Both pages hold the word, each in its spelling.
      expect(await ids("my son has had diarrhea since yesterday", withVector)).toContain("gastroenteritis");
      for (const question of ["my son has had diarrhea, how do I keep him drinking fluids", "my son has had diarrhea and threw up"])
        expect((await ids(question, withVector))[0], question).toBe("gastroenteritis");
    }
  });
});
