import { describe, expect, it } from "vitest";

import { fnv1a32, mulberry32 } from "./hash";

describe("fnv1a32", () => {
  it("matches the published FNV-1a 32-bit test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("hashes integer sequences unit by unit, like the string of those code units", () => {
    expect(fnv1a32([1, 2, 3])).toBe(fnv1a32("\u0001\u0002\u0003"));
    expect(fnv1a32(new Set([104, 105]))).toBe(fnv1a32("hi"));
  });
});

describe("mulberry32", () => {
  it("gives the same stream for a seed (pinned: the tiny models and held-out data depend on it)", () => {
    const r = mulberry32(42);
    expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});
