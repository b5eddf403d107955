// Server-side citation check for streamed answers: a marker [n] (or [n, m]) naming no
// source the answer was given is removed, so the reader never sees a citation that points
// nowhere. Streaming-safe: a possible marker split across deltas is held back until it
// is complete (at most a few characters).
import { citationMarkers } from "@/gpu-function/shared/quote-units";

/** Longest text that may still become a marker: "[" + up to four numbers with separators. */
const MAX_PENDING = 24;

export class CitationFilter {
  private pending = "";

  /** `sourceCount` = the sources the model was given (numbered 1..sourceCount). */
  constructor(private readonly sourceCount: number) {}

  push(delta: string): string {
    const text = this.pending + delta;
    const open = text.lastIndexOf("[");
    let cut = text.length;
    if (open !== -1 && text.length - open <= MAX_PENDING && /^\[[\d, ]*$/.test(text.slice(open)))
      cut = open > 0 && text[open - 1] === " " ? open - 1 : open;
    this.pending = text.slice(cut);
    return this.clean(text.slice(0, cut));
  }

  flush(): string {
    const rest = this.clean(this.pending);
    this.pending = "";
    return rest;
  }

  private clean(text: string): string {
    let out = "";
    let from = 0;
    for (const m of citationMarkers(text)) {
      const valid = m.numbers.filter((n) => n >= 1 && n <= this.sourceCount);
      if (valid.length === m.numbers.length) continue;
      // Drop the marker (and the space before it); keep the numbers that do name a source.
      let start = m.start;
      if (valid.length === 0 && start > from && text[start - 1] === " ") start--;
      out += text.slice(from, start) + (valid.length > 0 ? `[${valid.join(", ")}]` : "");
      from = m.end;
    }
    return out + text.slice(from);
  }
}

/** Removes markers naming no source from a whole text. */
export function checkCitations(text: string, sourceCount: number): string {
  const f = new CitationFilter(sourceCount);
  return f.push(text) + f.flush();
}

/**
 * The source numbers an answer cites, in order of first citation. The chat lists only these
 * under the answer: a retrieved passage the answer does not use (an "Acne" page under a
 * heart-attack answer) would read as a source of what it says.
 */
export function citedSourceNumbers(text: string, sourceCount: number): number[] {
  const seen = new Set<number>();
  for (const m of citationMarkers(text)) for (const n of m.numbers) if (n >= 1 && n <= sourceCount) seen.add(n);
  return [...seen];
}
