// The BERT family's fused graph (EmbedLayerNormalization, Attention, SkipLayerNormalization,
// BiasGelu) must match its plain reference (standard ops) on tiny random configs: the encoder's
// hidden states on right-padded batches with token types, and a cross-encoder's classifier logits.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafetensors } from "../onnx/safetensors";
import { BERT_PLAIN_EXTRA_OPS } from "./bert";
import { graphs, rows, runGraph } from "./bert-test-helpers";
import { writeTinyBert } from "./bert-tiny";
import { PLAIN_OPS, PLAIN_SESSION_OPTIONS } from "./plain";
import { maxAbsDiff, tempDir } from "./test-helpers";

const TOLERANCE = 1e-4;

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("bert");
});
afterAll(async () => root.cleanup());

describe("bert fused graph vs plain reference", () => {
  it("hidden states match within 1e-4 on a right-padded batch with token types; padding does not change a row", async () => {
    const dir = path.join(root.dir, "encoder");
    await writeTinyBert(dir, { seed: 21, hiddenSize: 32, numLayers: 3, numHeads: 4 });
    const { model, plain, fused } = await graphs(dir, "hidden");
    const ops = new Set(plain.nodes.map((n) => n.op));
    for (const op of ops) expect([...PLAIN_OPS, ...BERT_PLAIN_EXTRA_OPS] as string[]).toContain(op);
    for (const op of ["EmbedLayerNormalization", "Attention", "SkipLayerNormalization", "BiasGelu"]) expect(fused.nodes.some((n) => n.op === op && n.domain === "com.microsoft"), op).toBe(true);

    const batch = rows(model.dims.vocabSize, 1);
    const h = model.dims.hiddenSize;
    const seq = 17;
    const ref = await runGraph(plain.toBytes(), batch, "hidden", PLAIN_SESSION_OPTIONS);
    const out = await runGraph(fused.toBytes(), batch, "hidden", { graphOptimizationLevel: "all" });
    batch.forEach((r, b) => {
      const span = [b * seq * h, (b * seq + r.ids.length) * h] as const;
      expect(maxAbsDiff(out.subarray(...span), ref.subarray(...span)), `row ${b}`).toBeLessThan(TOLERANCE);
    });
    // The shortest row alone (no padding) equals its padded run: the mask hides padding keys.
    const alone = await runGraph(plain.toBytes(), [batch[2]], "hidden", PLAIN_SESSION_OPTIONS);
    expect(maxAbsDiff(alone, ref.subarray(2 * seq * h, (2 * seq + 4) * h))).toBeLessThan(TOLERANCE);
    // Non-trivial outputs (so a 1e-4 match means something).
    expect(Math.max(...ref.subarray(0, h)) - Math.min(...ref.subarray(0, h))).toBeGreaterThan(0.5);
  });

  it.each([1, 2])("cross-encoder (%i labels) logits match, from a checkpoint with `bert.` names", async (numLabels) => {
    const dir = path.join(root.dir, `cross-${numLabels}`);
    await writeTinyBert(dir, { seed: 30 + numLabels, numLabels });
    const names = [...readSafetensors(await readFile(path.join(dir, "model.safetensors"))).keys()];
    expect(names.filter((n) => !n.startsWith("bert.") && !n.startsWith("classifier."))).toEqual([]);
    const { model, plain, fused } = await graphs(dir, "logits");
    const batch = rows(model.dims.vocabSize, numLabels);
    const ref = await runGraph(plain.toBytes(), batch, "logits", PLAIN_SESSION_OPTIONS);
    const out = await runGraph(fused.toBytes(), batch, "logits", { graphOptimizationLevel: "all" });
    expect(ref.length).toBe(3 * numLabels);
    expect(maxAbsDiff(out, ref)).toBeLessThan(TOLERANCE);
    expect(Math.max(...ref) - Math.min(...ref)).toBeGreaterThan(0.05);
  });
});
