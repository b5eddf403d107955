import { describe, expect, it } from "vitest";
import { answerUnitQuoted, partsAnswered } from "./answer-metrics";

const SOURCES = [
  "Gout is a painful form of arthritis. It often starts in the big toe.",
  "Gout attacks are treated with anti-inflammatory medicines. Long-term medicines lower uric acid.",
  "Shingles is a painful rash.",
];

describe("partsAnswered", () => {
  it("counts a part answered when a verbatim sentence cites one of its right sources", () => {
    const answer = "Gout is a painful form of arthritis. [1] Gout attacks are treated with anti-inflammatory medicines. [2]";
    expect(partsAnswered(answer, SOURCES, [[1], [2]])).toEqual([true, true]);
    // Only the first part's source quoted: the second part is not answered.
    expect(partsAnswered("Gout is a painful form of arthritis. [1] It often starts in the big toe. [1]", SOURCES, [[1], [2]])).toEqual([
      true,
      false,
    ]);
    // A part whose right passage was not among the sources cannot be answered.
    expect(partsAnswered(answer, SOURCES, [[1], []])).toEqual([true, false]);
  });

  it("does not count a sentence that is not in the source its marker cites, nor one without a marker", () => {
    expect(partsAnswered("Gout attacks are treated with anti-inflammatory medicines. [1]", SOURCES, [[1], [2]])).toEqual([false, false]);
    expect(partsAnswered("Gout is treated with cherries. [2]", SOURCES, [[2]])).toEqual([false]);
    expect(partsAnswered("Gout attacks are treated with anti-inflammatory medicines.", SOURCES, [[2]])).toEqual([false]);
  });
});

describe("answerUnitQuoted", () => {
  const source = "The common cold is a mild viral infection. Colds spread through droplets. A cold usually lasts about a week to ten days.";
  const expected = ["A cold usually lasts about a week"];
  it("tells whether the answer quotes the expected sentence, and whether it opens with it", () => {
    expect(
      answerUnitQuoted("A cold usually lasts about a week to ten days. [1] Colds spread through droplets. [1]", [source], expected),
    ).toEqual({
      shown: true,
      quoted: true,
      first: true,
    });
    expect(
      answerUnitQuoted(
        "The common cold is a mild viral infection. [1] A cold usually lasts about a week to ten days. [1]",
        [source],
        expected,
      ),
    ).toEqual({ shown: true, quoted: true, first: false });
    expect(answerUnitQuoted("The common cold is a mild viral infection. [1]", [source], expected)).toEqual({
      shown: true,
      quoted: false,
      first: false,
    });
  });
  it("does not count the sentence cited to a source that does not hold it, nor one not shown", () => {
    expect(answerUnitQuoted("A cold usually lasts about a week to ten days. [2]", [source, "Other text."], expected).quoted).toBe(false);
    expect(answerUnitQuoted("Other text. [1]", ["Other text."], expected)).toEqual({ shown: false, quoted: false, first: false });
  });
});
