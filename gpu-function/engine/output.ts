// Turns generated token ids into user-visible text: content vs reasoning (gpt-oss harmony
// channels `<|channel|>analysis<|message|>…<|end|>`, or `<think>…</think>`), special tokens
// removed, multi-byte characters never split, and OpenAI stop sequences applied to content.
import { IncrementalDetokenizer, type ChatTokenizer } from "./tokenizer";

export interface TextDelta {
  content: string;
  reasoning: string;
}

type Mode = "content" | "reasoning" | "header" | "discard";

export class OutputParser {
  private mode: Mode = "content";
  private detok: IncrementalDetokenizer;
  private header = "";
  private readonly ids: Record<"channel" | "message" | "start" | "end" | "thinkOpen" | "thinkClose", number | undefined>;

  constructor(private readonly tok: ChatTokenizer) {
    this.detok = new IncrementalDetokenizer(tok);
    this.ids = {
      channel: tok.tokenId("<|channel|>"),
      message: tok.tokenId("<|message|>"),
      start: tok.tokenId("<|start|>"),
      end: tok.tokenId("<|end|>"),
      thinkOpen: tok.tokenId("<think>"),
      thinkClose: tok.tokenId("</think>"),
    };
  }

  /** Whether the next token is answer text (not reasoning, a channel header or a discarded segment). */
  get inContent(): boolean {
    return this.mode === "content";
  }

  push(id: number): TextDelta {
    const out: TextDelta = { content: "", reasoning: "" };
    const control = this.controlFor(id);
    if (control) {
      this.emit(out, this.detok.flush());
      this.detok = new IncrementalDetokenizer(this.tok);
      this.switchMode(control);
      return out;
    }
    if (this.tok.specialIds.has(id)) return out;
    this.emit(out, this.detok.push(id));
    return out;
  }

  flush(): TextDelta {
    const out: TextDelta = { content: "", reasoning: "" };
    this.emit(out, this.detok.flush());
    return out;
  }

  private controlFor(id: number): keyof OutputParser["ids"] | null {
    for (const key of Object.keys(this.ids) as Array<keyof OutputParser["ids"]>) {
      if (this.ids[key] === id) return key;
    }
    return null;
  }

  private switchMode(control: keyof OutputParser["ids"]): void {
    switch (control) {
      case "channel":
        this.mode = "header";
        this.header = "";
        break;
      case "message":
        // `analysis` carries chain of thought; `final` (and anything else) is the answer.
        this.mode = this.header.trim().startsWith("analysis") ? "reasoning" : "content";
        break;
      case "start":
      case "end":
        this.mode = "discard";
        break;
      case "thinkOpen":
        this.mode = "reasoning";
        break;
      case "thinkClose":
        this.mode = "content";
        break;
    }
  }

  private emit(out: TextDelta, text: string): void {
    if (!text) return;
    if (this.mode === "content") out.content += text;
    else if (this.mode === "reasoning") out.reasoning += text;
    else if (this.mode === "header") this.header += text;
  }
}

/** Holds back text that could be the start of a stop sequence; reports when one completes. */
export class StopMatcher {
  private buffer = "";
  private readonly maxLen: number;

  constructor(private readonly stops: string[]) {
    this.maxLen = Math.max(0, ...stops.map((s) => s.length));
  }

  push(text: string): { emit: string; stopped: boolean } {
    if (this.stops.length === 0) return { emit: text, stopped: false };
    this.buffer += text;
    let first = -1;
    for (const s of this.stops) {
      const at = this.buffer.indexOf(s);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    if (first !== -1) {
      const emit = this.buffer.slice(0, first);
      this.buffer = "";
      return { emit, stopped: true };
    }
    const keep = this.partialSuffixLength();
    const emit = this.buffer.slice(0, this.buffer.length - keep);
    this.buffer = this.buffer.slice(this.buffer.length - keep);
    return { emit, stopped: false };
  }

  flush(): string {
    const rest = this.buffer;
    this.buffer = "";
    return rest;
  }

  /** Longest suffix of the buffer that is a proper prefix of some stop string. */
  private partialSuffixLength(): number {
    const limit = Math.min(this.buffer.length, this.maxLen - 1);
    for (let len = limit; len > 0; len--) {
      const suffix = this.buffer.slice(this.buffer.length - len);
      if (this.stops.some((s) => s.startsWith(suffix))) return len;
    }
    return 0;
  }
}
