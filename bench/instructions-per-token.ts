// Instructions per decoded token, engine against llama.cpp on the same weights, counted by
// valgrind's callgrind: unlike wall or CPU time on a shared host, the count repeats to a fraction
// of a percent, so engine changes can be judged under any load. Each contender decodes at batch
// 1 on 1 thread (bench/decode-loop.ts --gated) under valgrind with instrumentation off; after the
// model load, the 32-token prompt and 4 warm-up tokens the driver switches it on
// (callgrind_control -i on <pid>), lets --tokens tokens decode, and switches it off again, so the
// count is those tokens' alone. --functions N lists the N functions with the most instructions
// (callgrind_annotate, exclusive counts) per token.
//   npx tsx bench/instructions-per-token.ts [--model <hf dir>|bench] [--types fp32,int4] [--contenders engine,llama.cpp]
//     [--tokens 32] [--lora-slots] [--functions 25]
// Slow: instrumented code runs ~50x slower (a 512x8 int4 contender takes minutes on a loaded host).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import { REPO_ROOT } from "../gpu-function/engine/defaults";
import { exportGguf } from "../gpu-function/export/gguf-export";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    types: { type: "string", default: "fp32,int4" },
    contenders: { type: "string", default: "engine,llama.cpp" },
    tokens: { type: "string", default: "32" },
    "lora-slots": { type: "boolean", default: false },
    functions: { type: "string", default: "0" },
  },
});
const MODEL =
  values.model === "bench" ? path.join(REPO_ROOT, ".data", "bench", "gpu-function-llama-512x8", "hf") : path.resolve(values.model!);
const LLAMA_TYPE = { fp32: "f32", int8: "q8_0", int4: "q4_0" } as const;
type EngineType = keyof typeof LLAMA_TYPE;
const types = values.types!.split(",") as EngineType[];
for (const t of types) if (!(t in LLAMA_TYPE)) throw new Error(`--types: unknown type "${t}" (fp32, int8, int4)`);
const contenders = values.contenders!.split(",");
for (const c of contenders) if (c !== "engine" && c !== "llama.cpp") throw new Error(`--contenders: unknown "${c}"`);
const N = Number(values.tokens);
if (!Number.isInteger(N) || N < 1) throw new Error(`--tokens must be a positive integer, got ${values.tokens}`);
const TOP = Number(values.functions);

interface Counted {
  total: number;
  tokens: number[];
  /** Exclusive instructions by function, most first (only with --functions). */
  byFunction: Array<[string, number]>;
}

/**
 * callgrind_annotate's exclusive per-function lines ("  1,234,567 (12.3%)  file:function [object]"),
 * most first. onnxruntime's library is stripped, so its functions are addresses; `byObject` sums
 * them per library (JIT-compiled JavaScript has no object: "[???]").
 */
function byFunction(outFile: string): Array<[string, number]> {
  const r = spawnSync("callgrind_annotate", ["--inclusive=no", "--threshold=100", outFile], { encoding: "utf8", maxBuffer: 256 << 20 });
  const m = new Map<string, number>();
  for (const line of r.stdout.split("\n")) {
    const hit = /^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*)$/.exec(line);
    if (!hit || !hit[2]!.includes(":")) continue;
    const name = hit[2]!.replace(/^[^:]*:/, "").trim();
    m.set(name, (m.get(name) ?? 0) + Number(hit[1]!.replaceAll(",", "")));
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

/**
 * V8's garbage collector (marking, sweeping, evacuation and their helpers). Its share is mostly
 * an artefact here: its triggers are partly time-based and valgrind runs ~50x slower, so a major
 * GC lands among the counted tokens far more often than natively (native CPU profiles: GC 0.4-1.1 %).
 */
const V8_GC =
  /v8::internal::(\w*Marking|\w*Sweep|\w*Evacuat|Scavenge|\w*Collector|\w*RememberedSet|HeapObject::SizeFromMap|BodyDescriptorBase)|MemoryChunk|heap::base::|__popcountdi2/;

function gcShare(functions: Array<[string, number]>): number {
  return functions.reduce((sum, [f, n]) => sum + (V8_GC.test(f) ? n : 0), 0);
}

function byObject(functions: Array<[string, number]>): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const [f, n] of functions) {
    const obj = path.basename(/\[([^\]]*)\]$/.exec(f)?.[1] ?? "???");
    m.set(obj, (m.get(obj) ?? 0) + n);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** Runs decode-loop.ts under callgrind, instrumenting only the measured tokens. */
async function count(dir: string, args: string[]): Promise<Counted> {
  const out = path.join(dir, `cg.${Math.random().toString(36).slice(2)}`);
  const child = spawn(
    "valgrind",
    [
      "--tool=callgrind",
      "--instr-atstart=no",
      `--callgrind-out-file=${out}`,
      "node",
      "--expose-gc",
      "--import",
      "tsx",
      path.join(REPO_ROOT, "bench", "decode-loop.ts"),
      ...args,
      "--tokens",
      String(N),
      "--gated",
    ],
    { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-20000)));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  let tokens: number[] | null = null;
  for await (const line of createInterface({ input: child.stdout })) {
    if (process.env.IPT_DEBUG) process.stderr.write(`[decode-loop] ${line}\n`);
    if (line === "ready" || line === "done") {
      execFileSync("callgrind_control", ["-i", line === "ready" ? "on" : "off", String(child.pid)], { stdio: "ignore" });
      // After "done" the loop only has to exit: end its stdin so nothing keeps it alive.
      if (line === "ready") child.stdin.write("go\n");
      else child.stdin.end("go\n");
    } else if (line.startsWith('{"tokens"')) tokens = (JSON.parse(line) as { tokens: number[] }).tokens;
  }
  const status = await exited;
  const total = /Collected : (\d+)/.exec(stderr);
  if (status !== 0 || !total || !tokens) throw new Error(`valgrind run failed (${status}):\n${stderr.slice(-3000)}`);
  return { total: Number(total[1]), tokens, byFunction: TOP > 0 ? byFunction(out) : [] };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), "medchat-instructions-"));
try {
  console.log(
    `${path.relative(REPO_ROOT, MODEL)}: batch 1, 1 thread, 32-token prompt + 4 tokens uncounted, then ${N} tokens counted; load average ${os.loadavg()[0]!.toFixed(1)} at start`,
  );
  for (const t of types) {
    const perToken = new Map<string, number>();
    const seqs = new Map<string, number[]>();
    for (const c of contenders) {
      const args = ["--model", MODEL, "--contender", c, "--type", t];
      if (c === "llama.cpp") {
        const out = path.join(tmp, LLAMA_TYPE[t], `model-${LLAMA_TYPE[t]}.gguf`);
        const exported = await exportGguf({ modelDir: MODEL, type: LLAMA_TYPE[t], out, system: "benchmark" });
        args.push("--gguf", exported.files.model!);
      } else if (values["lora-slots"]) args.push("--lora-slots");
      const r = await count(tmp, args);
      const per = r.total / N;
      const name = c === "engine" ? `engine ${t}${values["lora-slots"] ? " (LoRA slots)" : ""}` : `llama.cpp ${LLAMA_TYPE[t]}`;
      perToken.set(name, per);
      seqs.set(name, r.tokens);
      const gc = TOP > 0 ? gcShare(r.byFunction) / N : 0;
      console.log(
        `  ${name.padEnd(28)} ${(per / 1e6).toFixed(3).padStart(9)} M instructions per token${TOP > 0 ? `, ${((per - gc) / 1e6).toFixed(3)} M without V8's GC (${(gc / 1e6).toFixed(3)} M)` : ""}`,
      );
      if (TOP > 0)
        console.log(
          `    by object: ${byObject(r.byFunction)
            .slice(0, 6)
            .map(([o, n]) => `${o} ${((100 * n) / r.total).toFixed(1)}%`)
            .join(", ")}`,
        );
      for (const [f, n] of r.byFunction.slice(0, TOP))
        console.log(
          `      ${(n / N / 1e3).toFixed(1).padStart(9)} k  ${((100 * n) / r.total).toFixed(1).padStart(5)}%  ${f.slice(0, 160)}`,
        );
    }
    const [first, ...rest] = [...seqs.values()];
    if (rest.length)
      console.log(
        `  greedy tokens ${rest.every((s) => s.join() === first!.join()) ? "identical" : "DIFFER"} across contenders (${first!.length} tokens)`,
      );
    const e = [...perToken].find(([n]) => n.startsWith("engine"));
    const l = [...perToken].find(([n]) => n.startsWith("llama.cpp"));
    if (e && l)
      console.log(`  llama.cpp / engine instructions per token: ${(l[1] / e[1]).toFixed(3)} (> 1: the engine's token takes fewer)`);
  }
  console.log(`load average ${os.loadavg()[0]!.toFixed(1)} at end`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
