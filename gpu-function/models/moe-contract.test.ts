// Pins the onnxruntime com.microsoft MoE (and QMoE) semantics the gpt-oss fused graph relies on (CPU EP),
// against a naive TypeScript gpt-oss MoE written from transformers' definition:
//   routing = softmax over each token's top-k router logits;
//   gate/up interleaved in the fc1 output, gate = min(gate, limit), up = clamp(up, ±limit),
//   act = (up + 1) · gate · σ(1.702 · gate); out = Σ_k routing · (act · W2ᵀ + b2).
// Kernel layout: fc1 [E, 2I, H] and fc2 [E, H, I] (weights as [out, in]), router LOGITS in.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { GraphBuilder } from "../onnx/graph";
import { quantizeBlockwise } from "./quantize";
import { maxAbsDiff } from "./test-helpers";
import { seededRandom } from "./tiny";

const T = 7; // tokens
const H = 64; // multiples of the 32-value quantisation block
const I = 32;
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

/** QMoE weights from W [E, N, K] ([out, in] per expert): quantize.ts blocks of W_eᵀ, and the values they decode to. */
function quantized(w: Float32Array, n: number, k: number, bits: 4 | 8): { packed: Uint8Array; scales: Float32Array; decoded: Float32Array } {
  const packed = new Uint8Array((E * n * k * bits) / 8);
  const scales = new Float32Array((E * n * k) / 32);
  const decoded = new Float32Array(E * n * k);
  for (let e = 0; e < E; e++) {
    const wT = new Float32Array(k * n);
    for (let o = 0; o < n; o++) for (let i = 0; i < k; i++) wT[i * n + o] = w[(e * n + o) * k + i];
    const q = quantizeBlockwise(wT, k, n, bits, 32);
    packed.set(q.packed, e * q.packed.length);
    scales.set(q.scales, e * q.scales.length);
    for (let o = 0; o < n; o++) {
      for (let i = 0; i < k; i++) {
        const flat = o * k + i; // codes are stored per output row, along the input
        const code = bits === 8 ? q.packed[flat] : (q.packed[flat >> 1] >> ((flat & 1) * 4)) & 0x0f;
        decoded[(e * n + o) * k + i] = (code - (1 << (bits - 1))) * q.scales[o * (k / 32) + Math.floor(i / 32)];
      }
    }
  }
  return { packed, scales, decoded };
}

async function moe(x: Float32Array, logits: Float32Array, w: Float32Array[], k: number, bits?: 4 | 8): Promise<Float32Array> {
  const g = new GraphBuilder("moe");
  g.input("x", "float32", [T, H]);
  g.input("logits", "float32", [T, E]);
  const shapes = [[E, 2 * I, H], [E, 2 * I], [E, H, I], [E, H]];
  const f32 = (i: number) => g.constant("w", { dtype: "float32", dims: shapes[i], data: w[i] });
  const attrs = {
    k, activation_type: "swiglu", swiglu_fusion: 1, swiglu_limit: { float: LIMIT },
    activation_alpha: { float: ALPHA }, activation_beta: { float: 1 }, normalize_routing_weights: 1,
  };
  if (bits) {
    const fc1 = quantized(w[0], 2 * I, H, bits);
    const fc2 = quantized(w[2], H, I, bits);
    const u8 = (data: Uint8Array, dims: number[]) => g.constant("q", { dtype: "uint8", dims, data });
    const sc = (data: Float32Array, dims: number[]) => g.constant("s", { dtype: "float32", dims, data });
    g.node("QMoE", [
      "x", "logits", u8(fc1.packed, [E, 2 * I, (H * bits) / 8]), sc(fc1.scales, [E, 2 * I, H / 32]), f32(1),
      u8(fc2.packed, [E, H, (I * bits) / 8]), sc(fc2.scales, [E, H, I / 32]), f32(3),
    ], { domain: "com.microsoft", attrs: { ...attrs, expert_weight_bits: bits, block_size: 32 }, outputs: ["y"] });
    w[0].set(fc1.decoded); // the reference uses the decoded weights
    w[2].set(fc2.decoded);
  } else {
    g.node("MoE", ["x", "logits", f32(0), f32(1), f32(2), f32(3)], { domain: "com.microsoft", attrs, outputs: ["y"] });
  }
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
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-4);
  });

  it.each([8, 4] as const)("QMoE with %i-bit block-32 experts (quantize.ts layout) equals the same MoE on the decoded weights", async (bits) => {
    const fc1 = Float32Array.from(w1);
    const fc2 = Float32Array.from(w2);
    const got = await moe(x, logits, [fc1, b1, fc2, b2], 2, bits); // replaces fc1/fc2 by their decoded values
    expect(maxAbsDiff(fc1, w1)).toBeGreaterThan(0); // quantisation did change the weights
    const want = naive(x, logits, fc1, b1, fc2, b2, 2);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-4);
  });
});
