// Which language to write the emergency notice in. The rules that fired are the best
// evidence (a Spanish rule fires on Spanish words); otherwise the text's language as
// `franc-min` guesses it among the languages the notice exists in; otherwise the locale's.
import { franc } from "franc-min";
import { OTHER_LANGUAGE_WORDS } from "./red-flags/en/other-languages";
import { TRIAGE_LANGUAGES, type LanguageRules, type TriageLanguage } from "./red-flags/types";

const ISO_639_3: Record<string, TriageLanguage> = {
  eng: "en",
  spa: "es",
  fra: "fr",
  deu: "de",
  por: "pt",
  ita: "it",
  nld: "nl",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  arb: "ar",
  hin: "hi",
  rus: "ru",
  ukr: "uk",
  pol: "pl",
  tur: "tr",
  vie: "vi",
  ind: "id",
  swe: "sv",
  tha: "th",
  tgl: "tl",
  swh: "sw",
  ell: "el",
  ron: "ro",
  ces: "cs",
  pes: "fa",
  urd: "ur",
  ben: "bn",
  hun: "hu",
  amh: "am",
  hau: "ha",
  pan: "pa",
  tam: "ta",
  yor: "yo",
};

function isTriageLanguage(value: string): value is TriageLanguage {
  return (TRIAGE_LANGUAGES as readonly string[]).includes(value);
}

/** Hebrew letters: franc-min has no Hebrew, and no other triage language writes them. */
const HEBREW_LETTER = /\p{Script=Hebrew}/gu;

/** The language of `text` among those triage supports, or undefined when too short or unclear. */
export function guessLanguage(text: string): TriageLanguage | undefined {
  const sample = text.slice(0, 1_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && (sample.match(HEBREW_LETTER)?.length ?? 0) * 2 > letters) return "he";
  const code = franc(text.slice(0, 1_000), { only: Object.keys(ISO_639_3), minLength: 8 });
  return ISO_639_3[code];
}

/** The notice language: most matches' language (ties broken by the text's guessed language), else the guess, else the locale's language, else English. */
export function noticeLanguage(matchLanguages: TriageLanguage[], text: string, locale: string): TriageLanguage {
  const guess = guessLanguage(text);
  const counts = new Map<TriageLanguage, number>();
  for (const language of matchLanguages) counts.set(language, (counts.get(language) ?? 0) + 1);
  if (counts.size > 0) {
    const top = Math.max(...counts.values());
    const leaders = [...counts].filter(([, n]) => n === top).map(([language]) => language);
    if (guess && leaders.includes(guess)) return guess;
    return leaders[0];
  }
  return guess ?? localeLanguageOf(locale) ?? "en";
}

/** The triage language of a locale ("es-MX" → es), if triage reads it. */
function localeLanguageOf(locale: string): TriageLanguage | undefined {
  const language = locale.split("-")[0].toLowerCase();
  return isTriageLanguage(language) ? language : undefined;
}

/** Below this many words a message's language is not guessed against its locale's. */
const SHORT_MESSAGE_WORDS = 6;

/** The language of a message with no emergency in it: the only language whose rules read it, else its guessed language among those, else the locale's, else English. */
export function messageLanguage(text: string, readers: ReadonlySet<TriageLanguage>, locale: string): TriageLanguage {
  if (readers.size === 1) return [...readers][0];
  // A guess from a few words is noise ("gout treatment" → French, "Is eczema contagious?" →
  // Portuguese): a short message in Latin letters keeps the locale's language when that language reads it.
  const localeLanguage = localeLanguageOf(locale);
  const latinOnly = !/[^\p{Script=Latin}\P{L}]/u.test(text);
  if (latinOnly && localeLanguage && readers.has(localeLanguage) && text.trim().split(/\s+/).length < SHORT_MESSAGE_WORDS)
    return localeLanguage;
  // The guess (read once), whether or not its language's rules read the message, else the locale's.
  return guessLanguage(text) ?? localeLanguage ?? "en";
}

function countMatches(pattern: RegExp, text: string): number {
  return text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"))?.length ?? 0;
}

/** Everyday English words: a turn with none of them is not judged as English-only. */
const ENGLISH_WORDS =
  /\b(?:i|im|ive|my|the|an|is|are|you|to|of|and|in|on|it|for|with|was|have|has|what|how|can|he|she|his|her|this|that|just|not|took|want|been)\b/;

/**
 * The languages whose rules read a turn. English unless the turn is clearly in another
 * language (English words turn up in every language's messages). Of the others, the one(s)
 * with the most marker words in the turn (all of a tie: a missed emergency is the worse
 * error), and any whose own letters appear ("ł", "ı": short words are shared between
 * languages, these letters are not); all of them when the turn has neither marker words
 * nor English words ("quero morrer"). Only languages that read a turn apply their framing
 * ("what should I do if someone…") to it, so reading a turn in too many languages makes
 * false alarms: one language's rules miss the other's framing.
 */
export function languagesOfTurn(packs: LanguageRules[], normalizedByPack: Map<TriageLanguage, string>, accented = ""): Set<TriageLanguage> {
  const chosen = new Set<TriageLanguage>(["en"]);
  const counts = new Map<TriageLanguage, number>();
  for (const pack of packs) {
    const markers = pack.context.markers;
    if (!markers || pack.notIn?.(accented)) continue;
    const text = normalizedByPack.get(pack.language) ?? "";
    const letters = pack.context.letters;
    const ownLetters = letters ? countMatches(letters, accented) : 0;
    // Letters no other language writes ("ł", "ı") are evidence enough on their own.
    if (ownLetters > 0) chosen.add(pack.language);
    const n = countMatches(markers, text) + ownLetters;
    if (n > 0) counts.set(pack.language, n);
  }
  if (counts.size === 0) {
    if (!ENGLISH_WORDS.test(normalizedByPack.get("en") ?? "")) {
      for (const pack of packs) if (pack.readsUnmarkedTurns !== false) chosen.add(pack.language);
    }
    return chosen;
  }
  const top = Math.max(...counts.values());
  for (const [language, n] of counts) if (n === top) chosen.add(language);
  // A turn with no English word and at least two marker words of one other language is not
  // read by the English rules (whose spelling corrector would turn "suicida" into "suicidal").
  // (The English rules also read the languages they hold a few words of: red-flags/en/other-languages.ts.)
  const english = normalizedByPack.get("en") ?? "";
  if (top >= 2 && !ENGLISH_WORDS.test(english) && !OTHER_LANGUAGE_WORDS.test(english)) chosen.delete("en");
  return chosen;
}
