// The fixed answers no model writes, so nothing can be invented: when the knowledge base has
// nothing for a question (it says where to get help instead), and when the user speaks of
// suicide or self-harm (the crisis line, never quoted passages: retrieval once matched "I have
// pills saved up" to an epilepsy leaflet's advice on medicines). The emergency texts are in the
// notice's language (lib/safety/notice-texts*.ts); the nothing-found answer in the message's (answer-texts.ts).
import type { EmergencyContacts } from "@/lib/safety/contacts";
import { answerWordingFor } from "@/lib/safety/answer-texts";
import { crisisAnswerText, wordingFor } from "@/lib/safety/notice-texts";
import type { TriageLanguage } from "@/lib/safety/red-flags/types";
import type { TriageCategory, TriageResult } from "@/lib/safety/triage";

type Triage = Pick<TriageResult, "emergency" | "categories">;

/** What a person at risk may report next: taking something, or cutting. */
const SELF_HARM_ACTS: ReadonlySet<TriageCategory> = new Set(["suicidal_self_harm", "overdose_poisoning", "severe_bleeding"]);

/**
 * Whether the answer is the crisis text (no retrieval, no model): triage heard suicide or
 * self-harm in the recent turns (`window`), and this message (`current`, triaged alone) speaks
 * of nothing but that or an act of it — "how many would it take" or "i took 30 pills" after
 * "I have pills saved up" gets the crisis text; a stroke reported next gets its own answer.
 */
export function needsCrisisAnswer(window: Triage, current: Triage): boolean {
  if (!window.emergency || !window.categories.includes("suicidal_self_harm")) return false;
  return current.categories.every((c) => SELF_HARM_ACTS.has(c));
}

/** The answer to suicide or self-harm (see needsCrisisAnswer), in the notice's language: the crisis line and the emergency number. */
export function crisisAnswer(contacts: EmergencyContacts, language: TriageLanguage = "en"): string {
  return crisisAnswerText(contacts, language);
}

/** The answer when nothing was found, in `language` (the message's: triage.ts TriageResult.language). */
export function noPassageAnswer(
  contacts: EmergencyContacts,
  triage?: Pick<TriageResult, "emergency" | "notice">,
  language: TriageLanguage = "en",
): string {
  // After an emergency notice, "look it up on MedlinePlus" would send someone in danger to read:
  // the answer points back to the notice and its number instead, in the notice's language.
  if (triage?.emergency) return wordingFor(triage.notice?.language ?? language).afterNotice(contacts);
  return answerWordingFor(language).noPassage(contacts);
}
