// Texts the server adds around every answer, outside the model output, so that no
// prompt or model reply can remove them.
import { emergencyContactsFor, type EmergencyContacts } from "./contacts";
import { NOTICE_WORDING } from "./notice-texts";
import type { TriageCategory, TriageLanguage } from "./red-flags/types";

export const DISCLAIMER_VERSION = "2026-11-1";

/** Footer on every assistant answer (including errors and emergency answers). */
export function answerDisclaimer(contacts: EmergencyContacts = emergencyContactsFor(undefined)): string {
  return `MedChat gives general educational information, not medical advice, diagnosis or treatment. Always ask a doctor or other qualified clinician about your situation. In an emergency call ${contacts.emergencyNumber}.`;
}

/** Consent-gate and banner text shown before the first message. */
export function consentText(contacts: EmergencyContacts = emergencyContactsFor(undefined)): string {
  return `MedChat provides educational information, not medical advice. It cannot examine you, diagnose or prescribe, and it can be wrong. In an emergency call ${contacts.emergencyNumber} (or your local emergency number) right away; if you are thinking about suicide or self-harm, call or text ${contacts.crisisLine}.`;
}

export function bannerText(contacts: EmergencyContacts = emergencyContactsFor(undefined)): string {
  return `Educational information only — not medical advice. Emergency? Call ${contacts.emergencyNumber}. Crisis? Call or text ${contacts.crisisLine}.`;
}

/** The emergency notice streamed before anything else when triage finds red flags, in `language` (English by default). */
export function emergencyNoticeText(categories: TriageCategory[], contacts: EmergencyContacts, language: TriageLanguage = "en"): string {
  const wording = NOTICE_WORDING[language] ?? NOTICE_WORDING.en;
  const lines = [wording.emergency(contacts)];
  if (categories.includes("suicidal_self_harm")) lines.push(wording.crisis(contacts));
  for (const category of categories) {
    const advice = wording.advice[category];
    if (advice) lines.push(advice);
  }
  lines.push(wording.closing);
  return lines.join(" ");
}
