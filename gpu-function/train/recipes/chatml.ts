// ChatML rendering with token-exact loss masks for the project's own tokenizer (the
// template in bpe.ts). Special tokens are encoded by id, text segments on their own, so
// mask boundaries fall on token boundaries.
import type { TrainExample } from "../batches";

export interface TextEncoder {
  encode(text: string): number[];
  tokenId(token: string): number | undefined;
}

export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

export function specialId(tok: TextEncoder, token: string): number {
  const id = tok.tokenId(token);
  if (id === undefined) throw new Error(`tokenizer lacks special token ${token}`);
  return id;
}

/**
 * <|im_start|>role\ncontent<|im_end|>\n per turn. Loss on assistant content and its
 * <|im_end|> when `completionOnly`, else on everything; `endOfText` appends <|endoftext|>.
 */
export function chatmlExample(tok: TextEncoder, turns: ChatTurn[], o: { completionOnly: boolean; endOfText?: boolean }): TrainExample {
  const start = specialId(tok, "<|im_start|>");
  const end = specialId(tok, "<|im_end|>");
  const ids: number[] = [];
  const mask: number[] = [];
  const push = (xs: number[], m: number) => {
    for (const x of xs) {
      ids.push(x);
      mask.push(m);
    }
  };
  for (const t of turns) {
    const trained = o.completionOnly ? (t.role === "assistant" ? 1 : 0) : 1;
    push([start, ...tok.encode(`${t.role}\n`)], o.completionOnly ? 0 : 1);
    push(tok.encode(t.content), trained);
    push([end], trained);
    push(tok.encode("\n"), o.completionOnly ? 0 : 1);
  }
  if (o.endOfText) push([specialId(tok, "<|endoftext|>")], 1);
  return { inputIds: ids, lossMask: mask };
}

/** A plain document followed by <|endoftext|>, loss everywhere. */
export function documentExample(tok: TextEncoder, text: string): TrainExample {
  const ids = [...tok.encode(text), specialId(tok, "<|endoftext|>")];
  return { inputIds: ids, lossMask: ids.map(() => 1) };
}
