// Evaluation metrics on known examples.
import { describe, expect, it } from "vitest";
import { decisionAccuracy, parseDecision } from "./eval-decision";
import { LossCurve } from "./eval-loss-curve";
import { lcsLength, meanRougeL, rougeL, rougeTokens } from "./eval-rouge";

describe("ROUGE-L", () => {
  it("matches rouge-score's documented example (P .625, R .5556, F .5882)", () => {
    const s = rougeL("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog");
    expect(s.precision).toBeCloseTo(5 / 8, 10);
    expect(s.recall).toBeCloseTo(5 / 9, 10);
    expect(s.f1).toBeCloseTo(0.588235294, 8);
  });

  it("computes LCS on subsequences, not substrings", () => {
    expect(lcsLength(["a", "b", "c", "d", "e"], ["a", "c", "e"])).toBe(3);
    expect(lcsLength(["x", "y"], ["y", "x"])).toBe(1);
    expect(lcsLength([], ["a"])).toBe(0);
  });

  it("is 1 for identical text up to case and punctuation, 0 for disjoint or empty text", () => {
    expect(rougeTokens("Beta-blockers, e.g. ATENOLOL!")).toEqual(["beta", "blockers", "e", "g", "atenolol"]);
    expect(rougeL("Aspirin thins blood.", "aspirin thins blood").f1).toBe(1);
    expect(rougeL("completely different", "nothing shared here").f1).toBe(0);
    expect(rougeL("", "reference").f1).toBe(0);
  });

  it("macro-averages over pairs", () => {
    const m = meanRougeL([
      { candidate: "a b", reference: "a b" },
      { candidate: "c", reference: "d" },
    ]);
    expect(m.f1).toBe(0.5);
  });
});

describe("yes/no/maybe parsing and accuracy", () => {
  it("prefers an explicit Answer line, then a leading word, then the last decision word", () => {
    expect(parseDecision("The trial found no effect on mortality.\n\nAnswer: no")).toBe("no");
    expect(parseDecision("Yes — the sources [1][2] agree, though maybe larger trials are needed.")).toBe("yes");
    expect(parseDecision("Evidence was mixed, so the honest reply is maybe.")).toBe("maybe");
    expect(parseDecision("Final answer: **Maybe**")).toBe("maybe");
    expect(parseDecision("Answer: yes. Answer: no")).toBe("no");
    expect(parseDecision("The data are insufficient.")).toBeNull();
    expect(parseDecision("Nobody knows")).toBeNull(); // "no" inside a word is not a decision
  });

  it("scores accuracy with unparsed answers counted wrong and a confusion table", () => {
    const r = decisionAccuracy([
      { answer: "Answer: yes", gold: "yes" },
      { answer: "No.", gold: "no" },
      { answer: "Answer: yes", gold: "maybe" },
      { answer: "unclear", gold: "no" },
    ]);
    expect(r).toMatchObject({ correct: 2, total: 4, unparsed: 1, accuracy: 0.5 });
    expect(r.confusion.maybe.yes).toBe(1);
    expect(r.confusion.no.none).toBe(1);
  });
});

describe("LossCurve", () => {
  it("collects points, smooths without start-up bias and exports CSV", () => {
    const curve = new LossCurve(0.5);
    curve.add({ step: 1, loss: 4, lr: 1e-3 });
    curve.add({ step: 2, loss: 2, evalLoss: Math.log(8) });
    expect(curve.smoothed[0].loss).toBe(4); // first point is itself, not 0.5·4
    expect(curve.smoothed[1].loss).toBeCloseTo((0.5 * 0.5 * 4 + 0.5 * 2) / 0.75, 12);
    expect(curve.summary()).toMatchObject({ steps: 2, first: 4, last: 2, min: 2 });
    expect(curve.evalPoints()[0].perplexity).toBeCloseTo(8, 12);
    expect(curve.toCsv().split("\n")[1]).toBe("1,4,4,0.001,,");
    expect(() => curve.add({ step: 3, loss: NaN })).toThrow(/not finite/);
  });
});
