// An emergency told in an earlier turn stays live in the window (conversation.ts): "I want to kill myself" … "i don't
// know what to do" keeps its notice. But once the earlier turn was answered with its notice, a next question about
// something else ("my mum's face is drooping" … "what foods are high in iron?") should not bring the same notice back
// on top of its answer. Such a message leaves the earlier emergency behind when all of these hold:
// - the earlier turns alone already made an emergency (so they were answered with the notice), and the message adds
//   nothing to it (the turns together find no category the earlier ones did not);
// - the message alone is no emergency, and the earlier one was not suicide or self-harm (a crisis keeps its notice);
// - it is a question (a question mark) of at least three words, in a language whose pointing-back words are listed here;
// - it shares no word of four letters or more with the earlier turns, and holds no word that points back to them or to
//   the emergency ("she", "it", "ambulance", "still", "worse", "now"), nor a word of its languages' "now"/"help" lists.
// An emergency that only becomes clear across turns is untouched: there the earlier turns alone made none.
import type { LanguageRules, TriageCategory, TriageLanguage } from "./red-flags/types";

/** Words that tie a message to what came before or to the emergency itself, per language (folded, lower case). */
const POINTING_BACK: Partial<Record<TriageLanguage, ReadonlySet<string>>> = {
  en: new Set(
    (
      "it its that this those these they them their he him his she her hers himself herself " +
      "ambulance paramedic paramedics 911 999 112 000 111 emergency er hospital help still now worse better cpr wait waiting while " +
      "breathing breathe awake conscious symptoms sign signs happening happened again"
    ).split(" "),
  ),
  es: new Set("el ella le lo la les sus su esto eso ambulancia urgencias hospital ayuda todavia ahora peor mientras respira".split(" ")),
  fr: new Set(
    "il elle lui le la les leur ses son sa ca cela ambulance samu urgences hopital aide encore maintenant pire respire".split(" "),
  ),
  de: new Set("er sie ihm ihr ihn sein seine das es krankenwagen notarzt notaufnahme hilfe noch jetzt schlimmer atmet".split(" ")),
  pt: new Set("ele ela dele dela lhe isso isto ambulancia samu hospital ajuda ainda agora pior respira".split(" ")),
  it: new Set("lui lei gli le lo la suo sua questo ambulanza pronto soccorso ospedale aiuto ancora adesso ora peggio respira".split(" ")),
  nl: new Set("hij zij ze hem haar zijn dat het ambulance ziekenhuis hulp nog nu erger ademt".split(" ")),
};

const QUESTION_MARK = /[?？؟]/u;
const MIN_QUESTION_WORDS = 3;
const SHARED_WORD_LETTERS = 4;

const wordsOf = (folded: string) => folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether the current message (its folded text, and the languages reading it) is a question about something else than the earlier turns. */
export function asksAboutSomethingElse(
  current: string,
  earlier: string[],
  readers: ReadonlySet<TriageLanguage>,
  packs: readonly LanguageRules[],
  normalizedCurrent: ReadonlyMap<TriageLanguage, string>,
): boolean {
  if (!QUESTION_MARK.test(current)) return false;
  const words = wordsOf(current);
  if (words.length < MIN_QUESTION_WORDS) return false;
  // Only languages whose pointing-back words are known here may leave an emergency behind.
  const lists = [...readers].map((language) => POINTING_BACK[language]);
  if (lists.some((list) => !list)) return false;
  if (words.some((word) => lists.some((list) => list!.has(word)))) return false;
  const before = new Set(earlier.flatMap(wordsOf).filter((word) => [...word].length >= SHARED_WORD_LETTERS));
  if (words.some((word) => before.has(word))) return false;
  // The reading languages' own "now", "help", "quick" words.
  return !packs.some(
    (pack) =>
      readers.has(pack.language) && pack.context.currentEvent.some((pattern) => pattern.test(normalizedCurrent.get(pack.language) ?? "")),
  );
}

/** Whether an emergency found in the earlier turns alone is only carried into this message (see the header). */
export function onlyCarried(window: TriageCategory[], current: TriageCategory[], earlier: TriageCategory[]): boolean {
  return (
    current.length === 0 &&
    earlier.length > 0 &&
    !earlier.includes("suicidal_self_harm") &&
    window.every((category) => earlier.includes(category))
  );
}
