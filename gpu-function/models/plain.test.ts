// The plain reference graph as the trainer consumes it: only PLAIN_OPS, weights as inputs
// when trainable, float64 builds, hidden-state output, right-padded batches.
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DIFFERENTIABLE_OPS } from "../onnx/autodiff";
import { readHfModel, type HfModel } from "./hf-dir";
import { buildPlainGraph, PLAIN_OPS, PLAIN_SESSION_OPTIONS } from "./plain";
import { maxAbsDiff, seededTokens, tempDir, tinyModelDir } from "./test-helpers";

let root: { dir: string; cleanup: () => Promise<void> };
const models: Record<string, HfModel> = {};
beforeAll(async () => {
  root = await tempDir("plain");
  models.llama = await readHfModel(await tinyModelDir(root.dir, "llama", { family: "llama", seed: 51, qkvBias: true, windowSize: 5 }));
  models["gpt-neo"] = await readHfModel(await tinyModelDir(root.dir, "neo", { family: "gpt-neo", seed: 52, windowSize: 4 }));
});
afterAll(async () => root.cleanup());

/** Runs a plain graph, feeding every weight input from the model's tensors. */
async function run(model: HfModel, g: ReturnType<typeof buildPlainGraph>, ids: number[][], double = false): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(g.toBytes(), PLAIN_SESSION_OPTIONS);
  const seq = ids[0].length;
  const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor("int64", BigInt64Array.from(ids.flat(), BigInt), [ids.length, seq]) };
  for (const input of g.inputs.slice(1)) {
    const t = model.tensors.get(input.name)!;
    feeds[input.name] = double ? new ort.Tensor("float64", Float64Array.from(t.data), t.shape) : new ort.Tensor("float32", t.data, t.shape);
  }
  const out = await session.run(feeds);
  await session.release();
  return out[g.outputs[0].name];
}

describe("PLAIN_OPS", () => {
  it("are all differentiable by the autodiff (Shape only sizes, no gradient)", () => {
    expect(PLAIN_OPS.filter((op) => op !== "Shape" && !DIFFERENTIABLE_OPS.includes(op))).toEqual([]);
  });
});

describe.each(["llama", "gpt-neo"])("plain graph (%s)", (family) => {
  it("uses only PLAIN_OPS from the default domain, with or without LoRA and trainable weights", () => {
    const g = buildPlainGraph(models[family], { output: "logits", trainable: "all", lora: { targets: ["q_proj", "v_proj"], rank: 2 } });
    const used = new Set(g.nodes.map((n) => n.op));
    for (const op of used) expect(PLAIN_OPS as readonly string[]).toContain(op);
    expect(g.nodes.every((n) => n.domain === "")).toBe(true);
    expect(g.inputs.some((i) => i.name.endsWith(".lora_A.weight"))).toBe(true);
  });

  it("turns exactly the trainable weights into inputs and builds the same function in float64", async () => {
    const model = models[family];
    const name = [...model.tensors.keys()].find((n) => n.includes(".0.") && n.endsWith("q_proj.weight"))!;
    const partial = buildPlainGraph(model, { output: "logits", trainable: new Set([name]) });
    expect(partial.inputs.map((i) => i.name)).toEqual(["input_ids", name]);
    expect(partial.initializers.has(name)).toBe(false);

    const ids = [seededTokens(9, 1)];
    const f32 = (await run(model, buildPlainGraph(model, { output: "logits" }), ids)).data as Float32Array;
    const g64 = buildPlainGraph(model, { output: "logits", trainable: "all", floatType: "float64" });
    expect(g64.initializers.size).toBeGreaterThan(0); // masks, rope tables and shape constants stay constant
    const f64 = await run(model, g64, ids, true);
    expect(f64.type).toBe("float64");
    expect(maxAbsDiff(f64.data as Float64Array, f32)).toBeLessThan(1e-4);
  });

  it("gives right-padded rows the logits they get alone, and can output hidden states", async () => {
    const model = models[family];
    const long = seededTokens(10, 2);
    const short = seededTokens(6, 3);
    const g = buildPlainGraph(model, { output: "logits" });
    const batch = (await run(model, g, [long, [...short, 0, 0, 0, 0]])).data as Float32Array;
    const alone = (await run(model, g, [short])).data as Float32Array;
    const v = model.dims.vocabSize;
    expect(maxAbsDiff(batch.subarray(10 * v, 16 * v), alone)).toBeLessThan(1e-5);

    const hidden = await run(model, buildPlainGraph(model, { output: "hidden" }), [long]);
    expect(hidden.dims).toEqual([1, 10, model.dims.hiddenSize]);
  });
});
