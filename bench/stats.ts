// Small statistics shared by the benchmarks.

/** The middle value of `xs` (the upper one of the two middles for an even count; NaN when empty). */
export function upperMedian(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}
