// Consumer names (lay-terms.ts): a person who writes "underactive thyroid", "blood in my pee"
// or a brand name finds the page written in the professional term, in a real PGlite knowledge
// base; the professional term is used only when the knowledge base knows it, and the words of
// a lay form must be close together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { LAY_TERMS } from "./lay-terms";
import { analyzeQuery, isFiller } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDb } from "./test-helpers";
import { vocabularyFor } from "./vocabulary";

const PAGES = [
  doc(
    "hypothyroidism",
    "Hypothyroidism",
    "Hypothyroidism means the thyroid gland makes too little hormone. It causes tiredness, weight gain and feeling cold; levothyroxine replaces the hormone.",
  ),
  doc(
    "hematuria",
    "Hematuria",
    "Hematuria is red blood cells in the urine. It can come from the kidneys, the bladder or the prostate and should be checked by a doctor.",
  ),
  doc(
    "atorvastatin",
    "Atorvastatin",
    "Atorvastatin is a statin that lowers cholesterol. Muscle aches are a side effect to report; grapefruit juice raises its level.",
  ),
  doc(
    "diuretics",
    "Diuretics",
    "Diuretics make the kidneys pass more salt and water. They treat swelling and lower blood pressure; they can lower potassium.",
  ),
  doc(
    "drinking-water",
    "Drinking water safety",
    "Tap water is treated to remove germs. Boil water when a notice says so, and store bottled water cool.",
  ),
  doc(
    "syncope",
    "Syncope",
    "Syncope is a brief loss of consciousness when blood flow to the brain drops. Lie down with the legs raised; see a doctor after a first faint.",
  ),
  ...CONDITIONS,
];

describe("consumer names (lay-terms.ts)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), PAGES);
  });
  afterAll(() => h.close());

  const first = async (q: string, mode: "text" | "hybrid" = "text") =>
    (await retrieveHybrid(h.db, mode === "text" ? null : createHashingEmbedder(), q, { mode, k: 3 }))[0]?.documentId;

  it("a lay name finds the page written in the professional term", async () => {
    for (const mode of ["text", "hybrid"] as const) {
      expect(await first("I think I have an underactive thyroid, I am exhausted all the time", mode)).toBe("hypothyroidism");
      expect(await first("my urine was pink this morning, could it be blood in the urine?", mode)).toBe("hematuria");
      expect(await first("my doctor put me on a water pill and I pee all the time, is that normal?", mode)).toBe("diuretics");
    }
  });

  it("a brand name the knowledge base does not use is read as its generic name", async () => {
    const vocabulary = await vocabularyFor(h.db);
    const analyzed = await analyzeQuery(h.db, vocabulary, "Lipitor and grapefruit juice");
    expect(analyzed.terms.find((t) => t.lexeme === "atorvastatin")).toMatchObject({ expandedFrom: "lipitor" });
    expect(analyzed.unknownWeight).toBe(0);
    expect(await first("can I eat grapefruit while on Lipitor?")).toBe("atorvastatin");
  });

  it("the words of a lay form must be close together", async () => {
    const vocabulary = await vocabularyFor(h.db);
    const far = await analyzeQuery(h.db, vocabulary, "I take my blood test pill in the morning and drink a lot of water at night");
    expect(far.terms.some((t) => t.lexeme === "diuret")).toBe(false);
    const near = await analyzeQuery(h.db, vocabulary, "my blood pressure is high and the doctor gave me a pill for water");
    expect(near.terms.find((t) => t.lexeme === "diuret")).toMatchObject({ expandedFrom: "water pill" });
  });

  it("a lay form whose other words are stop words counts only as written ('passing out', not 'passing it to')", async () => {
    const vocabulary = await vocabularyFor(h.db);
    const lexemes = async (q: string) => (await analyzeQuery(h.db, vocabulary, q)).terms.map((t) => t.lexeme);
    expect(await lexemes("I keep passing out when I stand up")).toContain("syncop");
    expect(await lexemes("my dad passed out in the kitchen")).toContain("syncop");
    expect(await lexemes("Does HIV medicine prevent passing it to my partner?")).not.toContain("syncop");
    expect(await lexemes("I passed my driving test but feel dizzy")).not.toContain("syncop");
  });

  it("a professional term the knowledge base lacks is not added", async () => {
    const vocabulary = await vocabularyFor(h.db);
    const analyzed = await analyzeQuery(h.db, vocabulary, "What helps hay fever?");
    expect(analyzed.terms.map((t) => t.lexeme)).not.toContain("rhiniti");
  });

  it("no lay form is made of words the message reader drops as filler (it could never match)", () => {
    const words = LAY_TERMS.flatMap(([lay]) => lay.split("|")).flatMap((form) =>
      form
        .toLowerCase()
        .replace(/['’]/g, "")
        .split(/[^a-z0-9]+/),
    );
    expect(words.filter((w) => w && isFiller(w))).toEqual([]);
  });
});
