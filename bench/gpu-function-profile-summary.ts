// Summarises a V8 .cpuprofile (node --cpu-prof; bench/gpu-function-http.ts --cpu-prof): self time
// by function and by area (onnxruntime's run inside the binding, the engine's JS, HTTP/SSE, GC,
// idle), as shares of the busy (non-idle) samples.
//   npx tsx bench/gpu-function-profile-summary.ts <file.cpuprofile> [--top 25]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" } } });
const profile = JSON.parse(await readFile(positionals[0]!, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++)
  self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));

const short = (url: string) => url.replace(/^.*\/(node_modules\/)/, "$1").replace(/^.*\/(gpu-function|bench)\//, "$1/");
const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

/** The area a sample counts under: the first matching frame from the leaf up. */
function area(id: number): string {
  const leaf = byId.get(id)!;
  const fn = leaf.callFrame.functionName;
  if (fn === "(idle)") return "idle";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "program (native, outside JS)";
  const up = parent.get(id);
  // The binding's synchronous run (a native frame under backend.js's setImmediate callback).
  if (leaf.callFrame.url === "" && up !== undefined && byId.get(up)!.callFrame.url.includes("onnxruntime-node/dist/backend"))
    return "onnxruntime session.run (native: kernels, executor, binding)";
  if (fn === "dispatch" && up !== undefined && byId.get(up)!.callFrame.url === "node:inspector") return "profiler (inspector)";
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    const url = n.callFrame.url;
    if (url.includes("onnxruntime")) return "onnxruntime-node/common JS";
    if (url.includes("/runtime/")) return "engine runtime JS (causal-lm, kv-pool, lora-feeds)";
    if (url.includes("/engine/output") || url.includes("/engine/tokenizer") || url.includes("@huggingface/tokenizers"))
      return "detokenisation";
    if (url.includes("/engine/sampler")) return "sampling";
    if (url.includes("/engine/")) return "scheduler / engine";
    if (url.includes("/http/")) return "HTTP handler / SSE";
  }
  if (leaf.callFrame.url.startsWith("node:") || leaf.callFrame.url === "") return `node core: ${fn || "(anonymous)"}`;
  return `other: ${short(leaf.callFrame.url)}`;
}

let busy = 0;
let total = 0;
const areas = new Map<string, number>();
for (const [id, us] of self) {
  total += us;
  const a = area(id);
  areas.set(a, (areas.get(a) ?? 0) + us);
  if (a !== "idle") busy += us;
}
const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`.padStart(6);
console.log(`${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy; shares of busy time`);
console.log("by area:");
for (const [a, us] of [...areas]
  .filter(([a]) => a !== "idle")
  .sort((x, y) => y[1] - x[1])
  .slice(0, 20))
  console.log(`  ${pct(us)}  ${a}`);
console.log(`top ${values.top} functions by self time:`);
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  if (n.callFrame.functionName === "(idle)") continue;
  fns.set(label(n), (fns.get(label(n)) ?? 0) + us);
}
for (const [l, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, Number(values.top))) console.log(`  ${pct(us)}  ${l}`);
