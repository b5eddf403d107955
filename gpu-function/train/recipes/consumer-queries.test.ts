// The consumer-style query generator and the BM25 used to mine hard negatives.
import { describe, expect, it } from "vitest";

import { Rng } from "../rng";
import { Bm25Index, bm25Terms } from "./bm25";
import { consumerVariants, layTopic, typo } from "./consumer-queries";
import { rankingMetrics } from "./reranker-data";

const SOURCE = { question: "What are the treatments for Hypertension ?", focus: "Hypertension", qtype: "treatment" };

describe("consumerVariants", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(consumerVariants(SOURCE, 5, 1)).toEqual(consumerVariants(SOURCE, 5, 1));
    expect(consumerVariants(SOURCE, 5, 1)).not.toEqual(consumerVariants(SOURCE, 5, 2));
  });

  it("keeps the topic (as written or in lay words) and varies the form: longer, lay words, first person", () => {
    const variants = consumerVariants(SOURCE, 60, 3);
    // Typos may hit the topic word too (as people's do): most variants still spell it.
    expect(variants.filter((v) => /hypertension|high (blood pressure|bp)/i.test(v)).length).toBeGreaterThan(48);
    expect(new Set(variants).size).toBeGreaterThan(40);
    expect(variants.some((v) => /high (blood pressure|bp)/i.test(v))).toBe(true);
    expect(variants.some((v) => /\b(i|my)\b/i.test(v))).toBe(true);
    expect(variants.filter((v) => v.length > SOURCE.question.length * 2).length).toBeGreaterThan(10);
    expect(variants.some((v) => v === v.toLowerCase())).toBe(true);
  });

  it("typos change one letter position in longer words and leave short words alone", () => {
    const rng = new Rng(4);
    expect(typo("the", rng)).toBe("the");
    for (let i = 0; i < 20; i++) {
      const t = typo("pressure", rng);
      expect(Math.abs(t.length - 8)).toBeLessThanOrEqual(1);
      expect(t[0]).toBe("p");
    }
    expect(layTopic("Diabetes Mellitus (type 2), adult", new Rng(1))).not.toMatch(/[(),]/);
  });
});

describe("Bm25Index", () => {
  it("ranks by term weight with OR semantics, ignoring stopwords", () => {
    const index = new Bm25Index([
      "high blood pressure treatment with diet",
      "blood test results",
      "the the the of and",
      "treatment of gout",
    ]);
    expect(bm25Terms("What is the treatment?")).toEqual(["treatment"]);
    const hits = index.search("what is the treatment for high blood pressure", 3);
    expect(hits[0].doc).toBe(0);
    expect(hits.map((h) => h.doc)).not.toContain(2);
    expect(index.search("zzz", 3)).toEqual([]);
  });

  it("rankingMetrics: MRR@10 and hits over candidate orders", () => {
    const cases = [
      { query: "q", candidates: ["a", "b", "c"], relevant: [1] },
      { query: "q", candidates: ["a"], relevant: [] },
    ];
    expect(rankingMetrics(cases, [[1, 0, 2], [0]])).toEqual({ mrrAt10: 0.5, hitAt1: 0.5, hitAt10: 0.5 });
    expect(rankingMetrics(cases, [[0, 1, 2], [0]]).mrrAt10).toBeCloseTo(0.25, 9);
  });
});
