// The BPE trainer's output loads in @huggingface/tokenizers, round-trips text (bytes,
// unicode, special tokens) and carries a ChatML template the serving tokenizer renders.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";
import { describe, expect, it } from "vitest";

import { ChatTokenizer } from "../engine/tokenizer";
import { bytesToUnicode, countPieces, SPECIAL_TOKENS, tokenizerConfigJson, tokenizerJson, trainBpe } from "./bpe";

const corpus = [
  "Glaucoma is a group of diseases that can damage the eye's optic nerve.",
  "Diabetes is a disease in which blood glucose levels are too high.",
  "High blood pressure can damage the blood vessels of the eye and the kidneys.",
  "Ask your doctor about the treatment of glaucoma and diabetes.",
].flatMap((s) => [s, s.toLowerCase(), s.toUpperCase()]);

describe("byte-level BPE", () => {
  const bpe = trainBpe(countPieces(corpus), { vocabSize: 400, specialTokens: [...SPECIAL_TOKENS], minFrequency: 2 });
  const tok = new Tokenizer(tokenizerJson(bpe), tokenizerConfigJson(512));

  it("maps all 256 bytes to distinct printable characters", () => {
    expect(new Set(bytesToUnicode()).size).toBe(256);
  });

  it("learns merges for frequent words, deterministically", () => {
    expect(bpe.merges.length).toBeGreaterThan(50);
    expect(bpe.vocab.has("Ġglaucoma") || bpe.vocab.has("Ġdiabetes")).toBe(true);
    const again = trainBpe(countPieces(corpus), { vocabSize: 400, specialTokens: [...SPECIAL_TOKENS], minFrequency: 2 });
    expect(again.merges).toEqual(bpe.merges);
  });

  it("round-trips text through the HF tokenizer, including unseen bytes and special tokens", () => {
    const text = "Glaucoma damages the optic nerve — naïve 血压 😀<|im_end|>";
    const ids = tok.encode(text, { add_special_tokens: false }).ids;
    expect(ids.at(-1)).toBe(2);
    expect(tok.decode(ids, { skip_special_tokens: false })).toBe(text);
    expect(tok.encode(" glaucoma", { add_special_tokens: false }).ids.length).toBeLessThanOrEqual(2);
  });

  it("renders the ChatML chat template through the serving tokenizer", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-bpe-"));
    try {
      await writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson(bpe)));
      await writeFile(path.join(dir, "tokenizer_config.json"), JSON.stringify(tokenizerConfigJson(512)));
      const chat = await ChatTokenizer.fromDir(dir);
      const prompt = chat.applyChatTemplate([{ role: "user", content: "What is glaucoma?" }]);
      expect(prompt).toBe("<|im_start|>user\nWhat is glaucoma?<|im_end|>\n<|im_start|>assistant\n");
      expect(chat.eosToken).toBe("<|im_end|>");
      expect(chat.encodeChat([{ role: "user", content: "hi" }])[0]).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
