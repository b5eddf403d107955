// How the benchmarks pick a thread count for a contender (this engine and llama.cpp alike) on a
// small shared host. Short decode probes at each count run interleaved, several times, with the
// order alternated (1,2 then 2,1 ...) so neither count always gets the quieter moment; more
// threads are chosen only when they are CLEARLY faster: with one outlier set aside on each side
// (the slowest probe at the higher count, the fastest at the lower one), every remaining probe
// at the higher count beats every remaining one at the lower count, and the higher count's
// median is `margin` (10 %) above the lower one's. Otherwise the lower count wins.
// Why "clearly": on a 2-vCPU host llama.cpp's 2 threads wait for each other at every op in a
// spinning barrier (ggml_barrier), so one descheduled thread stalls the other for a whole time
// slice; measured here at load 4–9, models/base f32: 1 thread 227–522 tok/s, 2 threads 2–8 tok/s.
// A single lucky probe at 2 threads once led to a measured run 10× below that probe.
// Why one outlier aside: with every probe required to win, ONE disturbed probe (a time slice
// lost to another process during a 50 ms probe) vetoed a count that won every other probe by
// 3–4× (int4 418/422/116 vs 94/102/128 tok/s, docs/engine-profile.md, seventh session); a
// collapse like llama.cpp's shows in most probes, not one.

import { readdirSync, readFileSync } from "node:fs";

export interface ThreadProbe {
  threads: number;
  /** Decode tok/s of each probe, in the order they ran. */
  rates: number[];
}

export interface ThreadChoice {
  threads: number;
  probes: ThreadProbe[];
  /** Median probe rate at the chosen count (a later measurement far below it was disturbed). */
  chosenMedian: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** `rates` without its `n` largest (`from: "top"`) or smallest (`"bottom"`) values; never empties it. */
function trimmed(rates: number[], n: number, from: "top" | "bottom"): number[] {
  const k = Math.min(n, rates.length - 1);
  const s = [...rates].sort((a, b) => a - b);
  return from === "top" ? s.slice(0, s.length - k) : s.slice(k);
}

/**
 * The fewest threads unless a higher count is clearly faster (see the file comment). `outliers`:
 * how many probes per side may be set aside (1 by default; 0 = every probe must win).
 */
export function chooseThreads(probes: ThreadProbe[], margin = 1.1, outliers = 1): number {
  const sorted = [...probes].sort((a, b) => a.threads - b.threads);
  if (sorted.length === 0 || sorted.some((p) => p.rates.length === 0)) throw new Error("chooseThreads: every thread count needs probes");
  let best = sorted[0]!;
  for (const p of sorted.slice(1)) {
    // With fewer than 4 probes a side, setting one aside would let a minority decide: all must win.
    const n = Math.min(p.rates.length, best.rates.length) >= 4 ? outliers : 0;
    const clearly =
      Math.min(...trimmed(p.rates, n, "bottom")) > Math.max(...trimmed(best.rates, n, "top")) &&
      median(p.rates) >= margin * median(best.rates);
    if (clearly) best = p;
  }
  return best.threads;
}

/**
 * Runs `probe(threads)` (one short decode, returns tok/s) `repeats` times per count, interleaved
 * with alternating order, and chooses with `chooseThreads`.
 */
export async function probeThreads(
  counts: number[],
  probe: (threads: number) => Promise<number>,
  repeats = 5,
  margin = 1.1,
): Promise<ThreadChoice> {
  const rates = new Map(counts.map((t) => [t, [] as number[]]));
  for (let r = 0; r < repeats; r++) {
    for (const t of r % 2 === 0 ? counts : [...counts].reverse()) rates.get(t)!.push(await probe(t));
  }
  const probes = counts.map((threads) => ({ threads, rates: rates.get(threads)! }));
  const threads = chooseThreads(probes, margin);
  return { threads, probes, chosenMedian: median(rates.get(threads)!) };
}

/** "1 thread: 522/435/451 tok/s, 2 threads: 5/5/3 → 1". */
export function describeChoice(c: ThreadChoice): string {
  const parts = c.probes.map((p) => `${p.threads} thread${p.threads > 1 ? "s" : ""}: ${p.rates.map((x) => x.toFixed(0)).join("/")} tok/s`);
  return `${parts.join(", ")} → ${c.threads}`;
}

/** Per thread of this process: [ns on a CPU, ns runnable but waiting for one] (Linux schedstat; empty elsewhere). */
export function threadTimes(): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
      if (Number.isFinite(run) && Number.isFinite(wait)) out.set(tid, [run!, wait!]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/**
 * How long its busiest thread (the one doing the decode: Node's main thread for the engine,
 * llama.cpp's worker for llama.cpp) waited, runnable, for a CPU that other processes held
 * between two `threadTimes()` snapshots, in ms. A run's wall time minus this estimates its wall
 * time on an idle host. The estimate keeps the waits that are the contender's own — a spinning
 * llama.cpp thread stalled by its descheduled partner is on a CPU, so a collapse still shows;
 * the engine's main thread sleeping for its pool's other thread still counts — so at 2 threads
 * it is, if anything, pessimistic.
 */
export function stolenMs(t0: Map<string, [number, number]>, t1: Map<string, [number, number]>): number {
  let busiest = { run: -1, wait: 0 };
  for (const [tid, [run, wait]] of t1) {
    const [run0, wait0] = t0.get(tid) ?? [0, 0];
    if (run - run0 > busiest.run) busiest = { run: run - run0, wait: wait - wait0 };
  }
  return Math.max(0, busiest.wait) / 1e6;
}

/**
 * Wraps a probe (one short decode returning tok/s) so its rate is corrected for the time the
 * host took away from it: rate × wall / (wall − stolen). A probe that lost a time slice to
 * another process then no longer reads slower than it is, which is what vetoed 2 threads on
 * one disturbed probe (docs/engine-profile.md, seventh and eighth sessions). The rates the
 * benchmark reports stay wall-clock; only the thread choice uses this.
 */
export function idleHostProbe(probe: (threads: number) => Promise<number>): (threads: number) => Promise<number> {
  return async (threads) => {
    const t0 = threadTimes();
    const w0 = performance.now();
    const rate = await probe(threads);
    const wall = performance.now() - w0;
    const stolen = stolenMs(t0, threadTimes());
    return stolen > 0 && stolen < wall ? (rate * wall) / (wall - stolen) : rate;
  };
}
