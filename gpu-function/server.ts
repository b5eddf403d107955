// The gpu-function: an OpenAI-compatible model server (chat, embeddings, adapters, metrics)
// over the continuous-batching engine. `createGpuFunctionServer` is what tests use;
// running this file (`npm run gpu-function`) configures it from the environment and listens.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { loraSlotsCovering } from "./engine/adapter-slots";
import { AdapterRegistry } from "./engine/adapters";
import { loadPeftAdapter } from "./engine/peft";
import { pullActiveAdapter, type ActiveAdapterPull } from "./engine/active-adapter-pull";
import { adapterRoots, REPO_ROOT, resolveBaseModelDir, resolveEmbedderDir, resolveRerankerDir } from "./engine/defaults";
import { EngineMetrics, Gauge } from "./engine/metrics";
import { isMarkedSmall } from "./engine/model-marks";
import { Scheduler } from "./engine/scheduler";
import { ChatTokenizer } from "./engine/tokenizer";
import { adminRoutes } from "./http/admin";
import { chatRoutes } from "./http/chat";
import type { ServingDeps } from "./http/deps";
import { embeddingRoutes } from "./http/embeddings";
import { rerankRoutes } from "./http/rerank";
import { bearerMatches, createRouter, DEFAULT_BODY_TIMING, type BodyTiming, type Route } from "./http/router";
import { perplexityRoutes } from "./http/perplexity";
import { fineTuningRoutes } from "./jobs/routes";
import { FineTuningService } from "./jobs/service";
import { readHfConfig } from "./models/hf-dir";
import { loadEmbedder, loadModel } from "./runtime/load";
import { loadReranker } from "./runtime/load-encoder";
import { familyFor } from "./models/registry";
import type { LoadOptions } from "./runtime/types";
import { adapterModelBytes } from "./shared/openai";
import { answerClientError } from "./shared/http-connection";

export interface GpuFunctionServerOptions {
  modelDir: string;
  modelId?: string;
  embeddingModelDir?: string | null;
  embeddingModelId?: string;
  /** Tokens of each input the embedder reads (the rest is cut); default its context (EMBEDDING_MAX_TOKENS). */
  embeddingMaxTokens?: number;
  /** Cross-encoder (BertForSequenceClassification) served by POST /v1/rerank; none when absent. */
  rerankerModelDir?: string | null;
  rerankerModelId?: string;
  /** Longest [CLS] query [SEP] document [SEP] the reranker reads (default: the model's max positions). */
  rerankerMaxLength?: number;
  /** Bearer token; empty/undefined disables auth (local development only). */
  token?: string;
  device?: "cpu" | "cuda";
  quantize?: LoadOptions["quantize"];
  maxBatch?: number;
  maxQueue?: number;
  /** Prompt tokens admitted per decode step (bursts of long prompts join over several steps). */
  maxPrefillTokensPerStep?: number;
  maxSequenceLength?: number;
  defaultMaxTokens?: number;
  /**
   * Merged mode: fold this PEFT adapter into the weights at load and serve it (as `name` and
   * `default`) at base speed; no other adapters then.
   */
  mergeAdapter?: { dir: string; name: string } | null;
  /** LoRA slots; null serves the base only (no adapters). */
  lora?: { maxRank: number; targetModules: string[] } | null;
  /** Directories whose subdirectories are PEFT adapters, loaded at start. */
  adapterRoots?: string[];
  /** Pull the active adapter from `${appUrl}/api/internal/adapters/active` at start. */
  appUrl?: string;
  intraOpThreads?: number;
  /** The decoder session's pool threads spin between ops (LoadOptions.spinning; default: ORT_ALLOW_SPINNING=1). */
  spinning?: boolean;
  maxBodyBytes?: number;
  /** Deadlines for reading request bodies (a stalled body gets a 408); defaults: DEFAULT_BODY_TIMING. */
  bodyTiming?: Partial<BodyTiming>;
  /** Mount /v1/fine_tuning/jobs (training runs in a worker process); `jobsDir` holds job data and adapters. */
  fineTuning?: { jobsDir?: string; maxConcurrentJobs?: number } | false;
  /** Log one line per request (method, path, status, duration). */
  accessLog?: boolean;
  /** More routes on the same auth and router. */
  extraRoutes?: (deps: ServingDeps) => Route[];
  log?: (line: string) => void;
}

export interface GpuFunctionServer {
  httpServer: Server;
  deps: ServingDeps;
  /** Listens and returns the base URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets running generations finish (up to drainMs), then closes. */
  close(drainMs?: number): Promise<void>;
}

export const DEFAULT_LORA_TARGETS = ["q_proj", "v_proj"];

export async function createGpuFunctionServer(opts: GpuFunctionServerOptions): Promise<GpuFunctionServer> {
  const log = opts.log ?? ((line: string) => console.log(`[gpu-function] ${line}`));
  const maxBatch = opts.maxBatch ?? 16;
  const merged = opts.mergeAdapter ? await prepareMergedAdapter(opts.modelDir, opts.mergeAdapter) : null;
  const configuredLora = opts.lora === undefined ? { maxRank: 64, targetModules: DEFAULT_LORA_TARGETS } : opts.lora;
  const lora = merged || !configuredLora ? null : await loraSlotsCovering(configuredLora, opts.adapterRoots ?? []);
  const loadOpts: LoadOptions = {
    mergeAdapter: merged,
    device: opts.device,
    quantize: opts.quantize,
    maxBatch,
    maxSequenceLength: opts.maxSequenceLength,
    lora,
    intraOpThreads: opts.intraOpThreads,
    spinning: opts.spinning,
  };
  const [model, tokenizer] = await Promise.all([loadModel(opts.modelDir, loadOpts), ChatTokenizer.fromDir(opts.modelDir)]);
  if (tokenizer.usesFallbackTemplate) log(`${opts.modelDir} has no chat_template; using a plain "Role: text" prompt format`);
  const modelId = merged ? merged.name : (opts.modelId ?? path.basename(opts.modelDir));
  if (merged) log(`merged adapter '${merged.name}' (r=${merged.rank}) into ${opts.modelDir}; serving it as '${modelId}'`);

  let embedder: ServingDeps["embedder"] = null;
  if (opts.embeddingModelDir) {
    const [em, etok, econfig] = await Promise.all([
      loadEmbedder(opts.embeddingModelDir, {
        device: opts.device,
        intraOpThreads: opts.intraOpThreads,
        maxSequenceLength: opts.embeddingMaxTokens,
      }),
      ChatTokenizer.fromDir(opts.embeddingModelDir),
      readHfConfig(opts.embeddingModelDir),
    ]);
    // Token-id inputs are checked against the embedding table (an id past it would fail inside onnxruntime).
    const vocabSize = typeof econfig.vocab_size === "number" ? econfig.vocab_size : undefined;
    embedder = { id: opts.embeddingModelId ?? "medchat-embedder", model: em, tokenizer: etok, vocabSize };
  }
  let reranker: ServingDeps["reranker"] = null;
  if (opts.rerankerModelDir) {
    const [rm, rtok] = await Promise.all([
      loadReranker(opts.rerankerModelDir, {
        device: opts.device,
        intraOpThreads: opts.intraOpThreads,
        maxSequenceLength: opts.rerankerMaxLength,
      }),
      ChatTokenizer.fromDir(opts.rerankerModelDir),
    ]);
    reranker = { id: opts.rerankerModelId ?? "medchat-reranker", model: rm, tokenizer: rtok };
  }

  const metrics = new EngineMetrics();
  const scheduler = new Scheduler(model, tokenizer, {
    maxBatch,
    maxQueue: opts.maxQueue ?? 64,
    maxPrefillTokensPerStep: opts.maxPrefillTokensPerStep,
    metrics,
  });
  const adapters = new AdapterRegistry(model.loraTargets, { maxRank: lora?.maxRank, reservedNames: [modelId, "default"] });
  metrics.registry.register(new Gauge("gpu_function_active_sequences", "Sequences in the decode batch", () => scheduler.activeCount));
  metrics.registry.register(new Gauge("gpu_function_queue_depth", "Requests waiting for a batch slot", () => scheduler.queuedCount));
  metrics.registry.register(new Gauge("gpu_function_loaded_adapters", "LoRA adapters loaded", () => adapters.size));

  const deps: ServingDeps = {
    modelId,
    aliases: ["default"],
    model,
    tokenizer,
    scheduler,
    adapters,
    metrics,
    embedder,
    reranker,
    defaultMaxTokens: opts.defaultMaxTokens ?? 512,
    startedAt: Date.now(),
    smallModel: await isMarkedSmall(opts.modelDir),
  };

  let activePull: ActiveAdapterPull | undefined;
  if (lora) {
    for (const root of opts.adapterRoots ?? []) {
      const { loaded, failed } = await adapters.loadAllUnder(root);
      if (loaded.length) log(`loaded adapters from ${root}: ${loaded.join(", ")}`);
      for (const f of failed) log(`adapter '${f.name}' in ${root} refused: ${f.error}`);
    }
    // The app pushes new adapters on promotion; at start we ask it for the active one (failure is not fatal).
    if (opts.appUrl) {
      activePull = pullActiveAdapter({ appUrl: opts.appUrl, token: opts.token, adapters, log });
      await activePull.first;
    }
  }

  const fineTuning =
    opts.fineTuning === false
      ? null
      : new FineTuningService({
          ...opts.fineTuning,
          adapterLimits: lora ? { maxRank: lora.maxRank, targetModules: [...new Set(model.loraTargets.map((t) => t.shortName))] } : null,
          resolveBaseModel: (id) => (id === modelId || deps.aliases.includes(id) ? { id: modelId, dir: opts.modelDir } : undefined),
          // Warm starts (initial_adapter): only adapters loaded here, i.e. validated against this base model.
          findAdapter: lora ? (name) => adapters.get(name) : undefined,
          loraTargets: model.loraTargets,
          loadAdapter: async (payload) => {
            adapters.loadBytes(payload.name, payload.adapter_config, adapterModelBytes(payload), "fine-tuning job");
          },
          log: (line) => log(`fine-tuning: ${line}`),
        });
  if (fineTuning) {
    // A succeeded job's adapter is servable by name on its first request.
    deps.loadByName = (name) => fineTuning.loadByModelName(name);
    // Jobs persisted under the jobs dir come back before the first request.
    const { restored, requeued, interrupted } = await fineTuning.restore();
    if (restored) log(`fine-tuning: restored ${restored} job(s): ${requeued} queued again, ${interrupted} interrupted`);
  }
  const routes = [
    ...chatRoutes(deps),
    ...embeddingRoutes(deps),
    ...rerankRoutes(deps),
    ...perplexityRoutes(deps),
    ...adminRoutes(deps),
    ...(fineTuning ? fineTuningRoutes(fineTuning) : []),
    ...(opts.extraRoutes?.(deps) ?? []),
  ];
  const token = opts.token;
  const handler = createRouter(routes, {
    maxBodyBytes: opts.maxBodyBytes ?? 1024 * 1024,
    bodyTiming: { ...DEFAULT_BODY_TIMING, ...opts.bodyTiming },
    authorize: token ? (req) => bearerMatches(req, token) : undefined,
    publicPaths: ["/healthz"],
    onResponse: opts.accessLog
      ? ({ method, path: p, status, ms }) => {
          if (p !== "/healthz" && p !== "/metrics") log(`${method} ${p} ${status} ${ms.toFixed(0)}ms`);
        }
      : undefined,
  });
  const httpServer = createServer(handler);
  // Long generations must not be cut by Node's default request timeout.
  httpServer.requestTimeout = 0;
  httpServer.headersTimeout = 60_000;
  // What the HTTP parser refuses gets a JSON reason (Node's default is an empty 400).
  httpServer.on("clientError", answerClientError);

  let closing: Promise<void> | null = null;
  return {
    httpServer,
    deps,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const addr = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${addr.port}`);
        });
      });
    },
    close(drainMs = 30_000) {
      closing ??= (async () => {
        activePull?.stop();
        const stopped = new Promise<void>((r) => httpServer.close(() => r()));
        await scheduler.drain(drainMs);
        httpServer.closeIdleConnections();
        await Promise.race([stopped, new Promise((r) => setTimeout(r, 2_000))]);
        httpServer.closeAllConnections();
        await fineTuning?.close();
        await Promise.all([model.dispose(), embedder?.model.dispose(), reranker?.model.dispose()]);
      })();
      return closing;
    },
  };
}

/** Validates the adapter against the family's linear layers (from config.json alone, no weights read). */
async function prepareMergedAdapter(modelDir: string, adapter: { dir: string; name: string }) {
  const config = await readHfConfig(modelDir);
  const family = familyFor(config);
  return loadPeftAdapter(adapter.dir, adapter.name, family.loraTargets(family.dims(config)));
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

async function main(): Promise<void> {
  const env = process.env;
  const base = await resolveBaseModelDir(env.MODEL_DIR);
  if (base.origin === "generated-tiny")
    console.log(`[gpu-function] no MODEL_DIR and no models/base: generated a tiny random model in ${base.dir}`);
  if (base.origin === "cached-tiny")
    console.log(`[gpu-function] no MODEL_DIR and no models/base: serving the tiny random model in ${base.dir}`);
  const emb = await resolveEmbedderDir(env.EMBEDDING_MODEL_DIR);
  if (emb.origin === "generated-tiny")
    console.log(`[gpu-function] no EMBEDDING_MODEL_DIR and no models/embedder: generated a tiny embedder in ${emb.dir}`);
  const rer = resolveRerankerDir(env.RERANKER_MODEL_DIR);
  if (!rer) console.log("[gpu-function] no reranker (RERANKER_MODEL_DIR unset or off and no models/reranker): POST /v1/rerank answers 404");
  const device = env.GPU_FUNCTION_DEVICE === "cuda" ? "cuda" : "cpu";
  const server = await createGpuFunctionServer({
    modelDir: base.dir,
    modelId: env.MODEL_ID || (base.origin === "env" ? path.basename(base.dir) : "medchat-base"),
    embeddingModelDir: emb.dir,
    embeddingModelId: env.EMBEDDING_MODEL_ID || "medchat-embedder",
    embeddingMaxTokens: env.EMBEDDING_MAX_TOKENS ? intEnv("EMBEDDING_MAX_TOKENS", 96) : undefined,
    rerankerModelDir: rer?.dir ?? null,
    rerankerModelId: env.RERANKER_MODEL_ID || (rer?.origin === "env" ? path.basename(rer.dir) : "medchat-reranker"),
    rerankerMaxLength: env.RERANKER_MAX_LENGTH ? intEnv("RERANKER_MAX_LENGTH", 512) : undefined,
    token: env.GPU_FUNCTION_TOKEN || undefined,
    device,
    quantize: (env.QUANTIZE as LoadOptions["quantize"]) || "none",
    maxBatch: intEnv("MAX_BATCH", 16),
    maxQueue: intEnv("MAX_QUEUE", 64),
    maxPrefillTokensPerStep: intEnv("MAX_PREFILL_TOKENS", 4096),
    maxSequenceLength: env.MAX_SEQUENCE_LENGTH ? intEnv("MAX_SEQUENCE_LENGTH", 2048) : undefined,
    defaultMaxTokens: intEnv("DEFAULT_MAX_TOKENS", 512),
    mergeAdapter: env.MERGE_ADAPTER_DIR
      ? { dir: path.resolve(REPO_ROOT, env.MERGE_ADAPTER_DIR), name: path.basename(env.MERGE_ADAPTER_DIR) }
      : null,
    lora: {
      maxRank: intEnv("LORA_MAX_RANK", 64),
      targetModules: (env.LORA_TARGET_MODULES || DEFAULT_LORA_TARGETS.join(","))
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    adapterRoots: adapterRoots(env.ADAPTERS_DIR, base),
    appUrl: env.APP_URL || undefined,
    intraOpThreads: env.INTRA_OP_THREADS ? intEnv("INTRA_OP_THREADS", 1) : undefined,
    fineTuning: { jobsDir: env.FINE_TUNING_DIR || path.join(REPO_ROOT, ".data", "fine-tuning") },
    accessLog: env.ACCESS_LOG !== "0",
  });
  if (!env.GPU_FUNCTION_TOKEN) console.warn("[gpu-function] GPU_FUNCTION_TOKEN is not set: the API is open (development only)");
  const url = await server.listen(intEnv("GPU_FUNCTION_PORT", 8000), env.GPU_FUNCTION_HOST || "127.0.0.1");
  const d = server.deps;
  console.log(
    `[gpu-function] serving ${d.modelId} (${d.model.dims.family}, ${device}) and ${d.embedder?.id ?? "no embedder"}${d.reranker ? ` and reranker ${d.reranker.id}` : ""} on ${url}`,
  );
  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1);
    console.log(`[gpu-function] ${signal}: draining running requests`);
    server.close(intEnv("DRAIN_TIMEOUT_MS", 30_000)).then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error("[gpu-function] failed to start:", err);
    process.exit(1);
  });
}
