// Whole-model gradient checks: a 2-layer model of each family, built in float64 by the
// family's plain graph, with the trainer's loss heads; analytic gradients of every
// weight (full training) and of LoRA A/B vs central finite differences.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { gradientCheck } from "../onnx/autodiff-check";
import { FAMILIES } from "../models/registry";
import { resolveTrainConfig } from "./config";
import { initRandomModel } from "./model-io";
import { Rng } from "./rng";
import { buildTrainGraph } from "./train-graph";
// Decoder families here (LM loss); the bert encoder family is checked with its own losses in encoder-train.test.ts.
describe.each(FAMILIES.filter((f) => f.kind !== "encoder").map((f) => [f.name, f] as const))(
  "%s 2-layer model gradients (float64)",
  (_name, family) => {
    const config = family.tinyConfig({
      vocabSize: 23,
      hiddenSize: 16,
      numLayers: 2,
      numHeads: 4,
      numKvHeads: 2,
      intermediateSize: 24,
      maxPositions: 16,
    });
    it.each(["full", "lora"] as const)("%s", async (mode) => {
      const base = initRandomModel(config, 7, 0.3);
      const cfg = resolveTrainConfig({ mode, lora: { targetModules: ["q_proj", "v_proj"], r: 2, loraAlpha: 4, loraDropout: 0 } });
      const built = await buildTrainGraph({ base, cfg, withGradients: false, floatType: "float64", keepGraph: true });
      const g = built.graph!;
      const rng = new Rng(3);
      const B = 2;
      const S = 5;
      const ids = BigInt64Array.from({ length: B * S }, () => BigInt(Math.floor(rng.next() * 23)));
      const labels = BigInt64Array.from({ length: B * S }, () => BigInt(Math.floor(rng.next() * 23)));
      const weights = Float64Array.from({ length: B * S }, (_, i) => (i % 4 === 3 ? 0 : 0.1));
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor("int64", ids, [B, S]),
        labels: new ort.Tensor("int64", labels, [B, S]),
        label_weights: new ort.Tensor("float64", weights, [B, S]),
      };
      for (const t of built.trainable) {
        const n = t.shape.reduce((a, b) => a * b, 1);
        feeds[t.name] = new ort.Tensor(
          "float64",
          Float64Array.from({ length: n }, () => (rng.next() * 2 - 1) * 0.5),
          t.shape,
        );
      }
      const res = await gradientCheck(g, { loss: built.loss, wrt: built.trainable.map((t) => t.name), feeds, samplesPerTensor: 3 });
      expect(built.trainable.length).toBeGreaterThan(mode === "full" ? 10 : 3);
      expect(res.worst).toBeLessThanOrEqual(1e-5);
    });
  },
);
