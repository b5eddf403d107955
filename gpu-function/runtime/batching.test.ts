// Continuous batching: sequences that join at different steps (prefill rows mixed with decode
// rows), have different cache lengths and leave early must decode exactly the tokens they
// decode alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadModel } from "./load";
import { argmax, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import type { KvCacheHandle, LoadedModel } from "./types";

const NEW_TOKENS = 10;

async function greedySolo(model: LoadedModel, prompt: number[]): Promise<number[]> {
  const cache = model.newCache();
  const out: number[] = [];
  let next = prompt;
  while (out.length < NEW_TOKENS) {
    const [logits] = await model.forward([{ tokens: next, cache, lora: null }]);
    out.push(argmax(logits));
    next = [out[out.length - 1]];
  }
  cache.release();
  return out;
}

interface Seq {
  prompt: number[];
  joinAt: number;
  cache?: KvCacheHandle;
  out: number[];
  done: boolean;
}

async function greedyBatched(model: LoadedModel, seqs: Seq[]): Promise<{ maxBatch: number }> {
  let maxBatch = 0;
  for (let step = 0; seqs.some((s) => !s.done); step++) {
    const active = seqs.filter((s) => !s.done && s.joinAt <= step);
    if (active.length === 0) continue;
    for (const s of active) s.cache ??= model.newCache();
    const logits = await model.forward(
      active.map((s) => ({ tokens: s.out.length === 0 ? s.prompt : [s.out[s.out.length - 1]], cache: s.cache!, lora: null })),
    );
    maxBatch = Math.max(maxBatch, active.length);
    active.forEach((s, i) => {
      s.out.push(argmax(logits[i]));
      if (s.out.length === NEW_TOKENS) {
        s.done = true;
        s.cache!.release(); // frees a slot mid-run: the pool compacts while others continue
      }
    });
  }
  return { maxBatch };
}

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("batching");
});
afterAll(async () => root.cleanup());

describe.each(["llama", "gpt-neo", "gpt-oss"] as const)("batched greedy decoding (%s)", (family) => {
  it("gives exactly the tokens of solo decoding when rows join and leave at different steps", async () => {
    const dir = await tinyModelDir(root.dir, family, { family, seed: 21, windowSize: 6 });
    const model = await loadModel(dir, { maxBatch: 6, kvInitialCapacity: 8 });
    try {
      // Prompts joining at the same step are prefilled together, right-padded to the longest.
      const prompts = [
        seededTokens(5, 1),
        seededTokens(9, 2),
        seededTokens(3, 3),
        seededTokens(7, 4),
        seededTokens(1, 5),
        seededTokens(4, 6),
      ];
      const joins = [0, 2, 2, 11, 11, 11];
      const solo: number[][] = [];
      for (const p of prompts) solo.push(await greedySolo(model, p));
      const seqs: Seq[] = prompts.map((prompt, i) => ({ prompt, joinAt: joins[i], out: [], done: false }));
      const { maxBatch } = await greedyBatched(model, seqs);
      expect(maxBatch).toBeGreaterThanOrEqual(3);
      seqs.forEach((s, i) => expect(s.out, `sequence ${i}`).toEqual(solo[i]));
      // Solo outputs are not all identical (the comparison would be vacuous otherwise).
      expect(new Set(solo.map((s) => s.join(","))).size).toBeGreaterThan(1);
    } finally {
      await model.dispose();
    }
  });
});

describe("releasing caches while a forward pass runs", () => {
  it("defers the slot move until the pass ends, so the other rows keep their caches", async () => {
    const dir = await tinyModelDir(root.dir, "release", { family: "llama", seed: 7 });
    const model = await loadModel(dir, { maxBatch: 4 });
    try {
      const prompts = [seededTokens(4, 1), seededTokens(6, 2), seededTokens(5, 3)];
      const solo: number[][] = [];
      for (const p of prompts) solo.push(await greedySolo(model, p));
      const caches = prompts.map(() => model.newCache());
      const outs: number[][] = prompts.map(() => []);
      let logits = await model.forward(prompts.map((p, i) => ({ tokens: p, cache: caches[i], lora: null })));
      logits.forEach((l, i) => outs[i].push(argmax(l)));
      // Free the first sequence's slot from inside the next step's session run (a client
      // disconnect handled mid-step): the slot must not move under the running pass.
      const session = (model as unknown as { session: { run: (...a: unknown[]) => Promise<unknown> } }).session;
      const run = session.run.bind(session);
      session.run = (...args: unknown[]) => {
        caches[0].release();
        return run(...args);
      };
      logits = await model.forward([1, 2].map((i) => ({ tokens: [outs[i].at(-1)!], cache: caches[i], lora: null })));
      session.run = run;
      [1, 2].forEach((i, r) => outs[i].push(argmax(logits[r])));
      while (outs[1].length < NEW_TOKENS) {
        logits = await model.forward([1, 2].map((i) => ({ tokens: [outs[i].at(-1)!], cache: caches[i], lora: null })));
        [1, 2].forEach((i, r) => outs[i].push(argmax(logits[r])));
      }
      expect(outs[1]).toEqual(solo[1]);
      expect(outs[2]).toEqual(solo[2]);
    } finally {
      await model.dispose();
    }
  });
});

describe("forward() input checks", () => {
  it("refuses bad rows with clear errors and enforces the slot and context limits", async () => {
    const dir = await tinyModelDir(root.dir, "checks", { family: "llama", seed: 5, maxPositions: 32 });
    const model = await loadModel(dir, { maxBatch: 2 });
    const other = await loadModel(dir, { maxBatch: 2 });
    try {
      const c = model.newCache();
      await expect(model.forward([{ tokens: [], cache: c, lora: null }])).rejects.toThrow(/no tokens/);
      await expect(model.forward([{ tokens: [999], cache: c, lora: null }])).rejects.toThrow(/outside \[0, 262\)/);
      await expect(model.forward([{ tokens: seededTokens(33, 1), cache: c, lora: null }])).rejects.toThrow(/over the context limit of 32/);
      await expect(model.forward([{ tokens: [1], cache: other.newCache(), lora: null }])).rejects.toThrow(/another model/);
      await expect(
        model.forward([
          { tokens: [1], cache: c, lora: null },
          { tokens: [2], cache: c, lora: null },
        ]),
      ).rejects.toThrow(/same cache/);
      const adapter = { name: "x", rank: 1, scale: 1, weights: new Map() };
      await expect(model.forward([{ tokens: [1], cache: c, lora: adapter }])).rejects.toThrow(/without LoRA slots/);
      await model.forward([{ tokens: [1], cache: c, lora: null }]);
      await model.forward([{ tokens: [1], cache: model.newCache(), lora: null }]);
      await expect(model.forward([{ tokens: [1], cache: model.newCache(), lora: null }])).rejects.toThrow(/KV cache is full: 2 sequences/);
      c.release();
      await expect(model.forward([{ tokens: [1], cache: c, lora: null }])).rejects.toThrow(/released cache/);
      expect(model.maxSequenceLength).toBe(32);
    } finally {
      await model.dispose();
      await other.dispose();
    }
  });
});
