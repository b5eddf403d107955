// Micro-benchmark of the weight matmuls of one decode step (issue 16, int8/int4 against
// llama.cpp's q8_0/q4_0): which onnxruntime CPU op form reads block-quantised weights fastest at
// M = 1. Each variant is one session holding the linears of the 512×8 benchmark model (per layer:
// fused q/k/v, o, fused gate/up, down), chained through small Slices as in a decode step; the
// variants run interleaved (order alternating every round) in one process, and each figure is the
// median per-step wall time and process CPU time, best of the rounds.
//   npm run bench:quant-matmul -- [--hidden 512] [--layers 8] [--threads 1] [--runs 200] [--rounds 4] [--only int8,int4]
import os from "node:os";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import { quantizeBlockwise } from "../gpu-function/models/quantize";
import { seededRandom } from "../gpu-function/models/tiny";
import { sessionOptions } from "../gpu-function/runtime/session";
import { upperMedian } from "./stats";

const { values } = parseArgs({
  options: {
    hidden: { type: "string", default: "512" },
    layers: { type: "string", default: "8" },
    threads: { type: "string", default: "1" },
    runs: { type: "string", default: "200" },
    rounds: { type: "string", default: "4" },
    only: { type: "string" },
  },
});
const H = Number(values.hidden);
const L = Number(values.layers);
const THREADS = Number(values.threads);
const RUNS = Number(values.runs);
const ROUNDS = Number(values.rounds);
const QKV = H + H; // q (H) + k, v (H/2 each: kv heads = heads / 2)
const FF = 3 * H;

interface Variant {
  name: string;
  tag: string;
  /** x·W for W [k, n] (fp32 values), returning the output value name. */
  linear(g: GraphBuilder, x: string, w: Float32Array, k: number, n: number, name: string): string;
  /** Weight bytes read per step for W [k, n]. */
  bytes(k: number, n: number): number;
}

const mnb = (bits: 4 | 8, accuracy: number, block = 32): Variant => ({
  name: `MatMulNBits int${bits} block ${block}, accuracy_level ${accuracy}`,
  tag: `int${bits}`,
  linear: (g, x, w, k, n, name) => {
    const q = quantizeBlockwise(w, k, n, bits, block);
    const packed = g.initializer(`${name}.q`, { dtype: "uint8", dims: [n, q.blocksPerCol, q.blobSize], data: q.packed });
    const scales = g.initializer(`${name}.s`, { dtype: "float32", dims: [n, q.blocksPerCol], data: q.scales });
    return g.ms("MatMulNBits", [x, packed, scales], { K: k, N: n, bits, block_size: block, accuracy_level: accuracy })[0]!;
  },
  bytes: (k, n) => (k * n * bits) / 8 + (k / block) * n * 4,
});

/** DynamicQuantizeMatMul: activations quantised per tensor (uint8), weights int8 with one scale per output column. */
const dynamicQuantize: Variant = {
  name: "DynamicQuantizeMatMul int8, per-column scales",
  tag: "int8",
  linear: (g, x, w, k, n, name) => {
    const scales = new Float32Array(n);
    for (let c = 0; c < n; c++) {
      let amax = 0;
      for (let i = 0; i < k; i++) amax = Math.max(amax, Math.abs(w[i * n + c]!));
      scales[c] = amax / 127 || 1;
    }
    const q = new Int8Array(k * n);
    for (let i = 0; i < k; i++) for (let c = 0; c < n; c++) q[i * n + c] = Math.round(w[i * n + c]! / scales[c]!);
    const b = g.initializer(`${name}.q`, { dtype: "int8", dims: [k, n], data: q });
    const s = g.initializer(`${name}.s`, { dtype: "float32", dims: [n], data: scales });
    return g.ms("DynamicQuantizeMatMul", [x, b, s])[0]!;
  },
  bytes: (k, n) => k * n + n * 4,
};

const fp32: Variant = {
  name: "MatMul fp32",
  tag: "fp32",
  linear: (g, x, w, k, n, name) => g.op("MatMul", [x, g.initializer(`${name}.w`, { dtype: "float32", dims: [k, n], data: w })]),
  bytes: (k, n) => k * n * 4,
};

const ALL: Variant[] = [
  fp32,
  mnb(8, 4),
  mnb(8, 1),
  mnb(8, 4, 64),
  mnb(8, 4, 128),
  dynamicQuantize,
  mnb(4, 4),
  mnb(4, 1),
  mnb(4, 4, 64),
  mnb(4, 4, 128),
];
const only = values.only?.split(",");
// accuracy_level 1 (fp32 compute) dequantises the 8-bit weights on every run (~100x slower): shown only with --only.
const VARIANTS = only
  ? ALL.filter((v) => only.includes(v.tag) || only.includes(v.name))
  : ALL.filter((v) => !(v.tag === "int8" && v.name.endsWith("level 1")));

const rand = seededRandom(11);
const weights = Array.from({ length: L }, () => ({
  qkv: Float32Array.from({ length: H * QKV }, () => rand.normal() * 0.05),
  o: Float32Array.from({ length: H * H }, () => rand.normal() * 0.05),
  gateUp: Float32Array.from({ length: H * 2 * FF }, () => rand.normal() * 0.05),
  down: Float32Array.from({ length: FF * H }, () => rand.normal() * 0.05),
}));

function build(v: Variant): { bytes: Uint8Array; weightBytes: number } {
  const g = new GraphBuilder("quant_matmul");
  g.input("x", "float32", [1, H]);
  let x = "x";
  let weightBytes = 0;
  const slice = (value: string, width: number) => g.op("Slice", [value, g.i64([0]), g.i64([width]), g.i64([1])]);
  const lin = (input: string, w: Float32Array, k: number, n: number, name: string) => {
    weightBytes += v.bytes(k, n);
    return v.linear(g, input, w, k, n, name);
  };
  weights.forEach((w, l) => {
    const qkv = lin(x, w.qkv, H, QKV, `l${l}.qkv`);
    const o = lin(slice(qkv, H), w.o, H, H, `l${l}.o`);
    const gateUp = lin(g.op("Add", [o, x]), w.gateUp, H, 2 * FF, `l${l}.gate_up`);
    const down = lin(slice(gateUp, FF), w.down, FF, H, `l${l}.down`);
    x = g.op("Add", [down, x]);
  });
  g.node("Identity", [x], { outputs: ["y"] });
  g.output("y", "float32", [1, H]);
  return { bytes: g.toBytes(), weightBytes };
}

interface Measured {
  wallUs: number;
  cpuUs: number;
}

async function measure(session: ort.InferenceSession): Promise<Measured> {
  const x = new ort.Tensor(
    "float32",
    Float32Array.from({ length: H }, (_, i) => Math.sin(i)),
    [1, H],
  );
  for (let i = 0; i < 10; i++) await session.run({ x });
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await session.run({ x });
    walls.push((performance.now() - t) * 1000);
    const d = process.cpuUsage(c);
    cpus.push(d.user + d.system);
  }
  return { wallUs: upperMedian(walls), cpuUs: upperMedian(cpus) };
}

const built = VARIANTS.map(build);
const sessions = await Promise.all(built.map((b) => ort.InferenceSession.create(b.bytes, sessionOptions("cpu", THREADS))));
const best = VARIANTS.map(() => ({ wallUs: Infinity, cpuUs: Infinity }));
const load0 = os.loadavg();
for (let round = 0; round < ROUNDS; round++) {
  const order = VARIANTS.map((_, i) => i);
  if (round % 2) order.reverse();
  for (const i of order) {
    const m = await measure(sessions[i]!);
    best[i] = { wallUs: Math.min(best[i]!.wallUs, m.wallUs), cpuUs: Math.min(best[i]!.cpuUs, m.cpuUs) };
  }
}
await Promise.all(sessions.map((s) => s.release()));

const fmt = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
console.log(
  `weight matmuls of a llama ${H}×${L} decode step (M = 1), ${THREADS} intra-op thread(s), onnxruntime-node ${ort.env.versions.common}`,
);
console.log(`median of ${RUNS} runs, best of ${ROUNDS} interleaved rounds; load average ${fmt(load0)} → ${fmt(os.loadavg())}`);
console.log("  wall µs | CPU µs | weights MB | GB/s (wall) | variant");
VARIANTS.forEach((v, i) => {
  const m = best[i]!;
  const mb = built[i]!.weightBytes / 1e6;
  console.log(
    `  ${m.wallUs.toFixed(0).padStart(7)} | ${m.cpuUs.toFixed(0).padStart(6)} | ${mb.toFixed(1).padStart(10)} | ${(mb / 1e3 / (m.wallUs / 1e6)).toFixed(1).padStart(11)} | ${v.name}`,
  );
});
