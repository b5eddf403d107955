import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { analyzeQuery, MAX_QUERY_TERMS, splitQuestions, splitSubject, words } from "./query-terms";
import { CONDITIONS, freshDb } from "./test-helpers";
import { loadVocabulary, Vocabulary } from "./vocabulary";

describe("message parsing", () => {
  it("splits a short first line off as the subject", () => {
    expect(splitSubject("gout\nWhat foods should I avoid?")).toEqual({ subject: "gout", message: "What foods should I avoid?" });
    expect(splitSubject("What foods should I avoid with gout?")).toEqual({ subject: "", message: "What foods should I avoid with gout?" });
  });
  it("finds the separate questions of a message", () => {
    expect(splitQuestions("My son has asthma. Is it inherited? What inhaler is best? Thanks.")).toEqual([
      "Is it inherited?",
      "What inhaler is best?",
    ]);
    expect(splitQuestions("Is asthma inherited?")).toEqual([]);
  });
  it("tokenises untrusted text into plain words", () => {
    expect(words("I'm 67 — can't SLEEP (gout)!")).toEqual(["im", "67", "cant", "sleep", "gout"]);
  });
});

describe("analyzeQuery", () => {
  let h: DbHandle;
  let vocab: Vocabulary;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS);
    vocab = await loadVocabulary(h.db);
  });
  afterAll(() => h.close());

  it("drops greetings and thanks, corrects misspellings against the knowledge base", async () => {
    const a = await analyzeQuery(h.db, vocab, "Hello, I was wondering about my mom's diabetis and kidney stones, thank you so much");
    const lexemes = a.terms.map((t) => t.lexeme);
    expect(lexemes).toEqual(expect.arrayContaining(["diabet", "kidney", "stone"]));
    // Who the question is about is the story, not the subject.
    for (const filler of ["hello", "wonder", "thank", "much", "mom"]) expect(lexemes).not.toContain(filler);
    expect(a.terms.find((t) => t.lexeme === "diabet")?.correctedFrom).toBe("diabetis");
  });

  it("weighs subject-line words up and counts unknown words as information it cannot match", async () => {
    const a = await analyzeQuery(h.db, vocab, "asthma\nmy son wheezes at night near the zzyzx");
    const asthma = a.terms.find((t) => t.lexeme === "asthma")!;
    const wheez = a.terms.find((t) => t.lexeme === "wheez")!;
    expect(asthma.weight).toBeGreaterThan(wheez.weight);
    expect(a.unknownWeight).toBeGreaterThan(0);
    expect(a.totalWeight).toBeGreaterThan(a.unknownWeight);
    // A person's own word the knowledge base lacks ("zzyzx", "kids", "mom") weighs less than its rarest word.
    const one = await analyzeQuery(h.db, vocab, "asthma zzyzx");
    expect(one.unknownWeight).toBeLessThan(vocab.rarestIdf);
    expect(one.unknownWeight).toBeGreaterThan(vocab.rarestIdf / 2);
  });

  it("keeps a long message to its most informative terms", async () => {
    const story = `${CONDITIONS.map((d) => d.sections[0].text).join(" ")} What should I do?`;
    const a = await analyzeQuery(h.db, vocab, story);
    const content = a.terms.filter((t) => !t.headingOnly && !t.expandedFrom);
    expect(content.length).toBe(MAX_QUERY_TERMS);
    expect(a.contentTerms).toBeGreaterThan(MAX_QUERY_TERMS);
    for (let i = 1; i < content.length; i++)
      expect(content[i].idf * content[i].weight).toBeLessThanOrEqual(content[i - 1].idf * content[i - 1].weight);
  });

  it("adds the sections a question asks for as heading-only terms", async () => {
    const a = await analyzeQuery(h.db, vocab, "Why do I get asthma?");
    expect(a.terms.filter((t) => t.headingOnly).map((t) => t.lexeme)).toEqual(expect.arrayContaining(["caus"]));
    expect(a.terms.filter((t) => !t.headingOnly).map((t) => t.lexeme)).toContain("asthma");
  });

  it("adds the asked section even when the aspect word is also a content word, and marks that word as the aspect", async () => {
    // "symptom" is in the knowledge base's text, so it is a content term; its section heading
    // must still be asked for, or its small IDF leaves the "Symptoms" heading without weight.
    const a = await analyzeQuery(h.db, vocab, "What are the symptoms of type 2 diabetes?");
    const symptom = a.terms.filter((t) => t.lexeme === "symptom");
    expect(symptom.map((t) => t.headingOnly === true).sort()).toEqual([false, true]);
    expect(symptom.find((t) => !t.headingOnly)?.aspect).toBe(true);
    expect(a.terms.find((t) => t.lexeme === "diabet")?.aspect).toBeUndefined();
    // Two-word aspects ("side effects") are read on consecutive words (this knowledge base has
    // "side", not "effect"); "side" or "effects" alone is not one.
    const side = await analyzeQuery(h.db, vocab, "migraine pill side effects");
    expect(side.terms.filter((t) => t.headingOnly).map((t) => t.lexeme)).toEqual(["side"]);
    const apart = await analyzeQuery(h.db, vocab, "effects of migraine on the side of the head");
    expect(apart.terms.filter((t) => t.headingOnly)).toEqual([]);
  });

  it("corrects a misspelling as typed when stemming puts it out of the lexeme corrector's reach", async () => {
    // "diffrence" stems to diffrenc, three edits from differ; "difference" is one slip from what was typed.
    const v = new Vocabulary(
      10_000,
      new Map([
        ["differ", 300],
        ["type", 900],
        ["diabet", 400],
        ["dead", 50],
        ["tall", 20],
      ]),
    );
    const a = await analyzeQuery(h.db, v, "what is the diffrence between type 1 and type 2 diabetes");
    expect(a.terms.find((t) => t.lexeme === "differ")?.correctedFrom).toBe("diffrence");
    expect(a.unknownWeight).toBe(0);
    // A real word the knowledge base lacks is not bent into one it knows by stemming half of it away.
    const b = await analyzeQuery(h.db, v, "deadlines at work and diabetes");
    expect(b.terms.map((t) => t.lexeme)).not.toContain("dead");
    expect(b.unknownWeight).toBeGreaterThan(0);
    // Nor is another form of a word ("tallest": a slip away from "talles", which stems to tall).
    expect((await analyzeQuery(h.db, v, "the tallest mountain")).terms.map((t) => t.lexeme)).not.toContain("tall");
  });

  it("keeps the condition of a long story over its rarer incidental words", async () => {
    const story = [
      "kitchen",
      "church",
      "garden",
      "window",
      "carpet",
      "ladder",
      "basket",
      "pillow",
      "bucket",
      "hammer",
      "blanket",
      "curtain",
    ];
    const v = new Vocabulary(
      10_000,
      new Map([...story.map((w): [string, number] => [w, 2]), ["asthma", 60]]),
      [],
      4,
      new Map([["asthma", 20]]),
    );
    const a = await analyzeQuery(h.db, v, `I cleaned the ${story.join(" and the ")} and then my asthma flared up`);
    expect(a.contentTerms).toBeGreaterThan(MAX_QUERY_TERMS);
    expect(a.terms.map((t) => t.lexeme)).toContain("asthma");
    expect(a.terms.filter((t) => !t.headingOnly)).toHaveLength(MAX_QUERY_TERMS);
  });

  it("names the subject line's terms when the knowledge base knows every word of it", async () => {
    expect((await analyzeQuery(h.db, vocab, "asthma\nmy son wheezes at night near the zzyzx")).subject).toEqual(["asthma"]);
    // An unknown word in the subject line: the subject does not decide anything.
    expect((await analyzeQuery(h.db, vocab, "asthma zzyzx\nmy son wheezes at night")).subject).toEqual([]);
    expect((await analyzeQuery(h.db, vocab, "my son wheezes at night near the zzyzx")).subject).toEqual([]);
  });
});
