import { describe, expect, it } from "vitest";
import { aggregate, ndcgAt, rankedDocuments, recallAt } from "./eval-metrics";

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
});
