// A Hugging Face byte-level BPE tokenizer (tokenizer.json + tokenizer_config.json) as GGUF
// `tokenizer.*` metadata: llama.cpp's "gpt2" tokenizer model reads the same byte-encoded
// vocabulary and merges, `tokenizer.ggml.pre` names the pre-tokenizer regex, special tokens are
// CONTROL tokens, and the chat template travels as tokenizer.chat_template.
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { GgufWriter } from "./gguf-writer";

/** llama.cpp's token types (llama_token_type / gguf TokenType). */
const TOKEN_TYPE = { NORMAL: 1, CONTROL: 3, USER_DEFINED: 4, UNUSED: 5 } as const;

// The pre-tokenizer regexes of tokenizer.json that llama.cpp implements, by its `tokenizer.ggml.pre` name.
const LLAMA3_SPLIT =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
// o200k (gpt-oss's harmony tokenizer, GPT-4o): llama.cpp's "gpt-4o" pre-tokenizer.
export const O200K_SPLIT =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const QWEN2_SPLIT =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

interface AddedToken {
  id: number;
  content: string;
  special?: boolean;
}

interface TokenizerJson {
  added_tokens?: AddedToken[];
  normalizer?: unknown;
  pre_tokenizer?: { type?: string; use_regex?: boolean; add_prefix_space?: boolean; pretokenizers?: Array<Record<string, unknown>> } | null;
  model?: { type?: string; vocab?: Record<string, number>; merges?: Array<string | [string, string]>; byte_fallback?: boolean };
}

type TokenSpec = string | { content?: string } | null | undefined;

export interface ExportTokenizer {
  tokens: string[];
  types: number[];
  merges: string[];
  pre: string;
  bos?: number;
  eos?: number;
  pad?: number;
  addBos: boolean;
  chatTemplate?: string;
  /** Texts the model ends a turn with (Ollama's PARAMETER stop). */
  stopTexts: string[];
}

export class TokenizerExportError extends Error {}

/** The `tokenizer.ggml.pre` name for a byte-level pre-tokenizer, or an error naming what is not supported. */
function preTokenizerName(t: TokenizerJson): string {
  const pre = t.pre_tokenizer;
  if (pre?.type === "ByteLevel" && pre.use_regex !== false && !pre.add_prefix_space) return "gpt-2";
  if (pre?.type === "Sequence" && Array.isArray(pre.pretokenizers)) {
    const [split, byteLevel] = pre.pretokenizers;
    const regex = (split?.pattern as { Regex?: string } | undefined)?.Regex;
    if (split?.type === "Split" && byteLevel?.type === "ByteLevel" && byteLevel.use_regex === false && pre.pretokenizers.length === 2) {
      if (regex === LLAMA3_SPLIT) return "llama-bpe";
      if (regex === QWEN2_SPLIT) return "qwen2";
      if (regex === O200K_SPLIT) return "gpt-4o";
    }
  }
  throw new TokenizerExportError(
    `tokenizer.json: pre-tokenizer ${JSON.stringify(pre ?? null).slice(0, 200)} is not one llama.cpp implements here ` +
      "(supported: GPT-2 ByteLevel, Llama-3, Qwen2 and o200k split regexes)",
  );
}

function tokenText(spec: TokenSpec): string | undefined {
  if (typeof spec === "string") return spec;
  return spec?.content ?? undefined;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new TokenizerExportError(`${file} not found (the export needs the model's Hugging Face tokenizer files)`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TokenizerExportError(`${file}: invalid JSON (${(e as Error).message})`);
  }
}

/** Reads the model directory's tokenizer for a model with `vocabSize` embedding rows. */
export async function readExportTokenizer(
  dir: string,
  vocabSize: number,
  configIds: { bos?: number; eos: number[] },
): Promise<ExportTokenizer> {
  const t = (await readJson(path.join(dir, "tokenizer.json"))) as TokenizerJson;
  const cfg = (await readJson(path.join(dir, "tokenizer_config.json"))) as Record<string, unknown>;
  const model = t.model;
  if (model?.type !== "BPE" || !model.vocab || !Array.isArray(model.merges)) {
    throw new TokenizerExportError(`tokenizer.json: model type ${String(model?.type)} is not supported (only byte-level BPE)`);
  }
  if (model.byte_fallback)
    throw new TokenizerExportError("tokenizer.json: byte-fallback (SentencePiece-style) BPE is not supported, only byte-level BPE");
  if (t.normalizer) throw new TokenizerExportError("tokenizer.json: a normalizer is not supported for byte-level BPE export");
  const pre = preTokenizerName(t);

  const tokens: (string | undefined)[] = new Array(vocabSize);
  const types: number[] = new Array(vocabSize).fill(TOKEN_TYPE.NORMAL);
  for (const [text, id] of Object.entries(model.vocab)) {
    if (id >= vocabSize)
      throw new TokenizerExportError(`tokenizer.json: token id ${id} ("${text}") is outside the model's vocab_size ${vocabSize}`);
    tokens[id] = text;
  }
  for (const a of t.added_tokens ?? []) {
    if (a.id >= vocabSize)
      throw new TokenizerExportError(`tokenizer.json: added token id ${a.id} is outside the model's vocab_size ${vocabSize}`);
    tokens[a.id] = a.content;
    types[a.id] = a.special ? TOKEN_TYPE.CONTROL : TOKEN_TYPE.USER_DEFINED;
  }
  // Embedding rows without a token (vocab padded to a round size): placeholders llama.cpp never produces.
  for (let i = 0; i < vocabSize; i++) {
    if (tokens[i] === undefined) {
      tokens[i] = `[PAD${i}]`;
      types[i] = TOKEN_TYPE.UNUSED;
    }
  }
  const merges = model.merges.map((m) => (Array.isArray(m) ? `${m[0]} ${m[1]}` : m));

  const idOf = (spec: TokenSpec): number | undefined => {
    const text = tokenText(spec);
    if (text === undefined) return undefined;
    const id = tokens.indexOf(text);
    return id >= 0 ? id : undefined;
  };
  const eos = idOf(cfg.eos_token as TokenSpec) ?? configIds.eos[0];
  const bos = idOf(cfg.bos_token as TokenSpec) ?? configIds.bos;
  const pad = idOf(cfg.pad_token as TokenSpec);
  const template = cfg.chat_template;
  // Newer checkpoints (gpt-oss's harmony template) keep it in chat_template.jinja beside the config.
  const chatTemplate =
    typeof template === "string"
      ? template
      : Array.isArray(template)
        ? (template as Array<{ name?: string; template?: string }>).find((x) => x.name === "default")?.template
        : await readFile(path.join(dir, "chat_template.jinja"), "utf8").catch(() => undefined);
  const stopIds = [...new Set([...(eos === undefined ? [] : [eos]), ...configIds.eos])];
  return {
    tokens: tokens as string[],
    types,
    merges,
    pre,
    bos,
    eos,
    pad,
    addBos: cfg.add_bos_token === true,
    chatTemplate,
    stopTexts: stopIds.filter((id) => types[id] === TOKEN_TYPE.CONTROL).map((id) => tokens[id]!),
  };
}

export function writeTokenizerMetadata(w: GgufWriter, tok: ExportTokenizer): void {
  w.string("tokenizer.ggml.model", "gpt2");
  w.string("tokenizer.ggml.pre", tok.pre);
  w.strings("tokenizer.ggml.tokens", tok.tokens);
  w.i32s("tokenizer.ggml.token_type", tok.types);
  w.strings("tokenizer.ggml.merges", tok.merges);
  if (tok.bos !== undefined) w.u32("tokenizer.ggml.bos_token_id", tok.bos);
  if (tok.eos !== undefined) w.u32("tokenizer.ggml.eos_token_id", tok.eos);
  if (tok.pad !== undefined) w.u32("tokenizer.ggml.padding_token_id", tok.pad);
  w.bool("tokenizer.ggml.add_bos_token", tok.addBos);
  w.bool("tokenizer.ggml.add_eos_token", false);
  if (tok.chatTemplate) w.string("tokenizer.chat_template", tok.chatTemplate);
}
