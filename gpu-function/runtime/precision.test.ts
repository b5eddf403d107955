// The fp16 graph is what the CUDA EP runs; the CPU EP can execute it too, so its numerics and
// KV-cache handling (fp16 pool) are checked here against fp32.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadModel } from "./load";
import { maxAbsDiff, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("fp16");
});
afterAll(async () => root.cleanup());

describe.each(["llama", "gpt-neo", "gpt-oss"] as const)("fp16 graph (%s)", (family) => {
  it("stays close to fp32 through prefill and cached decode", async () => {
    const dir = await tinyModelDir(root.dir, family, { family, seed: 61, windowSize: 6 });
    const fp32 = await loadModel(dir, { maxBatch: 2 });
    const fp16 = await loadModel(dir, { maxBatch: 2, precision: "fp16" });
    try {
      const tokens = seededTokens(14, 6);
      const caches = [fp32.newCache(), fp16.newCache()];
      let [a] = await fp32.forward([{ tokens: tokens.slice(0, 8), cache: caches[0], lora: null }]);
      let [b] = await fp16.forward([{ tokens: tokens.slice(0, 8), cache: caches[1], lora: null }]);
      for (let t = 8; ; t++) {
        const range = Math.max(...a) - Math.min(...a);
        expect(maxAbsDiff(a, b), `position ${t - 1}`).toBeLessThan(0.02 * range);
        if (t === tokens.length) break;
        [a] = await fp32.forward([{ tokens: [tokens[t]], cache: caches[0], lora: null }]);
        [b] = await fp16.forward([{ tokens: [tokens[t]], cache: caches[1], lora: null }]);
      }
      expect(fp16.weightBytes()).toBeLessThan(0.55 * fp32.weightBytes());
    } finally {
      await Promise.all([fp32.dispose(), fp16.dispose()]);
    }
  });
});
