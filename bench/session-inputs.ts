// Micro-benchmark: what a decode graph's inputs, nodes and Ifs each cost a session.run in
// onnxruntime-node (issue 16, per-token overhead of small models). Four sessions over tiny
// [1, 4] tensors, interleaved, process CPU µs per run, best of the rounds:
//   1 input, 1 node (the fixed cost of a run) / N more inputs into one Sum / N more tiny nodes /
//   N Ifs of one node each (the in-place decode attention's per-layer If, fused-ops.ts).
// The differences over the first, divided by N, are the cost of one more input, node or If.
//   npx tsx bench/session-inputs.ts [--n 16] [--runs 3000] [--rounds 6]
import os from "node:os";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import { sessionOptions } from "../gpu-function/runtime/session";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "16" },
    runs: { type: "string", default: "3000" },
    rounds: { type: "string", default: "6" },
  },
});
const N = Number(values.n);
const RUNS = Number(values.runs);
const ROUNDS = Number(values.rounds);
const SHAPE = [1, 4];
const tensor = () => new ort.Tensor("float32", new Float32Array(4), SHAPE);

/** A graph reading x [1, 4] (plus `extra` inputs) and writing y; `body` adds the nodes from x to y's value. */
function graph(extra: string[], body: (g: GraphBuilder) => string): Uint8Array {
  const g = new GraphBuilder("costs");
  for (const name of ["x", ...extra]) g.input(name, name === "cond" ? "bool" : "float32", name === "cond" ? [] : SHAPE);
  g.node("Identity", [body(g)], { outputs: ["y"] });
  g.output("y", "float32", SHAPE);
  return g.toBytes();
}

const extraInputs = Array.from({ length: N }, (_, i) => `e${i}`);
const chain = (g: GraphBuilder, step: (g: GraphBuilder, v: string) => string) => {
  let v = "x";
  for (let i = 0; i < N; i++) v = step(g, v);
  return v;
};
const ifOf = (g: GraphBuilder, v: string) => {
  const branch = (op: string) => {
    const b = new GraphBuilder("branch");
    b.output(b.node(op, [v, "x"], { outputs: [g.fresh(op.toLowerCase())] })[0]!, "float32", SHAPE);
    return { graph: b };
  };
  return g.op("If", ["cond"], { then_branch: branch("Add"), else_branch: branch("Sub") });
};

const variants: Array<{ name: string; model: Uint8Array; feeds: Record<string, ort.Tensor> }> = [
  { name: "1 input, 1 node", model: graph([], (g) => g.op("Add", ["x", "x"])), feeds: { x: tensor() } },
  {
    name: `${N + 1} inputs, 1 node (Sum)`,
    model: graph(extraInputs, (g) => g.op("Sum", ["x", ...extraInputs])),
    feeds: Object.fromEntries(["x", ...extraInputs].map((name) => [name, tensor()])),
  },
  {
    name: `1 input, ${N + 1} nodes`,
    model: graph([], (g) => g.op("Add", [chain(g, (g2, v) => g2.op("Add", [v, "x"])), "x"])),
    feeds: { x: tensor() },
  },
  {
    name: `1 input, ${N} Ifs of 1 node`,
    model: graph(["cond"], (g) => chain(g, ifOf)),
    feeds: { x: tensor(), cond: new ort.Tensor("bool", [true], []) },
  },
];
const sessions = await Promise.all(variants.map((v) => ort.InferenceSession.create(v.model, sessionOptions("cpu", 1))));
const best = variants.map(() => Infinity);
const load0 = os.loadavg()[0]!;
for (let r = 0; r < ROUNDS; r++) {
  const order = variants.map((_, i) => i);
  if (r % 2) order.reverse();
  for (const i of order) {
    const run = () => sessions[i]!.run(variants[i]!.feeds);
    for (let k = 0; k < 100; k++) await run();
    const c = process.cpuUsage();
    for (let k = 0; k < RUNS; k++) await run();
    const u = process.cpuUsage(c);
    best[i] = Math.min(best[i]!, (u.user + u.system) / RUNS);
  }
}
console.log(
  `${RUNS} runs × ${ROUNDS} interleaved rounds, 1 intra-op thread; load average ${load0.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`,
);
variants.forEach((v, i) => console.log(`  ${best[i]!.toFixed(1).padStart(6)} CPU µs per run  ${v.name}`));
const per = (i: number) => ((best[i]! - best[0]!) / N).toFixed(2);
console.log(`per extra input ${per(1)} µs, per extra tiny node ${per(2)} µs, per If (with its one node) ${per(3)} µs`);
for (const s of sessions) await s.release();
