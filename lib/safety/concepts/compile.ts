// Adds the concept rules (rules.ts) to a language's rules, with that language's words for
// each concept (lexicons/). Concept words go through the language's own phrase syntax and
// normalisation (../red-flags/phrases.ts: escaped, bounded), the statistics words join the
// language's "general question" framing, and Latin-script languages get typo correction
// towards their concept words.
import { phrasePattern, type PhraseSyntax } from "../red-flags/phrases";
import type { LanguageRules, RedFlagRule } from "../red-flags/types";
import { deobfuscate, textForm } from "../text/deobfuscate";
import { aboutATopicCheck, CONFUSED_ABOUT } from "./confused-about";
import { STAND_DOWN } from "./lexicons/stand-down";
import { CONCEPT_RULES, UNLESS_BY_CATEGORY } from "./rules";
import { typoCorrector } from "./typos";
import type { Concept, ConceptLexicon } from "./types";

/** Concepts whose words are not corrected towards: framing and common words, where a "correction" would change the meaning ("permen" → "persen"). */
const NOT_CORRECTED: ReadonlySet<Concept> = new Set([
  "statistics",
  "person",
  "sudden",
  "heavy",
  "resolved",
  "minorCause",
  "child",
  "farewell",
  "unreachable",
  "confused",
  "oneSide",
  "severePain",
  "faint",
  "heat",
  "sauna",
  "collapse",
  "endIt",
  "cantGoOn",
  "meansReady",
  "swallowed",
  "worstEver",
  "thunderclap",
  // Blind round 14's situations (lexicons/acute-signs.ts): short words ("adder", "stufa") are not corrected towards.
  "givingAway",
  "crushing",
  "tearing",
  "giBleed",
  "coSource",
  "everyone",
  "visualSpots",
  "postpartum",
  "rigidBelly",
  "snakeBite",
  "electrocuted",
  "drowned",
  "commandVoices",
  "headHit",
  "anticoagulant",
  "unequalPupils",
  "repeatQuestions",
  "dengue",
  "dengueWarning",
  "cantWake",
  "wishToDie",
  // Blind round 15's words (lexicons/head-injury-signs.ts, everyday-accounts.ts).
  "drowsy",
  "vomiting",
  "upperBelly",
  "attacker",
  "dangerNow",
]);

/** Concepts whose phrases stay exact: a word inserted into them can reverse them ("it never stopped", "not going to wake up" is kept by "not wake up" itself). */
const EXACT: ReadonlySet<Concept> = new Set([
  "statistics",
  "person",
  "resolved",
  "reassured",
  "minorCause",
  "notWake",
  "named",
  "worstEver",
  // Fire alone: a word inserted could reverse them ("cant wake him **for school**" is still kept by its words; "doesnt want to live **with**…" is not in the list).
  "cantWake",
  "wishToDie",
]);

function syntaxOf(pack: LanguageRules): PhraseSyntax {
  return pack.syntax ?? { spaced: true, wordStart: true, normalize: pack.normalize };
}

function wordsOf(lexicon: ConceptLexicon, concepts: Concept[]): string[] {
  return [...new Set(concepts.flatMap((c) => lexicon[c] ?? []))];
}

/** A group's pattern: its loose concepts' phrases tolerate inserted words (../red-flags/phrases.ts), its exact ones do not. */
function groupPattern(lexicon: ConceptLexicon, group: Concept[], syntax: PhraseSyntax): RegExp {
  const loose = wordsOf(
    lexicon,
    group.filter((c) => !EXACT.has(c)),
  );
  const exact = wordsOf(
    lexicon,
    group.filter((c) => EXACT.has(c)),
  );
  const sources = [
    ...(loose.length ? [phrasePattern(loose, { ...syntax, loose: true }).source] : []),
    ...(exact.length ? [phrasePattern(exact, syntax).source] : []),
  ];
  return sources.length === 1 ? new RegExp(sources[0], "u") : new RegExp(sources.map((s) => `(?:${s})`).join("|"), "u");
}

function patternOf(lexicon: ConceptLexicon, concept: Concept, syntax: PhraseSyntax): RegExp | undefined {
  const words = lexicon[concept];
  return words?.length ? phrasePattern(words, syntax) : undefined;
}

/** The rules whose every group has words in this lexicon, compiled in the pack's syntax (`ownLanguageOnly` picks which of the two kinds). */
export function conceptRules(pack: LanguageRules, lexicon: ConceptLexicon, ownLanguageOnly = false): RedFlagRule[] {
  const syntax = syntaxOf(pack);
  const rules: RedFlagRule[] = [];
  // One pattern list per group, shared by the rules that use the group (the engine reads each once per message).
  const compiled = new Map<string, RegExp[]>();
  const groupPatterns = (group: Concept[]): RegExp[] => {
    const key = [...group].sort().join("|");
    let patterns = compiled.get(key);
    if (!patterns) compiled.set(key, (patterns = [groupPattern(lexicon, group, syntax)]));
    return patterns;
  };
  for (const rule of CONCEPT_RULES) {
    if ((rule.ownLanguageOnly ?? false) !== ownLanguageOnly) continue;
    if (rule.needs.some((group) => wordsOf(lexicon, group).length === 0)) continue;
    const [when, and, andAlso] = rule.needs.map(groupPatterns);
    const unlessRule = UNLESS_BY_CATEGORY[rule.category];
    const unless = [...(unlessRule && !unlessRule.ownRulesOnly ? [unlessRule.concept] : []), ...(rule.unless ?? [])].flatMap(
      (concept) => patternOf(lexicon, concept, syntax) ?? [],
    );
    rules.push({
      id: `${pack.language}-concept-${rule.id}`,
      category: rule.category,
      when,
      and,
      andAlso,
      unless: unless.length ? unless : undefined,
    });
  }
  return rules;
}

/** The pack's own rules with the category-wide exceptions (a stopped bleed, chest pain from coughing) added. */
function withExceptions(pack: LanguageRules, lexicon: ConceptLexicon): RedFlagRule[] {
  const syntax = syntaxOf(pack);
  return pack.rules.map((rule) => {
    const unlessRule = UNLESS_BY_CATEGORY[rule.category];
    const unless = unlessRule && patternOf(lexicon, unlessRule.concept, syntax);
    return unless ? { ...rule, unless: [...(rule.unless ?? []), unless] } : rule;
  });
}

/** Single Latin words of the lexicon, in the form the pack's rules see them: the typo corrector's vocabulary. */
function vocabulary(pack: LanguageRules, lexicon: ConceptLexicon): string[] {
  const syntax = syntaxOf(pack);
  const words = new Set<string>();
  for (const [concept, phrases] of Object.entries(lexicon) as [Concept, string[]][]) {
    if (NOT_CORRECTED.has(concept)) continue;
    for (const phrase of phrases) {
      for (const part of phrase.replace(/#$/, "").split(/[~ ]/)) {
        const text = deobfuscate(part);
        const word = syntax.normalize(textForm(text, syntax.reads)).trim();
        if (/^[a-z]{5,}$/.test(word)) words.add(word);
      }
    }
  }
  return [...words];
}

/** Words a Latin-script language's rules already spell out (taken from the patterns themselves): never "corrected" into a concept word. */
function knownWords(pack: LanguageRules, lexicon: ConceptLexicon): string[] {
  const words = new Set<string>();
  for (const rule of pack.rules) {
    for (const pattern of [...rule.when, ...(rule.and ?? []), ...(rule.andAlso ?? []), ...(rule.unless ?? [])]) {
      for (const word of pattern.source.replace(/\\[a-z]/g, " ").match(/[a-z]{4,}/g) ?? []) words.add(word);
    }
  }
  const syntax = syntaxOf(pack);
  for (const phrase of Object.values(lexicon).flat()) {
    const text = deobfuscate(phrase.replace(/[#~]/g, " "));
    for (const word of syntax.normalize(text.folded).match(/[a-z]{4,}/g) ?? []) words.add(word);
  }
  return [...words];
}

/** `pack` with its concept rules (in `lexicon`'s words), statistics questions framed as general, the category exceptions, and (Latin script) typo correction. */
export function withConcepts(pack: LanguageRules, lexicon: ConceptLexicon | undefined, options: { typos: boolean }): LanguageRules {
  if (!lexicon) return pack;
  const syntax = syntaxOf(pack);
  const statistics = patternOf(lexicon, "statistics", syntax);
  const correct = options.typos ? typoCorrector(vocabulary(pack, lexicon), knownWords(pack, lexicon)) : undefined;
  return {
    ...pack,
    correct: correct && pack.correct ? (text) => correct(pack.correct!(text)) : (correct ?? pack.correct),
    context: {
      ...pack.context,
      general: [...pack.context.general, ...(statistics ? [statistics] : [])],
      aboutATopic: aboutATopicCheck(syntax, CONFUSED_ABOUT[pack.language]),
      standDown: STAND_DOWN[pack.language].length ? phrasePattern(STAND_DOWN[pack.language], syntax) : undefined,
    },
    rules: withExceptions(pack, lexicon),
    conceptRules: conceptRules(pack, lexicon),
    ownConceptRules: conceptRules(pack, lexicon, true),
  };
}
