// The fixed answers no model writes, so nothing can be invented: when the knowledge base has
// nothing for a question (it says where to get help instead), and when the user speaks of
// suicide or self-harm (the crisis line, never quoted passages: retrieval once matched "I have
// pills saved up" to an epilepsy leaflet's advice on medicines).
import type { EmergencyContacts } from "@/lib/safety/contacts";
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

/** The answer to suicide or self-harm (see needsCrisisAnswer): the crisis line and the emergency number. */
export function crisisAnswer(contacts: EmergencyContacts): string {
  return (
    `You are not alone, and support is available right now. Please call or text ${contacts.crisisLine} to talk with someone, ` +
    `or call ${contacts.emergencyNumber} if you might act on these thoughts or have already taken something. ` +
    "If you can, stay with someone you trust and keep pills and other means out of reach. " +
    "MedChat is an automated assistant and cannot help in a crisis; the people on these lines can."
  );
}

export function noPassageAnswer(contacts: EmergencyContacts, triage?: Pick<TriageResult, "emergency">): string {
  // After an emergency notice, "look it up on MedlinePlus" would send someone in danger to read:
  // the answer points back to the notice and its number instead.
  if (triage?.emergency) {
    return (
      `Please follow the emergency advice above: call ${contacts.emergencyNumber} (or your local emergency number) now. ` +
      "MedChat cannot help with an emergency, and it has no reliable information on this question."
    );
  }
  return (
    "I couldn't find this in the MedChat knowledge base, so I can't give you a reliable answer. " +
    "Please ask a doctor, nurse or pharmacist, or look it up on MedlinePlus (https://medlineplus.gov), " +
    `the U.S. National Library of Medicine's health site. If it is urgent, call ${contacts.emergencyNumber}.`
  );
}
