// The emergency contacts for a page render, from the browser's Accept-Language, so the
// banner and consent gate name the same numbers as the emergency notice.
import { emergencyContactsFor, type EmergencyContacts } from "@/lib/safety/contacts";

export function contactsForAcceptLanguage(header: string | null): EmergencyContacts {
  const first = header?.split(",")[0]?.split(";")[0]?.trim();
  return emergencyContactsFor(first && first !== "*" ? first : undefined);
}
