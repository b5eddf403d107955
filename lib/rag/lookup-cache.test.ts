import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { cacheOf, lookUpThrough } from "./lookup-cache";
import { analyzeQuery } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, freshDb } from "./test-helpers";
import { loadVocabulary, Vocabulary } from "./vocabulary";

/** The same database, counting the statements sent through it. */
function counting(db: Db): { db: Db; statements: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === "execute" || prop === "transaction") && typeof v === "function")
        return (...args: unknown[]) => {
          n++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      return v;
    },
  });
  return { db: proxy, statements: () => n };
}

describe("lookUpThrough", () => {
  it("asks only for the keys it has not seen, in one call, and caches what it was given", async () => {
    const cache = cacheOf<number>({}, "lengths");
    const asked: string[][] = [];
    const fetch = async (keys: string[]) => {
      asked.push(keys);
      return new Map(keys.filter((k) => k !== "skip").map((k) => [k, k.length]));
    };
    expect(await lookUpThrough(cache, ["gout", "flu"], fetch)).toEqual(
      new Map([
        ["gout", 4],
        ["flu", 3],
      ]),
    );
    expect(await lookUpThrough(cache, ["flu", "asthma", "skip"], fetch)).toEqual(
      new Map([
        ["flu", 3],
        ["asthma", 6],
      ]),
    );
    expect(await lookUpThrough(cache, ["gout", "asthma"], fetch)).toEqual(
      new Map([
        ["gout", 4],
        ["asthma", 6],
      ]),
    );
    // "skip" had no value: asked again next time, never cached.
    await lookUpThrough(cache, ["skip"], fetch);
    expect(asked).toEqual([["gout", "flu"], ["asthma", "skip"], ["skip"]]);
  });

  it("keeps one cache per owner and name", () => {
    const a = {};
    expect(cacheOf(a, "x")).toBe(cacheOf(a, "x"));
    expect(cacheOf(a, "x")).not.toBe(cacheOf(a, "y"));
    expect(cacheOf(a, "x")).not.toBe(cacheOf({}, "x"));
  });
});

describe("query analysis without repeated database lookups", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS);
  });
  afterAll(() => h.close());

  it("stems a word once per database, and the same message analyses the same without a statement", async () => {
    const c = counting(h.db);
    const vocab = await loadVocabulary(h.db);
    const text = "my son wheezes at night, is it asthma? what inhaler helps?";
    const first = await analyzeQuery(c.db, vocab, text);
    expect(c.statements()).toBeGreaterThan(0);
    const before = c.statements();
    const again = await analyzeQuery(c.db, vocab, text);
    expect(c.statements()).toBe(before);
    expect(again).toEqual(first);
    // A question of the message: its words were stemmed with the message.
    await analyzeQuery(c.db, vocab, "what inhaler helps?");
    expect(c.statements()).toBe(before);
  });

  it("caches a typed correction with the vocabulary, so a knowledge base that learns the word corrects it", async () => {
    const c = counting(h.db);
    const without = new Vocabulary(
      10_000,
      new Map([
        ["type", 900],
        ["diabet", 400],
      ]),
    );
    const text = "the diffrence between type 1 and type 2 diabetes";
    expect((await analyzeQuery(c.db, without, text)).terms.map((t) => t.lexeme)).not.toContain("differ");
    const before = c.statements();
    await analyzeQuery(c.db, without, text); // the failed correction is cached too
    expect(c.statements()).toBe(before);
    // Ingesting replaces the vocabulary object (vocabulary.ts): its cache starts empty.
    const withWord = new Vocabulary(
      10_000,
      new Map([
        ["type", 900],
        ["diabet", 400],
        ["differ", 300],
      ]),
    );
    const a = await analyzeQuery(c.db, withWord, text);
    expect(a.terms.find((t) => t.lexeme === "differ")?.correctedFrom).toBe("diffrence");
  });

  it("retrieves a message of several questions the same on a second run, with fewer statements", async () => {
    const embedder = createHashingEmbedder();
    const text = "asthma\nMy son wheezes at night. Is asthma inherited? What inhaler is best for a child?";
    const fresh = await freshDb();
    try {
      await ingestSourceDocuments(fresh.db, embedder, CONDITIONS);
      const c = counting(fresh.db);
      const first = await retrieveHybrid(c.db, embedder, text);
      const firstStatements = c.statements();
      const second = await retrieveHybrid(c.db, embedder, text);
      expect(second).toEqual(first);
      expect(first.length).toBeGreaterThan(0);
      // First run: vocabulary, stemming, the whole message and each question; then only the three
      // searches (and the vocabulary's chunk count, when the first run took over its 5 s recheck).
      expect(c.statements() - firstStatements).toBeLessThan(firstStatements);
      expect(c.statements() - firstStatements).toBeGreaterThanOrEqual(3);
      expect(c.statements() - firstStatements).toBeLessThanOrEqual(4);
    } finally {
      await fresh.close();
    }
  });
});
