// English red-flag rules: diabetic emergencies.
import type { RedFlagRule } from "../types";

export const DIABETIC_RULES: RedFlagRule[] = [
  {
    id: "diabetic-emergency",
    category: "diabetic_emergency",
    when: [/\bdiabet\w*|\bblood sugar\b|\bsugars? (?:is|was|of|are|reading)\b|\binsulin\b|\btype (?:1|one)\b|\bglucose\b|\bhypo\b/],
    // Shaky or sweaty alone is a hypo the person treats (concepts/rules.ts: one that does not come up with sugar fires there).
    and: [
      /\b(?:confus\w*|unconscious|unresponsive|drowsy|(?:breath|smells?) (?:\w+ ){0,2}fruity|fruity (?:breath|smell\w*)|pear drops|nail (?:polish|varnish)|acetone|vomit\w*|acting drunk|wont make sense|not making sense|fitting|seizure|ketones?|says hi|reads hi|cant (?:swallow|wake)|aggressive|slurr\w*|breathing (?:really |very )?(?:deep|fast|heavy))\b/,
    ],
  },
  {
    id: "diabetic-reading",
    category: "diabetic_emergency",
    // A very low or very high reading: below 3 mmol/L (3.x is a hypo the person treats) or 10–49 mg/dL. Numbers from 10
    // to 49 are a dangerous low in mg/dL but a high in mmol/L that a person who feels well, or who measured after a meal,
    // can take to their doctor ("sugar was 14 after a big meal, feels fine").
    when: [/\bdiabet\w*|\bblood sugar\b|\bsugars? (?:is|was|of|are|reading)\b|\binsulin\b|\btype (?:1|one)\b|\bglucose\b|\bhypo\b/],
    and: [
      /\b(?:sugar|glucose|reading)s? (?:is|was|of|reading|at) (?:only )?(?:[0-2](?:\.\d)?|[1-4]\d)\b(?!\.\d|\d)/,
      /\b(?:sugar|glucose) (?:is |was )?(?:over|above) (?:3\d|[4-9]\d\d)\b/,
    ],
    unless: [
      /\b(?:feels?|feeling|seems?) (?:totally |completely |absolutely |perfectly )?(?:fine|ok|okay|well|normal|good)\b|\bafter (?:a |her |his |my |the )?(?:big |large )?(?:meal|dinner|lunch|breakfast|eating)\b/,
    ],
  },
  {
    id: "ketoacidosis-pattern",
    category: "diabetic_emergency",
    // Undiagnosed type 1 diabetes presenting as DKA: thirst and peeing a lot, then vomiting / deep breathing / drowsiness.
    when: [/\b(?:thirst\w*|drinking (?:loads|so much|a lot|constantly|all the time|tons|litres|gallons))\b/],
    and: [/\b(?:pee\w*|wee\w*|urinat\w*|toilet|bathroom|wetting)\b/],
    andAlso: [
      /\b(?:vomit\w*|throwing up|being sick|breathing (?:really |very |so )?(?:deep|fast|heavy|funny)|fruity|pear drops|drowsy|confus\w*|tummy pain|stomach pain)\b/,
    ],
  },
];
