import { describe, expect, it } from "vitest";
import { partsAnswered } from "./answer-metrics";

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
