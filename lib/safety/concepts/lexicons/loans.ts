// English words that turn up inside messages in other languages ("mein vater hat chest
// pain und schwitzt", "mon copain a fait une overdose"). They join every other language's
// concepts, so the language's own words supply the rest of a combination and its own
// framing (questions, long past) still applies.
import type { ConceptLexicon } from "../types";

export const ENGLISH_LOANS: ConceptLexicon = {
  chest: ["chest"],
  chestPain: ["chest pain", "pain#", "pressure"],
  cardiacSign: ["left arm", "cold sweat", "sweating"],
  blood: ["bleeding", "blood#"],
  wontStop: ["wont stop", "won t stop", "not stopping"],
  gushing: ["heavy bleeding", "gushing", "spurting"],
  cantBreathe: ["cant breathe", "can t breathe", "cannot breathe", "not breathing"],
  shaking: ["seizure", "seizing", "convulsing"],
  unresponsive: ["unresponsive", "not responding"],
  pills: ["pills", "tablets"],
  farewell: ["goodbye", "last message"],
  unreachable: ["phone off", "not answering", "no answer"],
  inhaler: ["inhaler", "asthma", "ventolin"],
  severeBreath: ["lips blue", "blue lips", "lips ~ blue", "turning blue"],
  diabetic: ["diabetic", "insulin", "hypo#"],
  chemical: ["button batter", "coin batter", "dishwasher pod", "bleach"],
  burn: ["burned", "scalded", "boiling water"],
  agonal: ["snoring", "gasping"],
  stiffNeck: ["stiff neck"],
  named: [
    "heart attack",
    "stroke#",
    "seizure",
    "overdose",
    "overdosed",
    "anaphylactic",
    "anaphylaxis",
    "cardiac arrest",
    "chest pain",
    "not breathing",
    "cant breathe",
    "can t breathe",
    "heavy bleeding",
  ],
};

/** Two lexicons' words joined concept by concept. */
export function mergeLexicons(a: ConceptLexicon, b: ConceptLexicon | undefined): ConceptLexicon {
  const merged: ConceptLexicon = { ...a };
  for (const [concept, words] of Object.entries(b ?? {}) as [keyof ConceptLexicon, string[]][]) {
    merged[concept] = [...(merged[concept] ?? []), ...words];
  }
  return merged;
}

/** `lexicon` with the English loanwords added to its concepts. */
export function withLoans(lexicon: ConceptLexicon): ConceptLexicon {
  return mergeLexicons(lexicon, ENGLISH_LOANS);
}
