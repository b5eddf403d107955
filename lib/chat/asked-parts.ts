// The separate things a message asks ("What is hemochromatosis and how is it treated?" →
// "What is hemochromatosis", "how is it treated?"), so each part can be retrieved and answered.
// A hand-written linear scan over words and punctuation (no regular expression sees the user's
// text): sentences end at ? ! . before a space and at line breaks; inside a sentence a part
// starts where a clause opens with a question word — at the sentence start, after a comma,
// semicolon, colon or dash, or after "and"/"or"/"but"/"also" — and runs to the next part or the
// sentence end. Text before a sentence's first question (a story: "My dad has type 2 diabetes –")
// is context, not a part; a sentence ending in "?" with no question word is one part.

import { isAspectWord, words } from "@/lib/rag/query-terms";

/** Longest message scanned (the pipeline refuses longer ones anyway). */
const MAX_CHARS = 4_000;
/** At most this many parts (more: the first ones). */
export const MAX_ASKED_PARTS = 4;
/** A part needs this many words ("gout treatment?"); a shorter one ("and why?") stays with the one before. */
const MIN_PART_WORDS = 2;

/** Question words that open a question wherever a clause starts. */
const OPENERS = new Set(["what", "whats", "how", "why", "hows"]);
/** Question words that also open relative clauses ("my dad, who has diabetes"): a question only at a sentence start or after "and"/"or". */
const RELATIVE_OPENERS = new Set(["which", "who", "whom", "whose", "when", "where", "whats", "wheres", "whens"]);
/** Verbs that open a yes/no question ("can he still eat fruit", "is it contagious"). */
const AUXILIARIES = new Set(
  (
    "is are was were am do does did can could should would will may might must has have had shall " +
    "isnt arent wasnt doesnt dont didnt cant couldnt shouldnt wouldnt wont hasnt havent"
  ).split(" "),
);
/** Who or what such a question is about, right after the verb: without a "?" only these make it a question. */
const SUBJECTS = new Set(
  "i you he she it we they there this that these those my your his her our their the a an someone anyone people one".split(" "),
);
/** Words that join clauses; skipped at a clause start ("and also, can I…"). */
const JOINERS = new Set(["and", "or", "but", "also", "plus", "so", "then", "too", "additionally", "secondly", "lastly", "finally"]);
/** Joiners after which a relative question word is a question ("and when should I worry"). */
const COORDINATORS = new Set(["and", "or", "but", "also", "plus"]);
const CLAUSE_PUNCTUATION = new Set([",", ";", ":", "–", "—", "-", "(", "/"]);
/** Words after which a question word asks an embedded question ("I was wondering what causes it"). */
const ASKING = new Set([
  "wondering",
  "wonder",
  "wondered",
  "know",
  "knowing",
  "curious",
  "unsure",
  "ask",
  "asking",
  "explain",
  "understand",
]);

interface Token {
  /** Lower-case word (apostrophes removed) or one punctuation character. */
  text: string;
  word: boolean;
  start: number;
  end: number;
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);
const isApostrophe = (c: string) => c === "'" || c === "’";
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\u00a0";
const isEnd = (c: string) => c === "?" || c === "!" || c === ".";
/** Words whose "." is an abbreviation's, not a sentence end. */
const ABBREVIATIONS = new Set(["vs", "dr", "mr", "mrs", "ms", "st", "approx"]);

/** Sentences as token lists, with whether each ends in "?". One pass over the characters. */
function sentencesOf(text: string): Array<{ tokens: Token[]; question: boolean }> {
  const sentences: Array<{ tokens: Token[]; question: boolean }> = [];
  let tokens: Token[] = [];
  const close = (question: boolean) => {
    if (tokens.length > 0) sentences.push({ tokens, question });
    tokens = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      close(false);
      i++;
    } else if (isSpace(c)) i++;
    else if (isWordChar(c)) {
      const start = i;
      let word = "";
      while (i < text.length && (isWordChar(text[i]!) || (isApostrophe(text[i]!) && i + 1 < text.length && isWordChar(text[i + 1]!)))) {
        if (!isApostrophe(text[i]!)) word += text[i]!.toLowerCase();
        i++;
      }
      tokens.push({ text: word, word: true, start, end: i });
    } else {
      const start = i;
      i++;
      if (isEnd(c)) {
        // "??", "?!", "..." end one sentence; a "." inside "2.5" or "e.g" does not (no space after it).
        let asks = c === "?";
        for (; i < text.length && isEnd(text[i]!); i++) if (text[i] === "?") asks = true;
        // "ibuprofen vs. paracetamol", "Dr. Smith": an abbreviation's "." ends no sentence.
        const abbreviation = c === "." && i - start === 1 && tokens.at(-1)?.end === start && ABBREVIATIONS.has(tokens.at(-1)!.text);
        if (!abbreviation && (i >= text.length || isSpace(text[i]!) || text[i] === "\n")) close(asks);
      } else tokens.push({ text: c, word: false, start: i - 1, end: i });
    }
  }
  close(false);
  return sentences;
}

/** Index of the first word of a clause starting at `i` (joiners skipped), and the joiner just before it, if any. */
function clauseHead(tokens: Token[], i: number): { head: number; joiner: string | undefined } {
  let joiner: string | undefined;
  while (i < tokens.length && ((tokens[i]!.word && JOINERS.has(tokens[i]!.text)) || (!tokens[i]!.word && tokens[i]!.text === ","))) {
    if (tokens[i]!.word && COORDINATORS.has(tokens[i]!.text)) joiner = tokens[i]!.text;
    i++;
  }
  return { head: i, joiner };
}

/** Whether the words at `head` open a question, given how the clause was reached. */
function opensQuestion(tokens: Token[], head: number, sentenceStart: boolean, joiner: string | undefined, question: boolean): boolean {
  const w = tokens[head];
  if (!w?.word) return false;
  if (OPENERS.has(w.text)) return true;
  if (RELATIVE_OPENERS.has(w.text)) return sentenceStart || joiner !== undefined;
  if (AUXILIARIES.has(w.text)) {
    // "can he…", "is it…"; mid-sentence only with such a subject ("salt and do exercise" is not a question).
    const next = tokens[head + 1];
    if (!next?.word || next.text === "not") return false;
    return SUBJECTS.has(next.text) || (sentenceStart && question);
  }
  return false;
}

/** One asked part: its text, as a span [start, end) of the message. */
export interface AskedPart {
  text: string;
  start: number;
  end: number;
  /** One side of a comparison ("a cold" of "the difference between a cold and the flu"): answered from its page's lead, searched without the other side. */
  compared?: boolean;
}

// Comparisons ("What's the difference between a cold and the flu?", "ibuprofen vs paracetamol",
// "is this a cold or the flu?", "compare asthma with COPD", "how is X different from Y"): one
// sentence that asks about two things, each answered from its own page. Each side is a short
// noun phrase (at most MAX_SIDE_WORDS words, up to punctuation or a word that ends it).

/** Longest side of a comparison; a longer one is a clause, not a thing compared. */
const MAX_SIDE_WORDS = 5;
/** Words that open a comparison's first side ("between X and Y", "compare X with Y"). */
const COMPARE_OPENERS = new Set(["between", "compare", "comparing"]);
/** Words between the two sides. */
const SIDE_JOINERS = new Set(["and", "with", "to", "vs", "versus", "or", "from"]);
/** Words that end a side ("X and Y in children", "X or Y that…"). */
const SIDE_ENDERS = new Set(
  "in for when if which that who is are was were do does did can could should would will how what why because so but and or with to vs versus from than while during after before at on of about since better worse safer stronger more less same different".split(
    " ",
  ),
);
/** Verbs after which "X or Y" is asked ("is this X or Y", "could it be X or Y", "do i have X or Y"). */
const OR_QUESTION = new Set([
  "is",
  "are",
  "was",
  "could",
  "can",
  "might",
  "may",
  "should",
  "do",
  "does",
  "have",
  "has",
  "be",
  "its",
  "thats",
  "whats",
  "which",
]);
/** Who such a question is about, skipped before the first side ("is THIS a cold", "do I have…"). */
const OR_LEAD_WORDS = new Set([
  "it",
  "this",
  "that",
  "i",
  "he",
  "she",
  "we",
  "they",
  "you",
  "my",
  "his",
  "her",
  "be",
  "have",
  "has",
  "got",
  "take",
  "use",
  "try",
]);

/** The side of a comparison from token `i` on: its last token index (inclusive), or -1 when none fits. */
function sideFrom(tokens: Token[], i: number): number {
  let last = -1;
  for (let j = i; j < tokens.length && j < i + MAX_SIDE_WORDS; j++) {
    const t = tokens[j]!;
    if (!t.word || (j > i && SIDE_ENDERS.has(t.text))) break;
    last = j;
  }
  return last;
}

/** The first side, ending right before token `end` (exclusive): its first token index, or -1. */
function sideBefore(tokens: Token[], end: number): number {
  let first = -1;
  for (let j = end - 1; j >= 0 && j >= end - MAX_SIDE_WORDS; j--) {
    const t = tokens[j]!;
    if (!t.word || SIDE_ENDERS.has(t.text) || COMPARE_OPENERS.has(t.text) || t.text === "difference" || t.text === "differences") break;
    first = j;
  }
  return first;
}

/** Both sides of a comparison in a sentence, as token ranges [first, last], or null. Linear in the sentence. */
function comparedSides(tokens: Token[], question: boolean): [[number, number], [number, number]] | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    let sides: [[number, number], [number, number]] | null = null;
    if (t.text === "different") {
      // "how is X different from Y" (X before the verb).
      const first = sideBefore(tokens, i - (tokens[i - 1]?.text === "so" ? 1 : 0));
      if (first >= 0 && tokens[i + 1]?.text === "from") sides = pair(first, i - 1, i + 2);
    } else if (COMPARE_OPENERS.has(t.text)) {
      // "between X and Y", "compare X with Y".
      const xLast = sideFrom(tokens, i + 1);
      if (xLast >= 0 && SIDE_JOINERS.has(tokens[xLast + 1]?.text ?? "")) sides = pair(i + 1, xLast, xLast + 2);
    } else if (t.text === "vs" || t.text === "versus") {
      const first = sideBefore(tokens, i);
      if (first >= 0) sides = pair(first, i - 1, i + 1);
    } else if (t.text === "same" && tokens[i + 1]?.text === "as") {
      // "Is Crohn's the same as IBS?"
      const end = tokens[i - 1]?.text === "the" ? i - 1 : i;
      const first = sideBefore(tokens, end);
      if (first >= 0) sides = pair(first, end - 1, i + 2);
    } else if (t.text === "or" && (question || OR_QUESTION.has(tokens[0]!.text))) {
      // "is this a cold or the flu?", "what's better for back pain, heat or ice?": a question
      // that opens with such a verb, its first side starting right after the verb and its
      // subject ("this" is not part of it) or after a comma ("is it bad to drink coffee or tea…"
      // compares nothing); or one that is only the two sides ("migraine or tension headache?").
      let head = OR_QUESTION.has(tokens[0]!.text) ? 1 : 0;
      while (head < i && OR_LEAD_WORDS.has(tokens[head]!.text)) head++;
      const before = sideBefore(tokens, i);
      const first = before < 0 ? -1 : Math.max(before, Math.min(head, i - 1));
      const afterComma = first > 0 && tokens[first - 1]!.text === ",";
      const onlySides = first === 0 && sideFrom(tokens, i + 1) === tokens.length - 1;
      if (first >= 0 && first < i && ((head > 0 && (first === head || afterComma)) || onlySides)) sides = pair(first, i - 1, i + 1);
    }
    if (sides) return sides;
  }
  return null;

  function pair(xFirst: number, xLast: number, yFirst: number): [[number, number], [number, number]] | null {
    const yLast = sideFrom(tokens, yFirst);
    if (yLast < 0 || xLast < xFirst) return null;
    const x = tokens.slice(xFirst, xLast + 1).map((w) => w.text);
    const y = tokens.slice(yFirst, yLast + 1).map((w) => w.text);
    // "type 1 and type 2 diabetes": two kinds of one thing named once; the message as a whole asks it.
    if (y.length > x.length && x[0] === y[0]) return null;
    if (x.join(" ") === y.join(" ") || x.includes("not") || y[0] === "not") return null;
    // Each side names a thing ("is it contagious or not?", "…or should I worry?" do not).
    if (SIDE_ENDERS.has(y[0]!) || AUXILIARIES.has(y[0]!) || !namesOwnTopic(x.join(" ")) || !namesOwnTopic(y.join(" "))) return null;
    return [
      [xFirst, xLast],
      [yFirst, yLast],
    ];
  }
}

/**
 * The parts a message asks, in order, as spans of the original text; [] when it asks one thing
 * (or nothing). Bounded: one pass over at most MAX_CHARS characters.
 */
export function askedParts(message: string): AskedPart[] {
  const text = message.length > MAX_CHARS ? message.slice(0, MAX_CHARS) : message;
  const spans: Array<{ start: number; end: number; words: number; compared?: boolean }> = [];
  for (const { tokens, question } of sentencesOf(text)) {
    const starts: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const atStart = i === 0;
      const afterPunctuation = i > 0 && !tokens[i - 1]!.word && CLAUSE_PUNCTUATION.has(tokens[i - 1]!.text);
      const afterJoiner = tokens[i]!.word && JOINERS.has(tokens[i]!.text);
      const afterAsking = i > 0 && tokens[i - 1]!.word && ASKING.has(tokens[i - 1]!.text) && OPENERS.has(tokens[i]!.text);
      if (!atStart && !afterPunctuation && !afterJoiner && !afterAsking) continue;
      const { head, joiner } = clauseHead(tokens, i);
      if (opensQuestion(tokens, head, atStart, joiner, question) && starts.at(-1) !== head) starts.push(head);
      i = Math.max(i, head - 1);
    }
    const compared = comparedSides(tokens, question);
    if (compared) {
      // A comparison is its two sides; the sentence's other questions are asked around it.
      for (const [first, last] of compared)
        spans.push({ start: tokens[first]!.start, end: tokens[last]!.end, words: last - first + 1, compared: true });
      continue;
    }
    // A question without a question word ("Hemochromatosis treatment?") is one part.
    if (starts.length === 0 && question) starts.push(0);
    starts.forEach((head, k) => {
      // A part ends before the joiners and punctuation that open the next one.
      let last = (k + 1 < starts.length ? starts[k + 1]! : tokens.length) - 1;
      while (last > head && (!tokens[last]!.word || JOINERS.has(tokens[last]!.text))) last--;
      const words = tokens.slice(head, last + 1).filter((t) => t.word).length;
      const end = k + 1 === starts.length && question ? sentenceEnd(text, tokens[last]!.end) : tokens[last]!.end;
      const previous = spans.at(-1);
      // Too short to stand alone ("and why?"): it stays with the part before it in the same sentence.
      if (words < MIN_PART_WORDS && previous && k > 0) {
        previous.end = end;
        previous.words += words;
      } else spans.push({ start: tokens[head]!.start, end, words });
    });
  }
  const parts: AskedPart[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    if (s.words < MIN_PART_WORDS && !s.compared) continue;
    const part = text.slice(s.start, s.end);
    const key = words(part).join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push({ text: part, start: s.start, end: s.end, ...(s.compared ? { compared: true } : {}) });
  }
  return parts.length >= 2 ? parts.slice(0, MAX_ASKED_PARTS) : [];
}

/** The sentence's closing "?" (and "!"/"." runs) after `end`, so the last part keeps its question mark. */
function sentenceEnd(text: string, end: number): number {
  let i = end;
  while (i < text.length && (isEnd(text[i]!) || text[i] === ")")) i++;
  return i;
}

/**
 * What part `i` may borrow its topic from when it is searched on its own ("how is it treated?"
 * needs "hemochromatosis"): the message without the parts asked after it (a part does not point
 * forward: "what are the symptoms of low blood sugar" must not search for the next part's
 * "fruit"; a side of a comparison none of the other side's) and without aspect words ("treated", "symptoms": what a part asks, not what the
 * message is about), as plain words.
 */
export function partContext(message: string, parts: readonly AskedPart[], i: number): string {
  let kept = "";
  let from = 0;
  // One side of a comparison is searched without the other ("a cold" must not find the flu page).
  const left = parts.filter((p, j) => j > i || (j !== i && parts[i]!.compared && p.compared)).sort((a, b) => a.start - b.start);
  for (const p of left) {
    kept += `${message.slice(from, p.start)} `;
    from = p.end;
  }
  kept += message.slice(from);
  return words(kept)
    .filter((w) => !isAspectWord(w))
    .join(" ");
}

/**
 * Whether a question asks what something is ("What is gout?", "what's a migraine", "What are
 * statins?"): "what" + is/are/was, or "what's", and no aspect word after it ("What are the
 * symptoms of gout?" asks for symptoms). Such a question is answered from the page's lead first.
 */
export function asksWhatItIs(question: string): boolean {
  const ws = words(question.length > MAX_CHARS ? question.slice(0, MAX_CHARS) : question);
  const at = ws.findIndex((w) => w === "what" || w === "whats");
  if (at < 0) return false;
  const rest = ws[at] === "whats" ? ws.slice(at + 1) : ["is", "are", "was"].includes(ws[at + 1] ?? "") ? ws.slice(at + 2) : null;
  return rest !== null && rest.length > 0 && !rest.some(isAspectWord);
}

/** Words that say nothing about what a part is about ("what can we do?", "how long will it take?" lean on the message for their topic). */
const CONTEXT_WORDS = new Set(
  (
    "what whats how hows why when where which who whom whose is are was were be been being am do does did done doing can could " +
    "should would will may might must has have had shall i me my we us our you your he him his she her it its they them their " +
    "this that these those there here a an the of to for in on at with about from by as and or but so if any anything something " +
    "else more much many still also really get got go going take make let just now then too very thing things way ways " +
    "long last lasts worry worried bad normal okay contagious infectious catching spread spreads"
  ).split(" "),
);

/** Whether a part names something of its own besides question words and aspect words ("how is it treated?" does not). */
export function namesOwnTopic(part: string): boolean {
  return words(part.length > MAX_CHARS ? part.slice(0, MAX_CHARS) : part).some(
    (w) => w.length >= 3 && !CONTEXT_WORDS.has(w) && !isAspectWord(w),
  );
}
