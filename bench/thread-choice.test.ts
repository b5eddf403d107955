// The benchmark's thread-count rule: fewer threads unless more are clearly faster, probes interleaved.
import { describe, expect, it } from "vitest";

import { chooseThreads, describeChoice, median, probeThreads } from "./thread-choice";

describe("chooseThreads", () => {
  it("keeps 1 thread when 2 are only sometimes faster (one lucky probe)", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [667, 640, 650] },
        { threads: 2, rates: [766, 70, 700] },
      ]),
    ).toBe(1);
  });

  it("keeps 1 thread when 2 are always faster but by less than the margin", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [600, 610, 620] },
        { threads: 2, rates: [650, 660, 700] },
      ]),
    ).toBe(1);
  });

  it("takes 2 threads when every probe at 2 beats every probe at 1 by the margin", () => {
    expect(
      chooseThreads([
        { threads: 2, rates: [900, 950, 920] },
        { threads: 1, rates: [500, 520, 480] },
      ]),
    ).toBe(2);
  });

  it("the collapse measured on the shared host picks 1", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [522, 435, 451, 227, 251] },
        { threads: 2, rates: [5, 5, 3, 2, 8] },
      ]),
    ).toBe(1);
  });

  it("refuses to choose without probes", () => {
    expect(() => chooseThreads([{ threads: 1, rates: [] }])).toThrow(/needs probes/);
  });
});

describe("probeThreads", () => {
  it("alternates the order of the counts between repeats and reports the chosen median", async () => {
    const order: number[] = [];
    const choice = await probeThreads([1, 2], async (t) => {
      order.push(t);
      return t === 1 ? 100 + order.length : 10;
    });
    expect(order).toEqual([1, 2, 2, 1, 1, 2]);
    expect(choice.threads).toBe(1);
    expect(choice.chosenMedian).toBe(median([101, 104, 105]));
    expect(describeChoice(choice)).toBe("1 thread: 101/104/105 tok/s, 2 threads: 10/10/10 tok/s → 1");
  });
});
