// Texts the server adds around every answer, outside the model output, so that no
// prompt or model reply can remove them.
import { emergencyContactsFor, type EmergencyContacts } from "./contacts";
import { answerWordingFor } from "./answer-texts";
import { knowsNumber, LOCAL_NUMBER_WORDING } from "./local-number";
import { joinSentences, noticeNamesCrisisLine, oneNumber, wordingFor } from "./notice-texts";
import type { TriageCategory, TriageLanguage } from "./red-flags/types";

export const DISCLAIMER_VERSION = "2026-11-1";

/** Footer on every assistant answer (including errors and emergency answers), in the language of the message answered (English by default). */
export function answerDisclaimer(contacts: EmergencyContacts = emergencyContactsFor(undefined), language?: TriageLanguage): string {
  return answerWordingFor(language).disclaimer(contacts);
}

/** Consent-gate and banner text shown before the first message. */
export function consentText(contacts: EmergencyContacts = emergencyContactsFor(undefined)): string {
  const crisis = oneNumber(contacts) ? "" : `; if you are thinking about suicide or self-harm, call or text ${contacts.crisisLine}`;
  const call = knowsNumber(contacts) ? `${contacts.emergencyNumber} (or your local emergency number)` : "your local emergency number";
  return `MedChat provides educational information, not medical advice. It cannot examine you, diagnose or prescribe, and it can be wrong. In an emergency call ${call} right away${crisis}.`;
}

export function bannerText(contacts: EmergencyContacts = emergencyContactsFor(undefined)): string {
  const crisis = oneNumber(contacts) ? "" : ` Crisis? Call or text ${contacts.crisisLine}.`;
  return `Educational information only — not medical advice. Emergency? Call ${knowsNumber(contacts) ? contacts.emergencyNumber : "your local emergency number"}.${crisis}`;
}

/** The emergency notice streamed before anything else when triage finds red flags, in `language` (English by default). */
export function emergencyNoticeText(categories: TriageCategory[], contacts: EmergencyContacts, language: TriageLanguage = "en"): string {
  const wording = wordingFor(language);
  const lines = [wording.emergency(contacts)];
  // One number for both (ru-RU, tr-TR: 112): the emergency line has named it, the crisis line says to call it; with no number
  // known, the language's own number-less sentence where "that same number" would point at none (local-number.ts).
  const crisisOne = knowsNumber(contacts) ? wording.crisisOne : (LOCAL_NUMBER_WORDING[language]?.crisisOne ?? wording.crisisOne);
  if (categories.includes("suicidal_self_harm"))
    lines.push(...(oneNumber(contacts) ? [crisisOne] : [wording.crisis(contacts), wording.danger(contacts)]));
  // An overdose may have been taken on purpose: the crisis line too (its sentence is conditional).
  else if (noticeNamesCrisisLine(categories)) lines.push(oneNumber(contacts) ? crisisOne : wording.crisis(contacts));
  for (const category of categories) {
    const advice = wording.advice[category];
    if (advice) lines.push(advice);
  }
  lines.push(wording.closing);
  return joinSentences(lines);
}
