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
  /** To call the crisis line now. */
  crisis: (c: EmergencyContacts) => string;
  /** In immediate danger, to call the emergency number: left out when the crisis line is that number (notice-texts.ts oneNumber). */
  danger: (c: EmergencyContacts) => string;
  /** Replaces `crisis` and `danger` when the crisis line is the emergency number, named once already by `emergency`. */
  crisisOne: string;
  advice: Partial<Record<TriageCategory, string>>;
  closing: string;
  /**
   * The fixed answer after a suicide or self-harm message (lib/chat/no-passage.ts), in three parts: `call` names the crisis
   * line and the emergency number; `callOne` replaces it when the crisis line is the emergency number, which is then named once.
   */
  crisisAnswer: { open: string; call: (c: EmergencyContacts) => string; callOne: (c: EmergencyContacts) => string; close: string };
  /** The fixed answer after any other emergency notice when nothing was found: back to the notice and its number. */
  afterNotice: (c: EmergencyContacts) => string;
}
