// Rerank client: the gpu-function's POST /v1/rerank (cross-encoder; wire format in
// gpu-function/shared/rerank.ts, shaped like the common rerank APIs) — {model?, query,
// documents: string[], top_n?} → {results: [{index, relevance_score}], model}. Retrieval uses it, when a reranker is configured, to re-order
// the fused top candidates; any failure falls back to the fused order (the chat must answer).
import { z } from "zod";
import type { RerankRequest } from "@/gpu-function/shared/rerank";

export interface Reranker {
  readonly id: string;
  /** Relevance of each document to the query: one score per input index, best first. */
  rerank(query: string, documents: string[], topN?: number): Promise<{ index: number; score: number }[]>;
}

export class RerankError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RerankError";
  }
}

const RerankResponse = z.object({
  results: z.array(z.object({ index: z.number().int().nonnegative(), relevance_score: z.number() })),
  model: z.string().optional(),
});

export interface GpuFunctionRerankerOptions {
  baseURL?: string;
  token?: string;
  /** Reranker id as served by the gpu-function (RERANK_MODEL); omitted → the server's default. */
  model?: string;
  /** Per request; retrieval must stay interactive. */
  timeoutMs?: number;
}

export function createGpuFunctionReranker(options: GpuFunctionRerankerOptions = {}): Reranker {
  const baseURL = (options.baseURL ?? process.env.GPU_FUNCTION_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
  const token = options.token ?? process.env.GPU_FUNCTION_TOKEN;
  const model = options.model ?? process.env.RERANK_MODEL ?? undefined;
  const timeoutMs = options.timeoutMs ?? Number(process.env.RERANK_TIMEOUT_MS ?? 5000);
  return {
    id: `gpu-function:${model ?? "default-reranker"}`,
    async rerank(query, documents, topN) {
      if (documents.length === 0) return [];
      const request: RerankRequest = { ...(model ? { model } : {}), query, documents, ...(topN ? { top_n: topN } : {}) };
      let res: Response;
      try {
        res = await fetch(`${baseURL}/v1/rerank`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new RerankError(`rerank request to ${baseURL}/v1/rerank failed: ${(err as Error).message}`, { cause: err });
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const msg = (body as { error?: { message?: string } } | null)?.error?.message ?? res.statusText;
        throw new RerankError(`rerank request to ${baseURL}/v1/rerank failed: ${res.status} ${msg}`);
      }
      const parsed = RerankResponse.safeParse(body);
      if (!parsed.success) throw new RerankError(`rerank response is malformed: ${parsed.error.issues[0]?.message}`);
      const seen = new Set<number>();
      const out: { index: number; score: number }[] = [];
      for (const r of parsed.data.results) {
        if (r.index >= documents.length || seen.has(r.index) || !Number.isFinite(r.relevance_score)) {
          throw new RerankError(`rerank response has an invalid result (index ${r.index})`);
        }
        seen.add(r.index);
        out.push({ index: r.index, score: r.relevance_score });
      }
      return out.sort((a, b) => b.score - a.score || a.index - b.index);
    },
  };
}

const ModelList = z.object({ data: z.array(z.object({ id: z.string() }).passthrough()) });

/**
 * The reranker this deployment uses: RERANK_MODEL when set ("off" disables), otherwise the
 * first model the gpu-function lists as a reranker (its id or type says "rerank"), otherwise none.
 */
export async function rerankerFromEnvironment(): Promise<Reranker | null> {
  const configured = process.env.RERANK_MODEL?.trim();
  if (configured === "off") return null;
  if (configured) return createGpuFunctionReranker({ model: configured });
  const baseURL = process.env.GPU_FUNCTION_URL?.replace(/\/+$/, "");
  if (!baseURL) return null;
  try {
    const token = process.env.GPU_FUNCTION_TOKEN;
    const res = await fetch(`${baseURL}/v1/models`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) return null;
    const list = ModelList.safeParse(await res.json());
    if (!list.success) return null;
    const found = list.data.data.find((m) =>
      /rerank/i.test(`${m.id} ${String((m as Record<string, unknown>).type ?? "")} ${String((m as Record<string, unknown>).object ?? "")}`),
    );
    return found ? createGpuFunctionReranker({ baseURL, model: found.id }) : null;
  } catch {
    return null;
  }
}

let cached: { at: number; reranker: Promise<Reranker | null> } | null = null;
/** How long "no reranker" is remembered before the gpu-function is asked again (it may still be starting). */
const NO_RERANKER_TTL_MS = 60_000;

/** rerankerFromEnvironment, asked once per process (again after a minute while none is found). */
export function sharedReranker(): Promise<Reranker | null> {
  const now = Date.now();
  if (cached && now - cached.at < NO_RERANKER_TTL_MS) return cached.reranker;
  if (cached) {
    const previous = cached.reranker;
    return previous.then((r) => {
      if (r) return r;
      cached = { at: Date.now(), reranker: rerankerFromEnvironment() };
      return cached.reranker;
    });
  }
  cached = { at: now, reranker: rerankerFromEnvironment() };
  return cached.reranker;
}
