// Turns pipeline events into the AI SDK UIMessage parts that are stored for the
// assistant message, in the same order the client builds them from the stream.
import { sourcePart } from "./source-parts";
import type { ChatEvent } from "./types";
import type { MedChatUIMessage } from "./ui-types";

export type AnswerPart = MedChatUIMessage["parts"][number];

export class AnswerRecorder {
  private readonly parts: AnswerPart[] = [];
  text = "";
  reasoning = "";

  record(event: ChatEvent): void {
    switch (event.type) {
      case "emergency":
        this.parts.push({ type: "data-emergency", data: event.notice });
        break;
      case "sources":
        for (const s of event.sources) this.parts.push(sourcePart(s));
        break;
      case "reasoning-delta":
        this.reasoning += event.text;
        break;
      case "text-delta":
        this.text += event.text;
        break;
      case "error":
        this.flushModelOutput();
        this.parts.push({ type: "data-error", data: { code: event.code, message: event.message } });
        break;
      case "disclaimer":
        this.flushModelOutput();
        this.parts.push({ type: "data-disclaimer", data: { text: event.text } });
        break;
      default:
        break;
    }
  }

  private flushed = false;

  /** Reasoning then text, once, before the first server-added trailing part. */
  private flushModelOutput(): void {
    if (this.flushed) return;
    this.flushed = true;
    if (this.reasoning) this.parts.push({ type: "reasoning", text: this.reasoning, state: "done" });
    if (this.text) this.parts.push({ type: "text", text: this.text, state: "done" });
  }

  /** The parts so far, for a checkpoint of an answer still streaming (nothing is flushed). */
  partsSoFar(): AnswerPart[] {
    if (this.flushed) return [...this.parts];
    const output: AnswerPart[] = [];
    if (this.reasoning) output.push({ type: "reasoning", text: this.reasoning, state: "streaming" });
    if (this.text) output.push({ type: "text", text: this.text, state: "streaming" });
    return [...this.parts, ...output];
  }

  finalParts(): AnswerPart[] {
    this.flushModelOutput();
    return [...this.parts];
  }
}
