// Embedding interfaces used by ingestion (documents, batched) and retrieval (one query),
// and the default implementation: the gpu-function's OpenAI-compatible /v1/embeddings
// through the AI SDK. The in-process implementation for the CLI is in embed-local.ts.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { embedMany } from "ai";
import { EMBEDDING_DIM } from "@/lib/db/schema";

export interface QueryEmbedder {
  readonly dim: number;
  embedQuery(text: string): Promise<number[]>;
  /** Several queries in one call (one request to the gpu-function); absent = one embedQuery each. */
  embedQueries?(texts: string[]): Promise<number[][]>;
}

export interface DocumentEmbedder {
  readonly dim: number;
  /** One vector per text, same order. Implementations batch internally. */
  embedDocuments(texts: string[]): Promise<number[][]>;
}

export interface Embedder extends QueryEmbedder, DocumentEmbedder {
  /** Human-readable id (model name, path) for logs and reports. */
  readonly id: string;
  close(): Promise<void>;
}

export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingError";
  }
}

/** Validates a batch of vectors: count, dimension, finite values. */
export function checkVectors(vectors: number[][], expected: number, dim: number): number[][] {
  if (vectors.length !== expected) {
    throw new EmbeddingError(`embedder returned ${vectors.length} vectors for ${expected} inputs`);
  }
  for (const v of vectors) {
    if (v.length !== dim) throw new EmbeddingError(`embedding has dimension ${v.length}, the knowledge base needs ${dim}`);
    if (!v.every(Number.isFinite)) throw new EmbeddingError("embedding contains NaN or infinite values");
  }
  return vectors;
}

/** The gpu-function answers 400 "input[i] has N tokens; <model> accepts at most M" for over-long inputs. */
function tooLong(err: unknown): { tokens: number; max: number } | null {
  const e = err as { message?: string; responseBody?: string; statusCode?: number };
  const m = /has (\d+) tokens;.*at most (\d+)/.exec(`${e?.message ?? ""} ${e?.responseBody ?? ""}`);
  return m ? { tokens: Number(m[1]), max: Number(m[2]) } : null;
}

/** Indices of `texts` from the shortest to the longest (stable). */
export function lengthOrder(texts: readonly string[]): number[] {
  return texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length || a - b);
}

export interface GpuFunctionEmbedderOptions {
  /** Base URL of the gpu-function, e.g. http://127.0.0.1:8000 (GPU_FUNCTION_URL). */
  baseURL?: string;
  /** Bearer token (GPU_FUNCTION_TOKEN). */
  token?: string;
  /** Embedding model id as served by /v1/models (EMBEDDING_MODEL). */
  model?: string;
  /** Inputs per HTTP request. */
  batchSize?: number;
  /** Retries of a failed request (AI SDK exponential backoff). */
  maxRetries?: number;
  /** Concurrent requests while embedding many documents. */
  maxParallelCalls?: number;
  dim?: number;
}

/** Embeds through the gpu-function's /v1/embeddings (OpenAI wire format). */
export function createGpuFunctionEmbedder(options: GpuFunctionEmbedderOptions = {}): Embedder {
  const baseURL = (options.baseURL ?? process.env.GPU_FUNCTION_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
  const token = options.token ?? process.env.GPU_FUNCTION_TOKEN;
  const modelId = options.model ?? process.env.EMBEDDING_MODEL ?? "medchat-embedder";
  const batchSize = options.batchSize ?? 64;
  const dim = options.dim ?? EMBEDDING_DIM;
  const provider = createOpenAICompatible({
    name: "gpu-function",
    baseURL: `${baseURL}/v1`,
    apiKey: token || undefined,
  });
  const model = provider.embeddingModel(modelId);

  async function request(values: string[]): Promise<number[][]> {
    const { embeddings } = await embedMany({
      model,
      values,
      maxParallelCalls: options.maxParallelCalls ?? 2,
      maxRetries: options.maxRetries ?? 1,
    });
    return checkVectors(embeddings, values.length, dim);
  }

  async function embedBatch(values: string[]): Promise<number[][]> {
    try {
      return await request(values);
    } catch (err) {
      if (err instanceof EmbeddingError) throw err;
      if (tooLong(err)) return Promise.all(values.map((v) => embedTruncating(v)));
      throw new EmbeddingError(`embedding request to ${baseURL}/v1/embeddings failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** A chunk longer than the model's context is cut (keeping its start) until it fits. */
  async function embedTruncating(value: string): Promise<number[]> {
    let text = value;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await request([text]))[0];
      } catch (err) {
        const limits = tooLong(err);
        if (!limits || attempt >= 4 || text.length < 16) {
          throw new EmbeddingError(`embedding request to ${baseURL}/v1/embeddings failed: ${(err as Error).message}`, { cause: err });
        }
        text = text.slice(0, Math.floor(((text.length * limits.max) / limits.tokens) * 0.95));
      }
    }
  }

  return {
    id: `gpu-function:${modelId}`,
    dim,
    async embedQuery(text) {
      return (await embedBatch([text]))[0];
    },
    embedQueries: (texts) => embedBatch(texts),
    async embedDocuments(texts) {
      // Requests of texts of similar lengths (the server pads each batch to its longest text);
      // embedMany splits by the model's own limit too; our batch bounds request size.
      const order = lengthOrder(texts);
      const out: number[][] = new Array(texts.length);
      for (let i = 0; i < order.length; i += batchSize) {
        const part = order.slice(i, i + batchSize);
        (await embedBatch(part.map((j) => texts[j]))).forEach((v, k) => (out[part[k]] = v));
      }
      return out;
    },
    async close() {},
  };
}
