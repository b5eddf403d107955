// Training tokenization through the serving tokenizer: the tiny models' ChatML and the
// project's trained BPE (models/base), whose merges could straddle mask boundaries.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChatTokenizer } from "../engine/tokenizer";
import { writeTinyModel } from "../models/tiny";
import type { ChatExample } from "../data/chat-example";
import { templateRendersReasoning, tokenizeChatExample } from "../data/tokenize-chat";
import { asChatTemplateTokenizer } from "./chat-tokenizer";

const example: ChatExample = {
  messages: [
    { role: "system", content: "Answer from the sources." },
    { role: "user", content: "Sources:\n[1] Fluids help with fever.\n\nQuestion: What helps with fever?" },
    { role: "assistant", content: "Drinking fluids helps [1].", reasoning: "Source 1 says fluids." },
  ],
};

function trainedText(tok: ChatTokenizer, ids: number[], mask: number[]): string {
  return tok.decode(
    ids.filter((_, i) => mask[i] === 1),
    false,
  );
}

describe("tokenizeChatExample with the serving tokenizer", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chat-tok-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("inlines reasoning as <think> when the ChatML template drops it, and trains only the answer turn", async () => {
    await writeTinyModel(dir, {
      family: "llama",
      seed: 1,
      hiddenSize: 32,
      numLayers: 1,
      numHeads: 2,
      numKvHeads: 1,
      intermediateSize: 32,
      vocabSize: 259,
      maxPositions: 256,
    });
    const tok = await ChatTokenizer.fromDir(dir);
    const t = asChatTemplateTokenizer(tok);
    expect(templateRendersReasoning(t)).toBe(false);
    const { inputIds, lossMask } = tokenizeChatExample(t, example, 512);
    expect(trainedText(tok, inputIds, lossMask)).toBe("<think>\nSource 1 says fluids.\n</think>\n\nDrinking fluids helps [1].<|im_end|>");
  });

  const baseDir = path.join(import.meta.dirname, "..", "..", "models", "base");
  it.skipIf(!fs.existsSync(path.join(baseDir, "tokenizer.json")))(
    "with the project's trained BPE, segment-wise ids equal whole-text ids",
    async () => {
      const tok = await ChatTokenizer.fromDir(baseDir);
      const t = asChatTemplateTokenizer(tok);
      const plain: ChatExample = { messages: example.messages.map(({ role, content }) => ({ role, content })) };
      const { inputIds, lossMask } = tokenizeChatExample(t, plain, 1024);
      const whole = tok.encode(t.applyChatTemplate(plain.messages, { addGenerationPrompt: false }));
      expect(inputIds).toEqual(whole);
      expect(trainedText(tok, inputIds, lossMask)).toBe("Drinking fluids helps [1].<|im_end|>");
    },
  );
});
