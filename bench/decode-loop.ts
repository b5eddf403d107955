// One contender decoding greedily at batch 1 after a 32-token prompt, for the instruction counts
// of bench/instructions-per-token.ts. With --gated it prints "ready" after the model load, the
// prompt and --warm tokens, waits for a line on stdin, decodes --tokens more, prints "done", and
// waits again: the driver switches valgrind's instrumentation on and off at those two points, so
// only the measured tokens are counted (load, prompt and exit are not).
//   node --import tsx bench/decode-loop.ts --model <hf dir> --contender engine|llama.cpp --type fp32|int8|int4 --tokens N [--gguf <file>] [--lora-slots] [--gated]
// The engine decodes through LoadedModel.forward + argmax (what bench:cpu-per-token times);
// --lora-slots loads it as the server does (rank-64 LoRA slots on q/v, no adapter in the batch);
// llama.cpp through node-llama-cpp on a GGUF export of the same checkpoint. Both at 1 thread.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import { openLlamaCpp } from "../gpu-function/export/llama-cpp-peer";
import { loadModel } from "../gpu-function/runtime/load";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    contender: { type: "string", default: "engine" },
    type: { type: "string", default: "fp32" },
    tokens: { type: "string", default: "64" },
    warm: { type: "string", default: "4" },
    gguf: { type: "string" },
    "lora-slots": { type: "boolean", default: false },
    gated: { type: "boolean", default: false },
  },
});
const MODEL = path.resolve(values.model ?? "models/base");
const N = Number(values.tokens);
const WARM = Number(values.warm);
const type = values.type as "fp32" | "int8" | "int4";
if (!["fp32", "int8", "int4"].includes(type)) throw new Error(`--type must be fp32, int8 or int4, got ${values.type}`);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(WARM) || WARM < 1) throw new Error("--tokens and --warm must be positive integers");
const VOCAB = (JSON.parse(await readFile(path.join(MODEL, "config.json"), "utf8")) as { vocab_size: number }).vocab_size;
// The prompt of bench:cpu-per-token: 32 ids spread over the vocabulary.
const PROMPT = Array.from({ length: 32 }, (_, i) => (100 + ((i * 37) % 5000)) % VOCAB);

const lines = values.gated ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : null;
/** Tells the driver where we are and, when gated, waits for its go-ahead. */
async function gate(label: string): Promise<void> {
  if (!lines) return;
  process.stdout.write(`${label}\n`);
  await lines.next();
}

/** Greedy tokens: `next()` decodes one more (the first call runs the prompt). */
async function decoder(): Promise<{ next(): Promise<number>; close(): Promise<void> }> {
  if (values.contender === "llama.cpp") {
    if (!values.gguf) throw new Error("--contender llama.cpp needs --gguf <file>");
    const peer = await openLlamaCpp(values.gguf, { threads: 1 });
    const seq = peer.context.getSequence();
    const it = seq.evaluate(PROMPT as never, { temperature: 0, yieldEogToken: true })[Symbol.asyncIterator]();
    return {
      next: async () => (await it.next()).value as number,
      close: async () => {
        await it.return?.();
        seq.dispose();
        await peer.dispose();
      },
    };
  }
  if (values.contender !== "engine") throw new Error(`--contender must be engine or llama.cpp, got ${values.contender}`);
  const model = await loadModel(MODEL, {
    quantize: type === "fp32" ? "none" : type,
    intraOpThreads: 1,
    maxBatch: 1,
    lora: values["lora-slots"] ? { maxRank: 64, targetModules: ["q_proj", "v_proj"] } : null,
  });
  const cache = model.newCache();
  let input = PROMPT;
  return {
    async next() {
      const [logits] = await model.forward([{ tokens: input, cache, lora: null }]);
      let best = 0;
      for (let j = 1; j < logits!.length; j++) if (logits![j]! > logits![best]!) best = j;
      input = [best];
      return best;
    },
    async close() {
      cache.release();
      await model.dispose();
    },
  };
}

const d = await decoder();
const tokens: number[] = [];
for (let i = 0; i < WARM; i++) tokens.push(await d.next());
// The load leaves garbage behind: collect it now (node --expose-gc), or a major GC may land among the counted tokens.
// V8 sweeps (and may keep marking) on background threads after that: give them time to finish.
for (let i = 0; i < 2; i++) {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 2000));
}
await gate("ready");
for (let i = 0; i < N; i++) tokens.push(await d.next());
await gate("done");
await d.close();
// The tokens, so the driver can check that both contenders decoded the same sequence.
console.log(JSON.stringify({ tokens }));
lines?.return?.();
