// ChatExample → token ids with a completion-only loss mask, rendered through the
// model's own chat template so training sees exactly the text serving will produce.
//
// The template is a black box (Jinja), so the assistant spans are found by rendering
// prefixes: the text up to "assistant, your turn" (add_generation_prompt) and the text
// through the assistant message. What lies between is the assistant's output — its
// reasoning channel, answer and end-of-turn token — and only that carries loss. Each
// segment is tokenized on its own so mask boundaries fall exactly on token boundaries.

import type { ChatExample, ChatMessage, ImportIssue } from "./chat-example";

/** A message as handed to a chat template: reasoning under the names templates read. */
export interface TemplateMessage {
  role: string;
  content: string;
  /** Qwen3 / DeepSeek templates. */
  reasoning_content?: string;
  /** gpt-oss template (analysis channel). */
  thinking?: string;
  reasoning?: string;
}

/** What tokenization needs from the serving tokenizer (train/chat-tokenizer.ts adapts engine/tokenizer.ts to it). */
export interface ChatTemplateTokenizer {
  applyChatTemplate(messages: TemplateMessage[], options: { addGenerationPrompt: boolean }): string;
  /** Encodes text adding no BOS/EOS of its own; special-token strings in the text become their ids. */
  encodeText(text: string): number[];
}

export interface TokenizedExample {
  inputIds: number[];
  /** lossMask[t] = 1: predicting inputIds[t] from inputIds[0..t-1] is trained. */
  lossMask: number[];
  /** Tokens cut off by maxLen (0 when the example fit). */
  truncatedTokens: number;
}

export function toTemplateMessages(messages: ChatMessage[]): TemplateMessage[] {
  return messages.map((m) => {
    const out: TemplateMessage = { role: m.role, content: m.content };
    if (m.reasoning !== undefined) {
      out.reasoning_content = m.reasoning;
      out.thinking = m.reasoning;
      out.reasoning = m.reasoning;
    }
    return out;
  });
}

const rendersReasoning = new WeakMap<ChatTemplateTokenizer, boolean>();

/** Whether the template shows an assistant's reasoning field at all (many plain ChatML templates drop it). */
export function templateRendersReasoning(tokenizer: ChatTemplateTokenizer): boolean {
  let known = rendersReasoning.get(tokenizer);
  if (known === undefined) {
    const probe = "\u2063reasoning-probe\u2063";
    const text = tokenizer.applyChatTemplate(
      toTemplateMessages([
        { role: "user", content: "q" },
        { role: "assistant", content: "a", reasoning: probe },
      ]),
      { addGenerationPrompt: false },
    );
    known = text.includes(probe);
    rendersReasoning.set(tokenizer, known);
  }
  return known;
}

/**
 * With a template that drops reasoning, the chain of thought would vanish from training
 * without a trace; it is inlined as a leading <think> block instead (the convention
 * DeepSeek-R1 and Qwen3 use, and the one the serving engine splits back out).
 */
export function inlineReasoning(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) => {
    if (m.role !== "assistant" || !m.reasoning) return m;
    const { reasoning, ...rest } = m;
    return { ...rest, content: `<think>\n${reasoning}\n</think>\n\n${m.content}` };
  });
}

/** [start, end) character ranges of `text` that carry loss, in order, non-overlapping. */
export function assistantSpans(tokenizer: ChatTemplateTokenizer, messages: ChatMessage[]): { text: string; spans: [number, number][] } {
  if (messages.some((m) => m.reasoning) && !templateRendersReasoning(tokenizer)) messages = inlineReasoning(messages);
  const all = toTemplateMessages(messages);
  const text = tokenizer.applyChatTemplate(all, { addGenerationPrompt: false });
  const spans: [number, number][] = [];
  let cursor = 0;
  messages.forEach((m, i) => {
    if (m.role !== "assistant") return;
    const before = tokenizer.applyChatTemplate(all.slice(0, i), { addGenerationPrompt: true });
    const through = tokenizer.applyChatTemplate(all.slice(0, i + 1), { addGenerationPrompt: false });
    let span: [number, number] | null = null;
    if (text.startsWith(before) && text.startsWith(through) && through.length > before.length && before.length >= cursor) {
      span = [before.length, trimTrailingWhitespace(text, before.length, through.length)];
    } else {
      // Templates that render a turn differently once later turns follow (gpt-oss drops
      // earlier analysis) break the prefix property; locate the turn's own text instead.
      span = locateTurn(text, m, Math.max(cursor, text.startsWith(before) ? before.length : cursor));
    }
    if (!span) throw new Error(`chat template output does not contain assistant message ${i}`);
    cursor = span[1];
    if (m.weight !== 0) spans.push(span);
  });
  return { text, spans };
}

function trimTrailingWhitespace(text: string, start: number, end: number): number {
  // "<|im_end|>\n": the newline separates turns; the model must learn to stop, not to newline.
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

const END_OF_TURN = /^(<\|im_end\|>|<\|eot_id\|>|<\|end\|>|<\|return\|>|<\|endoftext\|>|<\/s>|<end_of_turn>)/;

function locateTurn(text: string, m: ChatMessage, from: number): [number, number] | null {
  const reasoningAt = m.reasoning ? text.indexOf(m.reasoning, from) : -1;
  const contentFrom = reasoningAt >= 0 ? reasoningAt + m.reasoning!.length : from;
  const contentAt = text.indexOf(m.content, contentFrom);
  if (contentAt < 0) return null;
  let end = contentAt + m.content.length;
  const endToken = END_OF_TURN.exec(text.slice(end));
  if (endToken) end += endToken[0].length;
  return [reasoningAt >= 0 ? reasoningAt : contentAt, end];
}

export function tokenizeChatExample(tokenizer: ChatTemplateTokenizer, example: ChatExample, maxLen: number): TokenizedExample {
  if (!Number.isInteger(maxLen) || maxLen < 2) throw new RangeError(`maxLen must be an integer ≥ 2, got ${maxLen}`);
  const { text, spans } = assistantSpans(tokenizer, example.messages);
  const inputIds: number[] = [];
  const lossMask: number[] = [];
  const push = (from: number, to: number, loss: 0 | 1) => {
    if (to <= from) return;
    const ids = tokenizer.encodeText(text.slice(from, to));
    for (const id of ids) {
      inputIds.push(id);
      lossMask.push(loss);
    }
  };
  let pos = 0;
  for (const [start, end] of spans) {
    push(pos, start, 0);
    push(start, end, 1);
    pos = end;
  }
  push(pos, text.length, 0);
  // The first token is never a target: nothing precedes it to predict it from.
  if (lossMask.length > 0) lossMask[0] = 0;
  const truncatedTokens = Math.max(0, inputIds.length - maxLen);
  return { inputIds: inputIds.slice(0, maxLen), lossMask: lossMask.slice(0, maxLen), truncatedTokens };
}

export interface TokenizedDataset {
  rows: TokenizedExample[];
  issues: ImportIssue[];
  /** Tokens that carry loss across all rows. */
  lossTokens: number;
}

/**
 * Tokenizes a whole dataset. Examples whose assistant part falls entirely beyond maxLen
 * would train on nothing; they are reported and skipped, never kept as dead weight.
 */
export function tokenizeChatDataset(tokenizer: ChatTemplateTokenizer, examples: ChatExample[], maxLen: number): TokenizedDataset {
  const rows: TokenizedExample[] = [];
  const issues: ImportIssue[] = [];
  let lossTokens = 0;
  examples.forEach((ex, i) => {
    const where = ex.id ? { id: ex.id } : { id: `example ${i + 1}` };
    let row: TokenizedExample;
    try {
      row = tokenizeChatExample(tokenizer, ex, maxLen);
    } catch (err) {
      issues.push({ ...where, reason: (err as Error).message });
      return;
    }
    const trained = row.lossMask.reduce((a, b) => a + b, 0);
    if (trained === 0) {
      issues.push({
        ...where,
        reason: `no assistant tokens within max_seq_length ${maxLen} (the example is ${row.inputIds.length + row.truncatedTokens} tokens)`,
      });
      return;
    }
    lossTokens += trained;
    rows.push(row);
  });
  return { rows, issues, lossTokens };
}
