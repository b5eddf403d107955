// The benchmark's thread-count rule: fewer threads unless more are clearly faster, probes interleaved.
import { describe, expect, it } from "vitest";

import { chooseThreads, describeChoice, idleHostProbe, median, probeThreads, stolenMs, threadTimes } from "./thread-choice";

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

  it("takes 2 threads when one disturbed 2-thread probe of five is the only one below the 1-thread probes", () => {
    // The seventh session's int4 probes: 2 threads 3–4× faster but for one probe caught by the host.
    expect(
      chooseThreads([
        { threads: 1, rates: [94, 102, 128, 110, 99] },
        { threads: 2, rates: [418, 422, 116, 430, 405] },
      ]),
    ).toBe(2);
  });

  it("takes 2 threads when one lucky 1-thread probe of five beats some 2-thread probes", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [400, 410, 560, 405, 395] },
        { threads: 2, rates: [480, 470, 500, 490, 485] },
      ]),
    ).toBe(2);
  });

  it("keeps 1 thread when two of five 2-thread probes collapse (a spinning barrier, not one bad moment)", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [500, 510, 495, 505, 520] },
        { threads: 2, rates: [700, 60, 720, 710, 8] },
      ]),
    ).toBe(1);
  });

  it("keeps 1 thread when the 2-thread median is under the margin even with an outlier set aside", () => {
    expect(
      chooseThreads([
        { threads: 1, rates: [500, 510, 495, 505, 520] },
        { threads: 2, rates: [540, 300, 545, 550, 530] },
      ]),
    ).toBe(1);
  });

  it("with outliers = 0 every probe must win (the old rule)", () => {
    const probes = [
      { threads: 1, rates: [94, 102, 128, 110, 99] },
      { threads: 2, rates: [418, 422, 116, 430, 405] },
    ];
    expect(chooseThreads(probes, 1.1, 0)).toBe(1);
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
    expect(order).toEqual([1, 2, 2, 1, 1, 2, 2, 1, 1, 2]);
    expect(choice.threads).toBe(1);
    expect(choice.chosenMedian).toBe(median([101, 104, 105, 108, 109]));
    expect(describeChoice(choice)).toBe("1 thread: 101/104/105/108/109 tok/s, 2 threads: 10/10/10/10/10 tok/s → 1");
  });
  it("takes spinning 2 threads only when clearly faster than sleeping ones, and names the setting", async () => {
    const settings = [{ threads: 1 }, { threads: 2 }, { threads: 2, spinning: true }];
    const rate = (s: { threads: number; spinning?: boolean }, spun: number) => (s.threads === 1 ? 500 : s.spinning ? spun : 560);
    const clear = await probeThreads(settings, async (s) => rate(s, 700));
    expect(clear).toMatchObject({ threads: 2, spinning: true, chosenMedian: 700 });
    expect(describeChoice(clear)).toBe(
      "1 thread: 500/500/500/500/500 tok/s, 2 threads: 560/560/560/560/560 tok/s, 2 threads spinning: 700/700/700/700/700 tok/s → 2 threads spinning",
    );
    // 5 % over sleeping 2 threads (which are 12 % over 1): not clearly faster, so no busy core for it.
    const marginal = await probeThreads(settings, async (s) => rate(s, 590));
    expect(marginal.threads).toBe(2);
    expect(marginal.spinning).toBeUndefined();
    expect(describeChoice(marginal).endsWith("→ 2")).toBe(true);
  });
});

describe("idle-host correction of a probe", () => {
  it("takes the run-queue wait of the thread that ran the most", () => {
    const t0 = new Map<string, [number, number]>([
      ["1", [1e9, 5e8]],
      ["2", [2e9, 1e9]],
    ]);
    const t1 = new Map<string, [number, number]>([
      ["1", [1.9e9, 5.3e8]], // main: 900 ms on a CPU, waited 30 ms
      ["2", [2.1e9, 1.5e9]], // helper: 100 ms on a CPU, waited 500 ms
      ["3", [5e7, 0]], // a thread started meanwhile
    ]);
    expect(stolenMs(t0, t1)).toBeCloseTo(30, 6);
  });

  it("reads this process's threads on Linux, the main thread among them", () => {
    const times = threadTimes();
    if (process.platform !== "linux") return expect(times.size).toBe(0);
    expect(times.get(String(process.pid))?.[0]).toBeGreaterThan(0);
  });

  it("never reports a probe slower than its wall-clock rate", async () => {
    const probe = idleHostProbe(async () => {
      const end = performance.now() + 20;
      while (performance.now() < end); // a busy probe: whatever the host takes from it is added back
      return 100;
    });
    const rate = await probe(1);
    expect(rate).toBeGreaterThanOrEqual(100);
    expect(Number.isFinite(rate)).toBe(true);
  });
});
