// Aspect questions over the real starter knowledge base: among the passages of one page, the
// section the question asks for comes first ("What are the symptoms of type 2 diabetes?" →
// "Type 2 diabetes > Symptoms", not "> What it is"), and a section heading alone never lifts
// another subject's page above the page asked about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { retrieveHybrid } from "./retrieve";
import { freshStarterDb } from "./test-helpers";

/** Question → the heading path of the passage that answers it. */
const ASPECT_QUESTIONS: [string, string][] = [
  ["What are the symptoms of type 2 diabetes?", "Type 2 diabetes > Symptoms"],
  ["signs of type 2 diabetes", "Type 2 diabetes > Symptoms"],
  ["How can I prevent type 2 diabetes?", "Type 2 diabetes > Prevention"],
  ["treatment for type 2 diabetes", "Type 2 diabetes > Treatment and management"],
  ["What are the side effects of metformin?", "Metformin > Side effects"],
  ["what does metformin do to your stomach", "Metformin > Side effects"],
  ["What are the side effects of levothyroxine?", "Levothyroxine > Side effects"],
  ["levothyroxine adverse reactions", "Levothyroxine > Side effects"],
  ["How should I take levothyroxine?", "Levothyroxine > Safety and interactions"],
  ["What are the symptoms of stage 3 CKD?", "Chronic kidney disease > Symptoms"],
  ["How is stage 3 chronic kidney disease treated?", "Chronic kidney disease > Treatment and management"],
  ["symptoms of hypothyroidism", "Underactive thyroid (hypothyroidism) > Symptoms"],
  ["symptoms of a heart attack", "Heart attack warning signs > Symptoms"],
  // Consumer words for treatment: what helps, relieves, eases.
  ["What helps with hay fever?", "Hay fever (allergic rhinitis) > Treatment and management"],
  ["what relieves hay fever", "Hay fever (allergic rhinitis) > Treatment and management"],
  // The section asked for need not repeat the topic's words: the leaflet's Treatment section
  // never says "heartburn", yet it answers "get rid of heartburn".
  ["how do i get rid of heartburn", "Acid reflux and GERD > Treatment and management"],
  ["treatment for heartburn", "Acid reflux and GERD > Treatment and management"],
  // "What can I do?" asks what helps.
  ["my hay fever is driving me mad this spring, what can i do?", "Hay fever (allergic rhinitis) > Treatment and management"],
  ["gout flare in my big toe, what should I do", "Gout > Treatment and management"],
  // …and for when to get help.
  ["when should someone with asthma go to the ER", "Asthma > When to seek care"],
];

describe("aspect questions over the starter knowledge base", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshStarterDb(embedder);
  });
  afterAll(() => h.close());

  it("When is a child's fever an emergency? → Fever in children > When to seek care (full-text; hybrid with the default embedder)", async () => {
    // With this test's hashing embedder, hybrid puts Pneumonia's section first (the default
    // embedder puts Fever in children first: \`npm run kb -- search\` on the starter base).
    const text = await retrieveHybrid(h.db, null, "When is a child's fever an emergency?", { mode: "text", k: 3 });
    expect(text.map((c) => c.headingPath)[0]).toBe("Fever in children > When to seek care");
  });

  it.each(ASPECT_QUESTIONS)("%s → %s (full-text and served hybrid)", async (question, heading) => {
    const text = await retrieveHybrid(h.db, null, question, { mode: "text", k: 3 });
    expect(text.map((c) => c.headingPath)[0]).toBe(heading);
    const hybrid = await retrieveHybrid(h.db, embedder, question, { k: 3 });
    expect(hybrid.map((c) => c.headingPath)[0]).toBe(heading);
  });

  it("does not let a section heading alone lift another subject's page", async () => {
    // Every medicine page has a "Side effects" section: the page asked about keeps all its
    // passages that hold its name ahead of other medicines' "Side effects".
    for (const [question, page] of [
      ["What are the side effects of metformin?", "Metformin"],
      ["What are the symptoms of stage 3 CKD?", "Chronic kidney disease"],
    ]) {
      const results = await retrieveHybrid(h.db, null, question, { mode: "text", k: 8 });
      const own = results.map((c, i) => (c.headingPath.startsWith(`${page} >`) ? i : -1)).filter((i) => i >= 0);
      const other = results.findIndex((c) => !c.headingPath.startsWith(`${page} >`));
      expect(own.length, question).toBeGreaterThanOrEqual(3);
      if (other >= 0)
        expect(
          own.slice(0, 3).every((i) => i < other),
          question,
        ).toBe(true);
    }
  });
});
