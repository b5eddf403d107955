// How the benchmarks pick a thread count for a contender (this engine and llama.cpp alike) on a
// small shared host. Short decode probes at each count run interleaved, several times, with the
// order alternated (1,2 then 2,1 ...) so neither count always gets the quieter moment; more
// threads are chosen only when they are CLEARLY faster: every probe at the higher count beats
// every probe at the lower one, and its median by `margin` (10 %). Otherwise the lower count wins.
// Why: on a 2-vCPU host llama.cpp's 2 threads wait for each other at every op in a spinning
// barrier (ggml_barrier), so one descheduled thread stalls the other for a whole time slice;
// measured here at load 4–9, models/base f32: 1 thread 227–522 tok/s, 2 threads 2–8 tok/s.
// A single lucky probe at 2 threads once led to a measured run 10× below that probe.

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

/** The fewest threads unless a higher count is clearly faster (see the file comment). */
export function chooseThreads(probes: ThreadProbe[], margin = 1.1): number {
  const sorted = [...probes].sort((a, b) => a.threads - b.threads);
  if (sorted.length === 0 || sorted.some((p) => p.rates.length === 0)) throw new Error("chooseThreads: every thread count needs probes");
  let best = sorted[0]!;
  for (const p of sorted.slice(1)) {
    const clearly = Math.min(...p.rates) > Math.max(...best.rates) && median(p.rates) >= margin * median(best.rates);
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
  repeats = 3,
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
