// Micro-benchmark: what each fetched output costs a session.run in onnxruntime-node (issue 16,
// per-token overhead). The binding copies every output into a fresh buffer and JS tensor, so a
// decode step that fetched two KV outputs per layer paid that 2·layers times. Two sessions over the
// same work: `layers`·2 Slices fetched as separate outputs, or the same Slices concatenated into
// one output (the fused graphs' NEW_KV); interleaved, process CPU µs per run, best of the rounds.
//   npx tsx bench/session-outputs.ts [--outputs 16] [--width 256] [--runs 3000] [--rounds 6]
import os from "node:os";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import { sessionOptions } from "../gpu-function/runtime/session";

const { values } = parseArgs({
  options: {
    outputs: { type: "string", default: "16" },
    width: { type: "string", default: "256" },
    runs: { type: "string", default: "3000" },
    rounds: { type: "string", default: "6" },
  },
});
const N = Number(values.outputs);
const W = Number(values.width);
const RUNS = Number(values.runs);
const ROUNDS = Number(values.rounds);

function build(concat: boolean): Uint8Array {
  const g = new GraphBuilder("outputs");
  g.input("x", "float32", [1, 1, W * N]);
  const parts = Array.from(
    { length: N },
    (_, i) => g.node("Slice", ["x", g.i64([i * W]), g.i64([(i + 1) * W]), g.i64([2])], { outputs: [concat ? `part${i}` : `y${i}`] })[0]!,
  );
  if (concat) {
    g.node("Concat", parts, { attrs: { axis: -1 }, outputs: ["y"] });
    g.output("y", "float32", [1, 1, W * N]);
  } else {
    parts.forEach((p) => g.output(p, "float32", [1, 1, W]));
  }
  return g.toBytes();
}

const variants = [
  { name: `${N} outputs`, session: await ort.InferenceSession.create(build(false), sessionOptions("cpu", 1)) },
  { name: "1 output (Concat)", session: await ort.InferenceSession.create(build(true), sessionOptions("cpu", 1)) },
];
const x = new ort.Tensor("float32", new Float32Array(W * N), [1, 1, W * N]);
const best = variants.map(() => Infinity);
const load0 = os.loadavg()[0]!;
for (let r = 0; r < ROUNDS; r++) {
  for (const i of r % 2 ? [1, 0] : [0, 1]) {
    const s = variants[i]!.session;
    for (let k = 0; k < 100; k++) await s.run({ x });
    const c = process.cpuUsage();
    for (let k = 0; k < RUNS; k++) await s.run({ x });
    const u = process.cpuUsage(c);
    best[i] = Math.min(best[i]!, (u.user + u.system) / RUNS);
  }
}
console.log(
  `${N} slices of ${W} floats, ${RUNS} runs × ${ROUNDS} interleaved rounds; load average ${load0.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
);
variants.forEach((v, i) => console.log(`  ${best[i]!.toFixed(1).padStart(6)} CPU µs per run  ${v.name}`));
for (const v of variants) await v.session.release();
