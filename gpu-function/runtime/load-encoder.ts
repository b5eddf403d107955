// Loads encoder-family directories (bert.ts) for serving: a sentence-transformers embedder
// (pooling from modules.json) or a cross-encoder reranker (BertForSequenceClassification).
import { readFile } from "node:fs/promises";
import path from "node:path";

import { isSequenceClassifier, numLabelsOf } from "../models/bert";
import { BertEmbedder, CrossEncoderReranker, EncoderSession, type PairSpecialTokens } from "./encoder";
import { readHfModel } from "../models/hf-dir";
import { createSession, EXTERNAL_DATA_THRESHOLD, floatTypeFor, resolveDevice, sessionOptions } from "./session";
import { readPoolingConfig } from "../models/pooling";
import type { LoadedReranker, LoadOptions } from "./types";

export type EncoderLoadOptions = Pick<
  LoadOptions,
  "device" | "quantize" | "maxBatch" | "maxSequenceLength" | "intraOpThreads" | "precision" | "lazyWeights"
>;

async function loadEncoderSession(
  dir: string,
  opts: EncoderLoadOptions,
  output: "hidden" | "logits",
  capLength?: number,
): Promise<{ enc: EncoderSession; config: Record<string, unknown> }> {
  const model = await readHfModel(dir, { lazy: opts.lazyWeights ?? true });
  if (model.family.kind !== "encoder") {
    model.close();
    throw new Error(
      `${dir}: model_type "${String(model.config.model_type)}" is not an encoder (${output === "logits" ? "a reranker needs a BertForSequenceClassification checkpoint" : "expected bert"})`,
    );
  }
  const device = resolveDevice(opts);
  const floatType = floatTypeFor(device, opts);
  const maxSequenceLength = Math.min(opts.maxSequenceLength ?? Infinity, capLength ?? Infinity, model.dims.maxPositions);
  let graph;
  try {
    graph = model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
      loraModules: new Set(),
      quantize: opts.quantize ?? "none",
      floatType,
      output,
      maxSequenceLength,
    });
  } finally {
    model.close();
  }
  const session = await createSession(graph, sessionOptions(device, opts.intraOpThreads), EXTERNAL_DATA_THRESHOLD, {
    releaseInitializers: true,
  });
  return { enc: new EncoderSession(session, model.dims, maxSequenceLength, opts.maxBatch ?? 16), config: model.config };
}

/** A BERT-family embedder; pooling and max length from the sentence-transformers files when present. */
export async function loadBertEmbedder(dir: string, opts: EncoderLoadOptions = {}): Promise<BertEmbedder> {
  const pooling = await readPoolingConfig(dir);
  const { enc } = await loadEncoderSession(dir, opts, "hidden", pooling.maxSeqLength);
  return new BertEmbedder(enc, pooling);
}

/**
 * tokenizer_config.json's model_max_length when it is a real limit (transformers writes 1e30
 * for "none"): cross-encoders are served at the length their tokenizer truncates to, as
 * sentence-transformers' CrossEncoder does; positions past it were never trained.
 */
async function tokenizerMaxLength(dir: string): Promise<number | undefined> {
  try {
    const cfg = JSON.parse(await readFile(path.join(dir, "tokenizer_config.json"), "utf8")) as { model_max_length?: unknown };
    const n = cfg.model_max_length;
    return typeof n === "number" && Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Token strings → ids from tokenizer.json (added tokens first, then the model vocabulary). */
async function specialTokenIds(dir: string): Promise<PairSpecialTokens> {
  const tok = JSON.parse(await readFile(path.join(dir, "tokenizer.json"), "utf8")) as {
    added_tokens?: { id: number; content: string }[];
    model?: { vocab?: Record<string, number> | [string, number][] };
  };
  let cfg: { cls_token?: unknown; sep_token?: unknown } = {};
  try {
    cfg = JSON.parse(await readFile(path.join(dir, "tokenizer_config.json"), "utf8")) as typeof cfg;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const text = (v: unknown, fallback: string) =>
    typeof v === "string"
      ? v
      : v && typeof v === "object" && typeof (v as { content?: unknown }).content === "string"
        ? (v as { content: string }).content
        : fallback;
  const idOf = (token: string): number => {
    const added = tok.added_tokens?.find((t) => t.content === token);
    if (added) return added.id;
    const vocab = tok.model?.vocab;
    const id = Array.isArray(vocab) ? vocab.findIndex(([t]) => t === token) : vocab?.[token];
    if (id === undefined || id < 0)
      throw new Error(`${dir}: the tokenizer has no "${token}" token (set cls_token / sep_token in tokenizer_config.json)`);
    return id;
  };
  return { cls: idOf(text(cfg.cls_token, "[CLS]")), sep: idOf(text(cfg.sep_token, "[SEP]")) };
}

/** A cross-encoder (BertForSequenceClassification: ms-marco-MiniLM layout, or the project's default reranker). */
export async function loadReranker(dir: string, opts: EncoderLoadOptions = {}): Promise<LoadedReranker> {
  const special = await specialTokenIds(dir);
  const { enc, config } = await loadEncoderSession(dir, opts, "logits", await tokenizerMaxLength(dir));
  if (!isSequenceClassifier(config)) {
    await enc.dispose();
    throw new Error(`${dir}: not a sequence-classification checkpoint (architectures ${JSON.stringify(config.architectures)})`);
  }
  return new CrossEncoderReranker(enc, special, numLabelsOf(config));
}
