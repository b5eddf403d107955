import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { Bm25Index, buildBm25Index, parseTsvector, queryLexemes } from "./eval-bm25";
import { ingestSourceDocuments } from "./ingest";
import { CONDITIONS, freshDb } from "./test-helpers";

describe("Bm25Index", () => {
  it("reads term frequencies from a tsvector's text", () => {
    expect(parseTsvector("'gout':1,7 'it''s':3 'toe':2")).toEqual(
      new Map([
        ["gout", 2],
        ["it's", 1],
        ["toe", 1],
      ]),
    );
  });

  it("scores Okapi BM25: rarer terms, more occurrences and shorter documents rank higher", () => {
    const idx = new Bm25Index();
    idx.add(
      "a",
      new Map([
        ["gout", 1],
        ["pain", 1],
      ]),
    );
    idx.add(
      "b",
      new Map([
        ["gout", 3],
        ["pain", 1],
      ]),
    );
    idx.add(
      "c",
      new Map([
        ["pain", 1],
        ["back", 1],
      ]),
    );
    idx.add("d", new Map([["gout", 1], ["pain", 1], ...Array.from({ length: 20 }, (_, i) => [`w${i}`, 1] as [string, number])]));
    const r = idx.search(["gout", "pain"], 10);
    expect(r.map((x) => x.documentId)).toEqual(["b", "a", "d", "c"]);
    // By hand for "a": idf(gout) = ln(1 + (4 - 3 + 0.5) / 3.5), length 2 vs average 6.5.
    const avg = (2 + 4 + 2 + 22) / 4;
    const part = (idf: number, tf: number, len: number) => (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / avg));
    const expectedA = part(Math.log(1 + 1.5 / 3.5), 1, 2) + part(Math.log(1 + 0.5 / 4.5), 1, 2);
    expect(r.find((x) => x.documentId === "a")!.score).toBeCloseTo(expectedA, 9);
  });
});

describe("buildBm25Index", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS);
  });
  afterAll(() => h.close());

  it("indexes the knowledge base's documents with Postgres's English lexemes", async () => {
    const idx = await buildBm25Index(h.db);
    expect(idx.size).toBe(CONDITIONS.length);
    const terms = await queryLexemes(h.db, "What are the symptoms of kidney stones?");
    expect(terms).toEqual(expect.arrayContaining(["kidney", "stone", "symptom"]));
    expect(idx.search(terms, 3)[0].documentId).toBe("kidney-stones");
  });
});
