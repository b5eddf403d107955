// Tokenizer + chat template for any Hugging Face model directory: `tokenizer.json` through
// @huggingface/tokenizers and the `chat_template` (chat_template.jinja or tokenizer_config.json) through
// @huggingface/jinja, so each model's own prompt format is used as HF transformers would.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { Template } from "@huggingface/jinja";
import { Tokenizer } from "@huggingface/tokenizers";

import { contentText, type ChatMessage } from "../shared/openai";

type TokenSpec = string | { content?: string } | null | undefined;

export interface TokenizerConfig {
  chat_template?: string | Array<{ name: string; template: string }>;
  bos_token?: TokenSpec;
  eos_token?: TokenSpec;
  pad_token?: TokenSpec;
  unk_token?: TokenSpec;
  [key: string]: unknown;
}

// Used only when a checkpoint ships without a chat template (e.g. GPT-Neo): plain role-prefixed turns.
const FALLBACK_TEMPLATE =
  "{% for m in messages %}{{ m.role | capitalize }}: {{ m.content }}\n\n{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}";

function tokenText(spec: TokenSpec): string | undefined {
  if (typeof spec === "string") return spec;
  if (spec && typeof spec === "object" && typeof spec.content === "string") return spec.content;
  return undefined;
}

export class ChatTokenizer {
  readonly bosToken?: string;
  readonly eosToken?: string;
  readonly usesFallbackTemplate: boolean;
  /** Added tokens flagged special (never shown to users as text). */
  readonly specialIds: ReadonlySet<number>;
  private readonly template: Template;
  private readonly templateSource: string;
  private readonly idToAdded = new Map<number, string>();

  constructor(
    private readonly tokenizer: Tokenizer,
    config: TokenizerConfig,
  ) {
    this.bosToken = tokenText(config.bos_token);
    this.eosToken = tokenText(config.eos_token);
    const source = pickTemplate(config.chat_template);
    this.usesFallbackTemplate = source === undefined;
    this.templateSource = source ?? FALLBACK_TEMPLATE;
    this.template = new Template(this.templateSource);
    const special = new Set<number>();
    for (const [id, added] of tokenizer.get_added_tokens_decoder()) {
      this.idToAdded.set(id, added.content);
      if (added.special) special.add(id);
    }
    this.specialIds = special;
  }

  static async fromDir(dir: string): Promise<ChatTokenizer> {
    const tokenizerJson = JSON.parse(await readFile(path.join(dir, "tokenizer.json"), "utf8")) as object;
    let config: TokenizerConfig = {};
    try {
      config = JSON.parse(await readFile(path.join(dir, "tokenizer_config.json"), "utf8")) as TokenizerConfig;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    // Newer checkpoints (gpt-oss among them) ship the template as chat_template.jinja, which
    // transformers prefers over the config field when both exist.
    const jinja = await readFile(path.join(dir, "chat_template.jinja"), "utf8").catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return undefined;
      throw err;
    });
    if (jinja?.trim()) config = { ...config, chat_template: jinja };
    return new ChatTokenizer(new Tokenizer(tokenizerJson, config), config);
  }

  encode(text: string, addSpecialTokens = false): number[] {
    if (text.length === 0) return [];
    return this.tokenizer.encode(text, { add_special_tokens: addSpecialTokens }).ids;
  }

  private maxTokenChars?: number;

  /**
   * The most characters one token can stand for: the longest vocabulary entry (byte-level
   * entries hold one character per byte, so this is never below the text a token covers).
   */
  get maxCharsPerToken(): number {
    if (this.maxTokenChars === undefined) {
      let longest = 1;
      for (const token of this.tokenizer.get_vocab(true).keys()) if (typeof token === "string") longest = Math.max(longest, token.length);
      // WordPiece (BERT) turns a whole unknown word, up to max_input_chars_per_word, into one [UNK].
      const wordPiece = (this.tokenizer.model?.config as { max_input_chars_per_word?: unknown } | undefined)?.max_input_chars_per_word;
      this.maxTokenChars = typeof wordPiece === "number" ? Math.max(longest, wordPiece) : longest;
    }
    return this.maxTokenChars;
  }

  /**
   * Token ids of `text`, or null when it cannot fit in `maxTokens` — decided without blocking
   * the event loop on huge input: text longer than `maxTokens` × the longest token is refused
   * without tokenising, and long text is first counted in chunks with a yield between them, so
   * other requests (and /healthz) are served meanwhile; only text that may fit is tokenised whole.
   */
  async encodeWithin(text: string, maxTokens: number, addSpecialTokens = false): Promise<number[] | null> {
    if (text.length > maxTokens * this.maxCharsPerToken) return null;
    if (text.length > COUNT_IN_CHUNKS_ABOVE_CHARS) {
      let count = 0;
      let chunks = 0;
      for (const piece of chunksAtWhitespace(text, COUNT_CHUNK_CHARS)) {
        await new Promise((resolve) => setImmediate(resolve));
        count += this.encode(piece).length;
        chunks++;
        // A cut at whitespace can split at most a couple of tokens differently than the whole text.
        if (count - 2 * chunks > maxTokens) return null;
      }
    }
    const ids = this.encode(text, addSpecialTokens);
    return ids.length > maxTokens ? null : ids;
  }

  /**
   * The first `maxTokens` ids of `encode(text)` — what an embedder that cuts long input reads —
   * tokenising only as much of a long text as they need: the text up to a space that follows a
   * letter (where every pre-tokeniser splits, and no match or special token spans the cut) holds
   * exactly the whole text's tokens up to there. The prefix grows until it yields
   * `maxTokens` + HEAD_MARGIN ids (room for tokens a post-processor appends); else the whole
   * text is encoded. Same ids as `encode(text).slice(0, maxTokens)`, in less time.
   */
  encodeHead(text: string, maxTokens: number, addSpecialTokens = false): number[] {
    for (let chars = maxTokens * HEAD_CHARS_PER_TOKEN; chars < text.length; chars *= 2) {
      const cut = spaceAfterLetterBefore(text, chars);
      if (cut < 0) continue;
      const ids = this.encode(text.slice(0, cut), addSpecialTokens);
      if (ids.length >= maxTokens + HEAD_MARGIN) return ids.slice(0, maxTokens);
    }
    const ids = this.encode(text, addSpecialTokens);
    return ids.length > maxTokens ? ids.slice(0, maxTokens) : ids;
  }

  decode(ids: number[], skipSpecialTokens = true): string {
    if (ids.length === 0) return "";
    return this.tokenizer.decode(ids, { skip_special_tokens: skipSpecialTokens, clean_up_tokenization_spaces: false });
  }

  tokenId(token: string): number | undefined {
    return this.tokenizer.token_to_id(token);
  }

  /** The added token's text for an id (e.g. `<|channel|>`), if it is an added token. */
  addedTokenText(id: number): string | undefined {
    return this.idToAdded.get(id);
  }

  /** Ids of the tokens that open a reasoning channel in this model's chat format (`<think>`, `<|channel|>`), if its template uses them. */
  reasoningOpenerIds(): number[] {
    return ["<think>", "<|channel|>"].flatMap((t) => {
      const id = this.tokenId(t);
      return id !== undefined && this.templateSource.includes(t) ? [id] : [];
    });
  }

  /** Renders the chat template exactly as `apply_chat_template(tokenize=False)` would. */
  applyChatTemplate(messages: ChatMessage[], opts: { addGenerationPrompt?: boolean } = {}): string {
    return this.template.render({
      messages: messages.map((m) => {
        const reasoning = m.reasoning_content ?? undefined;
        // gpt-oss templates read `thinking`; others read `reasoning_content`.
        return {
          role: m.role,
          content: contentText(m.content),
          ...(m.name ? { name: m.name } : {}),
          ...(reasoning ? { reasoning_content: reasoning, thinking: reasoning } : {}),
        };
      }),
      add_generation_prompt: opts.addGenerationPrompt ?? true,
      bos_token: this.bosToken ?? "",
      eos_token: this.eosToken ?? "",
    });
  }

  /** Prompt token ids for a chat; special tokens come from the template, not the post-processor (as in HF). */
  encodeChat(messages: ChatMessage[]): number[] {
    return this.encode(this.applyChatTemplate(messages), false);
  }
}

/** encodeHead's first prefix, in characters per token wanted (English BPE: ~4 per token). */
const HEAD_CHARS_PER_TOKEN = 5;
/** Ids a post-processor may append after the text (BERT's [SEP], an EOS): the prefix yields this many more. */
const HEAD_MARGIN = 2;

/** The last index ≤ `end` holding a space preceded by a letter, or -1. */
function spaceAfterLetterBefore(text: string, end: number): number {
  for (let i = Math.min(end, text.length - 1); i > 0; i--) if (text[i] === " " && /\p{L}/u.test(text[i - 1])) return i;
  return -1;
}

const COUNT_IN_CHUNKS_ABOVE_CHARS = 64 * 1024;
const COUNT_CHUNK_CHARS = 16 * 1024;

/** Pieces of about `size` characters, each cut just before a whitespace character where there is one. */
function* chunksAtWhitespace(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf(" ", end);
      if (cut > start + size / 2) end = cut;
    }
    yield text.slice(start, end);
    start = end;
  }
}

function pickTemplate(t: TokenizerConfig["chat_template"]): string | undefined {
  if (typeof t === "string" && t.length > 0) return t;
  if (Array.isArray(t)) return (t.find((x) => x.name === "default") ?? t[0])?.template;
  return undefined;
}

/**
 * Streams text from token ids without splitting multi-byte characters: text is emitted only
 * once the decoded window no longer ends in U+FFFD, and a short prefix window is re-decoded
 * so tokenizers that strip a leading space on the first token (SentencePiece) stay correct.
 */
export class IncrementalDetokenizer {
  private tokens: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(private readonly tok: ChatTokenizer) {}

  push(id: number): string {
    this.tokens.push(id);
    const prefixText = this.tok.decode(this.tokens.slice(this.prefixOffset, this.readOffset));
    const fullText = this.tok.decode(this.tokens.slice(this.prefixOffset));
    if (fullText.length > prefixText.length && !fullText.endsWith("\uFFFD")) {
      const delta = fullText.slice(prefixText.length);
      this.prefixOffset = this.readOffset;
      this.readOffset = this.tokens.length;
      this.trim();
      return delta;
    }
    return "";
  }

  /** Whatever is still held back (an incomplete character at the end becomes U+FFFD). */
  flush(): string {
    const prefixText = this.tok.decode(this.tokens.slice(this.prefixOffset, this.readOffset));
    const fullText = this.tok.decode(this.tokens.slice(this.prefixOffset));
    this.prefixOffset = this.readOffset = this.tokens.length;
    return fullText.length > prefixText.length ? fullText.slice(prefixText.length) : "";
  }

  /** Drops tokens before the window so decoding stays O(window) per step. */
  private trim(): void {
    if (this.prefixOffset > 64) {
      this.tokens = this.tokens.slice(this.prefixOffset);
      this.readOffset -= this.prefixOffset;
      this.prefixOffset = 0;
    }
  }
}
