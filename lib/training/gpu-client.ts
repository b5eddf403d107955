// The gpu-function calls retraining needs: fine-tuning jobs (create, read, events, cancel,
// adapter), scoring (POST /v1/perplexity), quote-mode answers for the answer evaluation,
// and the adapter upload (POST /v1/adapters) to every configured replica. Every call has a
// timeout and a clear error naming the server, the call and its answer.
import { adapterUploadSchema, type AdapterUpload } from "@/gpu-function/shared/openai";
import { gpuFunctionConfig, type ListedModel } from "@/lib/chat/model";

export interface FineTuningJobView {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  fine_tuned_model: string | null;
  error: { message: string; code?: string | null } | null;
  metrics: {
    validation?: { base_perplexity: number; adapter_perplexity: number; tokens: number; initial_perplexity?: number };
    final_train_loss?: number;
  } | null;
  /** The adapter the job's LoRA started from (MedChat's warm start); null/absent = fresh. */
  initial_adapter?: string | null;
}

export interface FineTuningEvent {
  id: string;
  created_at: number;
  level: "info" | "warn" | "error";
  message: string;
  type: "message" | "metrics";
  data: Record<string, unknown> | null;
}

export interface PerplexityView {
  model: string;
  perplexity: number;
  tokens: number;
}

export interface QuoteAnswerRequest {
  model: string;
  messages: { role: "system" | "user" | "assistant"; content: string }[];
  sources: { id: string; text: string }[];
  maxTokens: number;
}

export interface GpuFunctionClient {
  /** Base URL, for messages. */
  readonly url: string;
  createJob(body: Record<string, unknown>): Promise<FineTuningJobView>;
  getJob(id: string): Promise<FineTuningJobView>;
  /** Every event of the job, oldest first. */
  jobEvents(id: string): Promise<FineTuningEvent[]>;
  cancelJob(id: string): Promise<FineTuningJobView>;
  jobAdapter(id: string): Promise<AdapterUpload>;
  pushAdapter(upload: AdapterUpload): Promise<void>;
  /** DELETE /v1/adapters/:name; false when the server did not have it loaded (404). */
  unloadAdapter(name: string): Promise<boolean>;
  /** GET /v1/models: what the server can serve now. */
  listModels(): Promise<ListedModel[]>;
  /** Assistant-token perplexity of `model` on chat JSONL (the same measure as a job's validation). */
  perplexity(model: string, data: string): Promise<PerplexityView>;
  /** One quote-mode answer (temperature 0, grounded on `sources`). */
  quoteAnswer(request: QuoteAnswerRequest): Promise<string>;
}

export function gpuFunctionClient(opts: { url?: string; token?: string; timeoutMs?: number } = {}): GpuFunctionClient {
  const config = gpuFunctionConfig();
  const base = (opts.url ?? config.url).replace(/\/+$/, "").replace(/\/v1$/, "");
  const token = opts.token ?? config.token;
  const timeoutMs = opts.timeoutMs ?? 60_000;

  async function call(method: string, path: string, body?: unknown, ms = timeoutMs): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(ms),
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new Error(`gpu-function ${base} unreachable (${method} ${path}): ${reason}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`gpu-function ${base} ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
  const jobPath = (id: string) => `/v1/fine_tuning/jobs/${encodeURIComponent(id)}`;

  return {
    url: base,
    createJob: async (body) => (await call("POST", "/v1/fine_tuning/jobs", body)) as FineTuningJobView,
    getJob: async (id) => (await call("GET", jobPath(id))) as FineTuningJobView,
    async jobEvents(id) {
      const all: FineTuningEvent[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const q = `?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ""}`;
        const body = (await call("GET", `${jobPath(id)}/events${q}`, undefined, 15_000)) as { data: FineTuningEvent[]; has_more: boolean };
        all.push(...body.data);
        if (!body.has_more || body.data.length === 0) break;
        after = body.data.at(-1)!.id;
      }
      return all.reverse();
    },
    cancelJob: async (id) => (await call("POST", `${jobPath(id)}/cancel`, {})) as FineTuningJobView,
    jobAdapter: async (id) => adapterUploadSchema.parse(await call("GET", `${jobPath(id)}/adapter`)),
    pushAdapter: async (upload) => void (await call("POST", "/v1/adapters", upload)),
    async unloadAdapter(name) {
      try {
        await call("DELETE", `/v1/adapters/${encodeURIComponent(name)}`);
        return true;
      } catch (err) {
        if (err instanceof Error && / answered 404:/.test(err.message)) return false;
        throw err;
      }
    },
    async listModels() {
      const body = (await call("GET", "/v1/models", undefined, 10_000)) as { data?: unknown[] } | null;
      return (body?.data ?? []).filter((m): m is ListedModel => typeof (m as ListedModel | null)?.id === "string");
    },
    perplexity: async (model, data) => (await call("POST", "/v1/perplexity", { model, data }, 30 * 60_000)) as PerplexityView,
    async quoteAnswer(r) {
      const body = (await call(
        "POST",
        "/v1/chat/completions",
        { model: r.model, messages: r.messages, temperature: 0, max_tokens: r.maxTokens, grounding: { mode: "quote", sources: r.sources } },
        5 * 60_000,
      )) as { choices?: { message?: { content?: string | null } }[] };
      return body.choices?.[0]?.message?.content ?? "";
    },
  };
}

/** Every replica adapters are pushed to: GPU_FUNCTION_URLS (comma-separated), else GPU_FUNCTION_URL. */
export function replicaUrls(env: Record<string, string | undefined> = process.env): string[] {
  const list = (env.GPU_FUNCTION_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  return list.length > 0 ? [...new Set(list)] : [gpuFunctionConfig(env).url];
}

export function replicaClients(env: Record<string, string | undefined> = process.env): GpuFunctionClient[] {
  return replicaUrls(env).map((url) => gpuFunctionClient({ url }));
}

/**
 * Pushes an adapter to every replica (in parallel); resolves only when all accepted it.
 * A failure names the replicas that refused, so a promotion can stop before the pointer flips.
 */
export async function pushToReplicas(replicas: GpuFunctionClient[], upload: AdapterUpload): Promise<void> {
  const results = await Promise.allSettled(replicas.map((r) => r.pushAdapter(upload)));
  const failed = results.flatMap((r, i) => (r.status === "rejected" ? [`${replicas[i].url}: ${(r.reason as Error).message}`] : []));
  if (failed.length > 0)
    throw new Error(`pushing adapter ${upload.name} failed on ${failed.length} of ${replicas.length} replica(s): ${failed.join("; ")}`);
}

/**
 * Unloads an adapter that stopped serving from every replica (in parallel, best effort: the
 * chat never picks a retraining adapter that is not the pointer, so a replica that missed the
 * unload only holds memory). Returns the replicas that could not be asked, with the reason.
 */
export async function unloadFromReplicas(replicas: GpuFunctionClient[], name: string): Promise<string[]> {
  const results = await Promise.allSettled(replicas.map((r) => r.unloadAdapter(name)));
  return results.flatMap((r, i) => (r.status === "rejected" ? [`${replicas[i].url}: ${(r.reason as Error).message}`] : []));
}
