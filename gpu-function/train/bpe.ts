// Byte-level BPE training (GPT-2 style) and export as a Hugging Face `tokenizer.json`.
// Text is split with the GPT-2 pre-tokenizer regex, each piece is mapped byte → printable
// unicode char (bytes_to_unicode), and the most frequent adjacent symbol pair is merged
// until the vocabulary is full. Pair counts are updated incrementally (only the words
// containing the merged pair are touched), so a few MB of text trains in seconds.

/** GPT-2's pre-tokenization pattern, as the HF ByteLevel pre-tokenizer applies it. */
const GPT2_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** GPT-2's reversible byte → unicode char table (printable chars stand for themselves). */
export function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const table = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return table;
}

export interface BpeTrainOptions {
  vocabSize: number;
  /** Special tokens, given the first ids in this order. */
  specialTokens: string[];
  /** Pieces seen fewer times than this are ignored (noise control, speed). */
  minFrequency?: number;
}

export interface TrainedBpe {
  vocab: Map<string, number>;
  merges: [string, string][];
  specialTokens: string[];
}

/** Counts pre-tokenized, byte-mapped pieces over an iterable of documents. */
export function countPieces(texts: Iterable<string>): Map<string, number> {
  const table = bytesToUnicode();
  const encoder = new TextEncoder();
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(GPT2_SPLIT)) {
      let piece = "";
      for (const b of encoder.encode(m[0])) piece += table[b];
      counts.set(piece, (counts.get(piece) ?? 0) + 1);
    }
  }
  return counts;
}

export function trainBpe(pieceCounts: Map<string, number>, opts: BpeTrainOptions): TrainedBpe {
  const minFreq = opts.minFrequency ?? 2;
  const symbols: string[] = [];
  const symbolId = new Map<string, number>();
  const intern = (s: string): number => {
    let id = symbolId.get(s);
    if (id === undefined) {
      id = symbols.length;
      symbols.push(s);
      symbolId.set(s, id);
    }
    return id;
  };
  for (const ch of bytesToUnicode()) intern(ch);

  // Sorted for determinism independent of Map insertion order.
  const entries = [...pieceCounts].filter(([, c]) => c >= minFreq).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const words: number[][] = entries.map(([w]) => Array.from(w, (ch) => intern(ch)));
  const freqs = entries.map(([, c]) => c);

  const key = (a: number, b: number): number => a * 1_048_576 + b;
  const pairCount = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  const addPairs = (wi: number, sign: number): void => {
    const w = words[wi];
    for (let i = 0; i + 1 < w.length; i++) {
      const k = key(w[i], w[i + 1]);
      pairCount.set(k, (pairCount.get(k) ?? 0) + sign * freqs[wi]);
      if (sign > 0) {
        let set = pairWords.get(k);
        if (!set) pairWords.set(k, (set = new Set()));
        set.add(wi);
      }
    }
  };
  words.forEach((_, wi) => addPairs(wi, 1));

  const merges: [string, string][] = [];
  const target = opts.vocabSize - opts.specialTokens.length;
  while (symbols.length < target) {
    let best = -1;
    let bestCount = 0;
    for (const [k, c] of pairCount) {
      if (c > bestCount || (c === bestCount && c > 0 && k < best)) {
        best = k;
        bestCount = c;
      }
    }
    if (best < 0 || bestCount < minFreq) break;
    const a = Math.floor(best / 1_048_576);
    const b = best % 1_048_576;
    const merged = intern(symbols[a] + symbols[b]);
    merges.push([symbols[a], symbols[b]]);
    for (const wi of pairWords.get(best) ?? []) {
      const w = words[wi];
      let has = false;
      for (let i = 0; i + 1 < w.length; i++) if (w[i] === a && w[i + 1] === b) has = true;
      if (!has) continue;
      addPairs(wi, -1);
      const out: number[] = [];
      for (let i = 0; i < w.length; i++) {
        if (i + 1 < w.length && w[i] === a && w[i + 1] === b) {
          out.push(merged);
          i++;
        } else out.push(w[i]);
      }
      words[wi] = out;
      addPairs(wi, 1);
    }
    pairCount.delete(best);
    pairWords.delete(best);
  }

  const vocab = new Map<string, number>();
  opts.specialTokens.forEach((t, i) => vocab.set(t, i));
  symbols.forEach((s) => vocab.set(s, vocab.size));
  return { vocab, merges, specialTokens: opts.specialTokens };
}

/** The `tokenizer.json` the HF tokenizers libraries (Rust, Python, JS) load. */
export function tokenizerJson(bpe: TrainedBpe): Record<string, unknown> {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: bpe.specialTokens.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: "ByteLevel", add_prefix_space: true, trim_offsets: false, use_regex: true },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: Object.fromEntries(bpe.vocab),
      merges: bpe.merges,
    },
  };
}

/** ChatML, as Qwen2-style models use it; assistant turns end with <|im_end|>. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export const SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"] as const;

export function tokenizerConfigJson(modelMaxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: "PreTrainedTokenizerFast",
    model_max_length: modelMaxLength,
    bos_token: null,
    eos_token: "<|im_end|>",
    pad_token: "<|endoftext|>",
    unk_token: null,
    add_prefix_space: false,
    clean_up_tokenization_spaces: false,
    chat_template: CHATML_TEMPLATE,
    added_tokens_decoder: Object.fromEntries(
      SPECIAL_TOKENS.map((content, id) => [
        String(id),
        { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true },
      ]),
    ),
  };
}
