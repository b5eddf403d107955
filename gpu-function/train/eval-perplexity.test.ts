// Perplexity aggregation and the KV-cached reference scorer, checked against a model
// whose probabilities are known in closed form (a bigram table behind the LoadedModel API).
import { describe, expect, it } from "vitest";
import type { ForwardRow, KvCacheHandle, LoadedModel } from "../runtime/types";
import { heldOutPerplexity, loadedModelScorer, tokenNll } from "./eval-perplexity";

const V = 5;
/** logits[prev][next]: a fixed bigram table. */
const table = Array.from({ length: V }, (_, p) => Float32Array.from({ length: V }, (_, n) => Math.sin(p * 3 + n * 1.7) * 2));

class BigramModel implements Pick<LoadedModel, "newCache" | "forward"> {
  calls: number[][] = [];
  newCache(): KvCacheHandle {
    const c = { length: 0, released: false, release: () => void (c.released = true) };
    return c;
  }
  async forward(rows: ForwardRow[]): Promise<Float32Array[]> {
    this.calls.push(rows.map((r) => r.tokens.length));
    return rows.map((r) => {
      (r.cache as { length: number }).length += r.tokens.length;
      return table[r.tokens[r.tokens.length - 1]];
    });
  }
}

function logProb(prev: number, next: number): number {
  return -tokenNll(table[prev], next);
}

describe("tokenNll", () => {
  it("is stable for large logits and equals −log softmax", () => {
    const l = Float32Array.from([1000, 1001, 999]);
    const p = Math.exp(1) / (Math.exp(-1) + 1 + Math.exp(1));
    expect(tokenNll(l, 1)).toBeCloseTo(-Math.log(p), 6);
  });
});

describe("heldOutPerplexity with the KV-cached scorer", () => {
  it("averages NLL over masked tokens only, token-weighted across sequences", async () => {
    const rows = [
      { inputIds: [0, 1, 2, 3, 4], lossMask: [0, 0, 0, 1, 1] }, // prompt 0 1 2, answer 3 4
      { inputIds: [4, 2, 0, 0], lossMask: [0, 1, 0, 0] }, // trailing pad-like tokens unmasked
    ];
    const model = new BigramModel();
    const r = await heldOutPerplexity(loadedModelScorer(model as unknown as LoadedModel), rows);
    const expectedNll = -(logProb(2, 3) + logProb(3, 4) + logProb(4, 2));
    expect(r.tokens).toBe(3);
    expect(r.loss).toBeCloseTo(expectedNll / 3, 5);
    expect(r.perplexity).toBeCloseTo(Math.exp(expectedNll / 3), 4);
    // Prompts go in as one prefill (3 and 1 tokens), then single steps; row 2 stops after its last target.
    expect(model.calls).toEqual([[3, 1], [1]]);
  });

  it("refuses a set with nothing to score", async () => {
    const model = new BigramModel();
    await expect(
      heldOutPerplexity(loadedModelScorer(model as unknown as LoadedModel), [{ inputIds: [1, 2], lossMask: [0, 0] }]),
    ).rejects.toThrow(/no tokens/);
  });
});
