// The shape of the emergency notice's words in one language (notice-texts.ts and
// notice-texts-world.ts fill it; the numbers come from the locale, contacts.ts).
import type { EmergencyContacts } from "./contacts";
import type { TriageCategory } from "./red-flags/types";

/** Short labels a surface shows around the notice (heading, call buttons). */
export interface NoticeLabels {
  heading: string;
  call: string;
  crisisLine: string;
}

export interface NoticeWording {
  labels: NoticeLabels;
  emergency: (c: EmergencyContacts) => string;
  crisis: (c: EmergencyContacts) => string;
  advice: Partial<Record<TriageCategory, string>>;
  closing: string;
}
