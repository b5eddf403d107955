// English red-flag rules: unconscious or unresponsive.
import type { RedFlagRule } from "../types";

export const UNCONSCIOUS_RULES: RedFlagRule[] = [
  {
    id: "unconscious",
    category: "unconscious",
    when: [
      /\bunconscious\b/,
      /\bunresponsive\b/,
      /\b(?:not|isnt|wont|doesnt|stopped|cant get (?:him|her|them) to) respond\w*\b/,
      // Not "i cant wake up in the mornings": the writer is awake.
      /\bcant (?:wake|rouse|waken) (?:him|her|them|my|his)\b|(?<!\bi )\bcant (?:wake|rouse|waken)(?: up)?\b/,
      /\bwont (?:wake|rouse)(?: up)?\b/,
      /\b(?:hasnt|has not|not) woken(?: up)?\b/,
      /\b(?:hes|shes|he is|she is|is|theyre|they are|baby|still) not (?:waking|responding|rousing)\b/,
      /\b(?:(?<!\bi )cant|hard to|impossible to) (?:wake|rouse)\b/,
      /\bcollapsed\b/,
      /\b(?:passed out|blacked out|knocked out)\b/,
      /\bfainted\b/,
      /\bno pulse\b/,
      /\b(?:wont|isnt|not|doesnt|cant get (?:him|her|them) to) (?:answer|answering) (?:me|us|when (?:i|we) (?:talk|speak|shake|call))\b/,
      /\bslumped (?:over|in|on|against)\b(?: \w+){0,5} (?:wont|not|isnt|cant|doesnt)\b/,
      /\b(?:floppy|limp) and (?:pale|grey|blue|not|wont|cant|unresponsive)\b/,
      /\b(?:barely|hardly|semi|only just) (?:conscious|awake|responsive|responding|rousable)\b/,
    ],
    unless: [
      /\b(?:sight of (?:blood|needles?)|blood test|having blood taken|(?:feel|feels|felt|am|is|im|hes|shes) (?:completely |totally )?(?:fine|ok|okay|better|normal|back to normal) now)\b/,
    ],
  },
  {
    id: "down-and-not-moving",
    category: "unconscious",
    when: [
      /\b(?:dropped|fell|collapsed|keeled over|slumped|went down|passed out) (?:\w+ ){0,2}(?:to|on|onto) the (?:floor|ground)\b/,
      /\b(?:isnt|not|stopped|wont|cant) mov(?:e|ing)\b/,
    ],
    and: [/\b(?:floor|ground|dropped|fell|collapsed|keeled|slumped|breathing|respond\w*|help|wake|went down)\b/],
    unless: [/\b(?:baby|babys|bump|kicks|pregnan\w*|car|traffic|bowels?|stool|queue|line)\b/],
  },
];
