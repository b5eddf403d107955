// Undoes the ways a message can hide red-flag words from the rules, on purpose or not:
// invisible and bidi characters, compatibility forms (fullwidth, 𝗯𝗼𝗹𝗱), look-alike letters
// from other scripts, leetspeak ("ch3st p4in"), stretched letters ("paaaain") and spaced
// letters ("c h e s t", "s.u.i.c.i.d.e"). The result comes in two forms: `accented` keeps
// diacritics (language detection, and rules that need them), `folded` drops them
// ("corazón" → "corazon", "ß" → "ss") and is what the rules match.
import { replaceLookAlikes } from "./confusables";

/** Triage reads at most this many characters of one message (the chat limit is 4 000). */
export const MAX_TRIAGE_CHARS = 4_000;

export interface DeobfuscatedText {
  accented: string;
  folded: string;
  /** Folded, with digits inside words kept as typed: in Arabizi they are letters of their own ("ta3ban", "7obob", "5alas"), which leetspeak would misread. */
  chat: string;
}

/** Zero-width, joiner, bidi, soft hyphen, variation selectors, tag characters, fillers. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** Digits and symbols that stand for letters inside a word. 2, 6, 8 and 9 are left alone (rarely letters, often numbers). */
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "€": "e",
};

/** A number with a unit written against it ("5min", "30mg", "3yo", "38c") is not leetspeak. */
const NUMBER_WITH_UNIT =
  /^\d+(?:[.,]\d+)?(?:y|yo|yr|yrs|mo|mos|m|min|mins|h|hr|hrs|d|w|wk|wks|am|pm|mg|mcg|ug|g|kg|lb|lbs|ml|l|cc|c|f|x|st|nd|rd|th|er|e|eme|o|a|k|bpm|mmhg|mmol|cm|mm|km|s|sec|secs|ans|anos|jahre|anni|iu|ui)$/;

const WORD_WITH_SYMBOLS = /[\p{L}\p{N}@$!|€]+/gu;

/** "ch3st" → "chest", "k1ll" → "kill", "$uicide" → "suicide"; pure numbers and "5min" stay. */
export function undoLeetspeak(text: string): string {
  return text.replace(WORD_WITH_SYMBOLS, (word) => {
    if (!/\p{L}/u.test(word) || !/[013457@$!|€]/.test(word) || NUMBER_WITH_UNIT.test(word)) return word;
    // Only Latin words are disguised this way; "15錠", "15알", "١٥حبة" are a number and a word.
    if (/[^\p{Script=Latin}\p{N}@$!|€]/u.test(word)) return word;
    // Trailing "!" is punctuation ("help!!"), not an "i".
    const core = word.replace(/!+$/, "");
    const tail = word.slice(core.length);
    return core.replace(/[013457@$!|€]/g, (c) => LEET[c]) + tail;
  });
}

/** Three or more of the same letter become one ("paaaain" → "pain", "heeelp" → "help"); doubles stay ("bleeding"). */
export function collapseStretchedLetters(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, "$1");
}

/** Runs of three or more single letters joined by one space or dot/dash/underscore/star ("c h e s t", "s.u.i.c.i.d.e"). */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·•]\p{L}(?![\p{L}\p{N}])){2,}/gu;

/**
 * Joins spaced-out letters. A run that spells several words with single spaces between all
 * letters ("i w a n t t o d i e") is split again into words of `lexicon` when it can be.
 */
export function joinSpacedLetters(text: string, lexicon: ReadonlySet<string>): string {
  return text.replace(SPACED_LETTERS, (run) => {
    const joined = run.replace(/[ .\-_*·•]/g, "");
    return segmentWords(joined, lexicon) ?? joined;
  });
}

/** Splits `joined` into lexicon words (fewest words), or undefined when it cannot be fully split. Bounded: runs over 80 letters are left joined. */
export function segmentWords(joined: string, lexicon: ReadonlySet<string>): string | undefined {
  if (lexicon.has(joined) || joined.length > 80) return lexicon.has(joined) ? joined : undefined;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= joined.length; end++) {
    for (let start = Math.max(0, end - 16); start < end; start++) {
      const prefix = best[start];
      const word = joined.slice(start, end);
      if (prefix && lexicon.has(word) && (!best[end] || best[end]!.length > prefix.length + 1)) best[end] = [...prefix, word];
    }
  }
  return best[joined.length]?.join(" ");
}

/** Lower case without diacritics; letters some languages write as two ("ß" → "ss"); Turkish dotless "ı" as "i". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/ı/g, "i");
}

/** Decimal digits of other scripts (Arabic-Indic "١٥", Persian, Devanagari "१५"), which NFKC leaves as they are. */
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g;

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  const zero = code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(code - zero);
}

/** The message made readable for the rules (see the file comment). `lexicon` serves to re-split spaced letters. */
export function deobfuscate(raw: string, lexicon: ReadonlySet<string> = new Set()): DeobfuscatedText {
  // Lone surrogates (invalid UTF-16) become U+FFFD, as String.prototype.toWellFormed does.
  let text = raw.slice(0, MAX_TRIAGE_CHARS).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  text = text.replace(INVISIBLE, "").normalize("NFKC").toLowerCase().replace(OTHER_DIGITS, asciiDigit);
  text = replaceLookAlikes(text);
  const typed = text;
  text = undoLeetspeak(text);
  const readable = (t: string) => joinSpacedLetters(collapseStretchedLetters(t), lexicon).normalize("NFC");
  const accented = readable(text);
  const folded = foldDiacritics(accented);
  return { accented, folded, chat: text === typed ? folded : foldDiacritics(readable(typed)) };
}

/** The form of a de-obfuscated text a language reads (red-flags/types.ts TextForm; folded by default). */
export function textForm(text: DeobfuscatedText, form: "accented" | "folded" | "chat" = "folded"): string {
  return form === "accented" ? text.accented : form === "chat" ? text.chat : text.folded;
}
