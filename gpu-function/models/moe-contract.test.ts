// Pins the onnxruntime com.microsoft MoE semantics the gpt-oss fused graph relies on (CPU EP),
// against a naive TypeScript gpt-oss MoE written from transformers' definition:
//   routing = softmax over each token's top-k router logits;
//   gate/up interleaved in the fc1 output, gate = min(gate, limit), up = clamp(up, ±limit),
//   act = (up + 1) · gate · σ(1.702 · gate); out = Σ_k routing · (act · W2ᵀ + b2).
// Kernel layout: fc1 [E, 2I, H] and fc2 [E, H, I] (weights as [out, in]), router LOGITS in.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { GraphBuilder } from "../onnx/graph";
import { seededRandom } from "./tiny";

const T = 7; // tokens
const H = 16;
const I = 8;
const E = 5;
const LIMIT = 1.5; // low enough that both clamps fire on these inputs
const ALPHA = 1.702;

function naive(x: Float32Array, logits: Float32Array, w1: Float32Array, b1: Float32Array, w2: Float32Array, b2: Float32Array, k: number): Float32Array {
  const out = new Float32Array(T * H);
  let clampedGate = 0;
  let clampedUp = 0;
  for (let t = 0; t < T; t++) {
    const ranked = Array.from(logits.subarray(t * E, (t + 1) * E), (v, e) => ({ v, e })).sort((a, b) => b.v - a.v).slice(0, k);
    const z = ranked.reduce((s, r) => s + Math.exp(r.v - ranked[0].v), 0);
    for (const { v, e } of ranked) {
      const weight = Math.exp(v - ranked[0].v) / z;
      const act = new Float64Array(I);
      for (let i = 0; i < I; i++) {
        let gate = b1[e * 2 * I + 2 * i];
        let up = b1[e * 2 * I + 2 * i + 1];
        for (let h = 0; h < H; h++) {
          gate += w1[(e * 2 * I + 2 * i) * H + h] * x[t * H + h];
          up += w1[(e * 2 * I + 2 * i + 1) * H + h] * x[t * H + h];
        }
        if (gate > LIMIT) clampedGate++;
        if (Math.abs(up) > LIMIT) clampedUp++;
        gate = Math.min(gate, LIMIT);
        up = Math.max(-LIMIT, Math.min(LIMIT, up));
        act[i] = (up + 1) * gate / (1 + Math.exp(-ALPHA * gate));
      }
      for (let h = 0; h < H; h++) {
        let y = b2[e * H + h];
        for (let i = 0; i < I; i++) y += w2[(e * H + h) * I + i] * act[i];
        out[t * H + h] += weight * y;
      }
    }
  }
  expect(clampedGate).toBeGreaterThan(0);
  expect(clampedUp).toBeGreaterThan(0);
  return out;
}

async function moe(x: Float32Array, logits: Float32Array, w: Float32Array[], k: number): Promise<Float32Array> {
  const g = new GraphBuilder("moe");
  g.input("x", "float32", [T, H]);
  g.input("logits", "float32", [T, E]);
  const shapes = [[E, 2 * I, H], [E, 2 * I], [E, H, I], [E, H]];
  const weights = w.map((data, i) => g.constant("w", { dtype: "float32", dims: shapes[i], data }));
  g.node("MoE", ["x", "logits", ...weights], {
    domain: "com.microsoft",
    attrs: {
      k, activation_type: "swiglu", swiglu_fusion: 1, swiglu_limit: { float: LIMIT },
      activation_alpha: { float: ALPHA }, activation_beta: { float: 1 }, normalize_routing_weights: 1,
    },
    outputs: ["y"],
  });
  g.output("y", "float32", [T, H]);
  const session = await ort.InferenceSession.create(g.toBytes());
  const r = await session.run({ x: new ort.Tensor("float32", x, [T, H]), logits: new ort.Tensor("float32", logits, [T, E]) });
  await session.release();
  return r.y.data as Float32Array;
}

describe("MoE contrib op contract (onnxruntime-node CPU EP, gpt-oss SwiGLU)", () => {
  const rng = seededRandom(17);
  const rand = (n: number, s = 1) => Float32Array.from({ length: n }, () => rng.normal() * s);
  const x = rand(T * H);
  const logits = rand(T * E, 2);
  const w1 = rand(E * 2 * I * H, 0.4);
  const b1 = rand(E * 2 * I, 0.2);
  const w2 = rand(E * H * I, 0.4);
  const b2 = rand(E * H, 0.2);

  it.each([1, 2, 4])("top-%i routing matches softmax over the top-k logits with clamped interleaved SwiGLU", async (k) => {
    const got = await moe(x, logits, [w1, b1, w2, b2], k);
    const want = naive(x, logits, w1, b1, w2, b2, k);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5);
  });
});
