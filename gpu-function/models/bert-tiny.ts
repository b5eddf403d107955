// Small random BERT directories in Hugging Face / sentence-transformers layout for tests:
// config.json, model.safetensors (BertModel names, or `bert.` + `classifier.` for a
// cross-encoder, as transformers saves them), a WordPiece tokenizer.json with BERT's
// normaliser, pre-tokenizer and [CLS]/[SEP] template, and optionally modules.json +
// 1_Pooling/config.json (+ 2_Normalize) as sentence-transformers writes them.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { writeSafetensors } from "../onnx/safetensors";
import { bertFamily, hfTensorNames } from "./bert";
import type { Tensors } from "./family";
import type { PoolingMode } from "./pooling";
import { seededRandom } from "./tiny";
import type { HfConfig } from "./types";

export interface TinyBertOptions {
  seed?: number;
  hiddenSize?: number;
  numLayers?: number;
  numHeads?: number;
  maxPositions?: number;
  /** > 0: BertForSequenceClassification with this many labels (cross-encoder). */
  numLabels?: number;
  /** Writes modules.json + 1_Pooling/config.json (+ 2_Normalize when normalize). */
  sentenceTransformers?: { mode: PoolingMode; normalize: boolean; maxSeqLength?: number };
  /** Weight scale (larger makes outputs less flat). */
  std?: number;
}

const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
const WORDS = [
  "what", "is", "are", "the", "of", "for", "how", "to", "a", "i", "my", "have", "has", "do", "does", "can", "be", "and", "or", "in", "with", "it",
  "symptoms", "treatment", "diabetes", "high", "blood", "pressure", "heart", "pain", "cause", "causes", "treated", "doctor", "medicine", "sugar",
  "chest", "head", "ache", "fever", "cough", "cold", "flu", "skin", "rash", "sleep", "child", "mother", "years", "old", "help", "please",
];
const SUFFIXES = ["##s", "##ing", "##ed", "##er", "##ly", "##tion"];

/** The WordPiece vocabulary: specials, words, single characters and their ## continuations. */
export function tinyWordPieceVocab(): string[] {
  const chars = [..."abcdefghijklmnopqrstuvwxyz0123456789", ".", ",", "?", "!", "'", "-"];
  return [...SPECIALS, ...WORDS, ...SUFFIXES, ...chars, ...chars.filter((c) => /[a-z0-9]/.test(c)).map((c) => `##${c}`)];
}

export function tinyWordPieceTokenizerJson(): object {
  const vocab = tinyWordPieceVocab();
  const id = (t: string) => vocab.indexOf(t);
  const special = (t: string, type = 0) => ({ SpecialToken: { id: t, type_id: type } });
  const seq = (s: "A" | "B", type: number) => ({ Sequence: { id: s, type_id: type } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, i) => ({ id: i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [special("[CLS]"), seq("A", 0), special("[SEP]")],
      pair: [special("[CLS]"), seq("A", 0), special("[SEP]"), seq("B", 1), special("[SEP]", 1)],
      special_tokens: { "[CLS]": { id: "[CLS]", ids: [id("[CLS]")], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [id("[SEP]")], tokens: ["[SEP]"] } },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

export function tinyBertConfig(o: TinyBertOptions): HfConfig {
  return bertFamily.tinyConfig({ vocabSize: tinyWordPieceVocab().length, hiddenSize: o.hiddenSize ?? 32, numLayers: o.numLayers ?? 2, numHeads: o.numHeads ?? 4, maxPositions: o.maxPositions ?? 64, numLabels: o.numLabels });
}

/** Random weights for a BERT config (LayerNorm gains near 1, small biases, so every parameter matters). */
export function randomBertTensors(config: HfConfig, seed: number, std: number): Tensors {
  const dims = bertFamily.dims(config);
  const rng = seededRandom(seed);
  const tensors: Tensors = new Map();
  for (const spec of bertFamily.tensorSpecs(dims, config)) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const value = spec.init === "normal" ? () => rng.normal() * std : spec.init === "ones" ? () => 1 + rng.normal() * 0.1 : () => rng.normal() * 0.05;
    tensors.set(spec.name, { dtype: "F32", shape: spec.shape, data: Float32Array.from({ length: n }, value) });
  }
  return tensors;
}

export async function writeTinyBert(dir: string, o: TinyBertOptions = {}): Promise<HfConfig> {
  const config = tinyBertConfig(o);
  const tensors = hfTensorNames(config, randomBertTensors(config, o.seed ?? 0, o.std ?? 0.2));
  await mkdir(dir, { recursive: true });
  const record = Object.fromEntries([...tensors].map(([name, t]) => [name, { dtype: "F32" as const, shape: t.shape, data: t.data }]));
  await Promise.all([
    writeFile(path.join(dir, "config.json"), JSON.stringify(config, null, 2)),
    writeFile(path.join(dir, "model.safetensors"), writeSafetensors(record, { format: "pt" })),
    writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tinyWordPieceTokenizerJson())),
    writeFile(path.join(dir, "tokenizer_config.json"), JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", unk_token: "[UNK]", mask_token: "[MASK]", model_max_length: config.max_position_embeddings }, null, 2)),
  ]);
  const st = o.sentenceTransformers;
  if (st) {
    const modules = [
      { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
      { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
      ...(st.normalize ? [{ idx: 2, name: "2", path: "2_Normalize", type: "sentence_transformers.models.Normalize" }] : []),
    ];
    await mkdir(path.join(dir, "1_Pooling"), { recursive: true });
    await writeFile(path.join(dir, "modules.json"), JSON.stringify(modules, null, 2));
    await writeFile(path.join(dir, "1_Pooling", "config.json"), JSON.stringify({
      word_embedding_dimension: config.hidden_size, pooling_mode_cls_token: st.mode === "cls", pooling_mode_mean_tokens: st.mode === "mean", pooling_mode_max_tokens: st.mode === "max",
      pooling_mode_mean_sqrt_len_tokens: false, pooling_mode_weightedmean_tokens: false, pooling_mode_lasttoken: st.mode === "lasttoken", include_prompt: true,
    }, null, 2));
    if (st.maxSeqLength) await writeFile(path.join(dir, "sentence_bert_config.json"), JSON.stringify({ max_seq_length: st.maxSeqLength, do_lower_case: false }));
    if (st.normalize) await mkdir(path.join(dir, "2_Normalize"), { recursive: true });
  }
  return config;
}
