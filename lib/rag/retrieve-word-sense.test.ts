// What a word means in the message, not only which word it is (real PGlite knowledge base):
// "my son hears voices" is about hallucinations, not hearing loss; "I'm not diabetic" excludes
// diabetes; "panic attacks … my heart races" does not name "Heart attack". Each case failed
// before query-terms.ts read figurative lay names, negations and words used together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { analyzeQuery, negatedWords, words } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { doc, freshDb } from "./test-helpers";
import { vocabularyFor } from "./vocabulary";

const PAGES = [
  doc(
    "hearing-loss",
    "Hearing loss",
    "Hearing loss makes it hard to hear voices and other sounds. People with hearing loss may hear voices as mumbled. Hearing aids make voices louder.",
  ),
  doc(
    "schizophrenia",
    "Schizophrenia",
    "Schizophrenia is a serious brain illness. People who have it may have hallucinations and hear voices that are not there, or think others are plotting against them.",
  ),
  doc(
    "heart-attack",
    "Heart attack",
    "A heart attack happens when the flow of blood to the heart muscle is blocked. Chest pain, an attack of sweating and shortness of breath are warning signs; call an ambulance.",
  ),
  doc(
    "palpitations",
    "Palpitations",
    "Palpitations are the feeling that your heart is pounding or racing. Anxiety, caffeine and panic can cause them; most are harmless.",
  ),
  doc(
    "panic-disorder",
    "Panic disorder",
    "Panic disorder causes sudden panic attacks: intense fear with a pounding heart, sweating and a feeling of dying. Therapy and medicines help.",
  ),
  doc(
    "diabetic-neuropathy",
    "Diabetic neuropathy",
    "Diabetic neuropathy is nerve damage from high blood sugar. Over years it injures the nerves of the feet and legs, causing numbness, tingling and burning pain. Keeping blood sugar in the target range slows it, and daily foot care prevents ulcers.",
  ),
  doc(
    "peripheral-neuropathy",
    "Peripheral neuropathy",
    "Peripheral neuropathy is damage to the nerves of the feet and hands. Causes include injuries, infections, vitamin B12 deficiency, alcohol and diabetes; in people without diabetes the cause is often not found.",
  ),
  doc(
    "cold-sores",
    "Cold sores",
    "Cold sores are small blisters on the lip caused by the herpes simplex virus. Sun and stress can bring them back.",
  ),
  doc(
    "common-cold",
    "Common cold",
    "The common cold is a virus infection of the nose and throat with a runny nose, sneezing and a sore throat.",
  ),
];

describe("word sense in the message (query-terms.ts, retrieve.ts)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), PAGES);
  });
  afterAll(() => h.close());

  const ranked = async (q: string, mode: "text" | "hybrid" = "text") =>
    (await retrieveHybrid(h.db, mode === "text" ? null : createHashingEmbedder(), q, { mode, k: 5, maxPerDocument: 1 })).map(
      (c) => c.documentId,
    );

  it("a figurative lay name is read as what it means: 'hears voices' → hallucinations, not hearing loss", async () => {
    for (const mode of ["text", "hybrid"] as const) {
      expect((await ranked("my son hears voices", mode))[0]).toBe("schizophrenia");
      expect((await ranked("my heart races at night", mode))[0]).toBe("palpitations");
    }
    const vocabulary = await vocabularyFor(h.db);
    const analyzed = await analyzeQuery(h.db, vocabulary, "my son hears voices");
    expect(analyzed.terms.find((t) => t.lexeme === "hallucin")?.expandedFrom).toMatch(/voices/);
    expect(analyzed.terms.find((t) => t.lexeme === "hear")).toMatchObject({ bodyOnly: true });
  });

  it("a page named by the whole figurative name is still named by it ('cold sores', not the common cold)", async () => {
    expect((await ranked("how do I stop cold sores coming back"))[0]).toBe("cold-sores");
  });

  it("a negated condition does not name the page ('not diabetic')", async () => {
    for (const mode of ["text", "hybrid"] as const)
      expect((await ranked("neuropathy in my feet, I am not diabetic, what causes it?", mode))[0]).toBe("peripheral-neuropathy");
    // Without the negation the diabetic page is the answer.
    expect((await ranked("I am diabetic, neuropathy in my feet, what causes it?"))[0]).toBe("diabetic-neuropathy");
  });

  it("a heading naming two words the message never uses together is not named as a whole", async () => {
    const got = await ranked("I keep having panic attacks out of nowhere, my heart is fine, how do I stop these?");
    expect(got[0]).toBe("panic-disorder");
    expect((await ranked("I think I had a heart attack last year, what are the warning signs?"))[0]).toBe("heart-attack");
  });

  it("negatedWords reads the first content word after a negator, not an inability", () => {
    const content = (w: string) => !["i", "am", "on", "any", "a", "have"].includes(w);
    const at = (text: string) => [...negatedWords(words(text), content)].map((i) => words(text)[i]);
    expect(at("I am not diabetic")).toEqual(["diabetic"]);
    expect(at("not on any meds")).toEqual(["meds"]);
    expect(at("hypoglycemia without diabetes")).toEqual(["diabetes"]);
    expect(at("I can not sleep")).toEqual([]);
    expect(at("non-Hodgkin lymphoma")).toEqual([]);
  });
});
