// How the app reaches the gpu-function: the AI SDK's OpenAI-compatible provider, so
// GPU_FUNCTION_URL may point at our gpu-function, vLLM or any OpenAI-compatible server.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";

export interface GpuFunctionConfig {
  /** Base URL without /v1, e.g. http://127.0.0.1:8000. */
  url: string;
  token: string;
  /** Base model id or adapter name; empty → the server's first adapter, else its first chat model. */
  model: string;
  maxOutputTokens: number;
  temperature: number;
  /** Whole-answer time limit, so a stuck server never leaves a spinner forever. */
  timeoutMs: number;
  /** Largest prompt level to try first (prompt.ts PROMPT_LEVELS); 1 suits the 1k-context default model. */
  promptLevel: number;
  /** CHAT_GROUNDING: quote = answers only quote the sources (decoding constraint); free = the model writes; auto = quote for models marked small. */
  grounding: GroundingSetting;
  /** CHAT_QUOTE_PRIOR: ranked = quote mode leans toward the top-ranked source and reading order (gpu-function/engine/quote-prior.ts); none = the model alone chooses. */
  quotePrior: "ranked" | "none";
  /** CHAT_MULTI_PART (default on): a message that asks several things is retrieved and answered part by part (part-sources.ts); off = as one question. */
  multiPart: boolean;
}

export type GroundingSetting = "auto" | "quote" | "free";
export type AnswerMode = "quote" | "free";

export function gpuFunctionConfig(env: Record<string, string | undefined> = process.env): GpuFunctionConfig {
  const port = env.GPU_FUNCTION_PORT || "8000";
  return {
    url: (env.GPU_FUNCTION_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, "").replace(/\/v1$/, ""),
    token: env.GPU_FUNCTION_TOKEN || "",
    model: env.CHAT_MODEL || "",
    maxOutputTokens: positiveInt(env.CHAT_MAX_TOKENS, 384),
    temperature: Number.isFinite(Number(env.CHAT_TEMPERATURE)) && env.CHAT_TEMPERATURE ? Number(env.CHAT_TEMPERATURE) : 0.7,
    timeoutMs: positiveInt(env.CHAT_TIMEOUT_MS, 120_000),
    promptLevel: env.CHAT_PROMPT_LEVEL && /^[0-3]$/.test(env.CHAT_PROMPT_LEVEL) ? Number(env.CHAT_PROMPT_LEVEL) : 1,
    grounding: env.CHAT_GROUNDING === "quote" || env.CHAT_GROUNDING === "free" ? env.CHAT_GROUNDING : "auto",
    quotePrior: env.CHAT_QUOTE_PRIOR === "none" ? "none" : "ranked",
    multiPart: env.CHAT_MULTI_PART !== "off",
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface ListedModel {
  id: string;
  parent?: string | null;
  /** Our gpu-function says chat, embedding or rerank; other servers may say nothing. */
  type?: string;
  small_model?: boolean;
}

const modelListCache = new Map<string, { models: ListedModel[]; at: number }>();
const MODEL_LIST_TTL_MS = 60_000;

/** GET /v1/models (cached for a minute per server, unless `fresh`); null when the server cannot be asked. */
async function listModels(config: GpuFunctionConfig, signal?: AbortSignal, fresh = false): Promise<ListedModel[] | null> {
  const cached = modelListCache.get(config.url);
  if (!fresh && cached && Date.now() - cached.at < MODEL_LIST_TTL_MS) return cached.models;
  try {
    const res = await fetch(`${config.url}/v1/models`, {
      headers: config.token ? { authorization: `Bearer ${config.token}` } : {},
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(5_000)]) : AbortSignal.timeout(5_000),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { data?: unknown[] };
    const models = (body.data ?? []).filter((m): m is ListedModel => typeof (m as ListedModel)?.id === "string");
    modelListCache.set(config.url, { models, at: Date.now() });
    return models;
  } catch {
    // Unreachable server: the chat call itself reports the clear error.
    return null;
  }
}

/**
 * What retraining says the chat serves: the promoted adapter (`active`, null when none is
 * promoted or it was rolled back) and every adapter retraining ever produced (candidates,
 * retired ones). A retraining adapter can still be loaded on a gpu-function (a candidate
 * being evaluated, a retired one on a replica that missed the unload), so it is served only
 * while it is the pointer — never picked from the listing.
 */
export interface ServedAdapterPointer {
  active: string | null;
  retraining?: Iterable<string>;
}

/**
 * CHAT_MODEL, else the promoted adapter when the server lists it — a cached listing that
 * lacks it is asked afresh once, so a promotion or rollback is served at once rather than
 * after the minute's cache — else the server's default (pickDefaultModel), else "default".
 */
export async function resolveModelId(config: GpuFunctionConfig, signal?: AbortSignal, pointer?: ServedAdapterPointer): Promise<string> {
  if (config.model) return config.model;
  const active = pointer?.active ?? null;
  let listed = await listModels(config, signal);
  if (active && listed && !listed.some((m) => m.id === active)) listed = await listModels(config, signal, true);
  if (!listed) return active || "default";
  return chooseServedModel(listed, pointer);
}

/** From a server's listing: the promoted adapter when it is loaded there, else the server's default (pickDefaultModel). */
export function chooseServedModel(listed: ListedModel[], pointer?: ServedAdapterPointer): string {
  const active = pointer?.active;
  if (active && listed.some((m) => m.id === active)) return active;
  return pickDefaultModel(listed, new Set(pointer?.retraining ?? []));
}

/**
 * What a server serves when no adapter is promoted: its own adapter (the committed default
 * grounded adapter, loaded from its adapter directory; listed with its base as `parent`, as
 * vLLM does) over the bare base, never an embedding/rerank model and never an adapter
 * retraining produced. The retraining gate's baseline when nothing is promoted is the same model.
 */
export function pickDefaultModel(listed: ListedModel[], retraining: ReadonlySet<string>): string {
  const models = listed.filter((m) => !/embed|rerank/i.test(m.id) && (m.type === undefined || m.type === "chat") && !retraining.has(m.id));
  return (models.find((m) => m.parent && m.parent !== m.id) ?? models.find((m) => !m.parent) ?? models[0])?.id ?? "default";
}

/**
 * How this turn is answered. quote/free as configured; auto = quote when the server marks
 * the model (or the base an adapter belongs to) `small_model`, as it does for the committed
 * default, else free (a real checkpoint, or a server such as vLLM that marks nothing).
 */
export async function resolveAnswerMode(config: GpuFunctionConfig, modelId: string, signal?: AbortSignal): Promise<AnswerMode> {
  if (config.grounding !== "auto") return config.grounding;
  const listed = (await listModels(config, signal)) ?? [];
  const model = listed.find((m) => m.id === modelId);
  const base = model?.parent ? listed.find((m) => m.id === model.parent) : undefined;
  return model?.small_model === true || base?.small_model === true ? "quote" : "free";
}

export function gpuFunctionChatModel(config: GpuFunctionConfig, modelId: string): LanguageModel {
  const provider = createOpenAICompatible({
    name: "gpu-function",
    baseURL: `${config.url}/v1`,
    apiKey: config.token || undefined,
    includeUsage: true,
  });
  return provider.chatModel(modelId);
}
