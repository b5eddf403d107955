// Quote units: the pieces of a source that quote mode may copy, how quoted pieces are
// joined into an answer, and how an answer is checked against its sources.
// Isomorphic (no Node imports): the engine (decoding constraint), the app (pipeline,
// evaluation) and the trainer (quote-mode training targets) all use these same rules.
//
// The unit is the SENTENCE, not the clause: a clause cut out of its sentence can lose a
// negation or a condition ("Although X, it does not…"). A list stays with the sentence
// that introduces it ("…the common ones are:" + its "- item" lines) so a quoted list
// never loses its meaning; a list without an introduction is one unit too.

export interface QuoteUnit {
  /** Verbatim text of the unit: `source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/** Longest unit in characters (a longer "sentence" is usually a table or a run-on list). */
export const MAX_UNIT_CHARS = 1_200;
const MIN_WORDS = 4;

const BULLET = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S/;
const HEADING = /^[ \t]*#{1,6}[ \t]/;
const ABBREVIATIONS = new Set([
  "dr",
  "mr",
  "mrs",
  "ms",
  "st",
  "vs",
  "no",
  "fig",
  "al",
  "approx",
  "dept",
  "jr",
  "sr",
  "prof",
  "inc",
  "ltd",
  "co",
]);

interface Line {
  start: number;
  end: number;
  kind: "blank" | "bullet" | "heading" | "prose";
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const body = text.slice(start, end);
    const kind = body.trim() === "" ? "blank" : BULLET.test(body) ? "bullet" : HEADING.test(body) ? "heading" : "prose";
    lines.push({ start, end, kind });
    start = end + 1;
  }
  return lines;
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isDigit = (c: string) => c >= "0" && c <= "9";

/** True when the period at `dot` ends an abbreviation or an initial ("Dr.", "e.g.", "J."), not a sentence. */
function endsAbbreviation(text: string, dot: number, lineStart: number): boolean {
  let w = dot;
  while (w > lineStart && /[A-Za-z.]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  if (word.includes(".")) return true; // e.g. / i.e. / U.S.
  if (word.length === 1 && isUpper(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentence spans inside one prose line: a sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital, digit or opening mark. */
function sentencesOfLine(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  for (let i = s; i < end; i++) {
    const c = text[i]!;
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < end && /[)"'”’\]]/.test(text[j]!)) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) break;
    const next = text[k]!;
    if (!(isUpper(next) || isDigit(next) || /["'“‘(\[]/.test(next))) continue;
    if (c === "." && endsAbbreviation(text, i, start)) continue;
    out.push({ start: s, end: j });
    s = k;
    i = k - 1;
  }
  let e = end;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
  return out;
}

const wordCount = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Whether a prose sentence is worth quoting on its own: a complete statement, not a heading, question or fragment. */
function quotableSentence(t: string): boolean {
  if (t.length > MAX_UNIT_CHARS || wordCount(t) < MIN_WORDS) return false;
  const first = t[0]!;
  if (first !== first.toUpperCase() || !/[\p{L}\p{N}"'“(]/u.test(first)) return false; // a fragment (e.g. cut by chunk overlap)
  return /[.!]["'”’)\]]*$/.test(t);
}

/** Citation-like text inside a source ("[2]") would let a quote carry a marker the engine did not add. */
const hasBracketNumber = (t: string) => /\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]/.test(t);

/**
 * The quotable units of a source, in order: prose sentences, and lists (with their
 * introducing sentence when it ends with ":"). Headings, questions, fragments and very
 * short pieces are left out. Every unit is a verbatim slice of `text`.
 */
export function quoteUnits(text: string): QuoteUnit[] {
  const units: QuoteUnit[] = [];
  const push = (start: number, end: number) => {
    const t = text.slice(start, end);
    if (!hasBracketNumber(t)) units.push({ text: t, start, end });
  };
  const pushProse = (start: number, end: number) => {
    if (quotableSentence(text.slice(start, end))) push(start, end);
  };
  const lines = linesOf(text);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.kind === "blank" || line.kind === "heading") continue;
    if (line.kind === "bullet") {
      li = takeList(lines, li, -1, text, push, pushProse) - 1;
      continue;
    }
    const sentences = sentencesOfLine(text, line.start, line.end);
    sentences.forEach((s, i) => {
      const t = text.slice(s.start, s.end);
      const last = i === sentences.length - 1;
      if (last && t.endsWith(":") && lines[li + 1]?.kind === "bullet") {
        li = takeList(lines, li + 1, s.start, text, push, pushProse) - 1;
        return;
      }
      if (quotableSentence(t)) push(s.start, s.end);
    });
  }
  return units;
}

/**
 * Consumes consecutive bullet lines from `from` as units of at most MAX_UNIT_CHARS (the first with its
 * introduction at `introStart`); returns the next line index. The last item's line ends the list at its
 * first sentence when more sentences follow on it: a page whose list lost the line break before the
 * paragraph after it ("- People with weak immune systems Valley Fever is often mild… Most people get
 * better within several weeks or months.") has that paragraph's sentences as units of their own
 * (`pushProse`), not inside the list.
 */
function takeList(
  lines: Line[],
  from: number,
  introStart: number,
  text: string,
  push: (s: number, e: number) => void,
  pushProse: (s: number, e: number) => void,
): number {
  let li = from;
  let start = introStart >= 0 ? introStart : lines[li]!.start;
  let end = -1;
  let after: Array<{ start: number; end: number }> = [];
  while (li < lines.length && lines[li]!.kind === "bullet") {
    const line = lines[li]!;
    let lineEnd = line.end;
    while (lineEnd > line.start && /\s/.test(text[lineEnd - 1]!)) lineEnd--;
    if (lines[li + 1]?.kind !== "bullet") {
      const sentences = sentencesOfLine(text, line.start, lineEnd);
      if (sentences.length > 1) {
        lineEnd = sentences[0]!.end;
        after = sentences.slice(1);
      }
    }
    if (end !== -1 && lineEnd - start > MAX_UNIT_CHARS) {
      push(start, end);
      start = line.start;
    }
    end = lineEnd;
    li++;
  }
  // A single item longer than the limit is no unit at all.
  if (end !== -1 && end - start <= MAX_UNIT_CHARS) push(start, end);
  for (const s of after) pushProse(s.start, s.end);
  return li;
}

/** The instruction quote mode's prompt gives (lib/chat/prompt.ts; the default adapter is trained on it). */
export const QUOTE_RULE =
  "Numbered sources from the knowledge base follow the question. Answer by quoting the sentences of the sources that answer it, most relevant first; each quote ends with its source number [n].";

/** The marker the engine appends after a unit quoted from source n (1-based). */
export const quoteMarker = (n: number) => ` [${n}]`;

/** Whether a unit opens with a list item (a list quoted without an introducing sentence). */
export const startsWithListItem = (unit: string) => BULLET.test(unit);

/** Whether a unit is a list (with or without its introduction; also a single "- item" line). */
export const isListUnit = (unit: string) => unit.includes("\n") || startsWithListItem(unit);

/**
 * What goes between the marker of one unit and the next unit, by the kinds of both: a list
 * (with the sentence that introduces it, if any) is a paragraph of its own, so it ends the
 * paragraph before it and the one it is in; sentences that follow each other share one.
 * (Joined with " ", a list's first item rendered inside the paragraph before it.)
 */
export const separatorBetween = (previousUnit: string, nextUnit: string) =>
  isListUnit(previousUnit) || isListUnit(nextUnit) ? "\n\n" : " ";

/** The answer quote mode writes for these quotes, exactly as the engine emits it. */
export function formatQuotedAnswer(quotes: Array<{ text: string; source: number }>): string {
  let out = "";
  quotes.forEach((q, i) => {
    if (i > 0) out += separatorBetween(quotes[i - 1]!.text, q.text);
    out += q.text + quoteMarker(q.source);
  });
  return out;
}

/**
 * Clips a source to its units that end within `maxChars` (at least the first unit), so what a
 * prompt shows ends at a unit boundary. The unit that crosses the limit is kept too when it
 * starts within it and ends within `maxChars + graceChars` (a symptom list after its lead
 * sentence is the answer; cutting it would leave the lead alone).
 */
export function clipToUnits(text: string, maxChars: number, graceChars = 0): string {
  if (text.length <= maxChars) return text;
  let end = 0;
  for (const u of quoteUnits(text)) {
    if (u.end <= maxChars) {
      end = u.end;
      continue;
    }
    if (end === 0 || (u.start < maxChars && u.end <= maxChars + graceChars)) end = u.end;
    break;
  }
  return end > 0 ? text.slice(0, end) : text.slice(0, maxChars);
}

/** What stands between the two pieces of a source clipped around a unit (as between two passages of one page). */
export const CLIP_GAP = "\n…\n";

/**
 * `clipToUnits`, but the unit at `keep` (an index into `quoteUnits(text)`) is always shown: when
 * the clip would cut it off, the text shows the source's opening (shortened) and, after
 * `CLIP_GAP`, that unit and the ones following it that fit in `maxChars` — the sentence that
 * answers the question, with its context, still verbatim from the source.
 */
export function clipAroundUnit(text: string, maxChars: number, graceChars: number, keep: number): string {
  const clipped = clipToUnits(text, maxChars, graceChars);
  const units = quoteUnits(text);
  const kept = units[keep];
  if (!kept || kept.end <= clipped.length) return clipped;
  let end = kept.end;
  for (const u of units.slice(keep + 1)) {
    if (u.end - kept.start > maxChars / 2) break;
    end = u.end;
  }
  const opening = clipToUnits(text, Math.max(0, maxChars - (end - kept.start)));
  // The opening is at least the first unit; when that already reaches the kept unit, show the source up to it.
  if (opening.length >= kept.start) return text.slice(0, end);
  return `${opening}${CLIP_GAP}${text.slice(kept.start, end)}`;
}

// ---- checking an answer against its sources ----

export interface CitedSentence {
  text: string;
  /** Source numbers the sentence cites (the marker that closes its segment); empty = uncited. */
  cites: number[];
  /** A verbatim span (whitespace runs compared as one space) of one of the cited sources. */
  verbatim: boolean;
}

/** Citation markers in an answer: [n] or [n, m]. Linear scan, no backtracking. */
export function citationMarkers(text: string): Array<{ start: number; end: number; numbers: number[] }> {
  const out: Array<{ start: number; end: number; numbers: number[] }> = [];
  for (let i = text.indexOf("["); i !== -1; i = text.indexOf("[", i + 1)) {
    let j = i + 1;
    const numbers: number[] = [];
    let ok = false;
    while (j < text.length) {
      let k = j;
      while (k < text.length && text[k] === " ") k++;
      let d = k;
      while (d < text.length && isDigit(text[d]!) && d - k < 3) d++;
      if (d === k) break;
      numbers.push(Number(text.slice(k, d)));
      j = d;
      while (j < text.length && text[j] === " ") j++;
      if (text[j] === "]") {
        ok = true;
        j++;
        break;
      }
      if (text[j] !== ",") break;
      j++;
    }
    if (ok) out.push({ start: i, end: j, numbers });
  }
  return out;
}

const squash = (t: string) => t.replace(/\s+/g, " ").trim();

/** Splits an answer into sentences, each with the sources its citation names, and checks each is a verbatim span of one of them. */
export function citedSentences(answer: string, sources: string[]): CitedSentence[] {
  const squashed = sources.map(squash);
  const out: CitedSentence[] = [];
  let from = 0;
  const segment = (start: number, end: number, cites: number[]) => {
    for (const s of sentencesOfLine(answer.replace(/\n/g, " "), start, end)) {
      const t = squash(answer.slice(s.start, s.end));
      if (!/[\p{L}\p{N}]/u.test(t)) continue;
      const verbatim = cites.some((n) => squashed[n - 1]?.includes(t) ?? false);
      out.push({ text: t, cites, verbatim });
    }
  };
  for (const m of citationMarkers(answer)) {
    segment(from, m.start, m.numbers);
    from = m.end;
  }
  segment(from, answer.length, []);
  return out;
}
