// Every language's red-flag rules. Triage runs all of them on every message, so a message
// is triaged whatever the deployment's locale; each language lives in its own folder/file.
import { ENGLISH } from "./en";
import { FRENCH } from "./fr";
import { GERMAN } from "./de";
import { ITALIAN } from "./it";
import { DUTCH } from "./nl";
import { PORTUGUESE } from "./pt";
import { SPANISH } from "./es";
import { CHINESE } from "./zh";
import { JAPANESE } from "./ja";
import { KOREAN } from "./ko";
import { ARABIC } from "./ar";
import { HINDI } from "./hi";
import { RUSSIAN } from "./ru";
import { UKRAINIAN } from "./uk";
import { POLISH } from "./pl";
import { TURKISH } from "./tr";
import { VIETNAMESE } from "./vi";
import { INDONESIAN } from "./id";
import { SWEDISH } from "./sv";
import { THAI } from "./th";
import { TAGALOG } from "./tl";
import { SWAHILI } from "./sw";
import { GREEK } from "./el";
import { ROMANIAN } from "./ro";
import { CZECH } from "./cs";
import { PERSIAN } from "./fa";
import { HEBREW } from "./he";
import { URDU } from "./ur";
import { BENGALI } from "./bn";
import { HUNGARIAN } from "./hu";
import { AMHARIC } from "./am";
import { HAUSA } from "./ha";
import { PUNJABI } from "./pa";
import { TAMIL } from "./ta";
import { YORUBA } from "./yo";
import { conceptLexicon, conceptScript } from "../concepts/lexicons";
import { COUNTED_PILLS_RULES } from "./counted-pills";
import { withConcepts } from "../concepts/compile";
import type { LanguageRules } from "./types";

export {
  TRIAGE_CATEGORIES,
  TRIAGE_LANGUAGES,
  type TriageCategory,
  type TriageLanguage,
  type RedFlagRule,
  type LanguageRules,
} from "./types";

/** Latin-script languages, whose messages get typo correction towards their concept words. */
const LATIN_SCRIPT = new Set(["es", "fr", "de", "pt", "it", "nl", "pl", "tr", "id", "sv", "tl", "sw", "ro", "cs", "hu"]);

const OWN_RULES: LanguageRules[] = [
  ENGLISH,
  SPANISH,
  FRENCH,
  GERMAN,
  PORTUGUESE,
  ITALIAN,
  DUTCH,
  // Written as phrase lists (phrases.ts):
  CHINESE,
  JAPANESE,
  KOREAN,
  ARABIC,
  HINDI,
  RUSSIAN,
  UKRAINIAN,
  POLISH,
  TURKISH,
  VIETNAMESE,
  INDONESIAN,
  SWEDISH,
  THAI,
  TAGALOG,
  SWAHILI,
  GREEK,
  ROMANIAN,
  CZECH,
  PERSIAN,
  HEBREW,
  URDU,
  BENGALI,
  HUNGARIAN,
  AMHARIC,
  HAUSA,
  PUNJABI,
  TAMIL,
  YORUBA,
];

/** A language's own rules with the rules shared across its family of languages (a handful of pills counted: counted-pills.ts). */
const withShared = (pack: LanguageRules): LanguageRules => ({
  ...pack,
  rules: [...pack.rules, ...(COUNTED_PILLS_RULES[pack.language] ?? [])],
});

/** Each language's own rules plus the concept rules in its words (../concepts/). */
export const LANGUAGE_RULES: LanguageRules[] = OWN_RULES.map(withShared).map((pack) => ({
  ...withConcepts(pack, conceptLexicon(pack.language), { typos: LATIN_SCRIPT.has(pack.language) }),
  conceptScript: conceptScript(pack.language),
}));

/** Short words every language's messages are made of, to re-split spaced-out letters ("i w a n t t o d i e"). */
const FUNCTION_WORDS =
  "i a im me my to and the is it so of in on at he she his her we you want need just have has am not cant dont help please now " +
  "y o e yo mi me te se el la lo los las de del en un una que no ya muy por " +
  "je j ai ne pas le les du des et il elle est mon ma " +
  "ich du er sie es und nicht kein mein meine ist habe " +
  "eu meu minha nao com um uma do da " +
  "io il ho non mio mia di che " +
  "ik mijn het een niet en van heb";

let lexicon: Set<string> | undefined;

/** The words of every rule (taken from the patterns themselves) plus common short words. */
export function triageLexicon(): ReadonlySet<string> {
  if (lexicon) return lexicon;
  lexicon = new Set(FUNCTION_WORDS.split(" "));
  for (const pack of LANGUAGE_RULES) {
    for (const rule of pack.rules) {
      for (const pattern of [...rule.when, ...(rule.and ?? []), ...(rule.andAlso ?? [])]) {
        for (const word of pattern.source.replace(/\\[a-z]/g, " ").match(/[a-z]{2,}/g) ?? []) lexicon.add(word);
      }
    }
  }
  return lexicon;
}
