// The shape of the texts the server writes around an answer in one language (answer-texts.ts fills it).
import type { EmergencyContacts } from "./contacts";

type Numbers = Pick<EmergencyContacts, "emergencyNumber">;

export interface AnswerWording {
  /** Footer on every assistant answer (including errors and emergency answers). */
  disclaimer: (c: Numbers) => string;
  /** The answer when the knowledge base has nothing for the question (no emergency). */
  noPassage: (c: Numbers) => string;
  /** A failed answer: the answer service is down, too slow, cut off, or refused the question. */
  errors: {
    unavailable: (c: Numbers) => string;
    timeout: (c: Numbers) => string;
    interrupted: string;
    /** The last resort: the answer failed in a way nothing above names (an unexpected server error mid-stream). */
    unexpected: string;
    failed: (c: Numbers) => string;
  };
}
