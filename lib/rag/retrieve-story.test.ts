// A parent's short story around a question, over the real starter knowledge base: "my son (2) has
// had diarrhea since yesterday and threw up twice. how do i keep him hydrated and when should i take
// him to the doctor?" got no passage (visitor walk-through). Its story was read as content — "twice",
// the "take" of "take him to the doctor" — "threw up" (vomiting) weighed half as a figurative name, and the
// coverage floor counted only its 5 content words, as if it were a 5-word question. Now the story's
// words lengthen the message for the floor, and an off-topic story still gets nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { analyzeQuery } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { freshStarterDb } from "./test-helpers";
import { loadVocabulary } from "./vocabulary";

const STORY =
  "my son (2) has had diarrhea since yesterday and threw up twice. how do i keep him hydrated and when should i take him to the doctor?";

describe("a short story around a question, over the starter knowledge base", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshStarterDb(embedder);
  }, 120_000);
  afterAll(() => h.close());

  it("reads the story's words as the story, and 'threw up' as vomiting", async () => {
    const a = await analyzeQuery(h.db, await loadVocabulary(h.db), STORY);
    const lexemes = a.terms.filter((t) => !t.headingOnly).map((t) => t.lexeme);
    expect(lexemes).not.toContain("twice");
    expect(lexemes).not.toContain("take"); // "take him to the doctor" is no medicine
    expect(a.terms.find((t) => t.lexeme === "vomit")?.weight).toBe(1);
    expect(a.storyWords).toBeGreaterThanOrEqual(3); // son, yesterday, doctor, keep
    // "can I take ibuprofen" still takes a medicine
    const ibuprofen = await analyzeQuery(h.db, await loadVocabulary(h.db), "can i take ibuprofen with high blood pressure");
    expect(ibuprofen.terms.map((t) => t.lexeme)).toContain("take");
  });

  it("finds the stomach bug page for it", async () => {
    for (const mode of ["text", "hybrid"] as const) {
      const found = await retrieveHybrid(h.db, mode === "text" ? null : embedder, STORY, { mode, k: 5 });
      expect(found[0]?.title, mode).toBe("Gastroenteritis (stomach bug)");
    }
  });

  it("an off-topic story still gets nothing", async () => {
    for (const story of [
      "my son asked me twice since yesterday: how do I change a flat tyre on his bike? should I take him to the shop?",
      "my daughter keeps asking me who won the football world cup in 2014, she has a quiz at school tomorrow",
    ])
      expect(await retrieveHybrid(h.db, embedder, story), story).toEqual([]);
  });
});
