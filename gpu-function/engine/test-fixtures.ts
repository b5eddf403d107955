// Test fixtures for the engine: a byte-level BPE tokenizer directory (every byte is a token,
// so multi-byte characters span tokens) with ChatML and harmony/think special tokens, and a
// deterministic in-memory LoadedModel for scheduler tests that need no ONNX session.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { byteLevelTokenizerJson } from "../models/tiny-tokenizer";
import type { ForwardRow, KvCacheHandle, LoadedModel } from "../runtime/types";

export const SPECIAL_TOKENS = [
  "<|endoftext|>",
  "<|im_start|>",
  "<|im_end|>",
  "<|channel|>",
  "<|message|>",
  "<|start|>",
  "<|end|>",
  "<think>",
  "</think>",
];

export const CHATML_TEMPLATE =
  "{% for m in messages %}{{ '<|im_start|>' + m.role + '\\n' + m.content + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export async function writeByteTokenizer(dir: string, chatTemplate: string | null = CHATML_TEMPLATE): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tokenizer = byteLevelTokenizerJson([], SPECIAL_TOKENS);
  await writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  const config: Record<string, unknown> = { eos_token: "<|im_end|>", bos_token: null, model_max_length: 256 };
  if (chatTemplate) config.chat_template = chatTemplate;
  await writeFile(path.join(dir, "tokenizer_config.json"), JSON.stringify(config));
}

export const BYTE_VOCAB = 256 + SPECIAL_TOKENS.length;

class FakeCache implements KvCacheHandle {
  tokens: number[] = [];
  released = false;
  get length() {
    return this.tokens.length;
  }
  release() {
    this.released = true;
  }
}

/**
 * A deterministic model: the next token is a function of the context (and the adapter's
 * rank), following a script when given. Records every forward call for assertions.
 */
export class ScriptedModel implements LoadedModel {
  readonly dims;
  readonly loraTargets = [];
  readonly calls: Array<{ rows: number; tokens: number[]; loras: Array<string | null> }> = [];
  readonly caches: FakeCache[] = [];
  stepDelayMs = 0;

  constructor(
    private readonly next: (context: number[], lora: string | null) => number,
    readonly maxSequenceLength = 64,
    eos = 258,
  ) {
    this.dims = {
      family: "fake",
      vocabSize: BYTE_VOCAB,
      hiddenSize: 4,
      numLayers: 1,
      numHeads: 1,
      numKvHeads: 1,
      headDim: 4,
      intermediateSize: 4,
      maxPositions: maxSequenceLength,
      eosTokenIds: [eos],
      tieWordEmbeddings: true,
    };
  }

  newCache(): KvCacheHandle {
    const c = new FakeCache();
    this.caches.push(c);
    return c;
  }

  async forward(rows: ForwardRow[]): Promise<Float32Array[]> {
    this.calls.push({ rows: rows.length, tokens: rows.map((r) => r.tokens.length), loras: rows.map((r) => r.lora?.name ?? null) });
    if (this.stepDelayMs) await new Promise((r) => setTimeout(r, this.stepDelayMs));
    return rows.map((row) => {
      const cache = row.cache as FakeCache;
      if (cache.tokens.length + row.tokens.length > this.maxSequenceLength) throw new Error("context overflow");
      cache.tokens.push(...row.tokens);
      const logits = new Float32Array(BYTE_VOCAB).fill(-10);
      logits[this.next(cache.tokens, row.lora?.name ?? null)] = 10;
      return logits;
    });
  }

  weightBytes(): number {
    return 0;
  }

  async dispose(): Promise<void> {}
}
