// Red-flag rules a clinician would triage to emergency services. Each rule matches
// normalised clauses (lib/safety/normalize.ts): `when` finds the red flag; `and`, if
// given, must also be present somewhere in the message (e.g. chest pain AND a warning
// sign). Negated or long-past mentions are discarded by the triage engine.

export const TRIAGE_CATEGORIES = [
  "cardiac",
  "stroke",
  "breathing",
  "anaphylaxis",
  "overdose_poisoning",
  "severe_bleeding",
  "suicidal_self_harm",
  "seizure",
  "unconscious",
  "meningitis",
  "pregnancy_emergency",
  "severe_burn",
  "head_injury",
  "diabetic_emergency",
  "other",
] as const;

export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export interface RedFlagRule {
  id: string;
  category: TriageCategory;
  when: RegExp[];
  and?: RegExp[];
}

const W = "(?:\\w+ ){0,3}"; // up to three filler words between two parts of a phrase
const PERSON = "(?:my|his|her|their|your|the)";
const CHEST_SYMPTOM = "(?:pain|pains|hurts?|hurting|ache|aching|pressure|tight|tightness|heavy|heaviness|squeezed|squeezing|crushing|discomfort|burning)";

export const RED_FLAG_RULES: RedFlagRule[] = [
  // ── cardiac ───────────────────────────────────────────────────────────────
  { id: "heart-attack-now", category: "cardiac", when: [/\b(?:having|have|had|getting) an? heart attack\b/, /\bclutching (?:my|his|her|their) chest\b/, /\bcardiac arrest (?:now|right now)\b/] },
  {
    id: "chest-pain-with-warning-signs",
    category: "cardiac",
    when: [new RegExp(`\\bchest (?:is |feels? |being |was )*${W}${CHEST_SYMPTOM}\\b`), new RegExp(`\\b(?:pain|pressure|tightness|heaviness|discomfort|squeezing)(?: \\w+){0,5} ${PERSON}? ?chest\\b`), /\bchest (?:is )?(?:being )?squeezed\b/],
    and: [
      /\b(?:sweat\w*|clammy|grey|gray|pale|jaw|arm|neck|back|shoulder|breath\w*|faint\w*|pass(?:ing)? out|dizzy|light ?headed|nause\w*|sick|vomit\w*|crushing|squeez\w*|radiat\w*|spread\w*|sudden\w*|severe|racing|palpitat\w*|ripping|tearing|\d+ ?min\w*|an hour ago|right now)\b/,
    ],
  },
  // ── stroke ────────────────────────────────────────────────────────────────
  {
    id: "stroke-signs",
    category: "stroke",
    when: [
      /\b(?:having|had|having had) an? stroke\b(?! \w* ?(?:ago|in (?:19|20)\d\d))/,
      /\b(?:face|smile|mouth)\b(?: \w+){0,3} (?:drooping|droopy|droops|drooped|lopsided|uneven|numb|fallen)\b/,
      /\b(?:drooping|droopy|lopsided) (?:face|smile|mouth)\b/,
      /\bslurr\w*\b/,
      /\b(?:words|speech) (?:come|comes|coming|are|is) (?:out )?(?:wrong|garbled|jumbled|strange|weird)\b/,
      /\bcant (?:talk|speak) (?:properly|clearly|right|normally)\b/,
      new RegExp(`\\bcant (?:move|lift|raise|feel) ${PERSON} (?:right |left )?(?:arm|leg|hand|side)\\b`),
      /\b(?:arm|leg|hand|side) (?:is |feels? |went |has gone |goes |gone )?(?:limp|dead|weak|numb)\b/,
      /\b(?:one|left|right) side of (?:my|his|her|the) (?:body|face)\b(?: \w+){0,3} (?:weak|numb|dead|limp)\b/,
      /\b(?:lost|losing|loss of) (?:the )?(?:vision|sight)\b/,
      /\bworst headache\b/,
      /\bthunderclap\b/,
      /\bsudden\w* (?:\w+ ){0,3}(?:confus\w*|weak\w*|numb\w*|cant (?:see|speak|talk|walk))\b/,
      /\bconfused all of a sudden\b/,
    ],
  },
  // ── breathing ─────────────────────────────────────────────────────────────
  {
    id: "breathing-difficulty",
    category: "breathing",
    when: [
      /\b(?:cant|unable to|struggling to|struggle to|hard to|fighting to) (?:catch (?:my|his|her|their) )?(?:breathe?|breathing|get (?:my |his |her )?breath)\b/,
      /\b(?:trouble|difficulty|difficult|problems?|struggling) (?:with )?breathing\b/,
      /\bbreathing (?:problems?|difficult\w*)\b/,
      /\b(?:isnt|not|stopped|wasnt|arent|stops) breathing\b/,
      /\b(?:lips|face|skin|fingers|tongue) (?:are |is )?(?:turning |going |gone |went )?(?:blue|purple)\b/,
      /\binhaler (?:isnt|not|doesnt|wont|didnt|is not) (?:help\w*|work\w*)\b/,
      /\bbreathing (?:really |very |so |too )?(?:fast|slow|shallow|noisy|weird|strange)\b/,
      /\b(?:ribs|chest|neck|tummy) (?:\w+ ){0,2}(?:sucking|pulling|sinking) in\b/,
      /\bchoking\b/,
      /\b(?:so|very|really|extremely|severely|suddenly|badly) (?:short|out) of breath\b/,
      /\bshort of breath (?:at rest|lying down|while resting)\b/,
      /\bcant (?:finish|complete|say) (?:a |my |full )?sentences?\b/,
      /\bgasping\b/,
      /\bcoughing (?:up )?blood\b/,
    ],
  },
  // ── anaphylaxis ───────────────────────────────────────────────────────────
  {
    id: "anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\bthroat (?:is |feels? )?(?:closing|swelling|swollen|tight\w*)\b/,
      /\b(?:face|lips?|tongue|throat|mouth|eyes) (?:is |are |feels? |getting |started |starting )?(?:swell\w*|swollen|puff\w*)\b/,
      /\bswelling (?:of|in|on) (?:my |his |her |the )?(?:face|lips|tongue|throat)\b/,
      /\bcant swallow\b/,
      /\bhives all over\b/,
    ],
  },
  {
    id: "allergic-reaction-systemic",
    category: "anaphylaxis",
    when: [/\b(?:allergic reaction|anaphyla\w*|epipen|epi pen|adrenaline pen)\b/],
    and: [/\b(?:faint\w*|dizzy|breath\w*|wheez\w*|swallow|swell\w*|swollen|throat|collaps\w*|vomit\w*|still)\b/],
  },
  // ── overdose / poisoning ──────────────────────────────────────────────────
  {
    id: "overdose",
    category: "overdose_poisoning",
    when: [
      /\boverdosed\b|\btook an overdose\b|\btaken an overdose\b/,
      /\b(?:took|taken|swallowed|ate|had) (?:\w+ ){0,2}(?:too many|a whole (?:bottle|pack|packet|box|strip|load))\b/,
      /\bwhole (?:bottle|pack|packet|box|strip) of\b/,
      /\b(?:took|taken|swallowed|ate) (?:about |around |like |over )?(?:\d{2,}|twenty|thirty|forty|fifty|a hundred) (?:\w+ )?(?:pills|tablets|capsules)\b/,
      /\b(?:drank|drunk|drinking|swallowed|ate|eaten|ingested|licked) (?:some |a |the |a bit of |some of the )?(?:\w+ )?(?:bleach|detergent|antifreeze|drain cleaner|poison|chemicals?|button batter\w*|batter(?:y|ies)|laundry pods?|weed killer|pesticide|rat poison|lighter fluid|petrol|gasoline|kerosene|paint thinner|methanol)\b/,
      /\b(?:toddler|child|kid|baby|son|daughter|year old|yr old)\b(?: \w+){0,3} (?:ate|swallowed|got into|drank|eaten)\b(?: \w+){0,5} (?:pills?|tablets?|medicines?|medication|capsules|gummies)\b/,
      /\b(?:carbon monoxide|co) (?:alarm|detector)\b/,
      /\bcarbon monoxide poison\w*\b/,
    ],
  },
  // ── severe bleeding ───────────────────────────────────────────────────────
  {
    id: "severe-bleeding",
    category: "severe_bleeding",
    when: [
      /\bbleeding (?:wont|doesnt|isnt|is not|will not|hasnt|not) stop\w*\b/,
      /\bwont stop bleeding\b/,
      /\bspurting\b/,
      /\b(?:got|been|was|just|being) (?:\w+ )?(?:stabbed|shot)\b/,
      /\b(?:throwing up|vomiting|vomited|puking|spitting up|coughing up|coughed up) blood\b/,
      /\bbleeding (?:heavily|a lot|badly|profusely|everywhere|so much)\b/,
      /\b(?:heavy|severe|massive|uncontrolled) bleeding\b/,
      /\bsoaked (?:through|thru)\b/,
      /\b(?:black|tarry) (?:tarry |black )?(?:stool|stools|poop)\b/,
    ],
  },
  // ── suicidal thoughts and self-harm ───────────────────────────────────────
  {
    id: "suicidal",
    category: "suicidal_self_harm",
    when: [
      /\bkill (?:my ?self|himself|herself|themselves)\b/,
      /\bkms\b/,
      /\bsuicidal\b/,
      /\b(?:commit|committing|attempt\w*|thinking about|thoughts of|planning) suicide\b/,
      /\bend(?:ing)? (?:it all|my life|his life|her life|things|everything)\b/,
      /\b(?:dont|do not|no longer) want to (?:be alive|live|exist|wake up|be here)\b/,
      /\bno reason to live\b/,
      /\b(?:want|wants|wanting|going) to die\b/,
      /\bbetter off dead\b/,
      /\b(?:going to|want to|wants to|will|plan to|planning to) (?:hurt|harm|cut|kill) (?:my ?self|himself|herself|themselves)\b/,
      /\bcut (?:my ?self|himself|herself)\b/,
      /\bself[ -]?harm\w*\b/,
      /\b(?:texted|messaged|said) (?:me )?goodbye\b/,
      /\bplanning how to do it\b/,
    ],
  },
  // ── seizure ───────────────────────────────────────────────────────────────
  {
    id: "seizure",
    category: "seizure",
    when: [
      /\b(?:having|has had|had|is having) an? (?:\w+ )?(?:seizure|fit|convulsion)\b/,
      /\b(?:seizing|convulsing|fitting)\b/,
      /\bshaking all over\b|\bjerking (?:all over|uncontrollably)\b/,
      /\btwitching\b/,
    ],
    and: [/\b(?:minutes?|mins?|not respond\w*|wont wake|hasnt woken|woken up|unresponsive|collapsed|baby|son|daughter|just|first|still|keeps?|again|now|going on)\b/],
  },
  // ── unconscious / unresponsive ────────────────────────────────────────────
  {
    id: "unconscious",
    category: "unconscious",
    when: [
      /\bunconscious\b/,
      /\bunresponsive\b/,
      /\b(?:not|isnt|wont|doesnt|stopped) respond\w*\b/,
      /\bcant wake (?:him|her|them|up|my|his)?\b/,
      /\bwont wake(?: up)?\b/,
      /\b(?:hasnt|has not|not) woken(?: up)?\b/,
      /\bcollapsed\b/,
      /\b(?:passed out|blacked out|knocked out)\b/,
      /\bfainted\b/,
      /\bno pulse\b/,
    ],
  },
  // ── meningitis ────────────────────────────────────────────────────────────
  {
    id: "meningitis-rash",
    category: "meningitis",
    when: [/\brash (?:that )?(?:doesnt|does not|wont|dont|isnt|not) (?:fade|go away when)\b/, /\bglass test\b/, /\bnon ?-?blanching\b/, /\bpurple (?:spots|rash|blotches|dots)\b/],
  },
  {
    id: "meningitis-stiff-neck",
    category: "meningitis",
    when: [/\bstiff neck\b/, /\bneck (?:is |feels? )?(?:really |very )?stiff\b/],
    and: [/\b(?:fever|temperature|headache|rash|light|vomit\w*|drowsy|confus\w*)\b/],
  },
  // ── pregnancy ─────────────────────────────────────────────────────────────
  {
    id: "pregnancy-warning-signs",
    category: "pregnancy_emergency",
    when: [
      /\bbleeding\b/,
      /\b(?:blurr?y vision|vision (?:changes|problems)|seeing (?:spots|flash\w*|stars))\b/,
      /\b(?:face|hands) (?:is |are )?swollen\b/,
      /\b(?:sharp|severe|bad|terrible|a lot of) (?:\w+ )?pain\b|\blot of pain\b/,
      /\bshoulder tip\b/,
      /\b(?:dizzy|faint\w*)\b/,
      /\b(?:severe|bad|terrible) headache\b/,
    ],
    and: [/\bpregnan\w*\b|\b\d{1,2} weeks\b(?! old)/],
  },
  {
    id: "pregnancy-baby-movement",
    category: "pregnancy_emergency",
    when: [/\bbaby (?:hasnt|has not|isnt|stopped|not|hasnt been) (?:moved|moving|kicked|kicking)\b/, /\b(?:reduced|less|fewer|no) (?:fetal |baby )?movements?\b/, /\bwaters? (?:broke|breaking|has broken|have broken)\b/],
  },
  // ── severe burns ──────────────────────────────────────────────────────────
  {
    id: "severe-burn",
    category: "severe_burn",
    when: [
      /\b(?:big|large|huge) blisters\b|\bblisters all over\b/,
      /\bboiling (?:water|oil)\b(?: \w+){0,6} (?:on|over) (?:him|her|my|his|them)\w*\b/,
      /\bburn\w* (?:my |his |her |their )?(?:face|hands?|airway|genitals|eyes?)\b/,
      /\bskin (?:looks |is |went |turned )?(?:white|leathery|charred|black)\b/,
      /\b(?:chemical|bleach|acid|drain cleaner|oven cleaner|cleaner|alkali|lye)\b(?: \w+){0,4} (?:in|into) (?:my|his|her|their) eyes?\b/,
      /\belectric(?:al)? (?:burn|shock)\b/,
    ],
  },
  // ── head injury ───────────────────────────────────────────────────────────
  {
    id: "head-injury-warning-signs",
    category: "head_injury",
    when: [/\b(?:hit|bumped|banged|struck|knocked|smashed|fell on) (?:my|his|her|their|the back of (?:my|his|her)) head\b/, /\bhead (?:injury|trauma|wound)\b/],
    and: [/\b(?:vomit\w*|throwing up|confus\w*|drowsy|sleepy|pupils?|knocked out|unconscious|passed out|seizure|fit|blood thinners?|clear fluid|cant remember|slurr\w*)\b/],
  },
  // ── diabetic emergencies ──────────────────────────────────────────────────
  {
    id: "diabetic-emergency",
    category: "diabetic_emergency",
    when: [/\bdiabet\w*|\bblood sugar\b|\bsugar (?:is|was|of)\b|\binsulin\b|\btype (?:1|one)\b/],
    and: [
      /\b(?:confus\w*|shaking|shaky|sweaty|unconscious|unresponsive|drowsy|fruity|vomit\w*|acting drunk|wont make sense|not making sense|fitting|seizure|ketones?|says hi|reads hi)\b/,
      /\bsugar (?:is|was|of|reading) (?:[0-3]?\d|[1-4]\d)\b(?!\.\d|\d)/,
    ],
  },
  // ── other time-critical conditions ────────────────────────────────────────
  {
    id: "other-emergencies",
    category: "other",
    when: [
      /\b(?:stomach|belly|abdomen|tummy) (?:is |feels? )?(?:hard|rigid)\b|\bhard as a board\b/,
      /\bsudden (?:severe |really bad |terrible )?(?:belly|stomach|abdominal|tummy) pain\b/,
      /\b(?:bitten|bit|stung) by a (?:snake|spider|scorpion|jellyfish)\b|\bsnake ?bite\b/,
      /\bcant (?:feel|move) (?:or (?:feel|move) )?(?:my|his|her|their) (?:legs|arms|body)\b/,
      /\b(?:heat ?stroke|hypothermi\w*)\b/,
    ],
  },
  {
    id: "testicular-torsion",
    category: "other",
    when: [/\b(?:testicle|testicles|testis|scrotum|balls?)\b/],
    and: [/\b(?:sudden\w*|swollen|swelling|severe|really hurts|agony)\b/],
  },
  {
    id: "infant-fever",
    category: "other",
    when: [/\b(?:\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:week|wk|day)s? old\b|\bnewborn\b/],
    and: [/\b(?:fever|temperature of 3[89]|temp of 3[89]|38(?:\.\d)?|39(?:\.\d)?|floppy|not feeding|wont feed)\b/],
  },
];
