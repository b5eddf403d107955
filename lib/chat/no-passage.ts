// The fixed answer when the knowledge base has nothing for a question: no model writes
// it, so nothing can be invented. It says where to get help instead.
import type { EmergencyContacts } from "@/lib/safety/contacts";
import type { TriageResult } from "@/lib/safety/triage";

export function noPassageAnswer(contacts: EmergencyContacts, triage?: Pick<TriageResult, "emergency" | "categories">): string {
  // After an emergency notice, "look it up on MedlinePlus" would send someone in danger to read:
  // the answer points back to the notice and its numbers instead.
  if (triage?.emergency) {
    const crisis = triage.categories.includes("suicidal_self_harm")
      ? ` If you are thinking about suicide or hurting yourself, call or text ${contacts.crisisLine} now.`
      : "";
    return (
      `Please follow the emergency advice above: call ${contacts.emergencyNumber} (or your local emergency number) now.${crisis} ` +
      "MedChat cannot help with an emergency, and it has no reliable information on this question."
    );
  }
  return (
    "I couldn't find this in the MedChat knowledge base, so I can't give you a reliable answer. " +
    "Please ask a doctor, nurse or pharmacist, or look it up on MedlinePlus (https://medlineplus.gov), " +
    `the U.S. National Library of Medicine's health site. If it is urgent, call ${contacts.emergencyNumber}.`
  );
}
