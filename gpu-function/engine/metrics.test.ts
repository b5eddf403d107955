import { describe, expect, it } from "vitest";

import { EngineMetrics } from "./metrics";

describe("EngineMetrics tokens-per-second window", () => {
  it("averages the last 10 s, over at least 1 s", () => {
    const m = new EngineMetrics();
    expect(m.rate(0)).toBe(0);
    // 20 s of a steady 1,000 tok/s stream (one 2-token step every 2 ms).
    for (let t = 0; t < 20_000; t += 2) m.recordTokens(2, t);
    expect(m.rate(20_000)).toBeGreaterThan(990);
    expect(m.rate(20_000)).toBeLessThan(1010);
    // Nothing for 11 s: the window is empty.
    expect(m.rate(31_000)).toBe(0);
  });

  it("spans from the first tokens in the window when the stream started less than 10 s ago", () => {
    const m = new EngineMetrics();
    for (let t = 50_000; t < 52_000; t += 10) m.recordTokens(5, t);
    // 1,000 tokens over the 2 s since the first ones.
    expect(m.rate(52_000)).toBeGreaterThan(495);
    expect(m.rate(52_000)).toBeLessThan(505);
    // A short burst counts over at least 1 s.
    const burst = new EngineMetrics();
    burst.recordTokens(300, 1_000);
    expect(burst.rate(1_050)).toBe(300);
    // Tokens leave the window as it moves: 4 s later the 2 s burst of 1,000 is still averaged over 6 s.
    expect(m.rate(56_000)).toBeCloseTo(1000 / 6, 0);
    expect(m.rate(62_100)).toBe(0);
  });

  it("counts every token in the total counter", () => {
    const m = new EngineMetrics();
    for (let t = 0; t < 30_000; t += 1) m.recordTokens(1, t);
    expect(m.registry.render()).toContain("gpu_function_generated_tokens_total 30000");
  });
});
