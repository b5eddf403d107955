// A real Hugging Face tokenizer (byte-level BPE without merges: one token per byte,
// ids 0–255, plus special tokens) with a Jinja chat template, for tests that need a
// tokenizer but no trained vocabulary.

import { Template } from "@huggingface/jinja";
import { Tokenizer } from "@huggingface/tokenizers";
import type { ChatTemplateTokenizer, TemplateMessage } from "../tokenize-chat";

/** GPT-2's byte → printable-unicode table used by byte-level BPE vocabularies. */
export function byteLevelAlphabet(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const chars: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    chars[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return chars;
}

/** ChatML with Qwen3-style <think> reasoning. */
export const CHATML_THINK_TEMPLATE =
  "{% for m in messages %}<|im_start|>{{ m.role }}\n" +
  "{% if m.role == 'assistant' and m.reasoning_content %}<think>\n{{ m.reasoning_content }}\n</think>\n\n{% endif %}" +
  "{{ m.content }}<|im_end|>\n{% endfor %}" +
  "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

export const SPECIAL_TOKENS = ["<|im_start|>", "<|im_end|>", "<|endoftext|>"];

export function tokenizerJson(specials: string[] = SPECIAL_TOKENS): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  byteLevelAlphabet().forEach((c, i) => (vocab[c] = i));
  const added = specials.map((content, i) => ({ id: 256 + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  for (const t of added) vocab[t.content] = t.id;
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    model: { type: "BPE", dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, vocab, merges: [] },
  };
}

export interface ByteTokenizer extends ChatTemplateTokenizer {
  decode(ids: number[]): string;
  vocabSize: number;
}

export function byteChatTokenizer(template = CHATML_THINK_TEMPLATE, specials: string[] = SPECIAL_TOKENS): ByteTokenizer {
  const tok = new Tokenizer(tokenizerJson(specials), { chat_template: template, eos_token: "<|im_end|>" });
  const compiled = new Template(template);
  return {
    vocabSize: 256 + specials.length,
    applyChatTemplate: (messages: TemplateMessage[], { addGenerationPrompt }) =>
      compiled.render({ messages, add_generation_prompt: addGenerationPrompt, eos_token: "<|im_end|>" }),
    encodeText: (text) => tok.encode(text, { add_special_tokens: false }).ids,
    decode: (ids) => tok.decode(ids, { skip_special_tokens: false }),
  };
}
