// How much of a core each batch-1 decoder is given on a busy host: the engine (onnxruntime-node,
// decoding on Node's main thread) and llama.cpp (node-llama-cpp: a worker thread that hands each
// token to the main thread) on the same models/base weights, alternating in this process. Per
// token: wall µs, process CPU µs, their ratio (the share of a core), and context switches.
// At equal CPU per token, a lower share means the wall-clock ratio of bench:gpu-function
// measures the scheduler as much as the engine (docs/engine-profile.md, seventh session).
//   npx tsx bench/core-share.ts [--model models/base] [--tokens 256] [--rounds 3] [--threads 1]
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { exportGguf } from "../gpu-function/export/gguf-export";
import { openLlamaCpp } from "../gpu-function/export/llama-cpp-peer";
import { argmax } from "../gpu-function/engine/sampler";
import { loadModel } from "../gpu-function/runtime/load";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    tokens: { type: "string", default: "256" },
    rounds: { type: "string", default: "3" },
    threads: { type: "string", default: "1" },
  },
});
const MODEL = path.resolve(values.model!);
const N = Number(values.tokens);
const THREADS = Number(values.threads);
const PROMPT = Array.from({ length: 32 }, (_, i) => 100 + ((i * 37) % 5000));

function report(name: string, r0: NodeJS.ResourceUsage, wallMs: number): void {
  const r = process.resourceUsage();
  const wall = (wallMs * 1000) / N;
  const cpu = (r.userCPUTime + r.systemCPUTime - r0.userCPUTime - r0.systemCPUTime) / N;
  const perToken = (a: number, b: number) => ((a - b) / N).toFixed(2);
  console.log(
    `  ${name.padEnd(10)} wall ${wall.toFixed(0).padStart(6)} µs/token  CPU ${cpu.toFixed(0).padStart(5)}  share ${(cpu / wall).toFixed(2)}  ` +
      `switches/token: voluntary ${perToken(r.voluntaryContextSwitches, r0.voluntaryContextSwitches)}, involuntary ${perToken(r.involuntaryContextSwitches, r0.involuntaryContextSwitches)}  load ${os.loadavg()[0]!.toFixed(1)}`,
  );
}

const model = await loadModel(MODEL, { intraOpThreads: THREADS, maxBatch: 1, lora: null });
const tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-core-share-"));
try {
  const gguf = await exportGguf({ modelDir: MODEL, type: "f32", out: path.join(tmp, "model-f32.gguf"), system: "benchmark" });
  const peer = await openLlamaCpp(gguf.files.model!, { threads: 1 });
  console.log(
    `${MODEL}: batch-1 greedy, ${N} tokens after a ${PROMPT.length}-token prompt (not counted), engine ${THREADS} thread(s), llama.cpp 1`,
  );
  for (let round = 0; round < Number(values.rounds); round++) {
    const cache = model.newCache();
    let [logits] = await model.forward([{ tokens: PROMPT, cache, lora: null }]);
    let r0 = process.resourceUsage();
    let t0 = performance.now();
    for (let i = 0; i < N; i++) [logits] = await model.forward([{ tokens: [argmax(logits!)], cache, lora: null }]);
    report("engine", r0, performance.now() - t0);
    cache.release();
    // llama.cpp: counted from its first token on (its prompt excluded, like the engine's).
    const seq = peer.context.getSequence();
    let n = 0;
    for await (const _ of seq.evaluate(PROMPT as never, { temperature: 0, yieldEogToken: true })) {
      if (n === 0) {
        r0 = process.resourceUsage();
        t0 = performance.now();
      }
      if (++n > N) break;
    }
    report("llama.cpp", r0, performance.now() - t0);
    seq.dispose();
  }
  await peer.dispose();
} finally {
  await model.dispose();
  await rm(tmp, { recursive: true, force: true });
}
