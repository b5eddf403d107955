// Red-flag rules written as plain phrase lists, compiled once at start-up into the
// bounded patterns the engine runs. Used by the languages added after the first seven
// (and by the supplements of those seven): a phrase list is easier to review by a
// speaker than a hand-written pattern, and it cannot contain a catastrophic one — every
// phrase is escaped, the only repetition is the bounded gap "~", and the text the
// patterns run on is capped (engine.ts). No user text ever becomes a pattern.
//
// Phrase syntax (after the language's own normalisation is applied to the phrase):
// - a phrase matches as a stem: "bleed" matches "bleeding"; it must start at a word start
//   in languages written with spaces that mark words (`wordStart`), anywhere otherwise
//   (Chinese, Japanese, Arabic whose prefixes attach to the word);
// - "#" at the end: the phrase must also end at a word end ("dö#" does not match "död");
// - "~" between two parts: up to three words (spaced scripts) or six characters
//   (unspaced ones) may stand between them;
// - "@N" stands for a number from 10 to 999 ("@N ~ tablets": a handful of pills);
// - with `loose` (concept words, spaced scripts), up to two words may also stand between
//   the words of a phrase ("cant lift her right arm" for "cant lift ~ arm", "face looks
//   droopy" for "face droop"): a co-occurrence does not depend on the exact wording.
import { arabiziWordSource, isArabiziWord } from "../text/arabizi";
import { deobfuscate, textForm } from "../text/deobfuscate";
import type { LanguageContext, LanguageRules, RedFlagRule, TextForm, TriageCategory, TriageLanguage } from "./types";

export interface PhraseRule {
  id: string;
  category: TriageCategory;
  /** The red flag: any of these phrases, live. */
  when: string[];
  /** If given, one of these must also be live somewhere in the turns. */
  and?: string[];
  /** If any of these occurs anywhere, the rule does not fire. */
  unless?: string[];
}

export interface PhraseContext {
  /** Words (spaced scripts) or strings (unspaced) that negate a red flag just before it. */
  negators: string[];
  /** Strings right after a red flag that negate it (Japanese "…くない", Korean "…지 않"). */
  negatorsAfter?: string[];
  distantPast: string[];
  animal: string[];
  fiction: string[];
  general: string[];
  currentEvent: string[];
  contrast: string[];
}

export interface PhrasePackSpec {
  language: TriageLanguage;
  /** Whether words are separated by spaces (gaps count words) or not (gaps count characters). */
  spaced: boolean;
  /** Whether a phrase must start at a word start. */
  wordStart: boolean;
  /** See LanguageRules.readsUnmarkedTurns. */
  readsUnmarkedTurns?: boolean;
  /** Rules read the accented text (scripts whose marks carry meaning: Devanagari, kana) instead of the folded one. */
  reads?: TextForm;
  /**
   * With `reads: "accented"`: each phrase also matches in its folded form, for text typed
   * without diacritics — while text typed with them keeps them, so it cannot collide with a
   * different word that folds alike (Vietnamese "từ từ" "slowly" vs "tự tử" "suicide").
   */
  foldedVariants?: boolean;
  /** Latin-letter phrase words are Arabizi: each matches its spellings (../text/arabizi.ts); the pack should read the "chat" form, where digits stay letters. */
  arabizi?: boolean;
  /** Every phrase must also end at a word end (languages of short syllables, where a stem would meet other words: Vietnamese "toi da" in "toi dau"). */
  wholeWords?: boolean;
  /** From deobfuscated text to the form the phrases match (applied to the phrases too). */
  normalize: (text: string) => string;
  /** Counts how much of a turn is in this language (see language.ts). */
  markers: RegExp;
  /** Letters only this language uses, counted on the accented text (Polish "ł", Turkish "ı"): a turn's language shows even without function words. */
  letters?: RegExp;
  context: PhraseContext;
  rules: PhraseRule[];
}

const LETTER = "[\\p{L}\\p{N}]";
const NUMBER_WORD = "xnumberx";
const MAX_PHRASE_CHARS = 80;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** One phrase as a pattern source (see the file comment for the syntax). */
export type PhraseSyntax = Pick<
  PhrasePackSpec,
  "spaced" | "wordStart" | "normalize" | "reads" | "foldedVariants" | "wholeWords" | "arabizi"
> & {
  /** Up to two words may stand between the words of a phrase (spaced scripts; see the file comment). */
  loose?: boolean;
};

/** The bounded gaps: "~" (up to three words), `loose` (up to two). `[^ ]+` cannot match the space after it, so each gap is linear. */
const TILDE_GAP = "(?: [^ ]+){0,3} ";
const LOOSE_GAP = "(?: [^ ]+){0,2} ";

/** A phrase goes through exactly what a message goes through (de-obfuscation, folding, the language's normalisation), so both meet in one form. */
function preparePhrase(part: string, spec: PhraseSyntax): string {
  const text = deobfuscate(part);
  return spec.normalize(textForm(text, spec.reads)).trim();
}

/** One phrase's pattern without the word-start check (see the file comment for the syntax). */
function phraseBody(phrase: string, spec: PhraseSyntax): string {
  if (phrase.length > MAX_PHRASE_CHARS) throw new Error(`phrase too long: ${phrase}`);
  const wholeWord = phrase.endsWith("#") || spec.wholeWords === true;
  const parts = (phrase.endsWith("#") ? phrase.slice(0, -1) : phrase)
    .split("~")
    // "@N" survives de-obfuscation and normalisation as a placeholder word, then becomes the number pattern.
    .map((part) => preparePhrase(part.replace(/@N/g, ` ${NUMBER_WORD} `), spec))
    .filter((part) => part.length > 0);
  if (parts.length === 0) throw new Error(`empty phrase: ${phrase}`);
  const gap = spec.spaced ? TILDE_GAP : ".{0,6}?";
  const number = spec.spaced ? new RegExp(NUMBER_WORD, "g") : new RegExp(` ?${NUMBER_WORD} ?`, "g");
  const word = (w: string) => (spec.arabizi && w !== NUMBER_WORD && isArabiziWord(w) ? arabiziWordSource(w) : escape(w));
  const words = (part: string) =>
    part
      .split(" ")
      .map(word)
      .join(spec.loose && spec.spaced ? LOOSE_GAP : " ");
  const body = parts.map((part) => words(part).replace(number, "[1-9][0-9]{1,2}")).join(gap);
  return `${body}${wholeWord ? `(?!${LETTER})` : ""}`;
}

/** One phrase as a complete pattern source, word-start check included. */
export function phraseSource(phrase: string, spec: PhraseSyntax): string {
  return `${spec.wordStart ? `(?<!${LETTER})` : ""}${phraseBody(phrase, spec)}`;
}

/** All phrases as one alternation (longest first, so the reported phrase is the most specific). */
export function phrasePattern(phrases: string[], spec: PhraseSyntax): RegExp {
  const variants = spec.foldedVariants ? [spec, { ...spec, reads: "folded" as const }] : [spec];
  const bodies = [...new Set(phrases.flatMap((p) => variants.map((v) => phraseBody(p, v))))].sort((a, b) => b.length - a.length);
  // The word-start check once, before the alternation: a check inside every alternative made matching several times slower.
  const start = spec.wordStart ? `(?<!${LETTER})` : "";
  return new RegExp(bodies.length ? `${start}(?:${bodies.join("|")})` : "(?!)", "u");
}

function compileRule(rule: PhraseRule, spec: PhrasePackSpec): RedFlagRule {
  return {
    id: rule.id,
    category: rule.category,
    when: [phrasePattern(rule.when, spec)],
    and: rule.and ? [phrasePattern(rule.and, spec)] : undefined,
    unless: rule.unless ? [phrasePattern(rule.unless, spec)] : undefined,
  };
}

/** Compiles phrase rules with the pack's normalisation (for a language's own pack or a supplement to a regex pack). */
export function compilePhraseRules(rules: PhraseRule[], spec: PhraseSyntax): RedFlagRule[] {
  return rules.map((rule) => compileRule(rule, spec as PhrasePackSpec));
}

function compileContext(spec: PhrasePackSpec): LanguageContext {
  const c = spec.context;
  const pattern = (phrases: string[]) => phrasePattern(phrases, spec);
  const before = pattern(c.negators.map((n) => n + (spec.spaced ? "#" : "")));
  const after = c.negatorsAfter?.length
    ? new RegExp(`^(?:${c.negatorsAfter.map((n) => escape(preparePhrase(n, spec))).join("|")})`, "u")
    : undefined;
  return {
    // Spaced scripts: the engine's word-window check; unspaced: the characters just before/after.
    negators: new Set(
      spec.spaced
        ? c.negators.flatMap((n) => [
            preparePhrase(n, spec),
            ...(spec.foldedVariants ? [preparePhrase(n, { ...spec, reads: "folded" })] : []),
          ])
        : [],
    ),
    negationWindow: 3,
    negatedAt: (text, start, end) => {
      if (after && after.test(text.slice(end, end + 8))) return true;
      if (spec.spaced) return false;
      // Only the characters since the last pause: "効かない、唇が紫" — the negator belongs to the part before the comma.
      const window =
        text
          .slice(Math.max(0, start - 4), start)
          .split(/[、。，,！!？?\s]/u)
          .pop() ?? "";
      return before.test(window);
    },
    distantPast: pattern(c.distantPast),
    animal: pattern(c.animal),
    fiction: pattern(c.fiction),
    general: [pattern(c.general)],
    currentEvent: [pattern(c.currentEvent)],
    markers: spec.markers,
    letters: spec.letters,
    contrast: c.contrast.length ? new RegExp(`\\s(?:${c.contrast.map((w) => escape(preparePhrase(w, spec))).join("|")})\\s`, "u") : /(?!)/,
  };
}

/** A language's rules from its phrase lists. */
export function phrasePack(spec: PhrasePackSpec): LanguageRules {
  return {
    language: spec.language,
    reads: spec.reads,
    readsUnmarkedTurns: spec.readsUnmarkedTurns,
    normalize: spec.normalize,
    syntax: {
      spaced: spec.spaced,
      wordStart: spec.wordStart,
      normalize: spec.normalize,
      reads: spec.reads,
      foldedVariants: spec.foldedVariants,
      wholeWords: spec.wholeWords,
      arabizi: spec.arabizi,
    },
    context: compileContext(spec),
    rules: spec.rules.map((rule) => compileRule(rule, spec)),
  };
}
