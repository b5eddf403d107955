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
  /** The fixed answer after a suicide or self-harm message (lib/chat/no-passage.ts): the crisis line and the emergency number. */
  crisisAnswer: (c: EmergencyContacts) => string;
  /** The fixed answer after any other emergency notice when nothing was found: back to the notice and its number. */
  afterNotice: (c: EmergencyContacts) => string;
}
