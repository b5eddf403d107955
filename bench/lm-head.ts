// Micro-benchmark of the LM head alone (issue 16): which ONNX form of logits = x·Eᵀ onnxruntime's
// CPU EP runs fastest, for a tied head whose weight E [vocab, hidden] is also the token
// embedding (Gather). Each variant is one session holding the head and the embedding lookup, so
// weight sharing and prepacking behave as in the full graph; onnxruntime's own profiler gives the
// kernel time of every node (no JS or binding overhead in the figure).
//   npm run bench:lm-head -- [--vocab 6144] [--hidden 256] [--rows 1,16] [--threads 1] [--runs 400] [--rounds 3] [--cold]
// Defaults are the committed models/base shapes.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import * as ort from "onnxruntime-node";

import { GraphBuilder } from "../gpu-function/onnx/graph";
import { sessionOptions } from "../gpu-function/runtime/session";
import { quantizeBlockwise } from "../gpu-function/models/quantize";
import { seededRandom } from "../gpu-function/models/tiny";
import { upperMedian } from "./stats";

const { values } = parseArgs({
  options: {
    vocab: { type: "string", default: "6144" },
    hidden: { type: "string", default: "256" },
    rows: { type: "string", default: "1,16" },
    threads: { type: "string", default: "1" },
    runs: { type: "string", default: "400" },
    rounds: { type: "string", default: "3" },
    cold: { type: "boolean", default: false },
  },
});
const V = Number(values.vocab);
const H = Number(values.hidden);
const ROWS = values.rows!.split(",").map(Number);
const THREADS = Number(values.threads);
const RUNS = Number(values.runs);
const ROUNDS = Number(values.rounds);
/** --cold: evict the caches before every run (writes a 64 MB buffer), as in a full decode step whose other weights pass through L3 too. */
const COLD = values.cold!;
const evictor = COLD ? new Float32Array(16 << 20) : null;

const rand = seededRandom(7);
const E = Float32Array.from({ length: V * H }, () => rand.normal() * 0.05); // [V, H], HF layout
const ET = new Float32Array(V * H); // [H, V]
for (let v = 0; v < V; v++) for (let h = 0; h < H; h++) ET[h * V + v] = E[v * H + h];

interface Variant {
  name: string;
  /** Extra fp32 weight bytes beyond the one [V, H] embedding, as onnxruntime holds them after optimisation. */
  duplicates: boolean;
  /** The head is a quantised copy (its extra bytes are that copy's, not another fp32 matrix). */
  quantizedBits?: 4 | 8;
  /** The quantised head is the only copy of the table (no float embedding). */
  sharedTable?: boolean;
  build(g: GraphBuilder): { logits: string; embedded: string };
}

const f32 = (data: Float32Array, dims: number[]) => ({ dtype: "float32" as const, dims, data });

const VARIANTS: Variant[] = [
  {
    name: "Gemm transB, shared with Gather (before)",
    duplicates: false,
    build: (g) => {
      const e = g.initializer("embed", f32(E, [V, H]));
      return { logits: g.op("Gemm", ["x", e], { transB: 1 }), embedded: g.op("Gather", [e, "ids"], { axis: 0 }) };
    },
  },
  {
    name: "Gemm transB, own copy",
    duplicates: true,
    build: (g) => {
      const e = g.initializer("embed", f32(E, [V, H]));
      const head = g.initializer("head", f32(E.slice(), [V, H]));
      return { logits: g.op("Gemm", ["x", head], { transB: 1 }), embedded: g.op("Gather", [e, "ids"], { axis: 0 }) };
    },
  },
  {
    name: "MatMul, pre-transposed own copy [H,V]",
    duplicates: true,
    build: (g) => {
      const e = g.initializer("embed", f32(E, [V, H]));
      const head = g.initializer("head", f32(ET, [H, V]));
      return { logits: g.op("MatMul", ["x", head]), embedded: g.op("Gather", [e, "ids"], { axis: 0 }) };
    },
  },
  {
    name: "MatMul(x, Transpose(shared)) (plain-graph form)",
    duplicates: true, // onnxruntime constant-folds the Transpose into a second initializer
    build: (g) => {
      const e = g.initializer("embed", f32(E, [V, H]));
      return { logits: g.op("MatMul", ["x", g.op("Transpose", [e], { perm: [1, 0] })]), embedded: g.op("Gather", [e, "ids"], { axis: 0 }) };
    },
  },
  {
    name: "MatMul on shared [H,V]; embedding = Gather axis 1 + Transpose",
    duplicates: false,
    build: (g) => {
      const et = g.initializer("embed_t", f32(ET, [H, V]));
      const cols = g.op("Gather", [et, "ids"], { axis: 1 }); // [H, M]
      return { logits: g.op("MatMul", ["x", et]), embedded: g.op("Transpose", [cols], { perm: [1, 0] }) };
    },
  },
  ...([8, 4] as const).map((bits): Variant => ({
    name: `MatMulNBits int${bits} (accuracy_level 4), own quantised copy`,
    duplicates: false,
    quantizedBits: bits,
    build: (g) => {
      const e = g.initializer("embed", f32(E, [V, H]));
      const q = quantizeBlockwise(ET, H, V, bits, 32);
      const packed = g.initializer("head_q", { dtype: "uint8", dims: [V, q.blocksPerCol, q.blobSize], data: q.packed });
      const scales = g.initializer("head_scales", f32(q.scales, [V, q.blocksPerCol]));
      const [logits] = g.ms("MatMulNBits", ["x", packed, scales], { K: H, N: V, bits, block_size: 32, accuracy_level: 4 });
      return { logits, embedded: g.op("Gather", [e, "ids"], { axis: 0 }) };
    },
  })),
  ...([8, 4] as const).map((bits): Variant => ({
    name: `MatMulNBits int${bits}, codes shared with GatherBlockQuantized`,
    duplicates: false,
    quantizedBits: bits,
    sharedTable: true,
    build: (g) => {
      const q = quantizeBlockwise(E, H, V, bits, 32, "nk");
      const packed = g.initializer("head_q", { dtype: "uint8", dims: [V, q.blocksPerCol, q.blobSize], data: q.packed });
      const scales = g.initializer("head_scales", f32(q.scales, [V, q.blocksPerCol]));
      const gatherScales = g.initializer("gather_scales", f32(q.scales, [V, q.blocksPerCol, 1]));
      const [logits] = g.ms("MatMulNBits", ["x", packed, scales], { K: H, N: V, bits, block_size: 32, accuracy_level: 4 });
      const [rows] = g.ms("GatherBlockQuantized", [packed, "ids", gatherScales], {
        bits,
        block_size: 32,
        gather_axis: 0,
        quantize_axis: 2,
      });
      return { logits, embedded: g.op("Reshape", [rows, g.i64([-1, H])]) };
    },
  })),
];

function buildModel(v: Variant): { bytes: Uint8Array; embedNodes: Set<string> } {
  const g = new GraphBuilder("lm_head");
  g.input("x", "float32", ["rows", H]);
  g.input("ids", "int64", ["rows"]);
  const { logits, embedded } = v.build(g);
  g.node("Identity", [logits], { outputs: ["logits"] });
  g.node("Identity", [embedded], { outputs: ["embedded"] });
  g.output("logits", "float32", ["rows", V]);
  g.output("embedded", "float32", ["rows", H]);
  // The embedding lookup's nodes: everything on the path to \`embedded\` (Gather, and Transpose in the last variant).
  const embedNodes = new Set<string>();
  const wanted = new Set([embedded]);
  for (const n of [...g.nodes].reverse()) {
    if (n.outputs.some((o) => wanted.has(o))) {
      embedNodes.add(n.name);
      n.inputs.forEach((i) => wanted.add(i));
    }
  }
  return { bytes: g.toBytes(), embedNodes };
}

interface Measured {
  /** Median over runs of the summed kernel time of the head's nodes (µs). */
  headUs: number;
  /** Same for the embedding lookup's nodes. */
  embedUs: number;
  /** Median session.run wall time as JS sees it (µs). */
  wallUs: number;
}

async function measure(model: { bytes: Uint8Array; embedNodes: Set<string> }, rows: number, dir: string, tag: string): Promise<Measured> {
  const prefix = path.join(dir, tag);
  const session = await ort.InferenceSession.create(model.bytes, {
    ...sessionOptions("cpu", THREADS),
    enableProfiling: true,
    profileFilePrefix: prefix,
  });
  const x = new ort.Tensor(
    "float32",
    Float32Array.from({ length: rows * H }, (_, i) => Math.sin(i)),
    [rows, H],
  );
  const ids = new ort.Tensor(
    "int64",
    BigInt64Array.from({ length: rows }, (_, i) => BigInt((i * 97) % V)),
    [rows],
  );
  const WARM = 20;
  for (let i = 0; i < WARM; i++) await session.run({ x, ids });
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    evictor?.fill(i);
    const t = performance.now();
    await session.run({ x, ids });
    walls.push((performance.now() - t) * 1000);
  }
  await session.endProfiling();
  await session.release();
  const file = (await readdir(dir)).find((f) => f.startsWith(tag) && f.endsWith(".json"))!;
  const events = JSON.parse(await readFile(path.join(dir, file), "utf8")) as ProfileEvent[];
  const runs = events.filter((e) => e.cat === "Session" && e.name === "model_run").sort((a, b) => a.ts - b.ts);
  const perRun = runs.map(() => ({ head: 0, embed: 0 }));
  for (const e of events) {
    if (e.cat !== "Node" || !e.name.endsWith("_kernel_time") || e.args?.op_name === "Identity") continue;
    const r = runs.findIndex((run) => e.ts >= run.ts && e.ts <= run.ts + run.dur);
    if (r < 0) continue;
    const node = e.name.slice(0, -"_kernel_time".length);
    if (model.embedNodes.has(node)) perRun[r].embed += e.dur;
    else perRun[r].head += e.dur;
  }
  const measured = perRun.slice(WARM);
  return {
    headUs: upperMedian(measured.map((r) => r.head)),
    embedUs: upperMedian(measured.map((r) => r.embed)),
    wallUs: upperMedian(walls),
  };
}

interface ProfileEvent {
  cat: string;
  name: string;
  ts: number;
  dur: number;
  args?: { op_name?: string };
}

const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-lm-head-"));
const models = VARIANTS.map(buildModel);
const best = new Map<string, Measured>();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const rows of ROWS) {
      // Alternate the order each round so drift in the host's load does not favour one variant.
      const order = VARIANTS.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const m = await measure(models[i], rows, dir, `r${round}_m${rows}_v${i}_`);
        const key = `${rows}|${i}`;
        const prev = best.get(key);
        best.set(
          key,
          prev
            ? {
                headUs: Math.min(prev.headUs, m.headUs),
                embedUs: Math.min(prev.embedUs, m.embedUs),
                wallUs: Math.min(prev.wallUs, m.wallUs),
              }
            : m,
        );
      }
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const weightMb = (V * H * 4) / 1e6;
console.log(
  `LM head ${V}×${H} fp32 (${weightMb.toFixed(1)} MB), ${THREADS} intra-op thread(s), onnxruntime-node ${ort.env.versions.common}`,
);
console.log(
  `${COLD ? "caches evicted before every run; " : ""}median of ${RUNS} runs, best of ${ROUNDS} interleaved rounds; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const rows of ROWS) {
  console.log(`\nM = ${rows}`);
  console.log("  head kernel µs | embed kernel µs | run wall µs | weights | variant");
  VARIANTS.forEach((v, i) => {
    const m = best.get(`${rows}|${i}`)!;
    const quantised = v.quantizedBits ? (V * H * v.quantizedBits) / 8 / 1e6 + (V * (H / 32) * 4) / 1e6 : 0;
    const total = v.sharedTable ? quantised : weightMb + (v.quantizedBits ? quantised : v.duplicates ? weightMb : 0);
    const mem = `${total.toFixed(1)} MB`;
    console.log(
      `  ${m.headUs.toFixed(0).padStart(14)} | ${m.embedUs.toFixed(0).padStart(15)} | ${m.wallUs.toFixed(0).padStart(11)} | ${mem.padStart(7)} | ${v.name}`,
    );
  });
}
