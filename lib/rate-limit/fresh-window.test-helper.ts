// Rate-limit windows are fixed and aligned to the wall clock (lib/rate-limit/fixed-window.ts), so a
// test that counts requests up to a limit and expects the next one refused fails whenever its
// requests straddle a window boundary: the count starts again. Such a test first waits, when less
// than `neededMs` of the current window is left, for the next window to begin.

/** Resolves at once when at least `neededMs` of the current window is ahead, else just after the next window starts. */
export async function startInFreshWindow(windowMs: number, neededMs: number): Promise<void> {
  if (!(neededMs < windowMs)) throw new Error(`a test needing ${neededMs} ms cannot fit in a ${windowMs} ms window`);
  const leftInWindow = windowMs - (Date.now() % windowMs);
  if (leftInWindow < neededMs) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 200));
}

/** The index of the window `now` falls in, to check afterwards that a test's requests stayed in one. */
export function windowIndex(windowMs: number, now = Date.now()): number {
  return Math.floor(now / windowMs);
}
