// Adapts the serving tokenizer (engine/tokenizer.ts: HF tokenizer.json + chat_template)
// to what training tokenization needs, so a model is trained on exactly the prompt
// format it is served with.

import type { ChatTokenizer } from "../engine/tokenizer";
import type { ChatTemplateTokenizer } from "../data/tokenize-chat";

export function asChatTemplateTokenizer(tok: ChatTokenizer): ChatTemplateTokenizer {
  return {
    applyChatTemplate: (messages, { addGenerationPrompt }) =>
      tok.applyChatTemplate(
        messages.map((m) => ({
          role: m.role as "system" | "user" | "assistant",
          content: m.content,
          reasoning_content: m.reasoning_content ?? null,
        })),
        { addGenerationPrompt },
      ),
    encodeText: (text) => tok.encode(text, false),
  };
}
