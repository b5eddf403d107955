// The fixed answer when the knowledge base has nothing for a question: no model writes
// it, so nothing can be invented. It says where to get help instead.
import type { EmergencyContacts } from "@/lib/safety/contacts";

export function noPassageAnswer(contacts: EmergencyContacts): string {
  return (
    "I couldn't find this in the MedChat knowledge base, so I can't give you a reliable answer. " +
    "Please ask a doctor, nurse or pharmacist, or look it up on MedlinePlus (https://medlineplus.gov), " +
    `the U.S. National Library of Medicine's health site. If it is urgent, call ${contacts.emergencyNumber}.`
  );
}
