// The benchmark's engine thread-count probe (bench:gpu-function's engineThreads) run both ways
// side by side: wall-clock probes and the same probes corrected for the CPU time the host took
// from them (thread-choice.ts idleHostProbe), with the choice each makes. Shows on a busy host
// why the correction is there (docs/engine-profile.md, eighth session).
//   npx tsx bench/thread-probes.ts [--model <hf dir>] [--quantize none|int8|int4] [--tokens 32] [--repeats 2]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { GREEDY } from "../gpu-function/engine/sampler";
import { Scheduler } from "../gpu-function/engine/scheduler";
import { ChatTokenizer } from "../gpu-function/engine/tokenizer";
import { loadModel } from "../gpu-function/runtime/load";
import type { LoadOptions } from "../gpu-function/runtime/types";
import { describeChoice, idleHostProbe, probeThreads } from "./thread-choice";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    quantize: { type: "string", default: "none" },
    tokens: { type: "string", default: "32" },
    repeats: { type: "string", default: "2" },
  },
});
const dir = path.resolve(values.model!);
const quantize = values.quantize as LoadOptions["quantize"];
const tok = await ChatTokenizer.fromDir(dir);
const prompt = tok.encode("Q00: what causes anemia and how is it treated?").slice(0, 32);
const probes = new Map<number, () => Promise<number>>();
const models = [];
for (const threads of [1, 2]) {
  const model = await loadModel(dir, { maxBatch: 16, intraOpThreads: threads, quantize, lora: null });
  models.push(model);
  const scheduler = new Scheduler(model, tok, { maxBatch: 16, maxQueue: 64 });
  const decode = async (maxTokens: number) => {
    const t0 = performance.now();
    const r = await scheduler.submit({ promptTokens: prompt, lora: null, sampling: GREEDY, maxTokens, stop: [], ignoreEos: true });
    return ((r.completionTokens - 1) * 1000) / (performance.now() - t0 - r.ttftMs);
  };
  await decode(8); // warm-up
  probes.set(threads, () => decode(Number(values.tokens)));
}
console.log(`${dir} (${quantize}): ${values.tokens}-token batch-1 probes, 5 per count, interleaved`);
for (let i = 0; i < Number(values.repeats); i++) {
  const wall = await probeThreads([1, 2], (t) => probes.get(t)!());
  const idle = await probeThreads(
    [1, 2],
    idleHostProbe((t) => probes.get(t)!()),
  );
  console.log(`  wall clock: ${describeChoice(wall)}`);
  console.log(`  idle host:  ${describeChoice(idle)}   (load ${os.loadavg()[0]!.toFixed(1)})`);
}
for (const m of models) await m.dispose();
