// Batch-1 decode cost on one model, engine against llama.cpp on the same weights, as PROCESS CPU
// time per token: on a loaded shared host wall-clock rates swing 3-10x between rounds while the
// CPU a token costs stays within ~20%, so this is the figure to compare when no quiet window
// is available (bench:gpu-function gives the wall-clock rates in a quiet one). Both sides run
// in this process, one after the other (interleaved rounds, alternating order), so the CPU
// measured is the contender's own; llama.cpp on one thread, the engine on each count of
// --engine-threads (at 2, process CPU counts both threads). Beside the wall rate: an idle-host
// estimate, the run's wall time minus the time its busiest thread waited for a CPU that other
// processes held (bench/thread-choice.ts `stolenMs`; prompt included on both sides).
//   npm run bench:cpu-per-token -- [--model models/base] [--types fp32,int8,int4] [--tokens 128] [--rounds 6] [--before <checkout>]
//     [--engine-threads 1,2]
// fp32/int8/int4 are compared with llama.cpp f32/q8_0/q4_0 exports (models:export) of the same
// checkpoint. --before <dir>: also load the engine from another checkout of this repository
// (its gpu-function/runtime/load.ts; e.g. `git archive <commit> | tar -x -C <dir>` with a
// node_modules link) for a before/after of an engine change in the same run.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { exportGguf } from "../gpu-function/export/gguf-export";
import { openLlamaCpp } from "../gpu-function/export/llama-cpp-peer";
import { loadModel } from "../gpu-function/runtime/load";
import type { LoadOptions } from "../gpu-function/runtime/types";
import { upperMedian } from "./stats";
import { stolenMs, threadTimes } from "./thread-choice";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    types: { type: "string", default: "fp32,int8,int4" },
    tokens: { type: "string", default: "128" },
    rounds: { type: "string", default: "6" },
    before: { type: "string" },
    "engine-threads": { type: "string", default: "1" },
  },
});
const MODEL = path.resolve(values.model!);
const N = Number(values.tokens);
const ROUNDS = Number(values.rounds);
const VOCAB = (JSON.parse(await readFile(path.join(MODEL, "config.json"), "utf8")) as { vocab_size: number }).vocab_size;
// 32 ids spread over the vocabulary (the 512×8 benchmark model's has 262 entries).
const PROMPT = Array.from({ length: 32 }, (_, i) => (100 + ((i * 37) % 5000)) % VOCAB);
const LLAMA_TYPE = { fp32: "f32", int8: "q8_0", int4: "q4_0" } as const;
type EngineType = keyof typeof LLAMA_TYPE;
const types = values.types!.split(",") as EngineType[];
/** The engine's intra-op thread counts to compare (llama.cpp stays at 1: its barrier spins at 2 on this host). */
const ENGINE_THREADS = values["engine-threads"]!.split(",").map(Number);
for (const n of ENGINE_THREADS)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--engine-threads: "${values["engine-threads"]}" is not a list of thread counts`);
for (const t of types) if (!(t in LLAMA_TYPE)) throw new Error(`--types: unknown type "${t}" (fp32, int8, int4)`);

interface Contender {
  name: string;
  /** Decodes N tokens after the prompt; returns the wall-clock decode rate (tok/s). */
  run(): Promise<number>;
  close(): Promise<void>;
}

type Load = typeof loadModel;

async function engine(name: string, load: Load, quantize: LoadOptions["quantize"], threads = 1): Promise<Contender> {
  const model = await load(MODEL, { quantize, intraOpThreads: threads, maxBatch: 1 });
  return {
    name,
    close: () => model.dispose(),
    run: async () => {
      const cache = model.newCache();
      let [logits] = await model.forward([{ tokens: PROMPT, cache, lora: null }]);
      const t = performance.now();
      for (let i = 0; i < N; i++) {
        let best = 0;
        for (let j = 1; j < logits!.length; j++) if (logits![j]! > logits![best]!) best = j;
        [logits] = await model.forward([{ tokens: [best], cache, lora: null }]);
      }
      const seconds = (performance.now() - t) / 1000;
      cache.release();
      return N / seconds;
    },
  };
}

async function llamaCpp(name: string, file: string): Promise<Contender> {
  const peer = await openLlamaCpp(file, { threads: 1 });
  return {
    name,
    close: () => peer.dispose(),
    run: async () => {
      const { stamps } = await peer.timedGreedy(PROMPT, N + 1);
      return N / ((stamps[N]! - stamps[0]!) / 1000);
    },
  };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-cpu-per-token-"));
const contenders: Contender[] = [];
try {
  const before = values.before
    ? ((await import(path.resolve(values.before, "gpu-function/runtime/load.ts"))) as { loadModel: Load }).loadModel
    : null;
  for (const t of types) {
    if (before) contenders.push(await engine(`engine ${t} (before)`, before, t === "fp32" ? "none" : t));
    for (const n of ENGINE_THREADS)
      contenders.push(await engine(`engine ${t}${n > 1 ? ` ${n} threads` : ""}`, loadModel, t === "fp32" ? "none" : t, n));
    const out = path.join(tmp, LLAMA_TYPE[t], `model-${LLAMA_TYPE[t]}.gguf`);
    const exported = await exportGguf({ modelDir: MODEL, type: LLAMA_TYPE[t], out, system: "benchmark" });
    contenders.push(await llamaCpp(`llama.cpp ${LLAMA_TYPE[t]}`, exported.files.model!));
  }
  const cpu = new Map<string, number[]>();
  const wall = new Map<string, number>();
  const quiet = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of round % 2 ? [...contenders].reverse() : contenders) {
      await c.run(); // warm: caches, the contender's thread
      const c0 = process.cpuUsage();
      const t0 = threadTimes();
      const w0 = performance.now();
      const rate = await c.run();
      const wallMs = performance.now() - w0;
      const used = process.cpuUsage(c0);
      // Prompt included on both sides here (the wall rate below counts decode steps only).
      quiet.set(c.name, Math.max(quiet.get(c.name) ?? 0, (N * 1000) / (wallMs - stolenMs(t0, threadTimes()))));
      // The request's CPU (its 32-token prefill included) per new token.
      (cpu.get(c.name) ?? cpu.set(c.name, []).get(c.name)!).push((used.user + used.system) / N);
      wall.set(c.name, Math.max(wall.get(c.name) ?? 0, rate));
    }
  }
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  console.log(
    `${MODEL}: batch 1, llama.cpp 1 thread, engine ${values["engine-threads"]}, ${PROMPT.length}-token prompt, ${N} new tokens, ${ROUNDS} interleaved rounds; load average ${load}`,
  );
  console.log(
    "process CPU µs per new token (min / median of rounds), best wall-clock decode rate, best idle-host estimate (prompt included: wall minus the busiest thread's waits for a CPU):",
  );
  for (const c of contenders) {
    const v = cpu.get(c.name)!;
    console.log(
      `  ${c.name.padEnd(30)} ${Math.min(...v)
        .toFixed(0)
        .padStart(
          6,
        )} / ${upperMedian(v).toFixed(0).padStart(6)} µs   ${wall.get(c.name)!.toFixed(0).padStart(5)} tok/s   idle-host estimate ${quiet.get(c.name)!.toFixed(0).padStart(5)} tok/s`,
    );
  }
} finally {
  for (const c of contenders) await c.close();
  await rm(tmp, { recursive: true, force: true });
}
