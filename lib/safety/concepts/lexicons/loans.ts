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

/** `lexicon` with the English loanwords added to its concepts. */
export function withLoans(lexicon: ConceptLexicon): ConceptLexicon {
  const merged: ConceptLexicon = { ...lexicon };
  for (const [concept, words] of Object.entries(ENGLISH_LOANS) as [keyof ConceptLexicon, string[]][]) {
    merged[concept] = [...(merged[concept] ?? []), ...words];
  }
  return merged;
}
