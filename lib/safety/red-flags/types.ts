// The categories of red flags and the shape of a rule, shared by every language's rules.
import type { Clause } from "../text/clauses";

export const TRIAGE_CATEGORIES = [
  "cardiac",
  "stroke",
  "breathing",
  "anaphylaxis",
  "overdose_poisoning",
  "severe_bleeding",
  "suicidal_self_harm",
  "seizure",
  "unconscious",
  "meningitis",
  "pregnancy_emergency",
  "severe_burn",
  "head_injury",
  "diabetic_emergency",
  "other",
] as const;

export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export interface RedFlagRule {
  id: string;
  category: TriageCategory;
  /** The red flag: any of these, live (not negated, long past or about an animal) in some clause. */
  when: RegExp[];
  /** If given, one of these must also be live somewhere in the message. */
  and?: RegExp[];
  /** If given, one of these must be live as well (a third element of a symptom combination). */
  andAlso?: RegExp[];
  /** If any of these occurs anywhere in the message, the rule does not fire (explicitly minor or explained). */
  unless?: RegExp[];
}

/** Which form of a de-obfuscated turn a language reads (../text/deobfuscate.ts): folded (default), accented (scripts whose marks carry meaning), or chat (digits kept: Arabizi). */
export type TextForm = "accented" | "folded" | "chat";

/** Languages with their own rules. */
export const TRIAGE_LANGUAGES = [
  "en",
  "es",
  "fr",
  "de",
  "pt",
  "it",
  "nl",
  "zh",
  "ja",
  "ko",
  "ar",
  "hi",
  "ru",
  "uk",
  "pl",
  "tr",
  "vi",
  "id",
  "sv",
  "th",
  "tl",
  "sw",
  "el",
  "ro",
  "cs",
  "fa",
  "he",
  "ur",
  "bn",
  "hu",
  "am",
  "ha",
  "pa",
  "ta",
  "yo",
] as const;
export type TriageLanguage = (typeof TRIAGE_LANGUAGES)[number];

/** What around a red flag makes it not live, in one language (see lib/safety/engine.ts). */
export interface LanguageContext {
  /** Words that negate a red flag within `negationWindow` words before it ("no", "sin", "kein"). */
  negators: ReadonlySet<string>;
  negationWindow: number;
  /** Optional check for scripts without word spaces or with negation after the word: is the match at [start, end) negated? */
  negatedAt?: (text: string, start: number, end: number) => boolean;
  /**
   * A conjunction that starts a new statement ("and now", "and she", "and keeps"): a negation before it does not reach
   * past it ("no helmet and keeps asking the same questions", "no fever but… / no fever and she is floppy"). The pattern
   * matches the conjunction only (the new statement's first word in a lookahead); it runs on the bounded clause text.
   */
  newStatement?: RegExp;
  /** Words that make a sign negative in itself ("cant breathe", "wont wake up"): a negator before such a sign does not undo it ("no he cant breathe"). */
  negativeWords?: ReadonlySet<string>;
  /** A correction or a clinician's all-clear in the current message (../concepts/lexicons/stand-down.ts): what came before it no longer fires. */
  standDown?: RegExp;
  /** Is the match at [start, end) confusion about a topic ("confused about my dose") rather than a sign (../concepts/confused-about.ts)? */
  aboutATopic?: (clause: Clause, start: number, end: number) => boolean;
  /** A clause that places its event long ago ("in 2010", "hace 5 años") is not live. */
  distantPast: RegExp;
  /** A red flag just after an animal word is about an animal patient … */
  animal: RegExp;
  /** … unless the animal is what hurt a person ("the dog bit my son"). */
  animalAsAgent?: RegExp;
  /** Fiction (a story, a novel, a film) … */
  fiction: RegExp;
  /** A game played (its events are told in the present tense): a message about one is not live, whatever its tense. */
  play?: RegExp;
  /** A conjunction followed by a new subject ("and the co alarm", "and my son"): an animal named before it is not that statement's patient. */
  newSubject?: RegExp;
  /** … and general / educational / hypothetical framing make a message not live … */
  general: RegExp[];
  /** … unless it also describes a current event ("right now", "I have", "my dad is"). */
  currentEvent: RegExp[];
  /**
   * Words that show a turn is (partly) in this language ("el", "tengo"; never English words).
   * A non-English language's rules read only turns that contain one, so an English message
   * with a shared word ("overdose", "convulsion") is judged by the English framing alone.
   */
  markers?: RegExp;
  /** Letters only this language uses, counted on the accented text (see language.ts). */
  letters?: RegExp;
  /** Contrastive words that end a clause ("but", "pero"): a negation does not cross them. */
  contrast: RegExp;
}

/** One language's rules: its own normalisation of folded text, its context words and red flags. */
export interface LanguageRules {
  language: TriageLanguage;
  /**
   * Whether this language reads a turn that has no marker word of any language (default
   * true). Languages of other scripts say no: such a turn has none of their letters, and
   * their romanised forms come with marker words ("wo bu xiang huo le").
   */
  readsUnmarkedTurns?: boolean;
  /** Which form of the text `normalize` receives (TextForm). */
  reads?: TextForm;
  /** From folded text (lower case, no diacritics, de-obfuscated) to the form the rules match. */
  normalize: (folded: string) => string;
  /** How this language's phrases are written (phrases.ts); packs written as regular expressions take the default (spaced words, stems from a word start). */
  syntax?: {
    spaced: boolean;
    wordStart: boolean;
    normalize: (text: string) => string;
    reads?: TextForm;
    foldedVariants?: boolean;
    wholeWords?: boolean;
    arabizi?: boolean;
  };
  /** Applied after `normalize`: typo correction towards the language's concept words (../concepts/typos.ts). */
  correct?: (normalized: string) => string;
  context: LanguageContext;
  rules: RedFlagRule[];
  /**
   * Concept co-occurrence rules (../concepts/): unlike `rules`, they read every turn that no
   * language reading it frames away, whatever language the turn was judged to be in — a
   * combination of this language's concept words is evidence enough of the language.
   */
  conceptRules?: RedFlagRule[];
  /** Concept rules that read only the turns judged to be in this language (loanwords: see ../concepts/rules.ts). */
  ownConceptRules?: RedFlagRule[];
  /**
   * A turn this language does not read although its script is there: a turn in another language of the same script
   * (Arabic's rules and framing do not read Urdu or Persian: Arabic "مسلسل", a TV series, is Urdu's "continuously").
   */
  notIn?: (accented: string) => boolean;
  /** The concept rules run only on turns with a character of this script (../concepts/lexicons/index.ts conceptScript). */
  conceptScript?: RegExp;
}
