// Emergency triage: runs before the model on the user's recent turns, in every surface.
// Deliberately rule-based (deterministic, auditable, no model call) and tuned for recall
// on true emergencies. Steps: de-obfuscate each turn (text/deobfuscate.ts); run every
// language's red-flag rules over the turns together (engine.ts; a Spanish message in an
// en-US deployment is still triaged); build the notice with the locale's numbers, in the
// language the message was written in.
import { deobfuscate, textForm } from "./text/deobfuscate";
import { PREVIOUS_TURN_CHARS, triageWindow, type UserTurn } from "./conversation";
import { isFramedAway, matchLanguage, type TriageMatch } from "./engine";
import { languagesOfTurn, messageLanguage } from "./language";
import { LANGUAGE_RULES, triageLexicon } from "./red-flags";
import type { LanguageRules } from "./red-flags/types";
import type { TriageCategory, TriageLanguage } from "./red-flags/types";
import { emergencyContactsFor } from "./contacts";
import { asksAboutSomethingElse, onlyCarried } from "./left-behind";
import { buildNotice, type EmergencyNotice, type Finding } from "./notice";

export { TRIAGE_CATEGORIES, type TriageCategory } from "./red-flags/types";
export type { TriageMatch } from "./engine";
export type { EmergencyNotice } from "./notice";

export interface TriageResult {
  emergency: boolean;
  categories: TriageCategory[];
  matches: TriageMatch[];
  locale: string;
  /** The language of the current message, for every text the server writes around the answer: the notice's when there is one (always set by triage()). */
  language?: TriageLanguage;
  /** Present when `emergency` is true. */
  notice?: EmergencyNotice;
}

export interface TriageOptions {
  env?: Record<string, string | undefined>;
  /** The user's previous turns, oldest first (see conversation.ts for the window read). */
  previousTurns?: UserTurn[];
  /** When the current message was sent (default: now). */
  at?: Date;
}

/** Turns as the rules read them, oldest first; each turn is read once and matched in several groupings. */
interface ReadTurns {
  /** Each turn de-obfuscated. */
  texts: ReturnType<typeof deobfuscate>[];
  /** Each turn in each language's normalisation. */
  normalized: Map<TriageLanguage, string>[];
  /** The languages whose rules read each turn. */
  languages: Set<TriageLanguage>[];
  /** Each turn's text for the concept rules, per language (sentences framed away or in the past removed). */
  conceptTexts: Map<TriageLanguage, string>[];
}

/** Each turn's text as triage reads it (oldest first), normalised for every language. */
function readTurns(read: string[]): ReadTurns {
  const lexicon = triageLexicon();
  const texts = read.map((t) => deobfuscate(t, lexicon));
  // Each turn in each language's normalisation; a language's rules read the turns written in it.
  const normalized = texts.map(
    (t) =>
      new Map(
        LANGUAGE_RULES.map((pack) => {
          const normal = pack.normalize(textForm(t, pack.reads));
          return [pack.language, pack.correct ? pack.correct(normal) : normal];
        }),
      ),
  );
  const languages = normalized.map((byPack, i) => languagesOfTurn(LANGUAGE_RULES, byPack, texts[i].accented));
  // Concept rules read, of every turn, the sentences that none of the languages the turn is in frames away (a question,
  // fiction) or places in the past ("il y a 10 ans"): the rules of those languages know the words.
  const readers = normalized.map((_, i) => LANGUAGE_RULES.filter((pack) => languages[i].has(pack.language)));
  const conceptTexts = normalized.map((byPack, i) => {
    const kept = keptSentences(readers[i], byPack);
    return new Map(
      LANGUAGE_RULES.map((pack) => {
        const text = byPack.get(pack.language) ?? "";
        return [
          pack.language,
          kept === "all"
            ? text
            : sentencesOf(text)
                .filter((_, k) => kept[k])
                .join(" . "),
        ];
      }),
    );
  });
  return { texts, normalized, languages, conceptTexts };
}

/** The turns [from, to) of `turns`, as one reading. */
function sliceTurns(turns: ReadTurns, from: number, to?: number): ReadTurns {
  return {
    texts: turns.texts.slice(from, to),
    normalized: turns.normalized.slice(from, to),
    languages: turns.languages.slice(from, to),
    conceptTexts: turns.conceptTexts.slice(from, to),
  };
}

/** Every red-flag rule that fires on the turns read together. */
function detect({ texts, normalized, languages, conceptTexts }: ReadTurns): TriageMatch[] {
  const ownMatches = LANGUAGE_RULES.flatMap((pack) =>
    matchLanguage(
      pack,
      normalized.filter((_, i) => languages[i].has(pack.language)).map((byPack) => byPack.get(pack.language) ?? ""),
    ),
  );
  const conceptMatches = LANGUAGE_RULES.flatMap((pack) => {
    // The script is looked for in the accented text and, for a pack reading the chat form (Arabizi keeps its digits), in that.
    if (
      pack.conceptScript &&
      !texts.some((t) => pack.conceptScript!.test(t.accented) || (pack.reads === "chat" && pack.conceptScript!.test(t.chat)))
    )
      return [];
    const text = (onlyOwn: boolean) =>
      conceptTexts.filter((_, i) => !onlyOwn || languages[i].has(pack.language)).map((byPack) => byPack.get(pack.language) ?? "");
    return [
      ...(pack.conceptRules?.length ? matchLanguage(pack, text(false), pack.conceptRules) : []),
      ...(pack.ownConceptRules?.length ? matchLanguage(pack, text(true), pack.ownConceptRules) : []),
    ];
  });
  return [...ownMatches, ...conceptMatches];
}

const findingOf = (matches: TriageMatch[]): Finding => ({
  categories: [...new Set(matches.map((m) => m.category))],
  matchLanguages: matches.map((m) => m.language),
});

/** The reading of one turn alone, as the current one. */
function readOne(text: string): ReadTurns {
  return readTurns([text]);
}

/** Whether a turn (its normalised texts) holds a live correction or all-clear in some language (concepts/lexicons/stand-down.ts). */
function hasStandDown(turn: ReadTurns): boolean {
  return LANGUAGE_RULES.some((pack) => {
    const text = turn.normalized[0].get(pack.language) ?? "";
    const found = pack.context.standDown?.exec(text);
    if (!found) return false;
    // Not when negated ("they did not send us home"); a long-past or framed clause still stands down ("fue hace 2 semanas, ya lo vio el cardiólogo").
    const before = text.slice(0, found.index).split(/[,:]/).pop()!.trim().split(" ").slice(-pack.context.negationWindow);
    return (
      !before.some((word) => pack.context.negators.has(word)) &&
      !(pack.context.negatedAt?.(text, found.index, found.index + found[0].length) ?? false)
    );
  });
}

/** Where the current message stands down what came before it: the start of its first part holding a correction or an all-clear, or -1. */
function standDownStart(message: string, current: ReadTurns): number {
  if (!hasStandDown(current)) return -1;
  // The message's parts (between commas, sentence ends and chat laughter: "죽고 싶다 ㅋㅋ 아 농담이고"); the first one with the
  // stand-down starts what is read. Laughter is marked as an end of sentence of the same length, so indices stay the message's.
  const parts = message.replace(/[ㅋㅎ]{2,}/gu, (laugh) => ".".repeat(laugh.length));
  for (const part of parts.matchAll(/[^,.;!?\n。！？、，]+/gu)) {
    if (part[0].trim() && hasStandDown(readOne(part[0]))) return part.index ?? 0;
  }
  return -1;
}

/** Classifies the user's message, read together with their recent previous turns. `locale` picks the emergency number and crisis line (BCP 47, e.g. en-US). */
export function triage(message: string, locale = "en-US", options: TriageOptions = {}): TriageResult {
  const turns = triageWindow(options.previousTurns ?? [], { text: message, at: options.at });
  // Earlier turns were read in full when they were current: their last part is what links them to this one.
  const read = turns.map((turn, i) => (i === turns.length - 1 ? turn.text : turn.text.slice(-PREVIOUS_TURN_CHARS)));
  let turnsRead = readTurns(read);
  // A correction or an all-clear ("sorry i mean…", "ecg was normal, they sent us home") takes back what came before it:
  // the message is read alone from that part on.
  const last = read.length - 1;
  const from = standDownStart(read[last], sliceTurns(turnsRead, last));
  if (from > 0 || (from === 0 && last > 0)) {
    read.splice(0, read.length, read[last].slice(from));
    turnsRead = readOne(read[0]);
  }
  let matches = detect(turnsRead);
  const current = read.length - 1;
  const currentText = turnsRead.texts[current].accented;
  const several = read.length > 1;
  // Each part read alone, only when there is an emergency to explain (the notice speaks to what this message brings).
  const apart = several && matches.length > 0;
  const currentFinding = apart ? findingOf(detect(sliceTurns(turnsRead, current))) : undefined;
  const earlierFinding = apart ? findingOf(detect(sliceTurns(turnsRead, 0, current))) : undefined;
  // A question about something else, after an emergency already answered with its notice, does not bring it back (left-behind.ts).
  if (
    currentFinding &&
    earlierFinding &&
    onlyCarried(findingOf(matches).categories, currentFinding.categories, earlierFinding.categories) &&
    asksAboutSomethingElse(
      turnsRead.texts[current].folded,
      turnsRead.texts.slice(0, current).map((t) => t.folded),
      turnsRead.languages[current],
      LANGUAGE_RULES,
      turnsRead.normalized[current],
    )
  )
    matches = [];
  const window = findingOf(matches);
  const categories = window.categories;
  const contacts = emergencyContactsFor(locale, options.env);
  const result: TriageResult = {
    emergency: matches.length > 0,
    categories,
    matches,
    locale: contacts.locale,
    language: messageLanguage(currentText, turnsRead.languages[current], locale),
  };
  if (result.emergency) {
    // The notice speaks to this message: what it brings, in its language (notice.ts).
    result.notice = buildNotice(
      {
        window,
        current: currentFinding ?? window,
        earlier: earlierFinding ?? { categories: [], matchLanguages: [] },
        currentText,
        currentLanguages: turnsRead.languages[current],
        windowText: turnsRead.texts.map((t) => t.accented).join("\n"),
      },
      contacts,
      locale,
      options.env,
    );
    result.language = result.notice.language;
  }
  return result;
}

function sentencesOf(text: string): string[] {
  return text.split(/[.!?\n]+/);
}

/** Which sentences of a turn the concept rules may read: none when a reading language frames the turn away, else those none places in the past ("all" when every one is kept). */
function keptSentences(readers: LanguageRules[], byPack: Map<TriageLanguage, string>): boolean[] | "all" {
  const textOf = (pack: LanguageRules) => byPack.get(pack.language) ?? "";
  const split = readers.map((pack) => sentencesOf(textOf(pack)));
  const count = split[0]?.length ?? 0;
  // Framing is judged on the whole turn (engine.ts liveText: a framed question alone is dropped there).
  if (readers.some((pack) => isFramedAway(pack.context, textOf(pack)))) return Array(count).fill(false);
  if (!readers.some((pack) => pack.context.distantPast.test(textOf(pack)))) return "all";
  // Normalisations keep sentence punctuation; should one not, the whole turn is set aside as before.
  if (count < 2 || split.some((sentences) => sentences.length !== count)) return Array(count).fill(false);
  return Array.from({ length: count }, (_, k) => !readers.some((pack, r) => pack.context.distantPast.test(split[r][k])));
}
