// OpenAI chat fine-tuning JSONL: {"messages":[{"role","content"},…]} per line.
// Accepts what real exports contain: `developer` as a system role, content as a string
// or an array of text parts, assistant `weight` (0/1), and the reasoning fields other
// tools write (`reasoning_content`, `reasoning`, `thinking`, or a leading <think> block).

import { RowError, type ChatExample, type ChatMessage, type ImportResult } from "./chat-example";
import { importRows, typeOf } from "./rows";

export function importOpenAiChat(text: string): ImportResult {
  return importRows(text, openAiRowToExample);
}

export function openAiRowToExample(row: Record<string, unknown>): ChatExample {
  const raw = row.messages;
  if (raw === undefined) throw new RowError('missing field "messages"');
  if (!Array.isArray(raw)) throw new RowError(`field "messages" must be an array, got ${typeOf(raw)}`);
  const messages = raw.map((m, i) => toMessage(m, i));
  const id = typeof row.id === "string" ? row.id : undefined;
  return id ? { id, messages } : { messages };
}

function toMessage(m: unknown, i: number): ChatMessage {
  if (typeof m !== "object" || m === null || Array.isArray(m)) throw new RowError(`messages[${i}] is not an object`);
  const msg = m as Record<string, unknown>;
  const role = normaliseRole(msg.role, i);
  let content = contentText(msg.content, i);
  let reasoning = reasoningText(msg, i);
  if (role === "assistant" && reasoning === undefined) {
    const split = splitThinkBlock(content);
    content = split.content;
    reasoning = split.reasoning;
  }
  const out: ChatMessage = { role, content };
  if (reasoning !== undefined) {
    if (role !== "assistant") throw new RowError(`messages[${i}]: only assistant messages may carry reasoning`);
    out.reasoning = reasoning;
  }
  if (msg.weight !== undefined && msg.weight !== null) {
    if (role !== "assistant") throw new RowError(`messages[${i}]: "weight" is only allowed on assistant messages`);
    if (msg.weight !== 0 && msg.weight !== 1) throw new RowError(`messages[${i}].weight must be 0 or 1`);
    out.weight = msg.weight;
  }
  return out;
}

function normaliseRole(role: unknown, i: number): ChatMessage["role"] {
  if (role === "system" || role === "developer") return "system";
  if (role === "user" || role === "assistant") return role;
  if (role === undefined) throw new RowError(`messages[${i}] has no "role"`);
  throw new RowError(`messages[${i}] has unsupported role ${JSON.stringify(role)} (system, developer, user, assistant)`);
}

function contentText(content: unknown, i: number): string {
  if (typeof content === "string") return content;
  if (content === null || content === undefined) return "";
  if (Array.isArray(content)) {
    return content
      .map((part, j) => {
        const p = part as Record<string, unknown> | null;
        if (p && p.type === "text" && typeof p.text === "string") return p.text;
        throw new RowError(`messages[${i}].content[${j}] is not a text part (only text is trainable here)`);
      })
      .join("");
  }
  throw new RowError(`messages[${i}].content must be a string or text parts, got ${typeOf(content)}`);
}

function reasoningText(msg: Record<string, unknown>, i: number): string | undefined {
  for (const field of ["reasoning_content", "reasoning", "thinking"]) {
    const v = msg[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw new RowError(`messages[${i}].${field} must be a string, got ${typeOf(v)}`);
    if (v.trim() !== "") return v;
  }
  return undefined;
}

/** DeepSeek-R1-style exports inline the chain of thought as a leading <think>…</think>. */
function splitThinkBlock(content: string): { content: string; reasoning?: string } {
  const m = /^\s*<think>([\s\S]*?)<\/think>\s*/.exec(content);
  if (!m) return { content };
  const reasoning = m[1].trim();
  return reasoning ? { content: content.slice(m[0].length), reasoning } : { content: content.slice(m[0].length) };
}
