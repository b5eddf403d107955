// English red-flag rules: head injury.
import type { RedFlagRule } from "../types";

export const HEAD_INJURY_RULES: RedFlagRule[] = [
  {
    id: "head-injury-warning-signs",
    category: "head_injury",
    when: [
      /\b(?:hit|hitting|bumped|bumping|banged|banging|struck|knocked|knocking|smashed|smashing|fell on|whacked|smacked|cracked|cracking) (?:my|his|her|their|the back of (?:my|his|her)) head\b/,
      // A head meeting a windscreen or a hard floor: "hit the windscreen", "went through the windshield".
      /\b(?:hit|hitting|smashed|smashing|went through|head (?:hit|went into)) (?:into )?the (?:windscreen|windshield|dashboard)\b/,
      /\bhead (?:injury|trauma|wound)\b/,
      /\b(?:fell|fall|fallen|landed) (?:\w+ ){0,4}(?:on|onto) (?:his|her|my|their) head\b/,
    ],
    and: [
      /\b(?:vomit\w*|throwing up|threw up|been sick|being sick|sick (?:twice|again|\d times)|confus\w*|drowsy|sleepy|cant stay awake|pupils?|knocked out|unconscious|passed out|seizure|fit|blood thinners?|warfarin|apixaban|rivaroxaban|eliquis|xarelto|clopidogrel|clear fluid|cant remember|slurr\w*|repeating (?:him|her|my|them)self|keeps repeating|(?:doesnt|dont|didnt) know (?:what day|where (?:he|she|they) (?:is|are)|who (?:i|we) am)|not making sense|double vision|seeing double|blood (?:coming )?(?:from|out of) (?:his|her|my|their) (?:ear|nose)|worst headache)\b/,
    ],
  },
];
