// Confusion as a sign ("she is confused", "verward", "混乱") versus confusion about a topic
// ("i'm confused about my insulin dose", "confundida con la dosis", "用量について混乱"): the
// second is a question, not a sign of hypoglycaemia, heat stroke or sepsis. A confusion word
// is about a topic when a word that introduces one follows it ("about", "con", "über") — or,
// in languages that put the topic first, precedes it ("について", "konusunda") — within its
// clause part (not across a comma: "she's confused, what do i do" stays a sign). Confusion
// about where one is or who people are is disorientation, a sign, whatever word introduces it.
// Applies to every rule of the language (its own rules and the concept rules): engine.ts.
import { phrasePattern, type PhraseSyntax } from "../red-flags/phrases";
import type { TriageLanguage } from "../red-flags/types";
import type { Clause } from "../text/clauses";

export interface TopicWords {
  /** The confusion words that can take a topic (stems, phrase syntax of ../red-flags/phrases.ts). */
  words: string[];
  /** Words right after the confusion word that introduce a topic. */
  after?: string[];
  /** Words up to three words (six characters unspaced) before it that introduce a topic. */
  before?: string[];
  /** Disorientation (where one is, who someone is, what day it is): still a sign. */
  orientation?: string[];
}

export const CONFUSED_ABOUT: Partial<Record<TriageLanguage, TopicWords>> = {
  en: {
    words: ["confus", "mixed up", "muddled"],
    after: [
      "about",
      "by",
      "on",
      "over",
      "regarding",
      "re",
      "as to",
      "with",
      "whether",
      "if",
      "how",
      "what",
      "why",
      "which",
      "when",
      "between",
    ],
    orientation: [
      "where she",
      "where he",
      "where they",
      "where we",
      "where i am",
      "who she",
      "who he",
      "who i am",
      "who we",
      "what day",
      "what year",
      "what month",
      "what time it is",
      "the date",
    ],
  },
  es: {
    words: ["confundid", "confuso#", "confusa#", "desorientad", "hecho un lio", "hecha un lio"],
    after: ["con", "sobre", "acerca", "respecto", "en cuanto", "de si", "de como", "de cuanto", "de cuando", "de que", "entre", "en como"],
    orientation: ["donde esta", "donde estamos", "quien es", "quien soy", "quienes somos", "que dia", "que ano"],
  },
  fr: {
    words: ["confus"],
    after: ["sur", "par rapport", "au sujet", "quant", "concernant", "a propos", "avec", "entre", "pour savoir", "sur la"],
    orientation: [
      "ou il est",
      "ou elle est",
      "ou il se trouve",
      "ou elle se trouve",
      "ou on est",
      "ou nous sommes",
      "qui je suis",
      "quel jour",
      "quelle annee",
    ],
  },
  de: {
    words: ["verwirrt", "durcheinander"],
    after: ["uber", "ueber", "bezuglich", "bezueglich", "hinsichtlich", "mit", "was", "wie", "ob", "welche", "wann"],
    before: ["bezuglich", "bezueglich", "hinsichtlich"],
    orientation: ["wo er", "wo sie", "wo wir", "wo ich", "wer ich", "wer er", "welcher tag", "welchen tag", "welches jahr"],
  },
  pt: {
    words: ["confus"],
    after: ["com", "sobre", "em relacao", "quanto", "acerca", "a respeito", "entre", "se devo", "como", "qual", "quando"],
    orientation: ["onde esta", "onde estamos", "onde ela", "onde ele", "quem e", "quem sou", "que dia", "que ano"],
  },
  it: {
    words: ["confus"],
    after: ["su", "sul", "sulla", "sui", "sulle", "riguardo", "con", "circa", "tra", "fra", "se", "come", "quale", "quando", "in merito"],
    orientation: ["dove si trova", "dove e", "dove siamo", "chi e", "chi sono", "che giorno", "che anno"],
  },
  nl: {
    words: ["verward", "in de war"],
    after: ["over", "met", "wat", "hoe", "welke", "wanneer", "of ik"],
    orientation: ["waar hij", "waar ze", "waar zij", "waar we", "wie ik", "wie hij", "welke dag", "welk jaar"],
  },
  sv: {
    words: ["forvirrad"],
    after: ["over", "om", "kring", "angaende", "med", "vad", "hur", "vilken", "vilket", "nar"],
    orientation: ["var han", "var hon", "var vi", "vem jag", "vilken dag", "vilket ar"],
  },
  pl: {
    words: ["zdezorientowan", "splatan"],
    after: ["co do", "w kwestii", "odnosnie", "w sprawie", "jesli chodzi", "jak", "ktora", "kiedy"],
    orientation: ["gdzie jest", "gdzie jestesmy", "kim jest", "kim jestem", "jaki dzien", "jaki rok"],
  },
  ru: {
    words: ["спутан", "путается", "путаюсь", "дезориент"],
    after: ["насчет", "насчёт", "по поводу", "относительно", "в дозах", "в дозировке", "с дозировкой", "с дозами"],
  },
  uk: {
    words: ["сплутан", "плутається", "плутаюся", "дезорієнт"],
    after: ["щодо", "стосовно", "з приводу", "в дозах", "у дозах", "з дозуванням"],
  },
  tr: {
    words: ["kafasi karisik", "kafam karisik", "kafam karisti", "kafasi karisti"],
    before: ["hakkinda", "konusunda", "ile ilgili", "hususunda"],
  },
  id: {
    words: ["bingung"],
    after: [
      "soal",
      "dengan",
      "tentang",
      "mengenai",
      "mau",
      "harus",
      "cara",
      "berapa",
      "kapan",
      "gimana",
      "bagaimana",
      "apa",
      "antara",
      "sama",
      "pilih",
      "dosis",
    ],
    orientation: ["di mana dia", "dimana dia", "siapa"],
  },
  vi: {
    words: ["lẫn lộn"],
    after: ["về", "giữa", "liều", "cách", "khi nào", "nên"],
  },
  th: {
    words: ["สับสน"],
    after: ["เรื่อง", "เกี่ยวกับ", "กับ", "ระหว่าง", "วิธี"],
    orientation: ["อยู่ที่ไหน", "เป็นใคร"],
  },
  zh: {
    words: ["糊涂", "迷糊"],
    before: ["搞", "弄", "对于", "关于"],
  },
  ja: {
    words: ["混乱"],
    before: ["について", "に関して", "のことで"],
  },
  ko: {
    words: ["혼란"],
    before: ["에 대해", "에 대해서", "에 관해", "관련해", "관련해서"],
  },
  ar: {
    words: ["مشوش", "مخربط"],
    after: ["بخصوص", "بشأن", "في موضوع", "حول", "من ناحية"],
  },
  hi: {
    words: ["उलझन", "uljhan", "कन्फ्यूज"],
    before: ["के बारे में", "को लेकर", "ke bare me", "ke baare mein", "ko lekar"],
  },
};

const LETTER = /[\p{L}\p{M}\p{N}]/u;

const everyLanguage = (pick: (topic: TopicWords) => string[] | undefined): string[] => [
  ...new Set(Object.values(CONFUSED_ABOUT).flatMap((topic) => pick(topic) ?? [])),
];

/**
 * Whether the match [start, end) of a clause is confusion about a topic (see the file comment), in one language's syntax.
 * The confusion words are the language's own; the words around them are every language's, since concept rules read turns in
 * any language ("estou confusa sobre a dose": Italian "confusa", Portuguese "sobre").
 */
export function aboutATopicCheck(
  syntax: PhraseSyntax,
  own: TopicWords | undefined,
): ((clause: Clause, start: number, end: number) => boolean) | undefined {
  if (!own) return undefined;
  // Words of another script vanish in this language's normalisation: those are left out.
  const readable = (list: string[]) =>
    list.filter((phrase) => {
      try {
        phrasePattern([phrase], syntax);
        return true;
      } catch {
        return false;
      }
    });
  const topic: TopicWords = {
    words: own.words,
    after: readable(everyLanguage((t) => t.after)),
    before: readable(everyLanguage((t) => t.before)),
    orientation: readable(everyLanguage((t) => t.orientation)),
  };
  const words = phrasePattern(topic.words, syntax);
  const whole = (list: string[]) => (syntax.spaced ? list.map((w) => `${w}#`) : list);
  const after = topic.after?.length ? new RegExp(`^ ?(?:${phrasePattern(whole(topic.after), syntax).source})`, "u") : undefined;
  const gap = syntax.spaced ? "(?: [^ ]+){0,3} ?" : ".{0,6}";
  const before = topic.before?.length ? new RegExp(`(?:${phrasePattern(topic.before, syntax).source})${gap}$`, "u") : undefined;
  const orientation = topic.orientation?.length ? phrasePattern(topic.orientation, syntax) : undefined;
  return (clause, start, end) => {
    const text = clause.text;
    if (!words.test(text.slice(start, end))) return false;
    let wordEnd = end;
    if (syntax.spaced) while (wordEnd < text.length && LETTER.test(text[wordEnd])) wordEnd++;
    const rest = text.slice(wordEnd, wordEnd + 60);
    if (orientation?.test(rest.slice(0, 40))) return false;
    // A comma ends the part: "she is confused, what do i do" keeps the sign.
    if (after?.test(rest) && !clause.pauses.includes(wordEnd + 1)) return true;
    if (!before) return false;
    const lastPause = Math.max(0, ...clause.pauses.filter((pause) => pause <= start));
    return before.test(text.slice(Math.max(lastPause, start - 40), start));
  };
}
