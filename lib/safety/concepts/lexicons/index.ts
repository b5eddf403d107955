// Every language's concept words (see ../types.ts), English loanwords added to the others.
import type { TriageLanguage } from "../../red-flags/types";
import type { ConceptLexicon } from "../types";
import { ACUTE_SIGNS } from "./acute-signs";
import { AR_CONCEPTS } from "./ar";
import { BARELY_RESPONSIVE } from "./barely-responsive";
import { CANT_WAKE } from "./cant-wake";
import { DE_CONCEPTS } from "./de";
import { HEAD_INJURY_SIGNS } from "./head-injury-signs";
import { EL_CONCEPTS } from "./el";
import { EN_CONCEPTS } from "./en";
import { EVERYDAY_ACCOUNTS } from "./everyday-accounts";
import { ES_CONCEPTS } from "./es";
import { FR_CONCEPTS } from "./fr";
import { HI_CONCEPTS } from "./hi";
import { ID_CONCEPTS } from "./id";
import { IT_CONCEPTS } from "./it";
import { JA_CONCEPTS } from "./ja";
import { LAY_PHRASING } from "./lay-phrasing";
import { KO_CONCEPTS } from "./ko";
import { mergeLexicons, withLoans } from "./loans";
import { NL_CONCEPTS } from "./nl";
import { PL_CONCEPTS } from "./pl";
import { PT_CONCEPTS } from "./pt";
import { RO_CONCEPTS } from "./ro";
import { RU_CONCEPTS } from "./ru";
import { SITUATIONS_ASIA } from "./situations-asia";
import { SITUATIONS_EUROPE } from "./situations-europe";
import { SUICIDE_INTENT } from "./suicide-intent";
import { SWALLOWED_THUNDERCLAP } from "./swallowed-thunderclap";
import { SITUATIONS_TOLD } from "./situations-told";
import { PICTURES_TOLD } from "./pictures-told";
import { SV_CONCEPTS } from "./sv";
import { TH_CONCEPTS } from "./th";
import { TL_CONCEPTS } from "./tl";
import { SW_CONCEPTS } from "./sw";
import { TR_CONCEPTS } from "./tr";
import { UK_CONCEPTS } from "./uk";
import { VI_CONCEPTS } from "./vi";
import { WISH_TO_DIE } from "./wish-to-die";
import { ZH_CONCEPTS } from "./zh";
import { CS_CONCEPTS } from "./cs";
import { FA_CONCEPTS } from "./fa";
import { HE_CONCEPTS } from "./he";
import { UR_CONCEPTS } from "./ur";
import { BN_CONCEPTS } from "./bn";
import { HU_CONCEPTS } from "./hu";
import { AM_CONCEPTS, HA_CONCEPTS, PA_CONCEPTS, TA_CONCEPTS, YO_CONCEPTS } from "./africa-south-asia";

const OWN: Record<TriageLanguage, ConceptLexicon> = {
  en: EN_CONCEPTS,
  es: ES_CONCEPTS,
  fr: FR_CONCEPTS,
  de: DE_CONCEPTS,
  pt: PT_CONCEPTS,
  it: IT_CONCEPTS,
  nl: NL_CONCEPTS,
  zh: ZH_CONCEPTS,
  ja: JA_CONCEPTS,
  ko: KO_CONCEPTS,
  ar: AR_CONCEPTS,
  hi: HI_CONCEPTS,
  ru: RU_CONCEPTS,
  uk: UK_CONCEPTS,
  pl: PL_CONCEPTS,
  tr: TR_CONCEPTS,
  vi: VI_CONCEPTS,
  id: ID_CONCEPTS,
  sv: SV_CONCEPTS,
  th: TH_CONCEPTS,
  tl: TL_CONCEPTS,
  sw: SW_CONCEPTS,
  el: EL_CONCEPTS,
  ro: RO_CONCEPTS,
  cs: CS_CONCEPTS,
  fa: FA_CONCEPTS,
  he: HE_CONCEPTS,
  ur: UR_CONCEPTS,
  bn: BN_CONCEPTS,
  hu: HU_CONCEPTS,
  am: AM_CONCEPTS,
  ha: HA_CONCEPTS,
  pa: PA_CONCEPTS,
  ta: TA_CONCEPTS,
  yo: YO_CONCEPTS,
};

/** A language's concept words (its own, and its round-11 situation words); other languages than English also get the English loanwords. */
export function conceptLexicon(language: TriageLanguage): ConceptLexicon {
  const situations = mergeLexicons(SITUATIONS_EUROPE[language] ?? SITUATIONS_ASIA[language] ?? {}, LAY_PHRASING[language]);
  const own = mergeLexicons(
    mergeLexicons(
      mergeLexicons(mergeLexicons(OWN[language], situations), ACUTE_SIGNS[language]),
      mergeLexicons(
        mergeLexicons(mergeLexicons(WISH_TO_DIE[language] ?? {}, HEAD_INJURY_SIGNS[language]), EVERYDAY_ACCOUNTS[language]),
        mergeLexicons(SITUATIONS_TOLD[language] ?? {}, PICTURES_TOLD[language]),
      ),
    ),
    {
      barelyResponsive: BARELY_RESPONSIVE[language],
      cantWake: CANT_WAKE[language],
      ...SUICIDE_INTENT[language],
      ...SWALLOWED_THUNDERCLAP[language],
    },
  );
  return language === "en" ? own : withLoans(own);
}

const SCRIPTS = [
  "Thai",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Arabic",
  "Devanagari",
  "Cyrillic",
  "Hebrew",
  "Bengali",
  "Ethiopic",
  "Gurmukhi",
  "Tamil",
].map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);

/**
 * The scripts a language's own concept words are written in, as one pattern — or undefined when some are in Latin
 * letters (Hinglish, transliterated Russian). Without a character of these scripts in the turns, the language's concept
 * rules could only fire on its English loanwords, which the English rules read already (see triage.ts).
 */
export function conceptScript(language: TriageLanguage): RegExp | undefined {
  const words = Object.values(mergeLexicons(OWN[language], SITUATIONS_EUROPE[language] ?? SITUATIONS_ASIA[language])).flat();
  if (words.some((word) => /[a-z]/i.test(word))) return undefined;
  const names = SCRIPTS.filter(([, pattern]) => words.some((word) => pattern.test(word))).map(([name]) => name);
  if (!names.length) return undefined;
  const script = `[${names.map((name) => `\\p{Script=${name}}`).join("")}]`;
  // Arabic is also typed as Arabizi ("ana ta3ban … ha5odha el leila"): a digit standing for a letter inside a word opens its
  // concept rules to a Latin turn (English words hardly ever hold one: "h2o", "mp3").
  return new RegExp(language === "ar" ? `${script}|[a-z][2357][a-z]` : script, "iu");
}
