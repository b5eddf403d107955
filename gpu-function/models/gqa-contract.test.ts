// Pins the onnxruntime GroupQueryAttention semantics the fused graphs rely on, against a naive
// TypeScript attention: local_window_size counts keys INCLUDING the query (HF sliding_window /
// GPT-Neo window_size), `scale` replaces 1/sqrt(d) (GPT-Neo uses 1), head_sink adds one
// logit per head to the softmax (gpt-oss), and per-row seqlens_k handle different cache lengths.
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";

import { GraphBuilder } from "../onnx/graph";
import { seededRandom } from "./tiny";

const H = 4;
const KV = 2;
const D = 8;
const S = 7;

function naive(q: Float32Array, k: Float32Array, v: Float32Array, p: { window: number; scale: number; sinks: Float32Array | null }): Float32Array {
  const out = new Float32Array(S * H * D);
  for (let h = 0; h < H; h++) {
    const kh = Math.floor(h / (H / KV));
    for (let i = 0; i < S; i++) {
      const keys = [];
      for (let j = 0; j <= i; j++) if (p.window <= 0 || i - j < p.window) keys.push(j);
      const scores = keys.map((j) => {
        let dot = 0;
        for (let x = 0; x < D; x++) dot += q[(i * H + h) * D + x] * k[(j * KV + kh) * D + x];
        return dot * p.scale;
      });
      const all = p.sinks ? [...scores, p.sinks[h]] : scores;
      const m = Math.max(...all);
      const z = all.reduce((a, s) => a + Math.exp(s - m), 0);
      keys.forEach((j, n) => {
        const w = Math.exp(scores[n] - m) / z;
        for (let x = 0; x < D; x++) out[(i * H + h) * D + x] += w * v[(j * KV + kh) * D + x];
      });
    }
  }
  return out;
}

async function gqa(q: Float32Array, k: Float32Array, v: Float32Array, attrs: Record<string, number | { float: number }>, sinks: Float32Array | null): Promise<Float32Array> {
  const g = new GraphBuilder("gqa");
  for (const [name, width] of [["q", H * D], ["k", KV * D], ["v", KV * D]] as const) g.input(name, "float32", [1, S, width]);
  g.input("past_k", "float32", [1, KV, 0, D]);
  g.input("past_v", "float32", [1, KV, 0, D]);
  g.input("seqlens_k", "int32", [1]);
  g.input("total", "int32", []);
  const inputs = ["q", "k", "v", "past_k", "past_v", "seqlens_k", "total"];
  if (sinks) inputs.push("", "", "", "", g.f32(sinks));
  g.node("GroupQueryAttention", inputs, { domain: "com.microsoft", attrs: { num_heads: H, kv_num_heads: KV, ...attrs }, outputs: ["out", "pk", "pv"] });
  g.output("out", "float32", [1, S, H * D]);
  const session = await ort.InferenceSession.create(g.toBytes());
  const empty = () => new ort.Tensor("float32", new Float32Array(0), [1, KV, 0, D]);
  const r = await session.run({
    q: new ort.Tensor("float32", q, [1, S, H * D]), k: new ort.Tensor("float32", k, [1, S, KV * D]), v: new ort.Tensor("float32", v, [1, S, KV * D]),
    past_k: empty(), past_v: empty(), seqlens_k: new ort.Tensor("int32", Int32Array.of(S - 1), [1]), total: new ort.Tensor("int32", Int32Array.of(S), []),
  }, ["out"]);
  await session.release();
  return r.out.data as Float32Array;
}

describe("GroupQueryAttention contract (onnxruntime-node)", () => {
  const rng = seededRandom(7);
  const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  const q = rand(S * H * D);
  const k = rand(S * KV * D);
  const v = rand(S * KV * D);

  const cases: { name: string; attrs: Record<string, number | { float: number }>; ref: { window: number; scale: number; sinks: Float32Array | null } }[] = [
    { name: "causal, default scale", attrs: {}, ref: { window: 0, scale: 1 / Math.sqrt(D), sinks: null } },
    { name: "window of 3 keys including the query", attrs: { local_window_size: 3 }, ref: { window: 3, scale: 1 / Math.sqrt(D), sinks: null } },
    { name: "GPT-Neo: no scaling", attrs: { scale: { float: 1 } }, ref: { window: 0, scale: 1, sinks: null } },
    { name: "attention sinks with a window", attrs: { local_window_size: 2 }, ref: { window: 2, scale: 1 / Math.sqrt(D), sinks: Float32Array.of(-1, 0, 1, 3) } },
  ];
  it.each(cases)("$name", async ({ attrs, ref }) => {
    const got = await gqa(q, k, v, attrs, ref.sinks);
    const want = naive(q, k, v, ref);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5);
  });
});
