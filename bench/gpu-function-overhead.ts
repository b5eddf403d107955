// What serving over HTTP adds to a batch-1 greedy token, as PROCESS CPU µs per token in one
// process (steady on a loaded host, where wall rates swing several-fold), contenders interleaved
// request by request:
//   direct          Scheduler over a model loaded without LoRA slots (bench:gpu-function's "direct")
//   server, direct  the server's own Scheduler (serving defaults: LoRA slots, metrics), no HTTP
//   HTTP fetch      streamed /v1/chat/completions read with fetch in this process (bench:gpu-function's client)
//   HTTP node:http  the same read with node:http (a lighter client)
//   HTTP, no slots  fetch against a server started with lora: null (and its Scheduler without HTTP)
// Each figure is the median over rounds; the paired ratio to "direct" is the median of per-round ratios.
// --stub replaces the model with one that costs nothing (forward returns, after a setImmediate
// like onnxruntime-node's, logits whose argmax spells a real text): what remains is the
// engine's and the HTTP path's own CPU per token, deterministic enough to show µs-sized changes.
//   npx tsx bench/gpu-function-overhead.ts [--model models/base] [--tokens 128] [--rounds 10] [--threads 1] [--stub]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { AdapterRegistry } from "../gpu-function/engine/adapters";
import { EngineMetrics } from "../gpu-function/engine/metrics";
import { GREEDY } from "../gpu-function/engine/sampler";
import { Scheduler } from "../gpu-function/engine/scheduler";
import { ChatTokenizer } from "../gpu-function/engine/tokenizer";
import { loadModel } from "../gpu-function/runtime/load";
import { chatRoutes } from "../gpu-function/http/chat";
import { createRouter } from "../gpu-function/http/router";
import type { ForwardRow, KvCacheHandle, LoadedModel } from "../gpu-function/runtime/types";
import { createGpuFunctionServer } from "../gpu-function/server";
import { sseEvents } from "./sse-events";
import { upperMedian } from "./stats";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "models/base" },
    tokens: { type: "string", default: "128" },
    rounds: { type: "string", default: "10" },
    threads: { type: "string", default: "1" },
    stub: { type: "boolean", default: false },
  },
});
const DIR = path.resolve(values.model!);
const TOKENS = Number(values.tokens);
const THREADS = Number(values.threads);
const TEXT = "Q00: what causes anemia and how is it treated?";

function streamBody(model: string): string {
  return JSON.stringify({
    model,
    messages: [{ role: "user", content: TEXT }],
    max_tokens: TOKENS,
    temperature: 0,
    ignore_eos: true,
    stream: true,
    stream_options: { include_usage: true },
  });
}

/** bench/gpu-function.ts's client: fetch, web-stream chunks, one JSON.parse per SSE line. */
async function viaFetch(base: string, model: string): Promise<number> {
  const res = await fetch(`${base}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: streamBody(model),
  });
  let tokens = 0;
  for await (const event of sseEvents<{ usage?: { completion_tokens: number } }>(res.body!))
    if (event.usage) tokens = event.usage.completion_tokens;
  return tokens;
}

function viaNodeHttp(base: string, model: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      res.setEncoding("utf8");
      let tail = "";
      res.on("data", (t: string) => (tail = (tail + t).slice(-400)));
      res.on("end", () => resolve(Number(/"completion_tokens":(\d+)/.exec(tail)?.[1] ?? 0)));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(streamBody(model));
  });
}

/** A model that costs nothing: each row's next token follows `text`'s tokens (so detokenisation and SSE carry real text). */
function stubModel(real: LoadedModel, script: number[]): LoadedModel {
  const v = real.dims.vocabSize;
  const rows = new Map<KvCacheHandle, number>();
  return {
    dims: real.dims,
    maxSequenceLength: real.maxSequenceLength,
    loraTargets: real.loraTargets,
    newCache() {
      const cache: KvCacheHandle = { length: 0, release: () => rows.delete(cache) };
      return cache;
    },
    forward(batch: ForwardRow[]) {
      return new Promise((resolve) =>
        setImmediate(() =>
          resolve(
            batch.map((r) => {
              const i = rows.get(r.cache) ?? 0;
              rows.set(r.cache, i + 1);
              const logits = new Float32Array(v);
              logits[script[i % script.length]!] = 1;
              return logits;
            }),
          ),
        ),
      );
    },
    weightBytes: () => 0,
    dispose: async () => {},
  };
}

/** The chat route over `model` on 127.0.0.1, as server.ts assembles it (scheduler with metrics). */
async function stubServer(
  model: LoadedModel,
  tok: ChatTokenizer,
  id: string,
): Promise<{ url: string; scheduler: Scheduler; close(): void }> {
  const metrics = new EngineMetrics();
  const scheduler = new Scheduler(model, tok, { maxBatch: 16, maxQueue: 64, metrics });
  const deps = {
    modelId: id,
    aliases: ["default"],
    model,
    tokenizer: tok,
    scheduler,
    adapters: new AdapterRegistry(model.loraTargets, { reservedNames: [id, "default"] }),
    metrics,
    embedder: null,
    defaultMaxTokens: 512,
    startedAt: Date.now(),
  };
  const http = createServer(createRouter(chatRoutes(deps), { maxBodyBytes: 1 << 20 }));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, scheduler, close: () => http.close() };
}

async function main(): Promise<void> {
  if (values.stub) return stubMain();
  const tok = await ChatTokenizer.fromDir(DIR);
  const model = await loadModel(DIR, { maxBatch: 16, lora: null, intraOpThreads: THREADS });
  const direct = new Scheduler(model, tok, { maxBatch: 16, maxQueue: 64 });
  const server = await createGpuFunctionServer({ modelDir: DIR, fineTuning: false, intraOpThreads: THREADS, log: () => {} });
  const bare = await createGpuFunctionServer({ modelDir: DIR, fineTuning: false, intraOpThreads: THREADS, lora: null, log: () => {} });
  const url = await server.listen(0, "127.0.0.1");
  const bareUrl = await bare.listen(0, "127.0.0.1");
  const id = path.basename(DIR);
  // The chat template's prompt, as the HTTP requests send it.
  const prompt = tok.encode(tok.applyChatTemplate([{ role: "user", content: TEXT }]));
  const submit = (s: Scheduler) => async () =>
    (await s.submit({ promptTokens: prompt, lora: null, sampling: GREEDY, maxTokens: TOKENS, stop: [], ignoreEos: true })).completionTokens;
  const contenders: Array<[string, () => Promise<number>]> = [
    ["direct (no LoRA slots)", submit(direct)],
    ["server scheduler, no HTTP", submit(server.deps.scheduler)],
    ["server without slots, scheduler, no HTTP", submit(bare.deps.scheduler)],
    ["HTTP, fetch client", () => viaFetch(url, id)],
    ["HTTP, node:http client", () => viaNodeHttp(url, id)],
    ["HTTP, fetch, server without slots", () => viaFetch(bareUrl, id)],
  ];
  for (const [, run] of contenders) await run(); // warm-up
  const cpu = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
  const ratio = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
  const load0 = os.loadavg()[0]!;
  for (let r = 0; r < Number(values.rounds); r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    const round = new Map<string, number>();
    for (const [name, run] of order) {
      const c0 = process.cpuUsage();
      const n = await run();
      const c = process.cpuUsage(c0);
      round.set(name, (c.user + c.system) / n);
    }
    for (const [name, us] of round) {
      cpu.get(name)!.push(us);
      ratio.get(name)!.push(us / round.get(contenders[0]![0])!);
    }
  }
  console.log(
    `${values.model}, ${TOKENS} tokens per request, ${values.rounds} interleaved rounds, ${THREADS} thread(s); process CPU µs per token`,
  );
  for (const [name] of contenders) {
    const xs = cpu.get(name)!;
    console.log(
      `  ${name.padEnd(36)} median ${Math.round(upperMedian(xs)).toString().padStart(5)}  min ${Math.round(Math.min(...xs))
        .toString()
        .padStart(5)}  paired ratio ${upperMedian(ratio.get(name)!).toFixed(3)}`,
    );
  }
  console.log(`load average: ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`);
  await server.close(1000);
  await bare.close(1000);
  await model.dispose();
}

async function stubMain(): Promise<void> {
  const tok = await ChatTokenizer.fromDir(DIR);
  const real = await loadModel(DIR, { maxBatch: 16, lora: null, intraOpThreads: 1 });
  const script = tok.encode(
    "Anemia is a condition in which the blood has fewer healthy red blood cells than normal. Common causes are iron deficiency, " +
      "blood loss, and chronic disease; treatment depends on the cause — iron supplements, vitamin B12, or treating the bleeding. ",
  );
  const model = stubModel(real, script);
  const id = path.basename(DIR);
  const srv = await stubServer(model, tok, id);
  const prompt = tok.encode(tok.applyChatTemplate([{ role: "user", content: TEXT }]));
  const contenders: Array<[string, () => Promise<number>]> = [
    [
      "stub: scheduler",
      async () =>
        (await srv.scheduler.submit({ promptTokens: prompt, lora: null, sampling: GREEDY, maxTokens: TOKENS, stop: [], ignoreEos: true }))
          .completionTokens,
    ],
    ["stub: HTTP, fetch client", () => viaFetch(srv.url, id)],
    ["stub: HTTP, node:http client", () => viaNodeHttp(srv.url, id)],
  ];
  for (const [, run] of contenders) await run();
  const cpu = new Map<string, number[]>(contenders.map(([n]) => [n, []]));
  const load0 = os.loadavg()[0]!;
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const [name, run] of r % 2 === 0 ? contenders : [...contenders].reverse()) {
      const c0 = process.cpuUsage();
      const n = await run();
      const c = process.cpuUsage(c0);
      cpu.get(name)!.push((c.user + c.system) / n);
    }
  }
  console.log(`stub model (${values.model}'s tokenizer), ${TOKENS} tokens per request, ${values.rounds} rounds; process CPU µs per token`);
  for (const [name, xs] of cpu)
    console.log(
      `  ${name.padEnd(30)} median ${upperMedian(xs).toFixed(1).padStart(7)}  min ${Math.min(...xs)
        .toFixed(1)
        .padStart(7)}`,
    );
  console.log(`load average: ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`);
  srv.close();
  await real.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
