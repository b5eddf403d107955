// A real Hugging Face tokenizer (byte-level BPE without merges: one token per byte,
// ids 0–255, plus special tokens) with a Jinja chat template, for tests that need a
// tokenizer but no trained vocabulary.

import { Template } from "@huggingface/jinja";
import { Tokenizer } from "@huggingface/tokenizers";
import { byteLevelTokenizerJson } from "../../models/tiny-tokenizer";
import type { ChatTemplateTokenizer, TemplateMessage } from "../tokenize-chat";

/** ChatML with Qwen3-style <think> reasoning. */
export const CHATML_THINK_TEMPLATE =
  "{% for m in messages %}<|im_start|>{{ m.role }}\n" +
  "{% if m.role == 'assistant' and m.reasoning_content %}<think>\n{{ m.reasoning_content }}\n</think>\n\n{% endif %}" +
  "{{ m.content }}<|im_end|>\n{% endfor %}" +
  "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

export const SPECIAL_TOKENS = ["<|im_start|>", "<|im_end|>", "<|endoftext|>"];

export interface ByteTokenizer extends ChatTemplateTokenizer {
  decode(ids: number[]): string;
  vocabSize: number;
}

export function byteChatTokenizer(template = CHATML_THINK_TEMPLATE, specials: string[] = SPECIAL_TOKENS): ByteTokenizer {
  const tok = new Tokenizer(byteLevelTokenizerJson([], specials), { chat_template: template, eos_token: "<|im_end|>" });
  const compiled = new Template(template);
  return {
    vocabSize: 256 + specials.length,
    applyChatTemplate: (messages: TemplateMessage[], { addGenerationPrompt }) =>
      compiled.render({ messages, add_generation_prompt: addGenerationPrompt, eos_token: "<|im_end|>" }),
    encodeText: (text) => tok.encode(text, { add_special_tokens: false }).ids,
    decode: (ids) => tok.decode(ids, { skip_special_tokens: false }),
  };
}
