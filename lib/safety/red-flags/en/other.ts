// English red-flag rules: sepsis and other time-critical conditions.
import type { RedFlagRule } from "../types";
import { CHILD, WELL_CHILD } from "./parts";

/** Who an infant's age is told of: the child, or "he" / "she" in a message about one. */
const INFANT_SUBJECT =
  "(?:baby|babys|son|daughter|newborn|infant|he|she|hes|shes|lo|little one|bub|boy|girl|grandson|granddaughter|nephew|niece)";
/** An age under three months in weeks or days, or of one or two months (with "old", the first pattern covers three). */
const INFANT_AGE =
  "(?:(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?(?:weeks?|wks?|days?)|(?:[12]|one|two) ?months?)";

export const OTHER_RULES: RedFlagRule[] = [
  {
    id: "sepsis-signs",
    category: "other",
    when: [
      /\b(?:fever|temperature|temp|infection|infected|uti|kidney infection|pneumonia|chest infection|chills|shivering|rigors|cellulitis|after (?:my |his |her )?(?:surgery|operation|c-?section)|flu|sepsis)\b/,
    ],
    and: [
      /\b(?:mottled|blotchy|skin (?:is |looks |has gone |gone )?(?:blue|grey|gray|pale|patchy|mottled))\b/,
      /\b(?:not|havent|hasnt|no|didnt|hardly) (?:\w+ )?(?:peed|weed|urinated|passed urine|had a wee|been to the toilet|pee|wee|urine|wet nappies|wet diapers)\b/,
      /\b(?:shivering|shaking) (?:uncontrollably|violently|so hard)\b|\bcant stop (?:shivering|shaking)\b/,
      /\b(?:feels?|felt) like (?:im|hes|shes|they are|i am|i was) (?:going to|gonna|about to) die\b|\bworst (?:ive|i have) ever felt\b/,
      /\b(?:confus\w*|slurr\w*|very drowsy|hard to wake|cant wake)\b/,
    ],
    unless: [/\bwhen (?:he|she|they|i|my \w+) (?:has|have|gets?) an? (?:uti|infection|fever|temperature)\b|\busual(?:ly)?\b/],
  },
  {
    id: "sepsis-suspected",
    category: "other",
    when: [
      /\b(?:think|worried|scared|afraid|could|might|may)\b(?: \w+){0,3} (?:sepsis|septic|blood poisoning)\b/,
      /\b(?:is|has|have|got|getting) (?:become )?(?:sepsis|septic)\b/,
    ],
  },
  // ── other time-critical conditions ────────────────────────────────────────
  {
    id: "other-emergencies",
    category: "other",
    when: [
      /\b(?:stomach|belly|abdomen|tummy) (?:is |feels? )?(?:hard|rigid)\b|\bhard as a board\b/,
      /\bsudden (?:severe |really bad |terrible )?(?:belly|stomach|abdominal|tummy) pain\b/,
      /\b(?:bitten|bit|stung) by a (?:snake|spider|scorpion|jellyfish|adder|rattlesnake)\b|\bsnake ?bite\b|\b(?:snake|adder|rattlesnake|viper|cobra|scorpion|black widow|funnel web|box jellyfish) (?:just )?(?:bit|bitten|has bitten|stung)\b/,
      /\bcant (?:feel|move) (?:or (?:feel|move) )?(?:my|his|her|their) (?:legs|arms|body)\b/,
      /\b(?:heat ?stroke|hypothermi\w*)\b/,
      /\b(?:not|stopped|isnt|no longer|cant stop) (?:sweating|shivering)\b(?: \w+){0,6} (?:hot|burning|confus\w*|sun|heat|cold|drowsy)\b|\b(?:sun|heat|heatwave|hot car)\b(?: \w+){0,8} (?:confus\w*|not sweating|collaps\w*|fainted|fitting|seizure)\b/,
      /\b(?:nearly|almost) drown\w*\b|\bnear[ -]drowning\b|\b(?:pulled|dragged|rescued|fished) (?:\w+ ){0,3}out of (?:the )?(?:water|pool|lake|sea|river|bath|canal|ocean)\b|\bfell through (?:the )?ice\b|\bfloating face ?down\b|\bface ?down in the (?:water|pool|bath)\b/,
      /\bbone (?:is )?(?:sticking|poking|coming) (?:out|through)\b|\b(?:leg|arm|ankle|wrist) (?:is )?(?:bent|pointing|twisted) (?:the )?wrong way\b/,
      /\bpulsating (?:lump|mass)\b(?: \w+){0,3} (?:belly|stomach|tummy|abdomen)\b/,
    ],
  },
  {
    id: "acute-limb-ischaemia",
    category: "other",
    when: [/\b(?:leg|foot|arm|hand|toes|fingers)\b(?: \w+){0,3} (?:cold|white|pale|blue|mottled|grey)\b/],
    and: [/\b(?:pain\w*|agony|numb|cant move|dead)\b/],
    andAlso: [/\b(?:sudden\w*|all of a sudden|out of nowhere)\b/],
  },
  {
    id: "solitary-kidney-obstruction",
    category: "other",
    when: [/\b(?:only (?:have )?one kidney|single kidney|one working kidney|kidney transplant)\b/],
    and: [/\b(?:severe|agony|excruciating|vomit\w*|cant (?:pee|wee)|no (?:pee|urine)|fever)\b/],
  },
  {
    id: "acute-eye",
    category: "other",
    when: [
      /\b(?:severe|really bad|terrible|excruciating|agonising|agonizing|intense) (?:\w+ )?(?:pain in (?:my|his|her|their) eye|eye pain)\b|\beye (?:is )?(?:extremely|really|very|so) painful\b/,
    ],
    and: [/\b(?:halos?|blurr\w*|vomit\w*|sick|cant see|vision)\b/],
  },
  {
    id: "cauda-equina",
    category: "other",
    when: [
      /\b(?:numb\w*|no feeling|cant feel) (?:\w+ ){0,2}(?:around|between|in) (?:my |his |her )?(?:bum|bottom|buttocks|groin|genitals|legs|saddle|private parts)\b/,
      /\b(?:cant|unable to|lost) (?:control|feel) (?:of )?(?:my |his |her )?(?:bladder|bowels?|pee|wee)\b|\bwet (?:my|him|her)self without (?:noticing|feeling)\b/,
    ],
    and: [/\bback\b|\bspine\b|\bsciatica\b/],
  },
  {
    id: "testicular-torsion",
    category: "other",
    when: [/\b(?:testicle|testicles|testis|scrotum)\b|\b(?:my|his|your) (?:balls?|nuts)\b/],
    and: [/\b(?:sudden\w*|swollen|swelling|severe|really hurts|really badly|agony|excruciating|vomit\w*|throwing up|being sick)\b/],
    unless: [/\b(?:peanuts?|cashews?|walnuts?|nut allergy)\b/],
  },
  {
    id: "infant-fever",
    category: "other",
    when: [
      /\b(?:\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:week|wk|day)s? old\b|\bnewborn\b|\b(?:[1-3]|one|two|three) months? old\b/,
      // The age told without "old" ("my baby is 6 weeks and has a fever", "my 5 week son"): a child, "is", weeks or days
      // (or one or two months) — not a duration ("for 6 weeks", "6 weeks ago") nor a pregnancy ("6 weeks pregnant").
      new RegExp(
        `\\b${INFANT_SUBJECT}(?: is| s|s)? (?:only |just |nearly |almost |about )?${INFANT_AGE}(?! (?:ago|pregnant|postpartum|post|later|since|after|into|of|late|overdue|behind|sober|clean|from|away|before|out|off))\\b`,
      ),
      new RegExp(`\\b(?:my|our|her|his) ${INFANT_AGE} (?:old )?(?:baby|son|daughter|boy|girl|infant|newborn|grandson|granddaughter)\\b`),
    ],
    and: [
      /\b(?:fever|feverish|temperature of 3[89]|temp of 3[89]|38(?:\.\d)?|39(?:\.\d)?|floppy|not feeding|wont feed|burning up|(?:feels|is|feel) (?:really |very |so )?hot)\b/,
    ],
    // Under three months a fever is a red flag however well the baby feeds (NICE NG143): no well-child exception here.
  },
  {
    id: "seriously-ill-child",
    category: "other",
    unless: [WELL_CHILD],
    when: [
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,8} (?:is |looks |has gone |went )?(?:very |really )?(?:floppy|limp|mottled|grey|blue|unusually pale)\\b`,
      ),
    ],
  },
];
