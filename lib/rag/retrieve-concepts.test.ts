// One thing written two ways — an abbreviation and its spelled-out name — is one concept: a passage scores it by the better of its names, not by both, and
// another name counts only whole ("virus" alone is not "human immunodeficiency virus"). A page that
// spells out "HIV (human immunodeficiency virus)" no longer outranks the page the question is about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { analyzeQuery } from "./query-terms";
import { conceptsOf, retrieveHybrid } from "./retrieve";
import { doc, freshDbWith } from "./test-helpers";
import { loadVocabulary } from "./vocabulary";

const DOCS = [
  doc("hiv-medicines", "HIV medicines", "HIV medicines taken every day stop HIV passing to a sexual partner."),
  doc(
    "hiv",
    "HIV infection",
    "Human immunodeficiency virus (HIV) is passed to a partner through sex and blood. The human immunodeficiency virus attacks the immune system.",
  ),
  doc(
    "zika",
    "Zika virus",
    "Zika virus spreads through mosquito bites. A pregnant woman can pass the virus to her baby, and a partner can pass it through sex.",
  ),
  doc("flu", "Flu", "Flu is a virus infection of the nose, throat and lungs; the flu vaccine prevents most cases in adults."),
];

describe("conceptsOf", () => {
  it("groups a term with its other names, each name its own alternative", () => {
    const { concept, name, nameSize } = conceptsOf([
      { lexeme: "hiv" },
      { lexeme: "partner" },
      { lexeme: "human", alternativeOf: ["hiv"], expandedFrom: "hiv" },
      { lexeme: "immunodefici", alternativeOf: ["hiv"], expandedFrom: "hiv" },
      { lexeme: "diarrhoea", alternativeOf: ["diarrhea"], expandedFrom: "diarrhea" },
    ]);
    expect(concept[2]).toBe(concept[0]);
    expect(concept[3]).toBe(concept[0]);
    expect(concept[1]).not.toBe(concept[0]);
    expect(name.slice(0, 2)).toEqual([0, 0]);
    expect(name[2]).toBe(name[3]);
    expect(name[2]).toBeGreaterThan(0);
    expect(nameSize[2]).toBe(2);
    // an alternative of a word the query lacks stands alone
    expect(new Set(concept).size).toBe(3);
  });
});

describe("a thing written two ways counts once", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, DOCS);
  });
  afterAll(() => h.close());

  it("an abbreviation's expansion is another name of it, worth no more than the abbreviation", async () => {
    // The page that spells the name out after its abbreviation scored both, and its three words more
    // than "HIV" itself: it came first for a question about the medicines' page.
    const top = await retrieveHybrid(h.db, null, "Can I pass HIV to my partner?", { mode: "text", k: 3 });
    expect(top.map((c) => c.documentId)).toEqual(["hiv-medicines", "hiv", "zika"]);
  });

  it("both names typed are one thing: the message's information counts the better one", async () => {
    const vocabulary = await loadVocabulary(h.db);
    const both = await analyzeQuery(h.db, vocabulary, "Is HIV (human immunodeficiency virus) passed to a partner?");
    const one = await analyzeQuery(h.db, vocabulary, "Is HIV passed to a partner?");
    expect(both.terms.find((t) => t.lexeme === "immunodefici")?.alternativeOf).toEqual(["hiv"]);
    const hiv = one.terms.find((t) => t.lexeme === "hiv")!;
    const spelled = both.terms.filter((t) => t.alternativeOf).reduce((sum, t) => sum + t.idf * t.weight, 0);
    expect(both.totalWeight).toBeCloseTo(one.totalWeight + Math.max(spelled, hiv.idf * hiv.weight) - hiv.idf * hiv.weight, 6);
  });
});
