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

/**
 * How a contender runs: its thread count (the engine's onnxruntime intra-op threads, llama.cpp's
 * n_threads) and, for the engine, whether onnxruntime's pool threads spin between parallel ops
 * instead of sleeping (LoadOptions.spinning). Spinning costs a busy core and is compared like one
 * more step up: a spinning 2-thread engine must be clearly faster than the best of the others.
 */
export interface ThreadSetting {
  threads: number;
  spinning?: boolean;
}

export interface ThreadProbe extends ThreadSetting {
  /** Decode tok/s of each probe, in the order they ran. */
  rates: number[];
}

export interface ThreadChoice extends ThreadSetting {
  probes: ThreadProbe[];
  /** Median probe rate at the chosen setting (a later measurement far below it was disturbed). */
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

/** Cheapest first: fewer threads, and at equal threads sleeping before spinning. */
const cost = (s: ThreadSetting) => s.threads + (s.spinning ? 0.5 : 0);

/**
 * The cheapest setting unless a costlier one is clearly faster (see the file comment). `outliers`:
 * how many probes per side may be set aside (1 by default; 0 = every probe must win).
 */
export function chooseSetting(probes: ThreadProbe[], margin = 1.1, outliers = 1): ThreadProbe {
  const sorted = [...probes].sort((a, b) => cost(a) - cost(b));
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
  return best;
}

/** The thread count `chooseSetting` picks. */
export function chooseThreads(probes: ThreadProbe[], margin = 1.1, outliers = 1): number {
  return chooseSetting(probes, margin, outliers).threads;
}

const asSetting = (s: number | ThreadSetting): ThreadSetting => (typeof s === "number" ? { threads: s } : s);

/**
 * Runs `probe(setting)` (one short decode, returns tok/s) `repeats` times per setting (a thread
 * count, or a ThreadSetting), interleaved with alternating order, and chooses with `chooseSetting`.
 */
export async function probeThreads<S extends number | ThreadSetting>(
  settings: S[],
  probe: (setting: S) => Promise<number>,
  repeats = 5,
  margin = 1.1,
): Promise<ThreadChoice> {
  const rates = settings.map(() => [] as number[]);
  const order = settings.map((_, i) => i);
  for (let r = 0; r < repeats; r++) {
    for (const i of r % 2 === 0 ? order : [...order].reverse()) rates[i]!.push(await probe(settings[i]!));
  }
  const probes = settings.map((s, i) => ({ ...asSetting(s), rates: rates[i]! }));
  const chosen = chooseSetting(probes, margin);
  return { threads: chosen.threads, ...(chosen.spinning ? { spinning: true } : {}), probes, chosenMedian: median(chosen.rates) };
}

/** "1 thread", "2 threads", "2 threads spinning". */
export function describeSetting(s: ThreadSetting): string {
  return `${s.threads} thread${s.threads > 1 ? "s" : ""}${s.spinning ? " spinning" : ""}`;
}

/** "1 thread: 522/435/451 tok/s, 2 threads: 5/5/3 → 1". */
export function describeChoice(c: ThreadChoice): string {
  const parts = c.probes.map((p) => `${describeSetting(p)}: ${p.rates.map((x) => x.toFixed(0)).join("/")} tok/s`);
  return `${parts.join(", ")} → ${c.spinning ? describeSetting(c) : c.threads}`;
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
export function idleHostProbe<S>(probe: (setting: S) => Promise<number>): (setting: S) => Promise<number> {
  return async (setting) => {
    const t0 = threadTimes();
    const w0 = performance.now();
    const rate = await probe(setting);
    const wall = performance.now() - w0;
    const stolen = stolenMs(t0, threadTimes());
    return stolen > 0 && stolen < wall ? (rate * wall) / (wall - stolen) : rate;
  };
}
