// Per-token cost of the gpu-function serving a model over HTTP, measured in the SERVER's own
// process: the server runs in a child process (the serving defaults of createGpuFunctionServer:
// LoRA slots, metrics, the router), a client in this process streams greedy completions from
// it, and the child reports its own process.cpuUsage() before and after each request. CPU µs per
// token of the server process is steady on a loaded host where wall rates swing several-fold.
//   npx tsx bench/gpu-function-http.ts [--model models/base] [--tokens 256] [--rounds 6] [--threads 1]
//     [--mode stream|plain|both] [--cpu-prof <file.cpuprofile>] [--port 0] [--quantize int8|int4] [--no-lora] [--perf-map] [--before <checkout>]
// --cpu-prof writes the server process's V8 CPU profile of the measured requests only (the
// inspector's Profiler, what node --cpu-prof uses, started after loading and warm-up);
// `npx tsx bench/gpu-function-profile-summary.ts <file.cpuprofile>` summarises it.
import { fork, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { upperMedian } from "./stats";

const { values } = parseArgs({
  options: {
    child: { type: "boolean", default: false },
    model: { type: "string", default: "models/base" },
    tokens: { type: "string", default: "256" },
    rounds: { type: "string", default: "6" },
    threads: { type: "string", default: "1" },
    mode: { type: "string", default: "both" },
    "cpu-prof": { type: "string" },
    port: { type: "string", default: "0" },
    quantize: { type: "string", default: "none" },
    "no-lora": { type: "boolean", default: false },
    "perf-map": { type: "boolean", default: false },
    before: { type: "string" },
  },
});

const PROMPT = "What causes anemia and how is it treated? Please answer in plain words.";

interface CpuReply {
  user: number;
  system: number;
}

async function child(): Promise<void> {
  const { createGpuFunctionServer } = await import("../gpu-function/server");
  const server = await createGpuFunctionServer({
    modelDir: path.resolve(values.model!),
    fineTuning: false,
    intraOpThreads: Number(values.threads),
    quantize: values.quantize as "none" | "int8" | "int4",
    ...(values["no-lora"] ? { lora: null } : {}),
    log: () => {},
  });
  const url = await server.listen(Number(values.port), "127.0.0.1");
  const { Session } = await import("node:inspector/promises");
  const inspector = new Session();
  inspector.connect();
  process.on("message", (m: string) => {
    if (m === "cpu") process.send!(process.cpuUsage());
    else if (m === "prof-start")
      void (async () => {
        await inspector.post("Profiler.enable");
        await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
        await inspector.post("Profiler.start");
        process.send!("ok");
      })();
    else if (m === "prof-stop")
      void (async () => {
        const { profile } = await inspector.post("Profiler.stop");
        await writeFile(values["cpu-prof"]!, JSON.stringify(profile));
        process.send!("ok");
      })();
    else if (m === "exit") void server.close().then(() => process.exit(0));
  });
  process.send!({ url });
  if (values["perf-map"]) console.error(`server pid ${process.pid}`);
}

function ask<T = CpuReply>(c: ChildProcess, what = "cpu"): Promise<T> {
  return new Promise((resolve) => {
    c.once("message", (m) => resolve(m as T));
    c.send(what);
  });
}

/** One greedy completion of `tokens` tokens; returns the decode rate from SSE arrival (streaming) or whole-request time. */
function complete(base: string, tokens: number, stream: boolean): Promise<{ tokS: number; tokens: number; chunks: number }> {
  const body = JSON.stringify({
    model: path.basename(values.model!),
    messages: [{ role: "user", content: PROMPT }],
    stream,
    ...(stream ? { stream_options: { include_usage: true } } : {}),
    temperature: 0,
    max_tokens: tokens,
    ignore_eos: true,
  });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${base}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
      res.setEncoding("utf8");
      let text = "";
      let first = 0;
      let last = 0;
      let chunks = 0;
      res.on("data", (part: string) => {
        text += part;
        chunks++;
        if (part.includes('"content":"') && !part.includes('"role"')) {
          last = performance.now();
          if (!first) first = last;
        }
      });
      res.on("end", () => {
        const m = /"completion_tokens":(\d+)/.exec(text);
        const n = m ? Number(m[1]) : 0;
        const tokS = stream ? ((n - 1) * 1000) / (last - first) : (n * 1000) / (performance.now() - t0);
        resolve({ tokS, tokens: n, chunks });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

interface Server {
  name: string;
  c: ChildProcess;
  url: string;
}

async function startServer(name: string, script: string, cwd: string): Promise<Server> {
  // The model path is resolved here: a --before server runs in its own checkout's directory.
  const argv = process.argv.slice(2).concat("--child", "--model", path.resolve(values.model!));
  // --perf-map: the server writes /tmp/perf-<pid>.map so `perf record -p <pid>` names JS frames.
  const c = fork(script, argv, { cwd, execArgv: ["--import", "tsx", ...(values["perf-map"] ? ["--perf-basic-prof"] : [])] });
  const { url } = await new Promise<{ url: string }>((resolve) => c.once("message", (m) => resolve(m as { url: string })));
  return { name, c, url };
}

async function parent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const servers = [await startServer("this checkout", self, process.cwd())];
  // --before <checkout>: the same server from another checkout of this repository (with this
  // script copied into its bench/), requests interleaved with this one's: a paired comparison
  // in one time window, which a loaded host's drift does not bias.
  const before = values.before ? path.resolve(values.before) : null;
  if (before) servers.push(await startServer(`before (${before})`, path.join(before, "bench", "gpu-function-http.ts"), before));
  const prof = values["cpu-prof"];
  const tokens = Number(values.tokens);
  const modes = values.mode === "both" ? [true, false] : [values.mode === "stream"];
  for (const s of servers) await complete(s.url, 16, true);
  if (prof) await ask(servers[0]!.c, "prof-start");
  type Row = { cpu: number[]; user: number[]; sys: number[]; tokS: number[]; chunks: number[] };
  const results = new Map<string, Row>();
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const stream of r % 2 === 0 ? modes : [...modes].reverse()) {
      for (const s of r % 2 === 0 ? servers : [...servers].reverse()) {
        const a = await ask(s.c);
        const out = await complete(s.url, tokens, stream);
        const b = await ask(s.c);
        const key = `${stream ? "streaming" : "non-streaming"}${servers.length > 1 ? `, ${s.name}` : ""}`;
        const e = results.get(key) ?? { cpu: [], user: [], sys: [], tokS: [], chunks: [] };
        e.user.push((b.user - a.user) / out.tokens);
        e.sys.push((b.system - a.system) / out.tokens);
        e.cpu.push((b.user - a.user + b.system - a.system) / out.tokens);
        e.tokS.push(out.tokS);
        e.chunks.push(out.chunks);
        results.set(key, e);
      }
    }
  }
  if (prof) await ask(servers[0]!.c, "prof-stop");
  for (const s of servers) {
    s.c.send("exit");
    await new Promise((r) => s.c.once("exit", r));
  }
  const f = (xs: number[]) => `${Math.round(Math.min(...xs))} / ${Math.round(upperMedian(xs))}`;
  console.log(
    `${values.model} over HTTP, ${tokens} tokens per request, ${values.rounds} rounds, ${values.threads} thread(s), quantize ${values.quantize}, LoRA slots ${values["no-lora"] ? "off" : "on (serving default)"}`,
  );
  console.log("server process CPU µs per token (min / median): total, user, system; wall tok/s (best / median); response chunks");
  for (const [k, e] of results) {
    console.log(
      `  ${k.padEnd(13)} total ${f(e.cpu)}  user ${f(e.user)}  system ${f(e.sys)}  tok/s ${Math.round(Math.max(...e.tokS))} / ${Math.round(upperMedian(e.tokS))}  chunks ${Math.round(upperMedian(e.chunks))}`,
    );
  }
  if (servers.length > 1) {
    for (const mode of modes.map((m) => (m ? "streaming" : "non-streaming"))) {
      const a = results.get(`${mode}, ${servers[0]!.name}`)!.cpu;
      const b = results.get(`${mode}, ${servers[1]!.name}`)!.cpu;
      console.log(`  ${mode}: paired CPU ratio this/before, median of rounds ${upperMedian(a.map((x, i) => x / b[i]!)).toFixed(3)}`);
    }
  }
  console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);
}

if (values.child) await child();
else await parent();
