// In-process embedder for the CLI, evaluation and benchmark: the same model and
// tokenizer the gpu-function serves (EMBEDDING_MODEL_DIR, else models/embedder, else a
// tiny generated one), loaded once. Inputs are tokenised exactly as /v1/embeddings does,
// so vectors written here match the queries the app embeds through the gpu-function.
// Not for the Next.js app: it loads onnxruntime-node (the app uses createGpuFunctionEmbedder).
import { resolveEmbedderDir } from "@/gpu-function/engine/defaults";
import { ChatTokenizer } from "@/gpu-function/engine/tokenizer";
import { loadEmbedder } from "@/gpu-function/runtime/load";
import { EMBEDDING_DIM } from "@/lib/db/schema";
import { EmbeddingError, checkVectors, type Embedder } from "./embed";

export interface LocalEmbedderOptions {
  /** Model directory (HF layout); default EMBEDDING_MODEL_DIR, models/embedder, or a generated tiny one. */
  dir?: string;
  /** Texts per onnxruntime run (the model's maxBatch); they are sorted by length first. */
  batchSize?: number;
  intraOpThreads?: number;
  /** Tokens embedded per text (the rest is cut); default EMBEDDING_MAX_TOKENS, else the model's context. */
  maxTokens?: number;
}

export async function createLocalEmbedder(options: LocalEmbedderOptions = {}): Promise<Embedder> {
  const resolved = options.dir
    ? { dir: options.dir, origin: "env" as const }
    : await resolveEmbedderDir(process.env.EMBEDDING_MODEL_DIR || undefined);
  if (resolved.origin === "generated-tiny" || resolved.origin === "cached-tiny") {
    process.stderr.write(
      `[rag] no trained embedder (EMBEDDING_MODEL_DIR or models/embedder): using a tiny random one in ${resolved.dir}; retrieval quality will be poor\n`,
    );
  }
  const maxTokens = options.maxTokens ?? maxTokensFromEnvironment();
  const [model, tokenizer] = await Promise.all([
    loadEmbedder(resolved.dir, { intraOpThreads: options.intraOpThreads, maxBatch: options.batchSize, maxSequenceLength: maxTokens }),
    ChatTokenizer.fromDir(resolved.dir),
  ]);
  if (model.dim !== EMBEDDING_DIM) {
    await model.dispose();
    throw new EmbeddingError(`embedder in ${resolved.dir} has dimension ${model.dim}; the knowledge base needs ${EMBEDDING_DIM}`);
  }
  // Long chunks keep their beginning (title, headings, first sentences); with EMBEDDING_MAX_TOKENS
  // only that beginning is tokenised (encodeHead: the same ids as the whole text's first tokens).
  const encode = (text: string) => tokenizer.encodeHead(text || " ", model.maxSequenceLength, true);
  const embedIds = async (ids: number[][]) => (await model.embed(ids)).map((v) => Array.from(v));
  return {
    id: `local:${resolved.dir}${maxTokens ? `@${maxTokens}` : ""}`,
    dim: model.dim,
    async embedQuery(text) {
      return checkVectors(await embedIds([encode(text)]), 1, model.dim)[0];
    },
    async embedQueries(texts) {
      return checkVectors(await embedIds(texts.map(encode)), texts.length, model.dim);
    },
    // All the texts in one call: the model sorts them by token length and runs batches of
    // similar lengths (slices taken before sorting padded each short text to its slice's longest).
    async embedDocuments(texts) {
      return checkVectors(await embedIds(texts.map(encode)), texts.length, model.dim);
    },
    close: () => model.dispose(),
  };
}

/** EMBEDDING_MAX_TOKENS (a positive integer), or undefined when unset. */
function maxTokensFromEnvironment(): number | undefined {
  const raw = process.env.EMBEDDING_MAX_TOKENS;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new EmbeddingError(`EMBEDDING_MAX_TOKENS must be a positive integer, got '${raw}'`);
  return n;
}
