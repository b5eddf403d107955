// Completion-only masking through real chat templates and a real HF tokenizer.
import { describe, expect, it } from "vitest";
import type { ChatExample } from "./chat-example";
import { byteChatTokenizer, type ByteTokenizer } from "./testing/byte-tokenizer";
import { tokenizeChatDataset, tokenizeChatExample } from "./tokenize-chat";

const tok = byteChatTokenizer();

/** The text of the tokens that carry loss, grouped into contiguous runs. */
function trainedRuns(ids: number[], mask: number[], decoder: ByteTokenizer = tok): string[] {
  const runs: string[] = [];
  let cur: number[] = [];
  mask.forEach((m, i) => {
    if (m) cur.push(ids[i]);
    else if (cur.length) {
      runs.push(decoder.decode(cur));
      cur = [];
    }
  });
  if (cur.length) runs.push(decoder.decode(cur));
  return runs;
}

describe("tokenizeChatExample", () => {
  const example: ChatExample = {
    messages: [
      { role: "system", content: "Be careful." },
      { role: "user", content: "What helps a cough?" },
      { role: "assistant", content: "Honey and rest.", reasoning: "Mild cough, home care." },
      { role: "user", content: "And at night?" },
      { role: "assistant", content: "Raise your head." },
    ],
  };

  it("puts loss only on assistant turns, including reasoning and the end-of-turn token", () => {
    const { inputIds, lossMask, truncatedTokens } = tokenizeChatExample(tok, example, 4096);
    expect(truncatedTokens).toBe(0);
    expect(inputIds).toHaveLength(lossMask.length);
    expect(tok.decode(inputIds)).toBe(
      tok.applyChatTemplate(
        example.messages.map((m) => (m.reasoning ? { role: m.role, content: m.content, reasoning_content: m.reasoning } : m)),
        { addGenerationPrompt: false },
      ),
    );
    expect(trainedRuns(inputIds, lossMask)).toEqual([
      "<think>\nMild cough, home care.\n</think>\n\nHoney and rest.<|im_end|>",
      "Raise your head.<|im_end|>",
    ]);
  });

  it("skips assistant turns with weight 0 and truncates to maxLen", () => {
    const weighted: ChatExample = {
      messages: [
        { role: "user", content: "Q1" },
        { role: "assistant", content: "old answer", weight: 0 },
        { role: "user", content: "Q2" },
        { role: "assistant", content: "new answer" },
      ],
    };
    const full = tokenizeChatExample(tok, weighted, 4096);
    expect(trainedRuns(full.inputIds, full.lossMask)).toEqual(["new answer<|im_end|>"]);
    const cut = tokenizeChatExample(tok, weighted, 20);
    expect(cut.inputIds).toEqual(full.inputIds.slice(0, 20));
    expect(cut.truncatedTokens).toBe(full.inputIds.length - 20);
  });

  it("finds turns by content when a template re-renders earlier turns (gpt-oss drops old analysis)", () => {
    const dropsOldReasoning =
      "{% for m in messages %}<|im_start|>{{ m.role }}\n" +
      "{% if m.role == 'assistant' and m.thinking and loop.last %}<think>{{ m.thinking }}</think>{% endif %}" +
      "{{ m.content }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";
    const gptOssLike = byteChatTokenizer(dropsOldReasoning);
    const ex: ChatExample = {
      messages: [
        { role: "user", content: "A?" },
        { role: "assistant", content: "first", reasoning: "old thought" },
        { role: "user", content: "B?" },
        { role: "assistant", content: "second", reasoning: "new thought" },
      ],
    };
    const { inputIds, lossMask } = tokenizeChatExample(gptOssLike, ex, 4096);
    expect(trainedRuns(inputIds, lossMask, gptOssLike)).toEqual(["first<|im_end|>", "<think>new thought</think>second<|im_end|>"]);
  });
});

describe("tokenizeChatDataset", () => {
  it("reports examples whose answer lies beyond max length", () => {
    const long: ChatExample = {
      id: "long-1",
      messages: [
        { role: "user", content: "x".repeat(100) },
        { role: "assistant", content: "y" },
      ],
    };
    const short: ChatExample = {
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ],
    };
    const { rows, issues, lossTokens } = tokenizeChatDataset(tok, [long, short], 64);
    expect(rows).toHaveLength(1);
    expect(lossTokens).toBe("hello".length + 1);
    expect(issues).toHaveLength(1);
    expect(issues[0].id).toBe("long-1");
    expect(issues[0].reason).toMatch(/no assistant tokens within max_seq_length 64/);
  });
});
