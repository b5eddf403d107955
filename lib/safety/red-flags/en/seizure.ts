// English red-flag rules: seizures.
import type { RedFlagRule } from "../types";

export const SEIZURE_RULES: RedFlagRule[] = [
  {
    id: "seizure",
    category: "seizure",
    when: [
      /\b(?:having|has had|had|is having|just had) an? (?:\w+ )?(?:seizure|fit|convulsion)\b/,
      /\b(?:seizing|convulsing|fitting)\b/,
      /\bshaking all over\b|\bjerking (?:all over|uncontrollably)\b|\bshaking uncontrollably and (?:not respond\w*|unresponsive)\b/,
      /\btwitching\b/,
      /\beyes (?:\w+ )?(?:rolled|rolling) (?:back|up)\b/,
      /\b(?:body|arms and legs|limbs) (?:\w+ )?(?:went|go|gone|is|are) (?:stiff|rigid)\b(?: \w+){0,4} (?:jerk\w*|shak\w*|twitch\w*)\b/,
      /\bfoaming at the mouth\b/,
    ],
    and: [
      /\b(?:minutes?|mins?|not respond\w*|wont wake|hasnt woken|woken up|unresponsive|collapsed|baby|son|daughter|just|first|still|keeps?|again|now|going on|jerk\w*|shak\w*|stiff|blue|rolled)\b/,
    ],
  },
  {
    id: "prolonged-or-repeated-seizure",
    category: "seizure",
    when: [/\b(?:seizure|seizures|fit|fits|convulsion|convulsions|fitting|seizing)\b/],
    and: [
      /\bfirst (?:ever |time )?(?:seizure|fit|convulsion)\b|\bfirst time\b|\bnever had (?:a |one )?(?:\w+ )?before\b|\bstill (?:confused|not (?:right|awake|responding|herself|himself)|drowsy|unresponsive)\b|\bpregnan\w*\b/,
      /\b(?:lasted|lasting|going on|been going|longer than|more than|over) (?:for )?(?:[5-9]|\d\d|five|six|seven|eight|ten|fifteen|twenty) (?:minutes|mins)\b|\b(?:back to back|one after another|another one|hasnt stopped|wont stop|not stopping|still going|keeps? (?:coming|happening))\b/,
    ],
  },
  {
    id: "first-seizure",
    category: "seizure",
    when: [/\bnever had (?:a |one )?(?:seizure|fit|convulsion)s? before\b/],
    and: [/\b(?:just had (?:one|it)|having one|had one (?:just|now|today|this morning|tonight))\b/],
  },
  {
    id: "unequal-pupils",
    category: "head_injury",
    when: [/\bpupils?\b(?: \w+){0,3} (?:different|unequal|uneven) sizes?\b|\bone pupil (?:is )?(?:much )?(?:bigger|larger|smaller)\b/],
  },
  {
    id: "seizure-now",
    category: "seizure",
    when: [
      /\b(?:hes|shes|he is|she is|is|theyre|they are|im|baby|son|daughter) (?:\w+ )?(?:fitting|seizing|convulsing|having an? (?:\w+ )?(?:seizure|fit|convulsion)(?! (?:about|over|because|when)))\b/,
    ],
  },
];
