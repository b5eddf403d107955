import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import type { Embedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";
import { retrieveHybrid } from "./retrieve";
import { STARTER_KB_SOURCE, ensureStarterKnowledgeBase, starterKnowledgeBaseDir } from "./starter";

/** The topic files of the starter knowledge base (159: 147 conditions and everyday topics, 12 medicines). */
const TOPICS = fs.readdirSync(starterKnowledgeBaseDir()).filter((f) => f.endsWith(".md") && !f.startsWith("_"));
import { freshDb } from "./test-helpers";

describe("ensureStarterKnowledgeBase (the real lib/rag/starter-kb)", () => {
  let h: DbHandle;
  beforeEach(async () => {
    h = await freshDb();
  });
  afterEach(() => h.close());

  it("ingests every topic once, then is a no-op, and answers a common question", async () => {
    const embedder = createHashingEmbedder();
    const first = await ensureStarterKnowledgeBase(h.db, embedder);
    expect(first.failed).toEqual([]);
    expect(TOPICS.length).toBe(159);
    expect(first.added).toBe(TOPICS.length);
    const second = await ensureStarterKnowledgeBase(h.db, embedder);
    expect(second).toBe(first); // the same finished run is shared
    const results = await retrieveHybrid(h.db, embedder, "What are the symptoms of type 2 diabetes?", { k: 4 });
    expect(results[0].title).toMatch(/type 2 diabetes/i);
    expect(results[0].source).toBe(STARTER_KB_SOURCE);
    expect(results[0].url).toMatch(/^https:\/\//);
  });

  it("retries while the embedder is down and succeeds when it comes up", async () => {
    const base = createHashingEmbedder();
    let calls = 0;
    const flaky: Embedder = {
      ...base,
      async embedDocuments(texts) {
        calls++;
        if (calls <= 2) throw new Error("connect ECONNREFUSED 127.0.0.1:8000");
        return base.embedDocuments(texts);
      },
    };
    const report = await ensureStarterKnowledgeBase(h.db, flaky, { retries: 3, retryDelayMs: 5 });
    expect(report.failed).toEqual([]);
    expect(report.added).toBe(TOPICS.length);
  });

  it("answers everyday medicine questions, by generic or brand name", async () => {
    const embedder = createHashingEmbedder();
    await ensureStarterKnowledgeBase(h.db, embedder);
    for (const [q, title] of [
      ["tylenol or advil for a headache", /acetaminophen|ibuprofen/i],
      ["how much ibuprofen can i take in a day", /ibuprofen/i],
      ["metformin side effects", /metformin/i],
      ["does zyrtec make you sleepy", /antihistamines/i],
      ["lisinopril cough", /blood pressure medicines/i],
      ["can i drink alcohol on amoxicillin", /antibiotics/i],
      ["what happens if i stop taking sertraline", /ssri/i],
    ] as const) {
      const results = await retrieveHybrid(h.db, embedder, q, { k: 3 });
      expect(results[0]?.title, q).toMatch(title);
    }
  });

  it("answers a lay question about low blood sugar from the hypoglycemia page, by full text and hybrid", async () => {
    const embedder = createHashingEmbedder();
    await ensureStarterKnowledgeBase(h.db, embedder);
    for (const q of [
      "my blood sugar dropped and I feel shaky, what do I do",
      "I'm diabetic and feel sweaty and shaky, is my sugar low?",
      "what to do for a hypo",
    ]) {
      const text = await retrieveHybrid(h.db, null, q, { mode: "text", k: 3 });
      expect(text[0]?.title, `full text: ${q}`).toBe("Low blood sugar (hypoglycemia)");
      const hybrid = await retrieveHybrid(h.db, embedder, q, { k: 3 });
      expect(hybrid[0]?.title, `hybrid: ${q}`).toBe("Low blood sugar (hypoglycemia)");
      expect(hybrid[0]?.url).toBe("https://medlineplus.gov/hypoglycemia.html");
    }
  });

  it("answers a toddler's or baby's 'temperature' from the fever page, not from a page listing it as a symptom", async () => {
    await ensureStarterKnowledgeBase(h.db, createHashingEmbedder());
    for (const q of ["my toddler has a temperature of 39, what do I do", "my baby has a high temperature"]) {
      const text = await retrieveHybrid(h.db, null, q, { mode: "text", k: 3, maxPerDocument: 2 });
      expect(text[0]?.title, q).toBe("Fever in children");
    }
  });
});
