// English red-flag rules: meningitis.
import type { RedFlagRule } from "../types";

export const MENINGITIS_RULES: RedFlagRule[] = [
  {
    id: "meningitis-rash",
    category: "meningitis",
    when: [
      /\b(?:rash|spots|marks|blotches|bruises|dots)\b(?: \w+){0,5} (?:doesnt|does not|wont|dont|isnt|not|didnt|do not|arent) (?:fade|go away|disappear|blanch|go (?:white|pale))\b/,
      /\bglass test\b/,
      /\bnon ?-?blanching\b/,
      /\b(?:purple|purplish|dark red|red-purple) (?:pin ?-?prick |pinprick |tiny )?(?:spots|rash|blotches|dots|marks|bruises)\b/,
    ],
  },
  {
    id: "meningitis-stiff-neck",
    category: "meningitis",
    when: [
      /\bstiff neck\b/,
      /\bneck (?:is |feels? )?(?:really |very )?stiff\b/,
      /\bcant (?:bend|touch|put) (?:his|her|my|their) chin (?:to|on) (?:his|her|my|their) chest\b/,
      /\b(?:light|bright light) (?:hurts|hurting) (?:his|her|my|their) eyes\b/,
    ],
    and: [/\b(?:fever|temperature|temp|headache|rash|light|vomit\w*|drowsy|confus\w*|hot)\b/],
  },
  {
    id: "meningitis-photophobia",
    category: "meningitis",
    when: [
      /\b(?:cant stand|cant bear|cant look at|cant handle|hates|hating|sensitive to|hurts to look at|bothered by|screaming at) (?:the )?(?:bright )?lights?\b/,
    ],
    and: [/\b(?:fever|temperature|temp|hot|spots|rash|stiff|drowsy|confus\w*|purple|blotch\w*)\b/],
  },
  {
    id: "infant-meningitis-signs",
    category: "meningitis",
    when: [
      /\b(?:soft spot|fontanelle?)\b(?: \w+){0,4} (?:bulg\w*|swollen|tense|sticking out|raised)\b/,
      /\bhigh[ -]pitched (?:cry|crying|scream\w*)\b/,
    ],
  },
];
