import { describe, expect, it } from "vitest";
import { aggregate, ndcgAt, pairedBootstrapGain, rankedDocuments, recallAt } from "./eval-metrics";

describe("retrieval metrics", () => {
  const rel = new Set(["b"]);
  it("recall@k is a hit within the first k", () => {
    expect(recallAt(["a", "b", "c"], rel, 1)).toBe(0);
    expect(recallAt(["a", "b", "c"], rel, 2)).toBe(1);
    expect(recallAt([], rel, 10)).toBe(0);
  });
  it("nDCG@k discounts by log2 of the rank and normalises by the ideal", () => {
    expect(ndcgAt(["b"], rel, 10)).toBe(1);
    expect(ndcgAt(["a", "b"], rel, 10)).toBeCloseTo(1 / Math.log2(3), 10);
    expect(ndcgAt(["a", "c"], rel, 10)).toBe(0);
    const two = new Set(["a", "c"]);
    expect(ndcgAt(["a", "b", "c"], two, 10)).toBeCloseTo((1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)), 10);
  });
  it("documents count once at their best chunk; aggregate averages", () => {
    expect(rankedDocuments([{ documentId: "x" }, { documentId: "y" }, { documentId: "x" }])).toEqual(["x", "y"]);
    const m = aggregate([
      { ranked: ["b"], relevant: rel },
      { ranked: ["a", "a2", "a3", "a4", "a5", "b"], relevant: rel },
    ]);
    expect(m).toMatchObject({ queries: 2, recall1: 0.5, recall5: 0.5, recall10: 1 });
  });

  it("paired bootstrap: an identical pair has a zero-width interval, a uniform gain is found, too few throw", () => {
    const a = [0.5, 0.2, 0.9, 0.4, 0.7];
    expect(pairedBootstrapGain(a, a, 500)).toEqual({ low: 0, high: 0 });
    const g = pairedBootstrapGain(
      a,
      a.map((x) => x * 1.1),
      500,
    );
    expect(g.low).toBeCloseTo(0.1, 6);
    expect(g.high).toBeCloseTo(0.1, 6);
    const mixed = pairedBootstrapGain([1, 1, 1, 1], [2, 0, 2, 0], 2000);
    expect(mixed.low).toBeLessThan(0);
    expect(mixed.high).toBeGreaterThan(0);
    expect(pairedBootstrapGain([1, 1, 1, 1], [2, 0, 2, 0], 2000)).toEqual(mixed);
    expect(() => pairedBootstrapGain([1], [1, 2])).toThrow();
  });
});
