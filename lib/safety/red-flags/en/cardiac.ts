// English red-flag rules: cardiac: heart attack (typical and atypical), arrhythmia with fainting, aortic dissection.
import type { RedFlagRule } from "../types";
import { W, PERSON, CHEST_SYMPTOM, FEAR_OF_HAVING, PRESYNCOPE } from "./parts";

export const CARDIAC_RULES: RedFlagRule[] = [
  {
    id: "heart-attack-now",
    category: "cardiac",
    when: [
      /\b(?:having|have|getting|just had|has just had|think (?:i|he|she) (?:had|has had)) an? heart attack\b(?! \w* ?(?:ago|in (?:19|20)\d\d))/,
      /\bclutching (?:my|his|her|their) chest\b/,
      /^heart attack\b(?: (?:i think|i guess|maybe|probably|right now|now|happening|help|please))+\b/,
      /\bcardiac arrest (?:now|right now)\b/,
    ],
    // "he's going to have a heart attack when he sees the bill": a hyperbole about a future reaction.
    unless: [FEAR_OF_HAVING, /\b(?:going to|gonna|will|would|ll|could|might) have an? heart attack (?:when|if|once|after)\b/],
  },
  {
    id: "chest-pain-with-warning-signs",
    category: "cardiac",
    when: [
      new RegExp(`\\bchest (?:is |feels? |being |was )*${W}${CHEST_SYMPTOM}\\b`),
      new RegExp(
        `\\b(?:pain|pressure|tightness|heaviness|discomfort|squeezing|crushing|ache|aching|weight|band|tight|heavy|burning|feeling|sensation)(?: \\w+){0,5} ${PERSON}? ?chest\\b`,
      ),
      /\bchest (?:is )?(?:being )?squeezed\b/,
    ],
    and: [
      /\b(?:sweat\w*|clammy|grey|gray|greyish|ashen|pale|jaw|arm|neck|back|shoulder|(?:short of|out of|catch (?:my|his|her|their) |get (?:my|his|her|their) )breath|breathless\w*|cant breathe?|struggling to breathe|hard to breathe|(?:breathe|breathing) in|faint\w*|pass(?:ing)? out|dizzy|light ?headed|nause\w*|sick|vomit\w*|throwing up|threw up|puking|crushing|squeez\w*|radiat\w*|spread\w*|sudden\w*|severe|racing|palpitat\w*|ripping|tearing|\d+ ?min\w*|half an hour|an hour|right now|cold sweat|cold and (?:clammy|wet|sweaty)|wet sweat|drenched|soaked in sweat|pouring with sweat|dripping with sweat|please help|help me|help please|need help|sos|emergency|ambulance)\b|\bhelp$/,
    ],
    unless: [/\bno other symptoms\b|\bpanic disorder\b|\bwhen (?:im|i am|i get|i feel) (?:anxious|stressed|panicky)\b/],
  },
  {
    id: "chest-pressure-descriptors",
    category: "cardiac",
    when: [
      /\b(?:my|his|her|their) heart (?:is |feels )?(?:like (?:its |it is )?)?(?:being )?(?:squeezed|squeezing|crushed|crushing|in a vi[cs]e|gripped|clenched)\b/,
      /\b(?:elephant|someone|somebody|a weight|heavy weight|a ton of bricks|a truck|a brick)\b(?: \w+){0,4} (?:sitting|standing|pressing|pushing|crushing|on|sat) (?:on )?(?:my|his|her|their|the) chest\b/,
      /\b(?:band|vice|vise|belt) (?:around|round|across|on|squeezing) (?:my|his|her|their|the) chest\b/,
      /\bchest (?:is |feels? )?(?:like (?:it is |its )?)?(?:in a vi[cs]e|like a vi[cs]e|being crushed|caving in)\b/,
    ],
  },
  {
    id: "atypical-heart-attack",
    category: "cardiac",
    // Heart attacks in women, older people and diabetics often present as jaw/arm/back pain with sweating and breathlessness.
    when: [
      /\b(?:jaw|arm|upper back|shoulder|neck|between (?:my|his|her) shoulder blades)\b(?: \w+){0,4} (?:pain|ache|aching|hurts?|hurting|discomfort)\b|\b(?:pain|ache|aching|discomfort) (?:in|down|into) (?:my|his|her|their|the) (?:\w+ )?(?:jaw|arm|upper back|shoulder|neck)\b/,
    ],
    and: [/\b(?:sweat\w*|clammy|grey|gray|ashen|cold sweat)\b/],
    andAlso: [
      /\b(?:short of breath|breathless|cant (?:catch|get) (?:my|his|her) breath|nause\w*|sick|vomit\w*|faint\w*|dizzy|light ?-?headed)\b/,
    ],
    unless: [/\b(?:gym|workout|work out|training|after (?:a|my|his|her) run|hike|hiking|lifting)\b/],
  },
  {
    id: "arrhythmia-with-presyncope",
    category: "cardiac",
    when: [
      /\b(?:heart|pulse|heartbeat|heart rate|hr)\b(?: \w+){0,3} (?:racing|pounding|hammering|going (?:like )?(?:crazy|mad|really fast|so fast|1\d\d|2\d\d)|fluttering|beating (?:really |so |very )?(?:fast|irregular\w*|all over)|skipping|all over the place|1[5-9]\d|2\d\d)\b/,
      /\b(?:heart|pulse|heart rate)\b(?: \w+){0,3} (?:really |very |super )?(?:slow|3\d|2\d)\b(?: bpm| beats)?/,
      /\bpalpitations?\b/,
    ],
    and: [PRESYNCOPE, /\bchest (?:pain|hurts|tight\w*|pressure)\b/, /\b(?:short of breath|cant (?:catch my|get my) breath)\b/],
  },
  {
    id: "aortic-dissection",
    category: "cardiac",
    when: [/\b(?:tearing|ripping|torn|tear like|like (?:something|it) (?:is )?(?:tearing|ripping))\b/],
    and: [/\b(?:back|chest|shoulder blades?|belly|abdomen|stomach|tummy)\b/],
    unless: [/\b(?:muscle|ligament|hamstring|acl|meniscus|rotator|tendon|nail|skin|clothes|jeans|paper)\b/],
  },
];
