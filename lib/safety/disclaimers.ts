// Texts the server adds around every answer, outside the model output, so that no
// prompt or model reply can remove them.
import { emergencyContactsFor, type EmergencyContacts } from "./contacts";
import type { TriageCategory } from "./red-flags";

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

const CATEGORY_ADVICE: Partial<Record<TriageCategory, string>> = {
  cardiac: "Chest pain with these signs can be a heart attack.",
  stroke: "These can be signs of a stroke (face drooping, arm weakness, speech difficulty): every minute counts.",
  breathing: "Severe trouble breathing needs help right away.",
  anaphylaxis: "This may be a severe allergic reaction (anaphylaxis). Use an adrenaline auto-injector if one is available.",
  overdose_poisoning: "This may be an overdose or poisoning. Do not wait for symptoms; keep the packaging to show the responders.",
  severe_bleeding: "Press firmly on the wound with a clean cloth and keep pressing.",
  seizure: "A seizure lasting over 5 minutes, or not waking up afterwards, is an emergency. Do not put anything in the mouth.",
  unconscious: "If the person is not breathing normally, start CPR if you can; the dispatcher will guide you.",
  meningitis: "Fever with a stiff neck or a rash that does not fade can be meningitis.",
  pregnancy_emergency: "These signs in pregnancy need urgent assessment; contact your maternity unit or emergency services now.",
  severe_burn: "Cool the burn with cool running water for 20 minutes; for chemicals in the eye, rinse continuously.",
  head_injury: "Vomiting, confusion, drowsiness or a knock-out after a head injury need urgent assessment.",
  diabetic_emergency: "This may be a dangerous blood-sugar emergency; if the person is awake and can swallow and sugar is low, give sugar.",
  other: "This can be a time-critical condition that needs urgent medical assessment.",
};

/** The emergency notice streamed before anything else when triage finds red flags. */
export function emergencyNoticeText(categories: TriageCategory[], contacts: EmergencyContacts): string {
  const lines = [`This could be a medical emergency. Call ${contacts.emergencyNumber} (or your local emergency number) now, or go to the nearest emergency department.`];
  if (categories.includes("suicidal_self_harm")) {
    lines.push(`If you are thinking about suicide or hurting yourself, you are not alone: call or text ${contacts.crisisLine} (${contacts.crisisLineName}) now. If you are in immediate danger, call ${contacts.emergencyNumber}.`);
  }
  for (const category of categories) {
    const advice = CATEGORY_ADVICE[category];
    if (advice) lines.push(advice);
  }
  lines.push("Do not wait for an online answer.");
  return lines.join(" ");
}
