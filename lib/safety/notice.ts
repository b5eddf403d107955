// The emergency notice a turn shows: which categories it names, which language it is written
// in, and its contacts. Triage (triage.ts) reads the recent turns together, so that an
// emergency told in two messages fires; the notice, though, speaks to the message just sent:
// - language: the current message's when it is clear (an English question after Spanish turns
//   gets an English notice), else the language of the rules that fired, else the locale's;
// - categories: what this turn brings (alone, or by completing an earlier turn) — categories
//   that earlier turns had already fired on their own are not repeated into a new notice, except
//   suicide / self-harm, whose crisis line stays while it is in the window; a turn that brings
//   nothing new keeps the earlier notice whole (conversation.ts: a repeated notice is the safer error);
// - contacts: the locale's numbers, with the crisis line's name in the notice's language or none.
import { crisisLineNameFor, type EmergencyContacts } from "./contacts";
import { emergencyNoticeText } from "./disclaimers";
import { guessLanguage, noticeLanguage } from "./language";
import { NOTICE_WORDING, type NoticeLabels } from "./notice-texts";
import type { TriageCategory, TriageLanguage } from "./red-flags/types";

export interface EmergencyNotice {
  categories: TriageCategory[];
  emergencyNumber: string;
  crisisLine: string;
  crisisLineName: string;
  /** The language `text` and `labels` are written in. */
  language: TriageLanguage;
  /** Heading and button labels in that language. */
  labels: NoticeLabels;
  /** Plain-language notice shown before anything else. */
  text: string;
}

/** What triage found in one set of turns. */
export interface Finding {
  categories: TriageCategory[];
  matchLanguages: TriageLanguage[];
}

export interface NoticeEvidence {
  /** Over the whole window (the current message and the recent previous turns). */
  window: Finding;
  /** Over the current message alone. */
  current: Finding;
  /** Over the previous turns of the window alone (empty when there are none). */
  earlier: Finding;
  /** The current message as triage read it, and the languages whose rules read it. */
  currentText: string;
  currentLanguages: ReadonlySet<TriageLanguage>;
  /** All the window's text, for the fallback language guess. */
  windowText: string;
}

/** The categories the notice names (see the header). */
export function noticeCategories(window: TriageCategory[], current: TriageCategory[], earlier: TriageCategory[]): TriageCategory[] {
  const brought = window.filter((c) => current.includes(c) || !earlier.includes(c));
  if (brought.length === 0) return window;
  return window.filter((c) => brought.includes(c) || c === "suicidal_self_harm");
}

function mostFrequent(languages: TriageLanguage[], guess: TriageLanguage | undefined): TriageLanguage | undefined {
  const counts = new Map<TriageLanguage, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const top = Math.max(...counts.values());
  const leaders = [...counts].filter(([, n]) => n === top).map(([language]) => language);
  return guess && leaders.includes(guess) ? guess : leaders[0];
}

/** The current message's language, when the turn tells it: the only language reading it, else its own rules' language, else the guessed one. */
export function currentTurnLanguage(evidence: NoticeEvidence): TriageLanguage | undefined {
  const readers = evidence.currentLanguages;
  if (readers.size === 1) return [...readers][0];
  const guess = guessLanguage(evidence.currentText);
  const own = mostFrequent(
    evidence.current.matchLanguages.filter((language) => readers.has(language)),
    guess,
  );
  if (own) return own;
  return guess && readers.has(guess) ? guess : undefined;
}

export function buildNotice(
  evidence: NoticeEvidence,
  contacts: EmergencyContacts,
  locale: string,
  env: Record<string, string | undefined> = process.env,
): EmergencyNotice {
  const language = currentTurnLanguage(evidence) ?? noticeLanguage(evidence.window.matchLanguages, evidence.windowText, locale);
  const categories = noticeCategories(evidence.window.categories, evidence.current.categories, evidence.earlier.categories);
  const localName = crisisLineNameFor(contacts, language, env);
  return {
    categories,
    emergencyNumber: contacts.emergencyNumber,
    crisisLine: contacts.crisisLine,
    crisisLineName: localName ?? contacts.crisisLineName,
    language,
    labels: NOTICE_WORDING[language].labels,
    text: emergencyNoticeText(categories, { ...contacts, crisisLineName: localName ?? "" }, language),
  };
}
