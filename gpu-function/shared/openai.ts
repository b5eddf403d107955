// OpenAI wire format shared by the gpu-function and the Next.js app (zod schemas + types).
// Isomorphic on purpose: no Node-only imports, so the app can bundle it.
import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() });

/** Message content: a string or text parts (images are not supported by these models). */
export const messageContentSchema = z.union([z.string(), z.array(textPart)]);

export const chatMessageSchema = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: messageContentSchema.nullable().optional(),
  name: z.string().optional(),
  /** Prior reasoning (gpt-oss analysis channel) echoed back by clients such as the AI SDK. */
  reasoning_content: z.string().nullable().optional(),
});

const stopSchema = z.union([z.string().min(1), z.array(z.string().min(1)).max(16)]);

/** Bounds of the quote-mode extension: a request's sources are tokenised on the request path. */
export const GROUNDING_LIMITS = { maxSources: 16, maxSourceChars: 8_000, maxTotalChars: 32_000, maxIdChars: 200, maxParts: 8 } as const;

/**
 * MedChat extension (OpenAI clients send it through `extra_body`): `quote` mode makes every
 * sentence of the answer a verbatim sentence of one source, followed by its " [n]"
 * (n = the source's 1-based position), enforced while decoding.
 */
export const groundingSchema = z
  .object({
    mode: z.literal("quote", { message: 'grounding.mode must be "quote" (the only decoding constraint so far)' }),
    sources: z
      .array(
        z.object({
          id: z.union([z.string().min(1).max(GROUNDING_LIMITS.maxIdChars), z.number().int()]).transform(String),
          text: z
            .string()
            .min(1, "a source needs text")
            .max(GROUNDING_LIMITS.maxSourceChars, `a source may have at most ${GROUNDING_LIMITS.maxSourceChars} characters`),
          /**
           * How well each quote unit of the text (shared/quote-units.ts `quoteUnits`, in reading order) answers
           * the question, 0..1 — one weight per unit. With `ranked`, a source opens at its clearly most relevant
           * unit instead of its first, and every unit leans by its weight (engine/quote-prior.ts). Ignored with `none`.
           */
          relevance: z
            .array(z.number().min(0, "relevance weights are 0..1").max(1, "relevance weights are 0..1"))
            .max(GROUNDING_LIMITS.maxSourceChars, "at most one relevance weight per quote unit")
            .optional(),
        }),
      )
      .min(1, "quote mode needs at least one source")
      .max(GROUNDING_LIMITS.maxSources, `at most ${GROUNDING_LIMITS.maxSources} sources`),
    /**
     * `ranked` (default): the sources are in retrieval order, best first; the engine leans toward
     * the top source and each source's reading order, and the answer says at least two sentences
     * (gpu-function/engine/quote-prior.ts). `none`: the model alone chooses.
     */
    prior: z.enum(["ranked", "none"], { message: 'grounding.prior must be "ranked" or "none"' }).optional(),
    /**
     * A question that asks several things ("What is X and how is it treated?"): its parts in the
     * order asked, each with the 1-based positions of the sources that answer it, best first.
     * With `ranked` and two or more parts the engine covers the parts in turn (each part's source
     * for its sentences, then the next part's) and ends only when each is answered; absent, or
     * one part: the single-part prior, unchanged. Ignored with `prior: "none"`.
     */
    parts: z
      .array(
        z.object({
          sources: z
            .array(z.number().int().min(1, "a part's sources are 1-based source positions"))
            .min(1, "a part needs at least one source")
            .max(GROUNDING_LIMITS.maxSources, `a part may name at most ${GROUNDING_LIMITS.maxSources} sources`),
        }),
      )
      .max(GROUNDING_LIMITS.maxParts, `at most ${GROUNDING_LIMITS.maxParts} parts`)
      .optional(),
  })
  .refine((g) => (g.parts ?? []).every((p) => p.sources.every((n) => n <= g.sources.length)), {
    message: "a part names a source position past the last source",
    path: ["parts"],
  })
  .refine((g) => g.sources.reduce((a, s) => a + s.text.length, 0) <= GROUNDING_LIMITS.maxTotalChars, {
    message: `the sources may have at most ${GROUNDING_LIMITS.maxTotalChars} characters together`,
    path: ["sources"],
  });

export type Grounding = z.infer<typeof groundingSchema>;

export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1, "messages must contain at least one message"),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  /** vLLM extension; -1 or 0 disables it. */
  top_k: z.number().int().min(-1).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  stop: stopSchema.nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  /** vLLM/HF extension; 1 means no penalty. */
  repetition_penalty: z.number().gt(0).max(10).nullable().optional(),
  /** vLLM extension: generate until max_tokens even past EOS. */
  ignore_eos: z.boolean().nullable().optional(),
  n: z.literal(1, { message: "only n=1 is supported" }).nullable().optional(),
  grounding: groundingSchema.nullable().optional(),
  user: z.string().optional(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export type FinishReason = "stop" | "length" | "abort";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: "assistant"; content: string | null; reasoning_content?: string | null };
    finish_reason: FinishReason;
    logprobs: null;
  }>;
  usage: Usage;
}

export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: { role?: "assistant"; content?: string; reasoning_content?: string };
    finish_reason: FinishReason | null;
    logprobs: null;
  }>;
  usage?: Usage | null;
}

export const embeddingRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([
    z.string(),
    z.array(z.string()).min(1),
    z.array(z.number().int().nonnegative()).min(1),
    z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
  ]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;

export interface EmbeddingResponse {
  object: "list";
  data: Array<{ object: "embedding"; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

export interface ModelObject {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  /** vLLM convention: adapters name their base model. */
  parent?: string | null;
  root?: string;
  /** What the model serves: chat completions (base and adapters), /v1/embeddings, or /v1/rerank. */
  type?: "chat" | "embedding" | "rerank";
  /** MedChat extension: the model (or an adapter's base) is marked small; CHAT_GROUNDING=auto answers in quote mode. */
  small_model?: boolean;
}

export interface ModelList {
  object: "list";
  data: ModelObject[];
}

/** POST /v1/adapters: a PEFT adapter as JSON (adapter_config.json + base64 adapter_model.safetensors). */
export const adapterUploadSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "name must be 1-64 characters of letters, digits, '.', '_' or '-'"),
  adapter_config: z.record(z.string(), z.unknown()),
  adapter_model_base64: z.string().min(1),
});

export type AdapterUpload = z.infer<typeof adapterUploadSchema>;

/**
 * The upload body for an adapter's two files. The one shape for every adapter that moves
 * between the app and the gpu-function: POST /v1/adapters, a fine-tuning job's
 * GET .../adapter, and the app's active adapter (GET /api/internal/adapters/active).
 */
export function toAdapterUpload(name: string, adapterConfig: Record<string, unknown>, adapterModel: Uint8Array): AdapterUpload {
  return {
    name,
    adapter_config: adapterConfig,
    adapter_model_base64: Buffer.from(adapterModel.buffer, adapterModel.byteOffset, adapterModel.byteLength).toString("base64"),
  };
}

/** The adapter_model.safetensors bytes of an upload body (a view on the decoded buffer). */
export function adapterModelBytes(upload: Pick<AdapterUpload, "adapter_model_base64">): Uint8Array {
  const bytes = Buffer.from(upload.adapter_model_base64, "base64");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export const openAiErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable().optional(),
    code: z.string().nullable().optional(),
  }),
});

/** Flattens message content parts into plain text. */
export function contentText(content: ChatMessage["content"]): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  return content.map((p) => p.text).join("");
}
