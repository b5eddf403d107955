import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { RetrievalError, retrieveHybrid, VECTOR_MAX_CONTENT_TERMS } from "./retrieve";
import { CONDITIONS, doc, freshDb } from "./test-helpers";

describe("retrieveHybrid", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDb();
    const longGout = doc(
      "gout-guide",
      "Gout guide",
      Array.from(
        { length: 12 },
        (_, i) => `Gout flare advice ${i}: rest the joint, use ice, drink water and see a clinician about uric acid.`,
      ).join(" "),
      "Partner",
    );
    const r = await ingestSourceDocuments(h.db, embedder, [...CONDITIONS, longGout], { chunk: { maxChars: 300, overlapChars: 50 } });
    expect(r.failed).toEqual([]);
    await h.db.execute(sql`analyze chunks`); // statistics present, as after a real load
  });
  afterAll(() => h.close());

  it("ranks the right document first and returns citation fields", async () => {
    const results = await retrieveHybrid(h.db, embedder, "What are the symptoms of type 2 diabetes?", { k: 3 });
    expect(results[0]).toMatchObject({
      documentId: "diabetes-2",
      chunkId: "diabetes-2#0",
      title: "Type 2 diabetes",
      url: "https://example.org/diabetes-2",
      source: "Test",
      headingPath: "Type 2 diabetes",
    });
    expect(results[0].text).toContain("thirst");
    expect(results[0].vectorRank).toBe(1);
    expect(results[0].textRank).toBe(1);
    expect(results[0].score).toBeCloseTo(1, 6); // first in both lists
    for (let i = 1; i < results.length; i++) expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
  });

  it("searches a long message by full text alone (no embedding request) and a short one with the vector too", async () => {
    let requests = 0;
    const counting = { dim: embedder.dim, embedQuery: (t: string) => (requests++, embedder.embedQuery(t)) };
    const long =
      "Hello, my mother keeps waking at night with terrible pain and swelling in her big toe joint, " +
      "the doctor mentioned uric acid crystals last winter. What should she eat or avoid?";
    const hybrid = await retrieveHybrid(h.db, counting, long, { k: 3 });
    expect(requests).toBe(0);
    expect(hybrid[0].documentId).toBe("gout");
    expect(hybrid.every((r) => r.vectorRank === null)).toBe(true);
    const text = await retrieveHybrid(h.db, null, long, { mode: "text", k: 3 });
    expect(hybrid.map((r) => [r.chunkId, r.score])).toEqual(text.map((r) => [r.chunkId, r.score]));
    // Mode "vector" is asked for the vector whatever the length.
    await retrieveHybrid(h.db, counting, long, { mode: "vector", k: 3 });
    expect(requests).toBeGreaterThan(0);
    requests = 0;
    const short = await retrieveHybrid(h.db, counting, "gout in the big toe", { k: 3 });
    expect(requests).toBeGreaterThan(0);
    expect(short[0].vectorRank).not.toBeNull();
    expect(VECTOR_MAX_CONTENT_TERMS).toBeGreaterThanOrEqual(4);
  });

  it("each retriever alone still finds an exact topic", async () => {
    const text = await retrieveHybrid(h.db, null, "kidney stones pain", { mode: "text", k: 2 });
    expect(text[0].documentId).toBe("kidney-stones");
    expect(text[0].vectorRank).toBeNull();
    const vector = await retrieveHybrid(h.db, embedder, "throbbing headache with nausea", { mode: "vector", k: 2 });
    expect(vector[0].documentId).toBe("migraine");
    expect(vector[0].textRank).toBeNull();
  });

  it("filters by source", async () => {
    const results = await retrieveHybrid(h.db, embedder, "pain and swelling in the big toe joint", { sources: ["Partner"], k: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.source))).toEqual(new Set(["Partner"]));
    const none = await retrieveHybrid(h.db, embedder, "asthma wheezing", { sources: ["Nobody"] });
    expect(none).toEqual([]);
  });

  it("applies the score floor and returns nothing for an unrelated question", async () => {
    const all = await retrieveHybrid(h.db, embedder, "gout uric acid joint pain", { k: 10 });
    expect(all.length).toBeGreaterThan(2);
    const floored = await retrieveHybrid(h.db, embedder, "gout uric acid joint pain", { k: 10, minScore: all[1].score });
    expect(floored.length).toBeLessThan(all.length);
    expect(floored.every((r) => r.score >= all[1].score)).toBe(true);
    expect(await retrieveHybrid(h.db, embedder, "quantum chromodynamics on a lattice", { k: 5 })).toEqual([]);
  });

  it("limits chunks per document when asked", async () => {
    const many = await retrieveHybrid(h.db, embedder, "gout flare advice", { k: 6 });
    expect(many.filter((r) => r.documentId === "gout-guide").length).toBeGreaterThan(1);
    const diverse = await retrieveHybrid(h.db, embedder, "gout flare advice", { k: 6, maxPerDocument: 1 });
    const ids = diverse.map((r) => r.documentId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("rejects bad requests with a reason", async () => {
    await expect(retrieveHybrid(h.db, embedder, "   ")).rejects.toThrow(RetrievalError);
    await expect(retrieveHybrid(h.db, embedder, "asthma", { k: 0 })).rejects.toThrow(/k must be/);
    await expect(retrieveHybrid(h.db, null, "asthma")).rejects.toThrow(/needs an embedder/);
  });
});

describe("full-text candidates in a large knowledge base", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    // 2,400 chunks that all mention fever and symptoms, two that also mention a rare term.
    await h.db.execute(sql`insert into documents (id, source, title, checksum) values ('bulk', 'Test', 'Bulk', 'x')`);
    await h.db.execute(sql`insert into chunks (id, document_id, position, text)
      select 'bulk#' || i, 'bulk', i, 'Fever is a common symptom; note ' || i || ' about fever symptoms in general.'
      from generate_series(0, 2399) as i`);
    await h.db.execute(sql`insert into chunks (id, document_id, position, text) values
      ('bulk#rare1', 'bulk', 5000, 'Fever with a rash may point to scarlatina in children.'),
      ('bulk#rare2', 'bulk', 5001, 'Scarlatina is treated with antibiotics.')`);
    await h.db.execute(sql`analyze chunks`);
  });
  afterAll(() => h.close());

  it("lets a rare term gather the candidates and decide the ranking", async () => {
    const results = await retrieveHybrid(h.db, null, "scarlatina fever", { mode: "text", k: 10, minScore: 0 });
    // "fever" is in >10 % of chunks: only chunks with "scarlatina" are candidates (BM25: the shorter one first).
    expect(results.map((r) => r.chunkId)).toEqual(["bulk#rare2", "bulk#rare1"]);
  });

  it("still finds chunks when every query term is common, through the strict match", async () => {
    const results = await retrieveHybrid(h.db, null, "fever symptoms", { mode: "text", k: 5, minScore: 0 });
    expect(results).toHaveLength(5);
    expect(results.every((r) => /fever/i.test(r.text))).toBe(true);
  });
});

describe("heading matches", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), [
      doc("vitd", "Vitamin D", "Vitamin D helps the body absorb calcium from food."),
      doc("gout", "Gout", "Gout is a painful arthritis of the big toe."),
      doc(
        "rickets",
        "Vitamin D-dependent rickets type 1A: genetic changes in children",
        "In vitamin D-dependent rickets the body cannot use vitamin D: a blood test shows a low vitamin D level and calcium.",
      ),
    ]);
  });
  afterAll(() => h.close());

  it("count more in a short heading that is the subject than in a long one that mentions it", async () => {
    const found = await retrieveHybrid(h.db, null, "my vitamin D level is 12, what does that mean?", { mode: "text", k: 2 });
    expect(found.map((r) => r.documentId)).toEqual(["vitd", "rickets"]);
  });
});
