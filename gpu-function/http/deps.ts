// What the HTTP layer needs from the engine; built once by server.ts.
import type { AdapterRegistry } from "../engine/adapters";
import type { EngineMetrics } from "../engine/metrics";
import type { Scheduler } from "../engine/scheduler";
import type { ChatTokenizer } from "../engine/tokenizer";
import type { PreparedLora } from "../models/types";
import type { LoadedEmbedder, LoadedModel, LoadedReranker } from "../runtime/types";
import { ApiError } from "./router";

export interface EmbedderDeps {
  id: string;
  model: LoadedEmbedder;
  tokenizer: ChatTokenizer;
  /** For validating token-id inputs. */
  vocabSize?: number;
}

export interface RerankerDeps {
  id: string;
  model: LoadedReranker;
  tokenizer: ChatTokenizer;
}

export interface ServingDeps {
  /** Base model id; requests naming it (or an alias) use no adapter. */
  modelId: string;
  aliases: string[];
  model: LoadedModel;
  tokenizer: ChatTokenizer;
  scheduler: Scheduler;
  adapters: AdapterRegistry;
  metrics: EngineMetrics;
  embedder: EmbedderDeps | null;
  /** Cross-encoder behind POST /v1/rerank (RERANKER_MODEL_DIR). */
  reranker?: RerankerDeps | null;
  /** Completion budget when a request sets none (still capped by the context). */
  defaultMaxTokens: number;
  startedAt: number;
  /**
   * Loads an adapter that is not loaded yet but servable by name (a succeeded fine-tuning
   * job's fine_tuned_model); true when it was found and loaded.
   */
  loadByName?: (name: string) => Promise<boolean>;
  /** The base model's config marks it small (engine/model-marks.ts); /v1/models reports it so the app can answer in quote mode. */
  smallModel?: boolean;
}

/** `model` → adapter (null = base), or 404 in OpenAI's shape. */
export function resolveChatModel(deps: ServingDeps, model: string): PreparedLora | null {
  if (model === deps.modelId || deps.aliases.includes(model)) return null;
  const lora = deps.adapters.get(model);
  if (lora) return lora;
  const known = [deps.modelId, ...deps.adapters.list().map((a) => a.name)].join(", ");
  throw new ApiError(404, `The model '${model}' does not exist (available: ${known})`, { code: "model_not_found", param: "model" });
}

/** As resolveChatModel, but a succeeded fine-tuning job's adapter is loaded on its first request (lazy, like OpenAI). */
export async function resolveServedModel(deps: ServingDeps, model: string): Promise<PreparedLora | null> {
  if (model === deps.modelId || deps.aliases.includes(model) || deps.adapters.has(model) || !deps.loadByName)
    return resolveChatModel(deps, model);
  await deps.loadByName(model);
  return resolveChatModel(deps, model);
}
