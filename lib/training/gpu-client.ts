// The few gpu-function calls retraining needs: fine-tuning jobs (create, read, adapter)
// and the adapter upload (POST /v1/adapters). Every call has a timeout and a clear error.
import { adapterUploadSchema, type AdapterUpload } from "@/gpu-function/shared/openai";
import { gpuFunctionConfig } from "@/lib/chat/model";

export interface FineTuningJobView {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  fine_tuned_model: string | null;
  error: { message: string; code?: string | null } | null;
  metrics: { validation?: { base_perplexity: number; adapter_perplexity: number; tokens: number }; final_train_loss?: number } | null;
}

export interface GpuFunctionClient {
  createJob(body: Record<string, unknown>): Promise<FineTuningJobView>;
  getJob(id: string): Promise<FineTuningJobView>;
  jobAdapter(id: string): Promise<AdapterUpload>;
  pushAdapter(upload: AdapterUpload): Promise<void>;
}

export function gpuFunctionClient(opts: { url?: string; token?: string; timeoutMs?: number } = {}): GpuFunctionClient {
  const config = gpuFunctionConfig();
  const base = (opts.url ?? config.url).replace(/\/+$/, "");
  const token = opts.token ?? config.token;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`gpu-function ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
  const jobPath = (id: string) => `/v1/fine_tuning/jobs/${encodeURIComponent(id)}`;
  return {
    createJob: async (body) => (await call("POST", "/v1/fine_tuning/jobs", body)) as FineTuningJobView,
    getJob: async (id) => (await call("GET", jobPath(id))) as FineTuningJobView,
    jobAdapter: async (id) => adapterUploadSchema.parse(await call("GET", `${jobPath(id)}/adapter`)),
    pushAdapter: async (upload) => void (await call("POST", "/v1/adapters", upload)),
  };
}
