// The gpt-oss plain graph as the trainer would consume it: standard ops only (PLAIN_OPS plus
// the routing/clamp ops listed in GPT_OSS_PLAIN_EXTRA_OPS), and gradients of LoRA q_proj/v_proj
// adapters that the autodiff computes through the sinks, the top-k routing and the clamps
// agree with finite differences (float64).
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gradientCheck } from "../onnx/autodiff-check";
import { GPT_OSS_PLAIN_EXTRA_OPS } from "./gpt-oss";
import { readHfModel, type HfModel } from "./hf-dir";
import { buildPlainGraph, loraInputNames, PLAIN_OPS } from "./plain";
import { seededTokens, tempDir, tinyModelDir } from "./test-helpers";
import { seededRandom } from "./tiny";

let root: { dir: string; cleanup: () => Promise<void> };
let model: HfModel;
beforeAll(async () => {
  root = await tempDir("oss-plain");
  model = await readHfModel(await tinyModelDir(root.dir, "oss", { family: "gpt-oss", seed: 71, hiddenSize: 32, numHeads: 4, numKvHeads: 2, intermediateSize: 32, windowSize: 3 }));
});
afterAll(async () => root.cleanup());

describe("gpt-oss plain graph", () => {
  it("uses only PLAIN_OPS and the listed routing ops, all from the default domain", () => {
    const g = buildPlainGraph(model, { output: "logits", trainable: "all", lora: { targets: ["q_proj", "v_proj"], rank: 2 } });
    const allowed = new Set<string>([...PLAIN_OPS, ...GPT_OSS_PLAIN_EXTRA_OPS]);
    for (const n of g.nodes) expect(allowed.has(n.op), n.op).toBe(true);
    expect(g.nodes.every((n) => n.domain === "")).toBe(true);
  });

  it("LoRA q_proj/v_proj gradients through sinks, top-k routing and clamps match finite differences", async () => {
    const rank = 2;
    const g = buildPlainGraph(model, { output: "logits", floatType: "float64", lora: { targets: ["q_proj", "v_proj"], rank, scale: 2 } });
    const rng = seededRandom(5);
    const weights = new Float64Array(model.dims.vocabSize).map(() => rng.normal());
    const loss = g.op("ReduceSum", [g.op("Mul", ["logits", g.constant("w", { dtype: "float64", dims: [model.dims.vocabSize], data: weights })])], { keepdims: 0 });
    const tokens = seededTokens(6, 4);
    const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]) };
    const wrt: string[] = [];
    for (const t of model.family.loraTargets(model.dims).filter((x) => x.layer === 0 && (x.shortName === "q_proj" || x.shortName === "v_proj"))) {
      const names = loraInputNames(t.module);
      feeds[names.a] = new ort.Tensor("float64", Float64Array.from({ length: rank * t.inFeatures }, () => rng.normal() * 0.3), [rank, t.inFeatures]);
      feeds[names.b] = new ort.Tensor("float64", Float64Array.from({ length: t.outFeatures * rank }, () => rng.normal() * 0.3), [t.outFeatures, rank]);
      wrt.push(names.a, names.b);
    }
    for (const input of g.inputs) {
      if (!feeds[input.name]) {
        const shape = input.shape as number[];
        feeds[input.name] = new ort.Tensor("float64", new Float64Array(shape.reduce((a, b) => a * b, 1)), shape); // other layers' adapters: zero
      }
    }
    const result = await gradientCheck(g, { loss, wrt, feeds, samplesPerTensor: 6, step: 1e-5 });
    expect(result.worst).toBeLessThan(1e-5);
  });
});
