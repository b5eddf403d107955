// Micro-benchmark of batch-1 decode attention over the KV pool (issue 16: the part of a quantised
// step that is neither matmul nor overhead). The engine's GroupQueryAttention (GQA) gets the pool
// as `past` and, because onnxruntime only shares past and present when they are the same buffer
// (never for a graph input), zeroes a present buffer over the whole capacity and copies the past
// into it once per QUERY head, every layer and step. The alternative measured here reads the pool
// in place with standard ops: scores = q·Kᵀ over the past (FusedMatMul transB) and the new token,
// an additive mask, Softmax, probabilities·V. Per variant: one session of `layers` attention
// layers (own caches each), the 512×8 benchmark model's shapes; interleaved rounds, process CPU
// µs per run, best of the rounds; contexts T with capacity T + 16 (the pool's granule).
//   npx tsx bench/attention-decode.ts [--contexts 64,160,512,1024] [--layers 8] [--runs 300] [--rounds 4]
import os from "node:os";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import { sessionOptions } from "../gpu-function/runtime/session";

const { values } = parseArgs({
  options: {
    contexts: { type: "string", default: "64,160,512,1024" },
    layers: { type: "string", default: "8" },
    heads: { type: "string", default: "8" },
    "kv-heads": { type: "string", default: "4" },
    runs: { type: "string", default: "300" },
    rounds: { type: "string", default: "4" },
  },
});
const CONTEXTS = values.contexts!.split(",").map(Number);
const L = Number(values.layers);
const H = Number(values.heads);
const KV = Number(values["kv-heads"]);
const D = 64;
const G = H / KV;
const RUNS = Number(values.runs);
const ROUNDS = Number(values.rounds);

function gqaGraph(): Uint8Array {
  const g = new GraphBuilder("gqa_decode");
  g.input("q", "float32", [1, 1, H * D]);
  g.input("k", "float32", [1, 1, KV * D]);
  g.input("v", "float32", [1, 1, KV * D]);
  g.input("seqlens_k", "int32", [1]);
  g.input("total_sequence_length", "int32", []);
  const outs: string[] = [];
  for (let l = 0; l < L; l++) {
    g.input(`past_key.${l}`, "float32", [1, KV, "capacity", D]);
    g.input(`past_value.${l}`, "float32", [1, KV, "capacity", D]);
    const [y] = g.ms(
      "GroupQueryAttention",
      ["q", "k", "v", `past_key.${l}`, `past_value.${l}`, "seqlens_k", "total_sequence_length"],
      { num_heads: H, kv_num_heads: KV },
      3,
    );
    outs.push(y!);
  }
  g.node("Concat", outs, { attrs: { axis: -1 }, outputs: ["y"] });
  g.output("y", "float32", [1, 1, L * H * D]);
  return g.toBytes();
}

/**
 * Standard ops on the pool in place: queries grouped per KV head as [1, kvH, G, D]; `bias`
 * [1, 1, 1, C + 1] is 0 on the used past and the new token, −1e30 on unused capacity; `split` is [C, 1].
 */
function inPlaceGraph(): Uint8Array {
  const g = new GraphBuilder("inplace_decode");
  g.input("q", "float32", [1, 1, H * D]);
  g.input("k", "float32", [1, 1, KV * D]);
  g.input("v", "float32", [1, 1, KV * D]);
  g.input("bias", "float32", [1, 1, 1, "capacity_plus_1"]);
  g.input("split", "int64", [2]);
  const q4 = g.op("Reshape", ["q", g.i64([1, KV, G, D])]);
  const k4 = g.op("Reshape", ["k", g.i64([1, KV, 1, D])]);
  const v4 = g.op("Reshape", ["v", g.i64([1, KV, 1, D])]);
  const alpha = { float: 1 / Math.sqrt(D) };
  const outs: string[] = [];
  for (let l = 0; l < L; l++) {
    g.input(`past_key.${l}`, "float32", [1, KV, "capacity", D]);
    g.input(`past_value.${l}`, "float32", [1, KV, "capacity", D]);
    const past = g.ms("FusedMatMul", [q4, `past_key.${l}`], { transB: 1, alpha })[0]!;
    const now = g.ms("FusedMatMul", [q4, k4], { transB: 1, alpha })[0]!;
    const probs = g.op("Softmax", [g.op("Add", [g.op("Concat", [past, now], { axis: -1 }), "bias"])], { axis: -1 });
    const [pPast, pNow] = g.node("Split", [probs, "split"], { attrs: { axis: -1 }, outputs: 2 });
    const y = g.op("Add", [g.op("MatMul", [pPast!, `past_value.${l}`]), g.op("MatMul", [pNow!, v4])]);
    outs.push(g.op("Reshape", [y, g.i64([1, 1, H * D])]));
  }
  g.node("Concat", outs, { attrs: { axis: -1 }, outputs: ["y"] });
  g.output("y", "float32", [1, 1, L * H * D]);
  return g.toBytes();
}

/**
 * Per layer an If on "one new token": the in-place form for decode steps, GQA otherwise (prefill
 * needs GQA: the in-place form would score every prompt token against the whole capacity). Measures
 * what the If costs on top of the in-place form.
 */
function ifGraph(): Uint8Array {
  const g = new GraphBuilder("if_decode");
  g.input("q", "float32", [1, "sequence", H * D]);
  g.input("k", "float32", [1, "sequence", KV * D]);
  g.input("v", "float32", [1, "sequence", KV * D]);
  g.input("seqlens_k", "int32", [1]);
  g.input("total_sequence_length", "int32", []);
  g.input("bias", "float32", [1, 1, 1, "capacity_plus_1"]);
  g.input("split", "int64", [2]);
  const isDecode = g.op("Equal", [g.op("Shape", ["q"], { start: 1, end: 2 }), g.i64([1])]);
  const cond = g.op("Squeeze", [isDecode, g.i64([0])]);
  const q4 = g.op("Reshape", ["q", g.i64([1, KV, G, D])]);
  const k4 = g.op("Reshape", ["k", g.i64([1, KV, 1, D])]);
  const v4 = g.op("Reshape", ["v", g.i64([1, KV, 1, D])]);
  const alpha = { float: 1 / Math.sqrt(D) };
  type Add = (op: string, inputs: string[], attrs?: Record<string, unknown>, domain?: string, outputs?: number) => string[];
  // Branch nodes take their value names from the outer builder: a subgraph may not redefine an outer name.
  const sub = (build: (n: Add) => string, outName: string) => {
    const b = new GraphBuilder("branch");
    const n: Add = (op, inputs, attrs = {}, domain = "", outputs = 1) =>
      b.node(op, inputs, {
        attrs: attrs as never,
        domain,
        outputs: Array.from({ length: outputs }, () => g.fresh(op.toLowerCase())),
        name: g.fresh(op),
      });
    const y = build(n);
    b.node("Identity", [y], { outputs: [outName], name: g.fresh("Identity") });
    b.output(outName, "float32", [1, "sequence", H * D]);
    return b;
  };
  const outs: string[] = [];
  for (let l = 0; l < L; l++) {
    g.input(`past_key.${l}`, "float32", [1, KV, "capacity", D]);
    g.input(`past_value.${l}`, "float32", [1, KV, "capacity", D]);
    const reshapeOut = g.i64([1, 1, H * D]);
    const thenBranch = sub((n) => {
      const past = n("FusedMatMul", [q4, `past_key.${l}`], { transB: 1, alpha }, "com.microsoft")[0]!;
      const now = n("FusedMatMul", [q4, k4], { transB: 1, alpha }, "com.microsoft")[0]!;
      const probs = n("Softmax", [n("Add", [n("Concat", [past, now], { axis: -1 })[0]!, "bias"])[0]!], { axis: -1 })[0]!;
      const [pPast, pNow] = n("Split", [probs, "split"], { axis: -1 }, "", 2);
      const y = n("Add", [n("MatMul", [pPast!, `past_value.${l}`])[0]!, n("MatMul", [pNow!, v4])[0]!])[0]!;
      return n("Reshape", [y, reshapeOut])[0]!;
    }, g.fresh("then_y"));
    const elseBranch = sub(
      (n) =>
        n(
          "GroupQueryAttention",
          ["q", "k", "v", `past_key.${l}`, `past_value.${l}`, "seqlens_k", "total_sequence_length"],
          { num_heads: H, kv_num_heads: KV },
          "com.microsoft",
          3,
        )[0]!,
      g.fresh("else_y"),
    );
    outs.push(g.op("If", [cond], { then_branch: { graph: thenBranch }, else_branch: { graph: elseBranch } }));
  }
  g.node("Concat", outs, { attrs: { axis: -1 }, outputs: ["y"] });
  g.output("y", "float32", [1, 1, L * H * D]);
  return g.toBytes();
}

const rand = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed) * 0.5);
const opts = sessionOptions("cpu", 1);
const sessions = {
  gqa: await ort.InferenceSession.create(gqaGraph(), opts),
  inPlace: await ort.InferenceSession.create(inPlaceGraph(), opts),
  ifDecode: await ort.InferenceSession.create(ifGraph(), opts),
};
const load0 = os.loadavg()[0]!;
console.log(
  `decode attention, ${L} layers, ${H} heads / ${KV} KV heads × ${D}, batch 1, 1 intra-op thread; CPU µs per step (all layers), best of ${ROUNDS} interleaved rounds of ${RUNS} runs`,
);
console.log("  context T (capacity) | GQA (engine) | in place, standard ops | If(decode): in place, else GQA | max |difference|");
for (const T of CONTEXTS) {
  const C = T + 16;
  const feeds: Record<string, ort.Tensor> = {
    q: new ort.Tensor("float32", rand(H * D, 1), [1, 1, H * D]),
    k: new ort.Tensor("float32", rand(KV * D, 2), [1, 1, KV * D]),
    v: new ort.Tensor("float32", rand(KV * D, 3), [1, 1, KV * D]),
  };
  const pasts: Record<string, ort.Tensor> = {};
  for (let l = 0; l < L; l++) {
    // The pool: T − 1 used positions per head, the rest of the capacity unused (zeros).
    const key = new Float32Array(KV * C * D);
    const value = new Float32Array(KV * C * D);
    for (let h = 0; h < KV; h++) {
      key.set(rand((T - 1) * D, 10 + l * 7 + h), h * C * D);
      value.set(rand((T - 1) * D, 50 + l * 7 + h), h * C * D);
    }
    pasts[`past_key.${l}`] = new ort.Tensor("float32", key, [1, KV, C, D]);
    pasts[`past_value.${l}`] = new ort.Tensor("float32", value, [1, KV, C, D]);
  }
  const bias = new Float32Array(C + 1).fill(-1e30);
  bias.fill(0, 0, T - 1);
  bias[C] = 0;
  const gqaFeeds = {
    ...feeds,
    ...pasts,
    seqlens_k: new ort.Tensor("int32", Int32Array.of(T - 1), [1]),
    total_sequence_length: new ort.Tensor("int32", Int32Array.of(T), []),
  };
  const inPlaceFeeds = {
    ...feeds,
    ...pasts,
    bias: new ort.Tensor("float32", bias, [1, 1, 1, C + 1]),
    split: new ort.Tensor("int64", BigInt64Array.of(BigInt(C), 1n), [2]),
  };
  const runs: Array<[ort.InferenceSession, Record<string, ort.Tensor>]> = [
    [sessions.gqa, gqaFeeds],
    [sessions.inPlace, inPlaceFeeds],
    [sessions.ifDecode, { ...gqaFeeds, ...inPlaceFeeds }],
  ];
  const best = [Infinity, Infinity, Infinity];
  const outputs: Float32Array[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const i of r % 2 ? [2, 1, 0] : [0, 1, 2]) {
      const [s, f] = runs[i]!;
      outputs[i] = (await s.run(f)).y!.data as Float32Array;
      const c = process.cpuUsage();
      for (let k = 0; k < RUNS; k++) await s.run(f);
      const u = process.cpuUsage(c);
      best[i] = Math.min(best[i]!, (u.user + u.system) / RUNS);
    }
  }
  const diff = Math.max(...[1, 2].map((i) => outputs[0]!.reduce((m, x, j) => Math.max(m, Math.abs(x - outputs[i]![j]!)), 0)));
  console.log(
    `  ${String(T).padStart(9)} (${C})`.padEnd(23) +
      `| ${best[0]!.toFixed(0).padStart(12)} | ${best[1]!.toFixed(0).padStart(22)} | ${best[2]!.toFixed(0).padStart(30)} | ${diff.toExponential(1)}`,
  );
}
console.log(`load average ${load0.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`);
await sessions.gqa.release();
await sessions.inPlace.release();
