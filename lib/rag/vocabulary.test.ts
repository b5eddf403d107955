import { describe, expect, it } from "vitest";
import { editDistance, typingSlips, Vocabulary } from "./vocabulary";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions", () => {
    expect(editDistance("diabet", "diabet")).toBe(0);
    expect(editDistance("diabeti", "diabet")).toBe(1);
    expect(editDistance("alzhiem", "alzheim")).toBe(1); // transposition
    expect(editDistance("neurapathi", "neuropathi")).toBe(1);
    expect(editDistance("herediatri", "hereditari")).toBe(1);
    expect(editDistance("diffrenc", "differ")).toBe(3);
    expect(editDistance("gout", "asthma", 2)).toBe(3); // stops early above the maximum
  });
});

describe("Vocabulary", () => {
  const vocab = new Vocabulary(
    10_000,
    new Map([
      ["diabet", 900],
      ["diabetes", 2], // a rare variant: not a correction target in a large knowledge base
      ["alzheim", 120],
      ["psoriasi", 40],
      ["contagi", 60],
      ["contain", 2],
      ["gout", 30],
      ["wife", 15],
      ["inner", 40],
      ["pneumonia", 50],
    ]),
  );

  it("weighs terms by BM25 IDF and knows the average chunk length", () => {
    expect(vocab.idf("gout")).toBeGreaterThan(vocab.idf("diabet"));
    expect(vocab.idf("unknown")).toBeGreaterThan(vocab.idf("gout"));
    expect(vocab.averageChunkLength).toBeCloseTo((900 + 2 + 120 + 40 + 60 + 2 + 30 + 15 + 40 + 50) / 10_000, 9);
  });

  it("corrects misspelt stems to the most frequent close lexeme", () => {
    expect(vocab.correct("diabeti")).toEqual({ lexeme: "diabet", distance: 1 });
    expect(vocab.correct("alzhiem")).toEqual({ lexeme: "alzheim", distance: 1 });
    expect(vocab.correct("psoraisi")).toEqual({ lexeme: "psoriasi", distance: 1 });
    expect(vocab.correct("contag")?.lexeme).toBe("contagi"); // "contagous"; not to the rare "contain"
    expect(vocab.correct("herediatri")).toBeNull(); // 2 edits from "hereditari", which is not in this vocabulary
  });

  it("leaves short, numeric and far-off words alone", () => {
    expect(vocab.correct("dinner")).toBeNull(); // a real word the KB lacks, one edit from "inner": typos keep the first letter
    expect(vocab.correct("neumonia")).toEqual({ lexeme: "pneumonia", distance: 1 }); // …unless it is silent and left out
    expect(vocab.correct("gut")).toBeNull(); // too short to correct safely
    expect(vocab.correct("gouts")).toBeNull(); // stems under 6 letters are often real words the KB lacks
    expect(vocab.correct("blockchain")).toBeNull();
    expect(vocab.correct("covid19")).toBeNull();
  });
});

describe("Vocabulary aliases", () => {
  const df = new Map([
    ["diseas", 3000],
    ["glycogen", 40],
    ["storag", 60],
    ["hypercortisol", 3],
    ["cush", 30],
    ["syndrom", 2500],
    ["copd", 50],
    ["chronic", 800],
  ]);
  const alias = (a: string, e: string, abbreviation = false) => ({
    alias: a.split(" "),
    expansion: e.split(" "),
    documents: 1,
    abbreviation,
  });
  const aliases = [
    alias("diseas", "diseas glycogen storag"), // what "Hers disease" became before stop-word-loss aliases were dropped
    alias("hypercortisol", "cush syndrom"),
    alias("copd", "chronic diseas", true),
  ];

  it("ignores an alias of common words only in a large knowledge base", () => {
    const large = new Vocabulary(10_000, df, aliases);
    const found = (lexemes: string[]) => large.aliasesWithin(new Set(lexemes)).map((a) => a.alias.join(" "));
    expect(found(["wilson", "diseas"])).toEqual([]);
    expect(found(["hypercortisol", "diseas"])).toEqual(["hypercortisol"]);
    expect(found(["copd"])).toEqual(["copd"]); // abbreviations: decided by capitals, not frequency
  });

  it("keeps every alias in a small knowledge base (its frequencies say nothing about generality)", () => {
    const small = new Vocabulary(20, new Map([["diseas", 10]]), [aliases[0]]);
    expect(small.aliasesWithin(new Set(["diseas"]))).toHaveLength(1);
  });
});

describe("typing slips and topical words", () => {
  it("proposes what a misspelling as typed may have meant: a letter left out, one too many, two swapped", () => {
    expect(typingSlips("diffrence")).toContain("difference");
    expect(typingSlips("sighns")).toContain("signs");
    expect(typingSlips("alzhiemers")).toContain("alzheimers");
    // The first letter is kept, nothing is added after the last one, substitutions are not slips.
    expect(typingSlips("barely")).not.toContain("rarely");
    expect(typingSlips("barely")).not.toContain("arely");
    expect(typingSlips("asthma")).not.toContain("asthmas");
    expect(typingSlips("asthma")).not.toContain("asthme");
    expect(typingSlips("gout")).not.toContain("gout");
  });

  it("knows which stems a slip may lead to before asking Postgres", () => {
    const v = new Vocabulary(
      10_000,
      new Map([
        ["differ", 500],
        ["happi", 40],
      ]),
    );
    expect(v.mayStemToTarget("difference")).toBe(true);
    expect(v.mayStemToTarget("happy")).toBe(true); // Snowball turns a final y into i
    expect(v.mayStemToTarget("diffrence")).toBe(false);
    expect(v.mayStemToTarget("kitchen")).toBe(false);
  });

  it("calls a word topical when a heading of a large knowledge base names it; in a small one every known word is", () => {
    const df = new Map([
      ["asthma", 40],
      ["kitchen", 3],
    ]);
    const large = new Vocabulary(10_000, df, [], 4, new Map([["asthma", 12]]));
    expect(large.isTopical("asthma")).toBe(true);
    expect(large.isTopical("kitchen")).toBe(false);
    const small = new Vocabulary(20, df, [], 4, new Map([["asthma", 2]]));
    expect(small.isTopical("kitchen")).toBe(true);
    expect(small.isTopical("zzyzx")).toBe(false);
  });
});
