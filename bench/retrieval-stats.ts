// Small helpers of the retrieval benchmarks (bench/retrieval.ts, bench/retrieval-profile.ts).

/** The p-th percentile (nearest rank, from below; NaN when empty). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/**
 * What right-padded batches compute: `runs` holds each batch's token lengths. computed = tokens
 * run (batch × longest), area = batch × longest² (attention), real* = the same without padding.
 */
export function paddingOf(runs: readonly (readonly number[])[]): { real: number; computed: number; area: number; realArea: number } {
  let real = 0;
  let computed = 0;
  let area = 0;
  let realArea = 0;
  for (const run of runs) {
    if (run.length === 0) continue;
    const longest = Math.max(...run);
    for (const n of run) {
      real += n;
      realArea += n * n;
    }
    computed += run.length * longest;
    area += run.length * longest * longest;
  }
  return { real, computed, area, realArea };
}
