import { describe, expect, it } from "vitest";

import { applyPenalties, filterCandidates, GREEDY, Rng, SequenceSampler, type SamplingParams } from "./sampler";

const logits = () => Float32Array.from([2.0, 1.0, 0.5, 3.0, -1.0, 0.0]);
const params = (p: Partial<SamplingParams>): SamplingParams => ({ ...GREEDY, ...p });

describe("sampler", () => {
  it("is greedy at temperature 0", () => {
    expect(new SequenceSampler(GREEDY, []).next(logits())).toBe(3);
  });

  it("is reproducible for a seed and differs across seeds", () => {
    const draw = (seed: number) => {
      const s = new SequenceSampler(params({ temperature: 1.5, seed }), []);
      return Array.from({ length: 40 }, () => s.next(logits()));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(new Set(draw(7)).size).toBeGreaterThan(2);
  });

  it("produces uniform RNG output", () => {
    const rng = new Rng(123);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += rng.next();
    expect(sum / 20000).toBeGreaterThan(0.48);
    expect(sum / 20000).toBeLessThan(0.52);
  });

  it("top_k keeps exactly the k most likely tokens", () => {
    expect(filterCandidates(logits(), 1, 2, 1).ids).toEqual([3, 0]);
    const s = new SequenceSampler(params({ temperature: 1, topK: 2, seed: 1 }), []);
    const drawn = new Set(Array.from({ length: 200 }, () => s.next(logits())));
    expect([...drawn].sort()).toEqual([0, 3]);
  });

  it("top_p keeps the smallest prefix reaching p", () => {
    // softmax([2,1,.5,3,-1,0]) ≈ [.226,.083,.050,.614,.011,.030]
    expect(filterCandidates(logits(), 1, 0, 0.6).ids).toEqual([3]);
    expect(filterCandidates(logits(), 1, 0, 0.8).ids).toEqual([3, 0]);
    expect(filterCandidates(logits(), 1, 0, 0.9).ids).toEqual([3, 0, 1]);
    expect(filterCandidates(logits(), 1, 0, 1).ids).toEqual([3, 0, 1, 2, 5, 4]);
  });

  it("applies frequency, presence and repetition penalties", () => {
    const l = logits();
    applyPenalties(l, params({ frequencyPenalty: 0.5, presencePenalty: 1 }), new Map([[3, 2]]), new Set());
    expect(l[3]).toBeCloseTo(3 - 2 * 0.5 - 1);
    const r = logits();
    applyPenalties(r, params({ repetitionPenalty: 2 }), new Map(), new Set([0, 4]));
    expect(r[0]).toBeCloseTo(1.0);
    expect(r[4]).toBeCloseTo(-2.0);
    expect(r[3]).toBeCloseTo(3.0);
  });

  it("a strong frequency penalty stops greedy repetition", () => {
    const s = new SequenceSampler(params({ frequencyPenalty: 2 }), []);
    const out = Array.from({ length: 3 }, () => s.next(logits()));
    expect(out).toEqual([3, 0, 1]); // third step: 3→1.0 ties 1→1.0, argmax keeps the lower id
  });

  it("repetition penalty covers prompt tokens", () => {
    const s = new SequenceSampler(params({ repetitionPenalty: 10 }), [3]);
    expect(s.next(logits())).toBe(0);
  });
});
