// Decode runs of fp32 logits graphs read the KV pool in place (fused-ops.ts inPlaceDecode, an If
// per layer) instead of GroupQueryAttention's zero-and-copy of the whole capacity. Pins which
// layers take that path, and that a decode step ignores whatever the unused capacity holds (stale
// keys/values of released sequences, here overwritten with large values) while matching the
// plain reference graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ATTN_BIAS } from "../models/fused-graph";
import { readHfModel } from "../models/hf-dir";
import { maxAbsDiff, plainLogits, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import type { TinyModelOptions } from "../models/tiny";
import { loadModel } from "./load";
import type { KvSlotPool } from "./kv-pool";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("in-place-decode");
});
afterAll(async () => root.cleanup());

async function graphOf(
  opts: TinyModelOptions,
  name: string,
  graph: { quantize?: "none" | "int8"; floatType?: "float32" | "float16"; output?: "logits" | "hidden" } = {},
) {
  const model = await readHfModel(await tinyModelDir(root.dir, name, opts));
  const g = model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
    loraModules: new Set(),
    quantize: graph.quantize ?? "none",
    floatType: graph.floatType ?? "float32",
    output: graph.output ?? "logits",
    maxSequenceLength: 64,
  });
  return {
    ifs: g.nodes.filter((n) => n.op === "If").length,
    gqa: g.nodes.filter((n) => n.op === "GroupQueryAttention").length,
    inputs: g.inputs.map((i) => i.name),
  };
}

describe("in-place decode attention", () => {
  it("takes the If path on every global-attention layer of fp32 logits graphs, GQA elsewhere", async () => {
    const llama = await graphOf({ family: "llama", seed: 1, numLayers: 3, numHeads: 4, numKvHeads: 2 }, "llama");
    expect(llama).toMatchObject({ ifs: 3, gqa: 0 });
    expect(llama.inputs).toContain(ATTN_BIAS);
    // Their GQA runs only in the prefill branch, which derives the cache lengths: no inputs for them.
    expect(llama.inputs).not.toContain("seqlens_k");
    expect(llama.inputs).not.toContain("total_sequence_length");
    expect((await graphOf({ family: "llama", seed: 1, numLayers: 2 }, "llama-int8", { quantize: "int8" })).ifs).toBe(2);
    // Sliding-window layers (here all of them) and attention sinks keep GroupQueryAttention.
    const mistral = await graphOf({ family: "llama", seed: 2, numLayers: 2, windowSize: 5 }, "mistral");
    expect(mistral).toMatchObject({ ifs: 0, gqa: 2 });
    expect(mistral.inputs).toEqual(expect.arrayContaining(["seqlens_k", "total_sequence_length"]));
    expect(await graphOf({ family: "gpt-oss", seed: 3, numLayers: 2 }, "gpt-oss")).toMatchObject({ ifs: 0, gqa: 2 });
    // gpt-neo alternates global and local layers: only the global ones.
    expect(await graphOf({ family: "gpt-neo", seed: 4, numLayers: 4, windowSize: 4 }, "gpt-neo")).toMatchObject({ ifs: 2, gqa: 2 });
    // fp16 (the CUDA path) and hidden-state graphs (embeddings: no decode) keep GQA and declare no extra inputs.
    for (const [name, graph] of [
      ["fp16", { floatType: "float16" }],
      ["hidden", { output: "hidden" }],
    ] as const) {
      const g = await graphOf({ family: "llama", seed: 1, numLayers: 2 }, `llama-${name}`, graph);
      expect(g).toMatchObject({ ifs: 0, gqa: 2 });
      expect(g.inputs).not.toContain(ATTN_BIAS);
    }
  });

  it("ignores the unused capacity of the pool and matches the plain graph", async () => {
    const dir = await tinyModelDir(root.dir, "decode", { family: "llama", seed: 7, numLayers: 2, numHeads: 4, numKvHeads: 2 });
    const model = await loadModel(dir, { maxBatch: 2, lora: null });
    try {
      // A longer sequence grows the pool and leaves its keys/values behind when released.
      const long = model.newCache();
      await model.forward([{ tokens: seededTokens(40, 1), cache: long, lora: null }]);
      long.release();
      const pool = (model as unknown as { pool: KvSlotPool }).pool;
      for (let l = 0; l < pool.numLayers; l++) {
        pool.keys[l]!.fill(1e6);
        pool.values[l]!.fill(-1e6);
      }
      const prompt = seededTokens(6, 2);
      const cache = model.newCache();
      const tokens = [...prompt];
      let [logits] = await model.forward([{ tokens: prompt, cache, lora: null }]);
      const decoded: Float32Array[] = [];
      for (let i = 0; i < 5; i++) {
        const next = seededTokens(1, 10 + i)[0]!;
        tokens.push(next);
        [logits] = await model.forward([{ tokens: [next], cache, lora: null }]);
        decoded.push(logits!);
      }
      cache.release();
      const reference = await plainLogits(dir, tokens);
      decoded.forEach((l, i) => expect(maxAbsDiff(l, reference[prompt.length + i]!)).toBeLessThan(1e-4));
    } finally {
      await model.dispose();
    }
  });
});
