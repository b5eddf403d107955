// Red-flag rules a clinician would triage to emergency services, written category by
// category from ED / NHS 111 red-flag lists in the words lay people actually use
// ("feels like an elephant on my chest", "talking gibberish", "tummy sucking in under
// the ribs", "giving my things away"). Each rule matches normalised clauses
// (lib/safety/normalize.ts): `when` finds the red flag; `and` (and `andAlso`), if given,
// must also be present somewhere in the message (symptom combinations such as chest pain
// AND a warning sign); `unless` lists explicit "this is minor" descriptions that cancel
// the rule. Negated, long-past, animal and fictional mentions are discarded by the
// triage engine (lib/safety/triage.ts), which also uses the framing tables at the end of
// this file to ignore general-knowledge, educational and hypothetical questions.

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
  /** The red flag: any of these, live (not negated, long past or about an animal) in some clause. */
  when: RegExp[];
  /** If given, one of these must also be live somewhere in the message. */
  and?: RegExp[];
  /** If given, one of these must be live as well (a third element of a symptom combination). */
  andAlso?: RegExp[];
  /** If any of these occurs anywhere in the message, the rule does not fire (explicitly minor or explained). */
  unless?: RegExp[];
}

// Shared phrase fragments (normalised text: lower case, no apostrophes, "can't" → "cant").
const W = "(?:\\w+ ){0,3}"; // up to three filler words between two parts of a phrase
const PERSON = "(?:my|his|her|their|your|the)";
const SELF = "(?:my ?self|my ?selfe?|my ?slef|himself|herself|themselves|themself)";
const CHILD = "(?:toddler|child|kid|baby|son|daughter|boy|girl|grandson|granddaughter|year old|yr old|yo|month old|months old|little one|infant|twins?)";
const CHEST_SYMPTOM = "(?:pain|pains|hurts?|hurting|ache|aching|pressure|tight|tightness|heavy|heaviness|squeezed|squeezing|crushing|crushed|discomfort|burning)";
const LIMB = "(?:arm|leg|hand|foot|side|fingers|grip)";
const BODY_REGION = "(?:face|hands?|palms?|arms?|legs?|chest|back|tummy|belly|stomach|body|neck|feet|foot|thighs?|bum|bottom)";

/** "scared of having a heart attack", "my risk of having a stroke": a worry, not an event. */
const FEAR_OF_HAVING = /\b(?:scared|afraid|worried|fear|frightened|terrified|risk|chance|chances|prevent|avoid|odds|likely) (?:of|about|to be) (?:me |him |her )?(?:having|getting|have)\b|\bwhat if (?:i|he|she|you|someone|my \w+) (?:have|has|get|gets|had|ever)\b/;

/** A child described as otherwise well ("feeds fine", "floppy only when asleep"). */
const WELL_CHILD = /\b(?:feeds?|feeding|eating|drinking|playing|wakes and feeds) (?:\w+ )?(?:fine|well|normally|ok|okay|happily)\b|\bwhen (?:sleeping|asleep|she sleeps|he sleeps)\b/;

/** Presyncope / syncope words, shared by the cardiac and arrhythmia rules. */
const PRESYNCOPE = /\b(?:faint\w*|dizzy|light[ -]?headed|pass(?:ing|ed)? out|black(?:ing|ed)? out|nearly blacked|vision (?:is )?(?:going|went|gone|goes|turning) (?:dark|black|grey|gray|white|funny|blurry)|(?:everything|world) (?:is )?(?:going|went|turning) (?:dark|black|grey|gray|white)|tunnel vision|collaps\w*|about to (?:pass out|faint|collapse)|going to (?:pass out|faint|collapse))\b/;

export const RED_FLAG_RULES: RedFlagRule[] = [
  // ── cardiac: ACS, arrhythmia, aortic dissection ──────────────────────────
  {
    id: "heart-attack-now",
    category: "cardiac",
    when: [/\b(?:having|have|getting|just had|has just had|think (?:i|he|she) (?:had|has had)) an? heart attack\b(?! \w* ?(?:ago|in (?:19|20)\d\d))/, /\bclutching (?:my|his|her|their) chest\b/, /\bcardiac arrest (?:now|right now)\b/],
    unless: [FEAR_OF_HAVING],
  },
  {
    id: "chest-pain-with-warning-signs",
    category: "cardiac",
    when: [new RegExp(`\\bchest (?:is |feels? |being |was )*${W}${CHEST_SYMPTOM}\\b`), new RegExp(`\\b(?:pain|pressure|tightness|heaviness|discomfort|squeezing|crushing|ache|aching|weight|band|tight|heavy|burning|feeling|sensation)(?: \\w+){0,5} ${PERSON}? ?chest\\b`), /\bchest (?:is )?(?:being )?squeezed\b/],
    and: [
      /\b(?:sweat\w*|clammy|grey|gray|greyish|ashen|pale|jaw|arm|neck|back|shoulder|(?:short of|out of|catch (?:my|his|her|their) |get (?:my|his|her|their) )breath|breathless\w*|cant breathe?|struggling to breathe|hard to breathe|(?:breathe|breathing) in|faint\w*|pass(?:ing)? out|dizzy|light ?headed|nause\w*|sick|vomit\w*|crushing|squeez\w*|radiat\w*|spread\w*|sudden\w*|severe|racing|palpitat\w*|ripping|tearing|\d+ ?min\w*|half an hour|an hour|right now|cold sweat|cold and (?:clammy|wet|sweaty)|wet sweat|please help|help me|help please|need help|sos|emergency|ambulance)\b|\bhelp$/,
    ],
    unless: [/\bno other symptoms\b|\bpanic disorder\b|\bwhen (?:im|i am|i get|i feel) (?:anxious|stressed|panicky)\b/],
  },
  {
    id: "chest-pressure-descriptors",
    category: "cardiac",
    when: [
      /\b(?:elephant|someone|somebody|a weight|heavy weight|a ton of bricks|a truck|a brick)\b(?: \w+){0,4} (?:sitting|standing|pressing|pushing|crushing|on|sat) (?:on )?(?:my|his|her|their|the) chest\b/,
      /\b(?:band|vice|vise|belt) (?:around|round|across|on|squeezing) (?:my|his|her|their|the) chest\b/,
      /\bchest (?:is |feels? )?(?:like (?:it is |its )?)?(?:in a vi[cs]e|being crushed|caving in)\b/,
    ],
  },
  {
    id: "atypical-heart-attack",
    category: "cardiac",
    // Heart attacks in women, older people and diabetics often present as jaw/arm/back pain with sweating and breathlessness.
    when: [/\b(?:jaw|arm|upper back|shoulder|neck|between (?:my|his|her) shoulder blades)\b(?: \w+){0,4} (?:pain|ache|aching|hurts?|hurting|discomfort)\b|\b(?:pain|ache|aching|discomfort) (?:in|down|into) (?:my|his|her|their|the) (?:\w+ )?(?:jaw|arm|upper back|shoulder|neck)\b/],
    and: [/\b(?:sweat\w*|clammy|grey|gray|ashen|cold sweat)\b/],
    andAlso: [/\b(?:short of breath|breathless|cant (?:catch|get) (?:my|his|her) breath|nause\w*|sick|vomit\w*|faint\w*|dizzy|light ?-?headed)\b/],
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
  // ── stroke (BE-FAST in lay words) ─────────────────────────────────────────
  {
    id: "stroke-signs",
    category: "stroke",
    when: [
      /\b(?:having|had|having had) an? stroke\b(?! \w* ?(?:ago|in (?:19|20)\d\d))/,
      /\b(?:face|smile|mouth|lip|eye ?lid)\b(?: \w+){0,3} (?:drooping|droopy|droops|drooped|lopsided|uneven|numb|fallen|crooked|twisted|sagging|slipped|dropped|gone down|wonky)\b/,
      /\b(?:drooping|droopy|lopsided|crooked|twisted|wonky) (?:face|smile|mouth)\b/,
      /\bone side of (?:my|his|her|their|the) (?:face|mouth)\b(?: \w+){0,3} (?:down|droop\w*|sag\w*|not moving|wont move)\b/,
      /\bslurr\w*\b/,
      /\b(?:words|speech|talking|voice) (?:\w+ ){0,2}(?:come|comes|coming|are|is|sound|sounds|all)? ?(?:out )?(?:wrong|garbled|jumbled|muddled|mixed up|strange|weird|funny|nonsense|gibberish)\b/,
      /\b(?:talk|talks|talking|speak|speaks|speaking|speech)\b(?: \w+){0,2} (?:strange|strangely|funny|weird|gibberish|nonsense|muddled|jumbled|garbled|like (?:hes|shes|im) drunk)\b/,
      /\bcant (?:get (?:his|her|my|the) )?(?:talk|speak|words? out) ?(?:properly|clearly|right|normally)?\b/,
      /\b(?:mixing up|mixed up|muddling|jumbling) (?:his|her|my|their) words\b|\bcant find (?:the right |his |her |my )?words\b/,
      /\b(?:suddenly|all of a sudden)\b(?: \w+){0,2} cant understand (?:anything|what|us|me|him|her|a word)\b/,
      /\b(?:not making sense|makes no sense) when (?:he|she|they) (?:talks|speaks)\b/,
      new RegExp(`\\bcant (?:move|lift|raise|feel|grip|hold|use) (?:with )?${PERSON} (?:right |left )?(?:arm|leg|hand|side|fingers)\\b`),
      /\b(?:face|smile|mouth)\b(?: \w+){0,3} (?:different|not right|odd|strange|weird|wrong) (?:on )?(?:one|the (?:left|right)) side\b/,
      /\bcant (?:raise|lift|hold up|hold out) (?:both )?(?:his |her |my |their )?arms\b|\barms? (?:\w+ )?(?:drifts?|drifting|drops?|dropping|falls?|falling) down\b/,
      /\b(?:half|one side of) (?:my|his|her|their|the) (?:face|body|mouth)\b(?: \w+){0,3} (?:wont move|not moving|cant move|droop\w*|numb|weak|paralys\w*|frozen|dead|limp|fallen|down)\b/,
      /\b(?:arm|leg|hand|side|fingers|foot)\b(?: \w+){0,3} (?:is |feels? |went |has gone |goes |gone |suddenly )?(?:limp|dead|weak|numb|heavy and|useless|floppy|wont (?:work|move|grip|hold))\b/,
      /\b(?:hand|fingers) (?:wont|cant|doesnt) (?:grip|hold|grasp|work)\b/,
      /\bkeeps? dropping (?:things|his|her|my|the|stuff)\b/,
      /\b(?:one|left|right) side of (?:my|his|her|their|the) (?:body|face)\b(?: \w+){0,3} (?:weak|numb|dead|limp|heavy|tingl\w*)\b/,
      new RegExp(`\\b(?:left|right) ${LIMB} and (?:left |right )?(?:arm|leg)\\b(?: \\w+){0,2} (?:suddenly )?(?:went|gone|are|feel|is)? ?(?:weak|numb|heavy|dead|useless|limp)\\b`),
      /\b(?:lost|losing|loss of) (?:the )?(?:vision|sight)\b/,
      /\b(?:suddenly|all of a sudden|out of nowhere)\b(?: \w+){0,3} (?:cant see|blind|double vision|seeing double)\b/,
      /\bcant see (?:out of|with|from) (?:my|his|her|one|the) (?:left |right )?eye\b/,
      /\b(?:curtain|shadow|black(?:ness)?) (?:came |coming |fell |falling )?(?:down )?(?:over|across) (?:my|his|her|one) (?:eye|vision)\b/,
      /\bworst headache\b/,
      /\bthunderclap\b/,
      /\bheadache\b(?: \w+){0,6} (?:out of nowhere|like (?:being )?(?:hit|struck|kicked|a (?:bang|baseball bat|hammer|explosion))|exploded|explosion)\b/,
      /\b(?:sudden|explosive|blinding) (?:\w+ ){0,2}headache\b/,
      /\bsudden\w* (?:\w+ ){0,3}(?:confus\w*|weak\w*|numb\w*|cant (?:see|speak|talk|walk)|dizz\w* and)\b/,
      /\bconfused all of a sudden\b/,
      /\b(?:walk|walks|walking|stagger\w*|stumbl\w*|swaying)\b(?: \w+){0,2} like (?:a |hes |shes |im |he is |she is )?drunk\b/,
      /\b(?:suddenly|all of a sudden) (?:\w+ ){0,2}(?:lost|losing) (?:my|his|her|their) balance\b/,
      /\bcant (?:walk|stand) (?:straight|up straight|without falling)\b(?: \w+){0,3} (?:suddenly|all of a sudden)?/,
    ],
    unless: [
      FEAR_OF_HAVING,
      /\b(?:(?<!hasnt |not |havent |isnt |wasnt )been drinking|hangover|hungover|beers|night out|wasted|tipsy|pins and needles when|(?:sleep|sleeping|slept|lie|lying|lay) on (?:it|my arm|my hand|his arm|her arm))\b/,
      /\b(?:always been (?:like (?:that|this)|clumsy)|(?:hes|shes|im|always|just|naturally|a bit) clumsy|all (?:his|her|my) life|since (?:birth|childhood)|for years|on and off for (?:months|years))\b/,
    ],
  },
  {
    id: "posterior-stroke",
    category: "stroke",
    // Sudden vertigo with inability to walk, double vision or slurring can be a stroke in the back of the brain.
    when: [/\b(?:sudden\w*|all of a sudden|out of nowhere)\b(?: \w+){0,3} (?:dizz\w*|vertigo|spinning|room spinning)\b/],
    and: [/\b(?:cant (?:walk|stand)|unable to (?:walk|stand)|double vision|seeing double|falling (?:over|to one side)|slurr\w*|numb\w*|weak\w*|cant see)\b/],
  },
  // ── breathing ─────────────────────────────────────────────────────────────
  {
    id: "breathing-difficulty",
    category: "breathing",
    when: [
      /\b(?:cant|unable to|struggling to|struggle to|struggles to|hard to|fighting to|working (?:really |so |very )?hard to) (?:catch (?:my|his|her|their) )?(?:breathe?|breathing|get (?:my |his |her |any |enough )?(?:breath|air))\b/,
      /\b(?:trouble|difficulty|difficult|problems?|struggling) (?:with )?breathing\b/,
      /\bbreathing (?:problems?|difficult\w*)\b/,
      /\b(?:isnt|not|stopped|wasnt|arent|stops) breathing\b(?! (?:through|with) (?:his|her|my|the) (?:nose|mouth))/,
      /\b(?:lips|face|skin|fingers|tongue|mouth)\b(?: \w+){0,2} (?:are |is |have |has )?(?:turning |going |gone |went |turned |a )?(?:blue|bluish|purple|grey|gray|greyish|grayish|dusky)\b/,
      /\b(?:blue|bluish|purple|grey|gray|dusky) (?:lips|face|tongue)\b/,
      /\b(?:inhaler|puffer|ventolin|salbutamol|albuterol|nebuli[sz]er)\b(?: \w+){0,4} (?:isnt|not|doesnt|wont|didnt|is not|arent|hasnt|stopped) (?:\w+ )?(?:help\w*|work\w*|doing anything|touching it|making a difference)\b/,
      /\b(?:inhaler|puffer|ventolin|salbutamol|albuterol)\b(?: \w+){0,4} (?:doing nothing|no help|no difference|useless)\b/,
      /\b(?:used|taken|had|given) (?:my|his|her|the) (?:blue )?(?:inhaler|puffer)\b(?: \w+){0,3} (?:[6-9]|1\d|2\d|ten|twenty|loads of|so many) (?:times|puffs)\b/,
      /\bbreathing (?:is |sounds |seems |looks )?(?:really |very |so |too )?(?:fast|slow|shallow|noisy|weird|strange|funny|deep and fast)\b/,
      /\b(?:ribs|chest|neck|tummy|belly|throat|skin)\b(?: \w+){0,3} (?:suck\w*|pull\w*|sink\w*|caving|tugg\w*|going) in\b/,
      /\b(?:suck\w*|pull\w*|sink\w*|caving|tugg\w*) in (?:at|under|between|around|below) (?:the |his |her |their )?(?:neck|ribs|chest|throat|collarbones?)\b/,
      /\b(?:nostrils flaring|grunting (?:with|when|as) (?:each|every)? ?breath|grunting)\b/,
      /\bchoking\b/,
      /\b(?:so|very|really|extremely|severely|suddenly|badly) (?:short|out) of breath\b/,
      /\bshort of breath (?:at rest|lying down|while resting|sitting still)\b/,
      /\bcant (?:finish|complete|say|get|speak|manage) (?:a |my |full |whole |more than a few )?(?:sentences?|words? out|full sentence)\b/,
      /\b(?:barely|hardly) (?:get|say|speak|manage|finish|talk|breathe)\b/,
      /\b(?:only|can only) (?:say|speak|get out|manage) (?:one|two|three|a few|2|3|a couple of) (?:or (?:two|three|four|3|4) )?words\b/,
      /\b(?:having|in the middle of|middle of) an? (?:\w+ )?asthma attack\b/,
      /\bpeak flow\b(?: \w+){0,3} (?:half|less than half|under half|below (?:50|half)|very low|really low|33)\b/,
      /\b(?:inhaler|puffer|ventolin|salbutamol)\b(?: \w+){0,2} (?:isnt|not|doesnt|wont) (?:lasting|last)\b|\b(?:inhaler|puffer) (?:\w+ )?wearing off\b/,
      /\bstridor\b|\bhigh[ -]pitched (?:noise|sound|squeak|whistle|wheeze)\b(?: \w+){0,3} (?:breath\w*|breathing in)\b|\bdrooling\b(?: \w+){0,4} (?:cant swallow|struggling|breath\w*)\b/,
      /\bgasping\b|\bfighting for (?:air|breath)\b|\bstruggling for (?:air|breath)\b/,
      /\bcoughing (?:up )?blood\b/,
    ],
    unless: [/\bsnor\w*\b|\bsleep apn\w*\b/],
  },
  {
    id: "clot-in-lung",
    category: "breathing",
    // A swollen or painful leg with new breathlessness or chest pain can be a clot that has reached the lungs.
    when: [/\b(?:leg|calf|thigh)\b(?: \w+){0,2} (?:is |has been |feels )?(?:swollen|painful|red and hot|hot and swollen|tender)\b|\b(?:swollen|painful) (?:leg|calf)\b/],
    and: [/\b(?:short of breath|breathless\w*|chest pain|chest hurts|cough\w* (?:up )?blood|cant breathe?|struggling to breathe)\b/],
  },
  // ── anaphylaxis ───────────────────────────────────────────────────────────
  {
    id: "anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\bthroat (?:is |feels? )?(?:closing|swelling|swollen|tight\w*|closing up)\b/,
      /\b(?:face|lips?|tongue|throat|mouth|eyes) (?:is |are |feels? |getting |started |starting |now )?(?:tingling and |itchy and |tingly and |all |starting to |started to |getting )?(?:swell\w*|swollen|puff\w*|thick)\b/,
      /\bswelling (?:of|in|on) (?:my |his |her |the )?(?:face|lips|tongue|throat)\b/,
      /\bcant swallow\b/,
      /\bhives all over\b/,
    ],
  },
  {
    id: "allergic-reaction-systemic",
    category: "anaphylaxis",
    when: [/\b(?:allergic reaction|anaphyla\w*|epipen|epi pen|adrenaline pen|sting|stung|peanuts?|nuts?|shellfish|shrimp|prawns?|covered in hives|hives (?:everywhere|all over)|allergic to|allergy|swell\w* up (?:all over|everywhere)|swelling all over)\b/],
    and: [/\b(?:faint\w*|dizzy|light ?-?headed|breath\w*|wheez\w*|swallow|swell\w*|swollen|throat|collaps\w*|vomit\w*|still|hoarse|voice|floppy|limp|pale and|drowsy)\b/],
    unless: [/\bepipen (?:expired|expiry)\b/, /\bno other symptoms\b|\b(?:a bit of|some|mild|little|small|local) swelling\b/],
  },
  {
    id: "adrenaline-given",
    category: "anaphylaxis",
    // After any adrenaline for anaphylaxis an ambulance is still needed (biphasic reactions), even if the person feels better.
    when: [/\b(?:used|use|gave|given|give|injected|jabbed|had to use|administered) (?:\w+ ){0,2}(?:epipen|epi pen|epi|adrenaline|epinephrine|auto ?-?injector)\b/, /\b(?:epipen|epi pen|adrenaline|auto ?-?injector) (?:\w+ ){0,2}(?:used|given|worked|helped)\b/],
    unless: [/\bhow (?:is|are|do|does|to|should|would) (?:[\w-]+ ){0,4}(?:use|used|give|given)\b/, /\b(?:expired|practice|trainer|training)\b/],
  },
  // ── overdose / poisoning ──────────────────────────────────────────────────
  {
    id: "overdose",
    category: "overdose_poisoning",
    when: [
      /\boverdosed\b|\btook an overdose\b|\btaken an overdose\b|\boverdosing\b/,
      /\b(?:took|taken|swallowed|ate|had|downed) (?:\w+ ){0,2}(?:too many|(?:a bunch|a load|loads|lots|a lot|a pile|a fistful|a handful|handfuls|a few strips|a few packs) of (?:\w+ )?(?:pills|tablets|meds|xanax|valium|diazepam|paracetamol|tylenol|ibuprofen|painkillers|sleeping|oxy\w*|codeine|opioids|antidepressants|benzos|insulin)|(?:a |my |his |her |the )?whole (?:\w+ ){0,2}(?:bottle|pack|packet|box|strip|load|supply|prescription|blister)|all (?:of )?(?:my|his|her|the) (?:pills|tablets|meds|medication)|a handful of|handfuls of)\b/,
      /\bwhole (?:bottle|pack|packet|box|strip) of\b/,
      /\b(?:took|taken|swallowed|ate|had|downed) (?:about |around |like |over |at least )?(?:1\d|[2-9]\d|\d{3}|twenty|thirty|forty|fifty|a hundred|sixteen|eighteen|twelve) (?:\w+ )?(?:pills|tablets|capsules|caps|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|co-?codamol|sleeping pills|xanax|diazepam|antidepressants|of (?:my|his|her|them|these|the))\b/,
      /\b(?:drank|drunk|drinking|swallowed|ate|eaten|ingested|licked|gulp\w*|sip|swig|mouthful|took a (?:gulp|sip|swig|mouthful)) (?:of )?(?:some |a |the |a bit of |some of the |of the )?(?:\w+ ){0,4}(?:bleach|detergent|antifreeze|drain cleaner|oven cleaner|poison|chemicals?|button batter\w*|laundry pods?|washing pods?|dishwasher (?:liquid|tablets?|pods?)|weed killer|pesticide|rat poison|lighter fluid|petrol|gasoline|kerosene|paraffin|lamp oil|paint thinner|methanol|caustic|lye|ammonia|white spirit|e-?liquid|vape (?:juice|liquid|refill|pod)|nicotine (?:liquid|refill|pouch\w*)|liquid nicotine|iron (?:tablets|pills)|window cleaner|toilet cleaner|(?:washer|screen ?wash|windscreen|windshield|brake|cleaning|lighter|antifreeze|de-?icer|washing up|dishwasher|laundry|bubble|lamp) (?:fluid|liquid)|cleaning (?:product|spray)|screenwash|descaler)\b/,
      new RegExp(`\\b${CHILD}\\b(?: \\w+){0,4} (?:ate|swallowed|got into|drank|eaten|chewed|chewing|has had|had some|took)\\b(?: \\w+){0,6} (?:pills?|tablets?|medicines?|meds|medication|capsules|gummies|edibles|vitamins|purse|handbag|medicine cabinet|methadone|fentanyl|oxy\\w*|morphine|buprenorphine|suboxone|opioids?|heroin|cannabis|weed|vape|nicotine|alcohol|vodka)\\b`),
      new RegExp(`\\b${CHILD}\\b(?: \\w+){0,4} got into (?:my|his|her|the|grandmas|grannys|nanas) (?:pills|tablets|meds|medicine|medication|purse|handbag|bag)\\b`),
      /\b(?:swallow\w*|ate|eaten|chew\w*|suck\w*|put|in (?:his|her|their|the) mouth|mouth)\b(?: \w+){0,6} (?:button|coin|lithium|watch|flat|round|remote|key fob|car key) ?batter(?:y|ies)\b/,
      /\bbatter(?:y|ies)\b(?: \w+){0,6} (?:is |are )?missing\b/,
      /\b(?:swallowed|ate) (?:\w+ ){0,2}magnets?\b/,
      /\b(?:swallowed|chewed|chewing|sucked|sucking|ate|licked)\b(?: \w+){0,4} (?:fentanyl|buprenorphine|butrans|nicotine|opioid|morphine|pain|medicated) patch\w*\b/,
      new RegExp(`\\b${CHILD}\\b(?: \\w+){0,4} (?:ate|eaten|swallowed|chewed|eating)\\b(?: \\w+){0,3} (?:wild |some |a )?(?:mushrooms?|toadstools?|berries|foxglove|yew|seeds|plant|leaves|cigarettes?|cigarette butts?|nicotine)\\b`),
      /\b(?:took|taken|had|swallowed|given|gave) (?:\w+ ){0,2}too much (?:of )?(?:my |his |her |the )?(?:\w+ )?(?:medication|meds|medicine|tablets|pills|insulin|methadone|paracetamol|tylenol|morphine|digoxin)\b/,
      /\b(?:carbon monoxide|co) (?:alarm|detector)\b(?: \w+){0,3} (?:going off|went off|beeping|sounding|alarming)\b/,
      /\bcarbon monoxide poison\w*\b/,
      /\b(?:drink|i) (?:was|got|has been|have been|been) spiked\b/,
      /\b(?:took|taken|had|used|snorted|injected|smoked)\b(?: \w+){0,3} (?:fentanyl|heroin|opioids?|oxy\w*|xanax|ketamine|ghb|mdma|pills) (?:and|with)\b(?: \w+){0,4} (?:wont wake|cant wake|not breathing|blue|unresponsive|drowsy|vodka|alcohol|booze)\b/,
      /\bpinpoint pupils\b/,
      new RegExp(`\\b${CHILD}\\b(?: \\w+){0,5} (?:found|was found|is) (?:with|playing with|chewing|holding|eating from) (?:an? |the )?(?:open |empty |half empty |opened )?(?:\\w+ ){0,2}(?:bottle|pack|packet|box|blister pack|tub|pills|tablets|medicine)\\b`),
      /\b(?:open|opened|half empty|empty) (?:bottle|pack|packet|box|tub) of (?:\w+ )?(?:calpol|medicine|pills|tablets|paracetamol|tylenol|vitamins|iron|sleeping pills)\b(?: \w+){0,6} (?:toddler|child|kid|baby|son|daughter|month old|year old)\b/,
    ],
    unless: [/\bfor (?:my|his|her) (?:dog|cat|pet)\b/],
  },
  {
    id: "unknown-pills-with-depressed-consciousness",
    category: "overdose_poisoning",
    when: [/\b(?:took|taken|swallowed|had|given|popped|dropped)\b(?: \w+){0,3} (?:pills|tablets|drugs|pingers|molly|something)\b|\b(?:took|taken|swallowed|had|downed) (?:a load|loads|a bunch|lots|a lot|a handful|too many|too much|a whole pack|a packet) of\b/],
    and: [/\b(?:hallucinat\w*|seeing things|heart (?:racing|pounding)|drowsy|floppy|unresponsive|cant wake|wont wake|hard to wake|confus\w*|breathing (?:slow|strange|weird|shallow|funny)|barely|passed out|fitting|seizure|overheat\w*|burning up)\b/],
  },
  {
    id: "high-risk-medicine-error",
    category: "overdose_poisoning",
    // Extra doses of a few medicines are dangerous before any symptom appears.
    when: [/\b(?:took|taken|injected|gave|given|had)\b(?: \w+){0,4} (?:twice|double|triple|\d+ times|three times|four times|too much|extra)\b/],
    and: [/\b(?:insulin|methotrexate|warfarin|digoxin|lithium|opioids?|morphine|fentanyl|methadone|oxy\w*|iron|colchicine|tricyclic|amitriptyline|beta blockers?|propranolol|calcium channel|verapamil|sulfonylurea|gliclazide)\b/],
  },
  {
    id: "medication-error-with-symptoms",
    category: "overdose_poisoning",
    when: [/\b(?:took|taken|given|gave|had|injected)\b(?: \w+){0,4} (?:twice|three times|3 times|double|triple|by mistake|too much|the wrong (?:pills|tablets|meds|medicine|dose))\b/],
    and: [/\b(?:sleepy|drowsy|confus\w*|vomit\w*|throwing up|dizzy|faint\w*|heart (?:racing|pounding)|cant wake|slurr\w*|breathing (?:slow|shallow)|unconscious|collaps\w*)\b/],
  },
  {
    id: "sedatives-with-alcohol",
    category: "overdose_poisoning",
    when: [/\b(?:sleeping (?:pills|tablets)|benzos?|xanax|diazepam|valium|lorazepam|opioids?|oxy\w*|codeine|co-?codamol|tramadol|methadone|fentanyl|heroin|ketamine|ghb|painkillers|morphine|pregabalin|gabapentin)\b/],
    and: [/\b(?:vodka|whisk(?:e)?y|gin|rum|alcohol|booze|drinking|drunk|bottle of (?:wine|vodka|whisky|gin|rum)|beers|pints|cans)\b/],
    andAlso: [/\b(?:took|taken|had|swallowed|drank|downed|necked|mixed|on)\b/],
    unless: [/\b(?:is it safe|can i|can you|should i|safe to)\b/],
  },
  {
    id: "carbon-monoxide-pattern",
    category: "overdose_poisoning",
    // Several people in one home with headaches/nausea, a fuel-burning appliance or relief on leaving the house.
    when: [/\b(?:we all|weve all|we have all|we both|all of us|everyone (?:in|at) (?:the |our )?(?:house|home|flat)|(?:whole|entire) (?:family|household|house)|the whole lot of us|both of us|all the family|the kids and (?:i|me)|me and the kids|even the (?:kids|baby|dog)|everyone at home)\b/],
    and: [/\b(?:headaches?|dizz\w*|nause\w*|sick|drowsy|sleepy|confus\w*|vomit\w*)\b/],
    andAlso: [/\b(?:heater|boiler|furnace|generator|gas (?:fire|stove|heater|cooker)|stove|fireplace|wood ?burner|log burner|chimney|flue|barbecue|bbq|exhaust|fumes|car running|garage|better (?:when|once|after) (?:we )?(?:go|get|going|went|leave|leaving|are) (?:out|outside)|goes away (?:when|once) (?:we )?(?:leave|go out))\b/],
  },
  // ── severe bleeding ───────────────────────────────────────────────────────
  {
    id: "severe-bleeding",
    category: "severe_bleeding",
    when: [
      /\bbleeding (?:wont|doesnt|isnt|is not|will not|hasnt|not|cant|wouldnt) (?:be )?stop\w*\b/,
      /\b(?:wont|cant|doesnt|isnt|not) stop(?:ping)? (?:the )?bleeding\b/,
      /\b(?:lots of|a lot of|so much|loads of|tons of|masses of) blood\b/,
      /\b(?:nosebleed|nose bleed|bleeding|bleed|pouring|gushing)\b(?: \w+){0,4} (?:for|over|more than|longer than) (?:(?:[2-9]\d|\d{3}) (?:minutes|mins)|twenty|thirty|forty|an hour|over an hour|\d+ hours|hours)\b/,
      /\b(?:knife|blade|glass|nail|metal|rod|spike|pole|branch|screwdriver|scissors)\b(?: \w+){0,2} (?:went|gone|is stuck|stuck|sticking|lodged|got stuck|has gone) (?:in|into|through|out of)\b|\bimpaled\b/,
      /\b(?:nosebleed|nose bleed|bleed|blood|it|cut|wound|gash)\b(?: \w+){0,6} (?:wont|doesnt|will not|isnt|hasnt|not|cant|wouldnt) (?:be )?stop\w*\b/,
      /\bspurting\b|\bsquirting\b|\bpulsing out\b/,
      /\b(?:gushing|pouring|spurting|pumping|pissing|losing) (?:out )?(?:so much |lots of |a lot of |loads of )?blood\b/,
      /\bblood (?:is )?(?:pouring|gushing|pumping|spurting|squirting|pissing|everywhere|all over the (?:floor|place))\b/,
      /\b(?:pool|puddle) of blood\b/,
      /\b(?:got|been|was|just|being|has been|have been) (?:\w+ )?(?:stabbed|shot)\b/,
      /\b(?:throwing up|vomiting|vomited|puking|spitting up|spitting out|spitting|spat out|coughing up|coughed up|threw up) (?:\w+ ){0,2}blood\b/,
      /\b(?:coffee grounds?)\b/,
      /\bbleeding (?:heavily|a lot|badly|profusely|everywhere|so much|really bad|through)\b/,
      /\b(?:heavy|severe|massive|uncontrolled|uncontrollable) bleeding\b/,
      /\bsoaked (?:through|thru)\b|\bsoak\w* (?:through )?(?:a|the|several|two|three|\d) (?:towels?|bandages?|tea towels?|dressings?)\b/,
      /\bstill bleeding\b(?: \w+){0,4} (?:after|despite|even with|through)\b/,
      /\b(?:pressing|pressure|pressed)\b(?: \w+){0,5} (?:\d+|twenty|thirty|ten|fifteen) (?:minutes|mins)\b(?: \w+){0,6} (?:still|bleeding)\b/,
      /\b(?:cut|chopped|sliced|severed|torn) (?:\w+ ){0,2}(?:off|clean off)\b|\bamputat\w*\b/,
      /\b(?:black|tarry) (?:tarry |black )?(?:stool|stools|poop)\b/,
      /\b(?:soak\w*|fill\w*|going through|gone through|been through|changed|changing|bled through)\b(?: \w+){0,2} (?:\d+|a|one|two|three|four|several) (?:\w+ )?(?:pads?|towels?|tampons?)\b(?: \w+){0,3} (?:an hour|every hour|in an hour|per hour|in (?:half|less than) an hour|every (?:half hour|30 minutes))\b/,
      /\blost (?:a lot|loads|so much) of blood\b/,
      /\b(?:deep|gaping) (?:cut|wound|gash)\b(?: \w+){0,4} (?:wont|cant|see (?:the )?bone|fat|lots of blood|a lot of blood)\b/,
    ],
    unless: [
      /\b(?:bled|bleeding) (?:\w+ ){0,2}(?:for )?(?:a (?:couple|few|minute)|two|2|one|\d+ seconds|seconds)\b(?: \w+){0,4} (?:and (?:then )?)?stopped\b/,
      /\b(?:has|had|it) stopped bleeding\b|\bbleeding (?:has |had )?stopped\b/,
      /\b(?:tiny|small|minor|little|superficial) (?:nick|cut|graze|scratch|scrape)\b|\bpaper cut\b/,
    ],
  },
  {
    id: "bleeding-with-shock",
    category: "severe_bleeding",
    // Any bleeding with fainting or dizziness suggests significant blood loss.
    when: [/\b(?:bleeding|bled|blood (?:coming|pouring|loss)|losing blood|blood from)\b/],
    and: [/\b(?:faint\w*|dizzy|light ?-?headed|collaps\w*|passing out|pale and (?:clammy|sweaty|cold))\b/],
    unless: [/\b(?:sight of blood|blood test|giving blood|donat\w*|blood (?:sugar|pressure)|having blood taken|gums?)\b/],
  },
  // ── suicidal thoughts and self-harm ───────────────────────────────────────
  {
    id: "suicidal",
    category: "suicidal_self_harm",
    when: [
      new RegExp(`\\bk+i+l+ ${SELF}\\b`),
      /\bkill?(?:ing)? ?my ?sel(?:f|fe|v)\b|\bkilmyself\b|\bkillmyself\b/,
      /\bkms\b|\bunaliv\w*\b|\bsewerslide\b|\bsu[i1!]c[i1!]d[e3]\b(?= (?:is|tonight|now|today))|\bs[u\*]icide\b(?= note)/,
      /\bsuicidal\b|\bsuicide note\b/,
      /\b(?:commit|committing|attempt\w*|thinking about|thinking of|thoughts of|planning|plan) (?:to )?(?:commit )?suicide\b/,
      /\bend(?:ing)? (?:it all|my life|his life|her life|their life|things|everything|it tonight|my pain|the pain for good)\b/,
      /\b(?:dont|do not|no longer) want to (?:be alive|live|exist|wake up|be here|go on|be around)\b/,
      /\b(?:no reason|nothing (?:left )?to live for|no point in (?:living|going on|being alive)|no point (?:going on|anymore))\b/,
      /\b(?:want|wants|wanting|going|wish|wishing|ready|plan|planning) (?:\w+ )?to die\b|\bwish i (?:was|were) dead\b|\bwant to be dead\b/,
      /\bbetter off dead\b/,
      /\b(?:nobody|no one|noone|no body) (?:would|will|is going to|gonna|d) (?:even )?(?:miss|notice|care)\b(?: \w+){0,2} (?:if i|me|when i|im gone)\b|\bif i (?:was|were) (?:gone|dead)\b/,
      /\b(?:everyone|everybody|they|my family|the world|people|my kids|my wife|my husband|all of them|he|she)\b(?: \w+){0,2} (?:would|will|d|are|is|be) (?:be )?(?:better off|better|happier|fine) (?:without me|if i (?:was|were|wasnt|werent|died|was gone|wasnt here|wasnt around))\b/,
      /\bi (?:am|m|feel like) (?:just )?a burden (?:to|on) (?:everyone|everybody|my family|them)\b/,
      /\b(?:going to|want to|wants to|will|plan to|planning to|about to|gonna) (?:hurt|harm|cut|kill|hang|drown|shoot) (?:my ?self|himself|herself|themselves)\b/,
      /\b(?<!accidentally |accidently )cut (?:my ?self|himself|herself)\b(?! (?:shaving|cooking|chopping|slicing|gardening|by accident|accidentally|on (?:a|the|some|my)|while|opening|with (?:a|the) (?:kitchen|bread|tin|can|paper|scissors|knife while)))/,
      /\bself[ -]?harm\w*\b/,
      /\bcutting (?:my ?self|himself|herself|themselves)\b|\bburning (?:my ?self|himself|herself)\b/,
      /\b(?:quickest|easiest|painless|best|surest|fastest|least painful|simplest) (?:\w+ ){0,2}ways? to (?:die|kill (?:my ?self|yourself)|end (?:it|my life)|go)\b/,
      /\bhow (?:many|much) (?:\w+ ){0,5}(?:would it take|to take|does it take|do i need|would i need) to (?:die|not wake up|kill|end it|never wake up|be fatal|be lethal)\b/,
      /\b(?:lethal|fatal|deadly) (?:dose|amount)\b/,
      /\b(?:looking up|looked up|googl\w*|searching|searched|researching|reading about) (?:how to|ways to|how many|how much) (?:\w+ ){0,3}(?:overdose|kill|die|hang|end it|not wake up)\b/,
      /\b(?:texted|messaged|said|saying|sent (?:me )?(?:a )?(?:message|text) saying) (?:me )?(?:goodbye|good bye|bye forever)\b|\bgoodbye (?:everyone|forever|world|cruel world)\b|\bthis is (?:my )?(?:last|final) (?:message|goodbye|post)\b/,
      /\bplanning how to do it\b|\bknow (?:how|where|when) (?:im|i am|i will|ill) (?:going to )?do it\b|\b(?:tonight|tomorrow) is the night\b/,
      /\b(?:bought|got|have|tied|hung|set up|made|found) (?:a|the) (?:rope|noose)\b|\bnoose\b|\bthe rope (?:is|s) (?:ready|in|tied|up|hanging|set|under|hidden)\b/,
      /\b(?:saving|saved|stockpil\w*|hoarding|collecting) (?:up )?(?:my |all my |his |her )?(?:pills|tablets|meds|medication|sleeping pills)\b/,
      /\b(?:written|wrote|writing|left) (?:a |my )?(?:suicide )?(?:note|notes|letters?|goodbye letters?) (?:to|for) (?:my|everyone|the)\b|\bgoodbye letters?\b/,
      /\bgiv(?:ing|en|e) (?:away )?(?:all )?(?:my|his|her) (?:stuff|things|belongings|possessions|pets|stuff away|things away)\b(?: \w+){0,3} (?:away|wont need|dont need|not going to need)?/,
      /\bwont (?:need (?:it|them|this|my \w+)|be (?:around|here)) (?:where im going|much longer|anymore|tomorrow|after tonight|for long)\b|\bwhere im going\b/,
      /\b(?:no|dont see (?:the|any)|cant see (?:the|any)|whats the|lost the|there is no|theres no) point (?:in |of )?(?:living|life|going on|being alive|carrying on|being here|me being here)\b/,
      /\b(?:going to|gonna|will|about to|want to|wanna|planning to) (?:take|swallow|down|drink) (?:everything|all|every (?:pill|tablet)|the lot)\b(?: \w+){0,3} (?:cupboard|cabinet|medicine|pills|tablets|meds|bottle|box|drawer|house)\b/,
      /\b(?:this is|tonight is|today is|tomorrow is) (?:my )?(?:last|final) (?:night|day)\b|\bmy last (?:night|day) (?:alive|on earth|here)\b/,
      /\b(?:going to|gonna|will|about to|want to|wanna|planning to) (?:take|swallow|down) (?:all|every one|the whole lot) (?:of )?(?:my|the|his|her|these|those) (?:pills|tablets|meds|medication|sleeping pills)\b/,
      /\bend (?:my ?self|it for good|my suffering|it all tonight)\b/,
      /\b(?:i|ill|i will|i am going to|im going to|gonna|tonight i|today i) end it\b(?! (?:with|between))/,
      /\b(?:thinking|think|thought|thoughts|keep thinking) (?:about|of) (?:jumping (?:off|from|in front)|hanging (?:my ?self)?|overdosing|ending (?:it|my life|things)|killing my ?self|cutting (?:my ?self|again)|taking (?:all )?my (?:pills|tablets)|not being here|disappearing forever)\b/,
      /\b(?:want|need|wish) (?:it|everything|this) (?:all )?to (?:stop|end)\b(?! (?:hurting|itching|aching|raining))/,
      /\b(?:pills|tablets|knife|rope|gun|blade|razor|meds)\b(?: \w+){0,3} (?:in front of me|lined up|next to me|in my hand|counted out|are ready|ready to go)\b/,
      /\b(?:life|my life|living|it) (?:isnt|is not|aint|not|is no longer) worth (?:living|it anymore|going on)\b|\bnot worth living\b/,
      /\b(?:going to|gonna|about to|will|want to|wanna) jump(?:$| (?:off|from|tonight|now|today|in front))/,
      /\bgo to sleep and (?:never|not) wake up\b|\bnever wake up again\b|\bnot wake up (?:tomorrow|again)\b/,
      /\b(?:jump|throw myself|step) (?:off|from|in front of|under) (?:a|the) (?:bridge|roof|building|cliff|train|truck|lorry|bus|car)\b|\bstanding on (?:the|a) (?:bridge|ledge|edge of the roof)\b/,
      /\bcant (?:go on|do this anymore|take (?:it|this) anymore|keep going)\b(?: \w+){0,3} (?:living|like this|anymore|want to die|end)?/,
    ],
    unless: [/\bnormal (?:thing )?(?:for (?:kids|children|teens|people) )?to say\b|\bthing (?:kids|children|teens|people) say\b/, /\b(?:always|keeps?|was|is) joking\b|\bjokingly\b|\bfigure of speech\b/, /\b(?:kill (?:my ?self )?laughing|killing myself (?:laughing|at (?:work|the gym))|dying (?:to|of) (?:know|laughter|embarrassment)|cant take it anymore (?:this|the) (?:heat|traffic|noise))\b/],
  },
  {
    id: "suicide-plan-or-farewell",
    category: "suicidal_self_harm",
    when: [
      /\b(?:going to|gonna|will|about to|ready to|decided to|im) (?:do it|go through with it|end it)\b/,
      /\bsaid (?:bye|goodbye|good bye)\b|\bsorry for everything\b|\bmy goodbyes\b|\b(?:last|final) (?:message|text|goodbye)\b|\btake care of (?:my|the) (?:kids|children|dog|cat|mum|mom)\b(?: \w+){0,3} (?:for me|when im gone)\b|\bwhen im gone\b|\bdecided tonight\b/,
    ],
    and: [
      /\b(?:knife|pills|tablets|rope|gun|blade|razor|bridge|tonight|goodbyes?|cant (?:go on|take)|no point|die|dead|phone (?:is |has been |now )?(?:off|dead)|not answering|isnt answering|wont answer|cant reach|no reply|loves? (?:me|you|them)|forever|end it)\b/,
    ],
  },
  {
    id: "suicide-means-with-despair",
    category: "suicidal_self_harm",
    when: [/\b(?:gun|rifle|shotgun|pistol|rope|pills|tablets|blade|razor|bridge|train tracks|railway|cliff|ledge)\b/],
    and: [/\b(?:im done|i am done|done with (?:everything|life|it all|living)|cant go on|end it|no point|had enough of (?:life|living|everything|it all)|give up on (?:life|everything)|disappear (?:forever|for good)|not be here|goodbye|want to die|nothing left)\b/],
  },
  // ── seizure ───────────────────────────────────────────────────────────────
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
    and: [/\b(?:minutes?|mins?|not respond\w*|wont wake|hasnt woken|woken up|unresponsive|collapsed|baby|son|daughter|just|first|still|keeps?|again|now|going on|jerk\w*|shak\w*|stiff|blue|rolled)\b/],
  },
  {
    id: "prolonged-or-repeated-seizure",
    category: "seizure",
    when: [/\b(?:seizure|seizures|fit|fits|convulsion|convulsions|fitting|seizing)\b/],
    and: [/\bfirst (?:ever |time )?(?:seizure|fit|convulsion)\b|\bfirst time\b|\bnever had (?:a |one )?(?:\w+ )?before\b|\bstill (?:confused|not (?:right|awake|responding|herself|himself)|drowsy|unresponsive)\b|\bpregnan\w*\b/, /\b(?:lasted|lasting|going on|been going|longer than|more than|over) (?:for )?(?:[5-9]|\d\d|five|six|seven|eight|ten|fifteen|twenty) (?:minutes|mins)\b|\b(?:back to back|one after another|another one|hasnt stopped|wont stop|not stopping|still going|keeps? (?:coming|happening))\b/],
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
    when: [/\b(?:hes|shes|he is|she is|is|theyre|they are|im|baby|son|daughter) (?:\w+ )?(?:fitting|seizing|convulsing|having an? (?:\w+ )?(?:seizure|fit|convulsion)(?! (?:about|over|because|when)))\b/],
  },
  // ── unconscious / unresponsive ────────────────────────────────────────────
  {
    id: "unconscious",
    category: "unconscious",
    when: [
      /\bunconscious\b/,
      /\bunresponsive\b/,
      /\b(?:not|isnt|wont|doesnt|stopped|cant get (?:him|her|them) to) respond\w*\b/,
      /\bcant (?:wake|rouse|waken) (?:him|her|them|up|my|his)?\b/,
      /\bwont (?:wake|rouse)(?: up)?\b/,
      /\b(?:hasnt|has not|not) woken(?: up)?\b/,
      /\b(?:hes|shes|he is|she is|is|theyre|they are|baby|still) not (?:waking|responding|rousing)\b/,
      /\b(?:cant|hard to|impossible to) (?:wake|rouse)\b/,
      /\bcollapsed\b/,
      /\b(?:passed out|blacked out|knocked out)\b/,
      /\bfainted\b/,
      /\bno pulse\b/,
      /\b(?:wont|isnt|not|doesnt|cant get (?:him|her|them) to) (?:answer|answering) (?:me|us|when (?:i|we) (?:talk|speak|shake|call))\b/,
      /\bslumped (?:over|in|on|against)\b(?: \w+){0,5} (?:wont|not|isnt|cant|doesnt)\b/,
      /\b(?:floppy|limp) and (?:pale|grey|blue|not|wont|cant|unresponsive)\b/,
      /\b(?:barely|hardly|semi|only just) (?:conscious|awake|responsive|responding|rousable)\b/,
    ],
    unless: [/\b(?:sight of (?:blood|needles?)|blood test|having blood taken|(?:feel|feels|felt|am|is|im|hes|shes) (?:completely |totally )?(?:fine|ok|okay|better|normal|back to normal) now)\b/],
  },
  // ── meningitis ────────────────────────────────────────────────────────────
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
    when: [/\bstiff neck\b/, /\bneck (?:is |feels? )?(?:really |very )?stiff\b/, /\bcant (?:bend|touch|put) (?:his|her|my|their) chin (?:to|on) (?:his|her|my|their) chest\b/, /\b(?:light|bright light) (?:hurts|hurting) (?:his|her|my|their) eyes\b/],
    and: [/\b(?:fever|temperature|temp|headache|rash|light|vomit\w*|drowsy|confus\w*|hot)\b/],
  },
  {
    id: "meningitis-photophobia",
    category: "meningitis",
    when: [/\b(?:cant stand|cant bear|cant look at|cant handle|hates|hating|sensitive to|hurts to look at|bothered by|screaming at) (?:the )?(?:bright )?lights?\b/],
    and: [/\b(?:fever|temperature|temp|hot|spots|rash|stiff|drowsy|confus\w*|purple|blotch\w*)\b/],
  },
  {
    id: "infant-meningitis-signs",
    category: "meningitis",
    when: [/\b(?:soft spot|fontanelle?)\b(?: \w+){0,4} (?:bulg\w*|swollen|tense|sticking out|raised)\b/, /\bhigh[ -]pitched (?:cry|crying|scream\w*)\b/],
  },
  // ── pregnancy ─────────────────────────────────────────────────────────────
  {
    id: "pregnancy-warning-signs",
    category: "pregnancy_emergency",
    when: [
      /\bbleeding\b(?! gums)/,
      /\b(?:gushing|pouring|losing|passing|lots of|a lot of|loads of) (?:\w+ )?blood\b/,
      /\b(?:blurr?y vision|vision (?:changes|problems|is blurry)|seeing (?:spots|flash\w*|stars|sparkles)|flashing lights)\b/,
      /\b(?:face|hands) (?:is |are )?(?:swollen|puffy)\b|\b(?:swollen|puffy) (?:face|hands)\b/,
      /\b(?:sharp|severe|bad|terrible|a lot of|really bad|agonising|agonizing) (?:\w+ ){0,2}pain\b|\blot of pain\b/,
      /\bshoulder tip\b/,
      /\b(?:dizzy|faint\w*|passing out|pass out)\b/,
      /\b(?:severe|bad|terrible|awful|pounding) headache\b/,
      /\bpain (?:under|below) (?:my|the) ribs\b/,
      /\b(?:passing|passed) (?:big |large |huge )?clots\b/,
      /\bfluid (?:leaking|gushing)\b|\bgush of (?:fluid|water|liquid|blood)\b/,
    ],
    and: [/\bpregnan\w*\b|\b\d{1,2} weeks\b(?! old| ago)|\bpositive (?:pregnancy |home |preg )?test\b|\bperiod is (?:\w+ )?late\b|\bmissed (?:my )?period\b/],
    unless: [/\bnothing else\b/],
  },
  {
    id: "preterm-labour",
    category: "pregnancy_emergency",
    when: [/\b(?:contractions|contracting|labour pains|labor pains|in labour|in labor|going into labou?r)\b/],
    and: [/\b(?:[12]\d|3[0-6]) weeks\b/],
    unless: [/\bbraxton\b/],
  },
  {
    id: "pregnancy-baby-movement",
    category: "pregnancy_emergency",
    when: [
      /\bbaby (?:hasnt|has not|isnt|stopped|not|hasnt been|is not) (?:moved|moving|kicked|kicking)\b/,
      /\b(?:havent|hasnt|have not|not|didnt|cant|no longer) (?:felt|feel|feeling|been feeling) (?:\w+ )?(?:the |my |her |any )?(?:baby|kicks|movements?|movement|kicking|him|her)\b(?: (?:move|moving|kick\w*))?/,
      /\b(?:reduced|less|fewer|no|decreased|slowed) (?:fetal |foetal |baby )?(?:movements?|kicks)\b/,
      /\bbaby (?:is )?(?:moving|kicking) (?:much |a lot |way )?less\b|\bbaby (?:is |has been |has gone |was |seems )?(?:really |very |so |unusually )?(?:quiet|still|less active)\b/,
      /\b(?:baby|babys|fetal|foetal)? ?(?:movements?|kicks|kicking)\b(?: \w+){0,3} (?:slowed|reduced|less|stopped|decreased|fewer|changed|different)\b/,
      /\bwaters? (?:broke|breaking|has broken|have broken|have gone|has gone|went|have burst|gone)\b/,
    ],
    and: [/\b(?:pregnan\w*|weeks|baby|bump|waters?|kicks|movements?)\b/],
  },
  {
    id: "postpartum-bleeding",
    category: "pregnancy_emergency",
    when: [/\b(?:soak\w*|filling|going through) (?:\w+ )?(?:a|one|two) (?:pad|pads|maternity pad)\b(?: \w+){0,2} (?:an|every|in an|in less than an|per) hour\b/, /\b(?:passing|passed) (?:big |large |huge |golf ball )?clots\b/],
    and: [/\b(?:gave birth|had (?:my|the|a) baby|baby was born|delivered|c-?section|postpartum|post-?partum|pregnan\w*|weeks|miscarr\w*)\b/],
  },
  // ── severe burns ──────────────────────────────────────────────────────────
  {
    id: "severe-burn",
    category: "severe_burn",
    when: [
      /\b(?:big|large|huge|massive) (?:\w+ )?(?:blisters?|blistering|burns?|scalds?)\b|\bblisters all over\b|\bblistering all over\b/,
      /\b(?:burn\w*|scald\w*) (?:by|with|from|in) (?:the )?(?:boiling|hot|scalding) (?:oil|water|fat|steam)\b/,
      new RegExp(`\\b(?:boiling|hot) (?:water|oil|tea|coffee|soup|kettle|fat)\\b(?: \\w+){0,6} (?:on|onto|over|all over|down) (?:him|her|my|his|them|the|their|herself|himself|myself)\\w*\\b`),
      /\b(?:tipped|pulled|knocked|spilled|spilt) (?:the |a )?(?:kettle|pan|saucepan|pot)\b(?: \w+){0,3} (?:on|onto|over|all over|down)\b/,
      new RegExp(`\\bburn\\w* (?:covers|covering|all over|over) (?:\\w+ ){0,2}(?:whole |entire |most of )?${PERSON}? ?${BODY_REGION}\\b`),
      new RegExp(`\\b(?:whole|entire|most of (?:his|her|my|the)) ${BODY_REGION} (?:is |was )?(?:burned|burnt|scalded|blistered|blistering)\\b`),
      /\bburn\w* (?:\w+ ){0,2}(?:bigger|larger) than (?:my|his|her|a|the) (?:hand|palm)\b/,
      /\bburn\w* (?:my |his |her |their )?(?:airway|genitals|eyes?|throat|mouth)\b/,
      /\b(?:skin|burn|it)\b(?: \w+){0,3} (?:looks |is |went |turned |gone )?(?:white|leathery|charred|black|waxy|grey and|brown and)\b/,
      /\bburn\w*\b(?: \w+){0,6} (?:doesnt|dont|does not|cant) (?:hurt|feel)\b|\bcant feel (?:the|it|anything)\b(?: \w+){0,3} burn/,
      /\b(?:chemical|bleach|acid|drain cleaner|oven cleaner|cleaner|alkali|lye)\b(?: \w+){0,4} (?:in|into) (?:my|his|her|their) eyes?\b/,
      /\belectric(?:al)? (?:burn|shock)\b|\belectrocuted\b|\bchemical burns?\b|\bburn\w* from (?:the )?(?:oven cleaner|acid|bleach|drain cleaner|lye|cement|caustic)\b|\bskin (?:is )?(?:peeling|coming|falling) off\b/,
      /\bsmoke inhalation\b|\b(?:singed|burnt|burned) (?:nose hairs|nostrils|eyebrows)\b/,
    ],
    and: [/\b(?:burn\w*|scald\w*|blister\w*|boiling|kettle|fire|flames|hot|chemical|acid|bleach|cleaner|lye|alkali|electric\w*|smoke|singed)\b/],
    unless: [/\b(?:thin|small|tiny|little|minor|superficial) (?:red )?(?:line|mark|spot|patch|burn|blister)\b|\bjust red\b|\bfirst degree\b|\bsunburn\w*\b/],
  },
  {
    id: "full-thickness-burn",
    category: "severe_burn",
    when: [/\bleathery\b|\bcharred\b|\b(?:white|waxy|grey|gray) and (?:numb|painless|doesnt hurt)\b/],
  },
  {
    id: "flame-burn",
    category: "severe_burn",
    when: [/\b(?:petrol|gasoline|flames?|bonfire|explosion|exploded|caught (?:fire|alight)|on fire|fireworks?|blast|flash burn|barbecue flared|bbq flared)\b/],
    and: [/\bburn\w*|\bblister\w*|\bscorched\b|\bsinged\b/],
    unless: [/\b(?:finger|fingertip|small|tiny|minor|little|candle|match|lighter)\b/],
  },
  {
    id: "blistered-face-hands",
    category: "severe_burn",
    when: [/\b(?:face|hands?|palms?|fingers|feet|foot|genitals|groin)\b(?: \w+){0,2} (?:is |are |has |have )?(?:all |got |gone )?(?:blistered|blistering|blisters)\b/],
    unless: [/\b(?:sunburn\w*|new shoes|walking|hiking|running|rowing|gym|weights|shovel\w*|rake|eczema|chickenpox|hand foot and mouth)\b/],
  },
  {
    id: "burn-face-hands",
    category: "severe_burn",
    when: [/\bburn\w* (?:on )?(?:my |his |her |their )?(?:face|hands?)\b|\b(?:face|hands?) (?:got |was |is |has been |have been |were )?(?:burned|burnt|scalded)\b/],
    and: [/\b(?:blister\w*|fire|flames|boiling|deep|white|leathery|charred|chemical|acid|baby|toddler|child|kid|son|daughter)\b/],
    unless: [/\b(?:thin|small|tiny|little|minor|superficial) (?:red )?(?:line|mark|spot|patch|burn)\b|\bjust red\b|\bfirst degree\b|\bsunburn\w*\b/],
  },
  // ── head injury ───────────────────────────────────────────────────────────
  {
    id: "head-injury-warning-signs",
    category: "head_injury",
    when: [
      /\b(?:hit|bumped|banged|struck|knocked|smashed|fell on|whacked|smacked|cracked) (?:my|his|her|their|the back of (?:my|his|her)) head\b/,
      /\bhead (?:injury|trauma|wound)\b/,
      /\b(?:fell|fall|fallen|landed) (?:\w+ ){0,4}(?:on|onto) (?:his|her|my|their) head\b/,
    ],
    and: [
      /\b(?:vomit\w*|throwing up|threw up|been sick|being sick|sick (?:twice|again|\d times)|confus\w*|drowsy|sleepy|cant stay awake|pupils?|knocked out|unconscious|passed out|seizure|fit|blood thinners?|warfarin|apixaban|rivaroxaban|eliquis|xarelto|clopidogrel|clear fluid|cant remember|slurr\w*|repeating (?:him|her|my|them)self|not making sense|double vision|seeing double|blood (?:coming )?(?:from|out of) (?:his|her|my|their) (?:ear|nose)|worst headache)\b/,
    ],
  },
  // ── diabetic emergencies ──────────────────────────────────────────────────
  {
    id: "diabetic-emergency",
    category: "diabetic_emergency",
    when: [/\bdiabet\w*|\bblood sugar\b|\bsugars? (?:is|was|of|are|reading)\b|\binsulin\b|\btype (?:1|one)\b|\bglucose\b|\bhypo\b/],
    and: [
      /\b(?:confus\w*|shaking|shaky|sweaty|unconscious|unresponsive|drowsy|fruity|pear drops|nail (?:polish|varnish)|acetone|vomit\w*|acting drunk|wont make sense|not making sense|fitting|seizure|ketones?|says hi|reads hi|cant (?:swallow|wake)|aggressive|slurr\w*|breathing (?:really |very )?(?:deep|fast|heavy))\b/,
      /\b(?:sugar|glucose|reading)s? (?:is|was|of|reading|at) (?:only )?(?:[0-3](?:\.\d)?|[1-4]\d)\b(?!\.\d|\d)/,
      /\b(?:sugar|glucose) (?:is |was )?(?:over|above) (?:3\d|[4-9]\d\d)\b/,
    ],
  },
  {
    id: "ketoacidosis-pattern",
    category: "diabetic_emergency",
    // Undiagnosed type 1 diabetes presenting as DKA: thirst and peeing a lot, then vomiting / deep breathing / drowsiness.
    when: [/\b(?:thirst\w*|drinking (?:loads|so much|a lot|constantly|all the time|tons|litres|gallons))\b/],
    and: [/\b(?:pee\w*|wee\w*|urinat\w*|toilet|bathroom|wetting)\b/],
    andAlso: [/\b(?:vomit\w*|throwing up|being sick|breathing (?:really |very |so )?(?:deep|fast|heavy|funny)|fruity|pear drops|drowsy|confus\w*|tummy pain|stomach pain)\b/],
  },
  // ── sepsis ────────────────────────────────────────────────────────────────
  {
    id: "sepsis-signs",
    category: "other",
    when: [/\b(?:fever|temperature|temp|infection|infected|uti|kidney infection|pneumonia|chest infection|chills|shivering|rigors|cellulitis|after (?:my |his |her )?(?:surgery|operation|c-?section)|flu|sepsis)\b/],
    and: [
      /\b(?:mottled|blotchy|skin (?:is |looks |has gone |gone )?(?:blue|grey|gray|pale|patchy|mottled))\b/,
      /\b(?:not|havent|hasnt|no|didnt|hardly) (?:\w+ )?(?:peed|weed|urinated|passed urine|had a wee|been to the toilet|pee|wee|urine|wet nappies|wet diapers)\b/,
      /\b(?:shivering|shaking) (?:uncontrollably|violently|so hard)\b|\bcant stop (?:shivering|shaking)\b/,
      /\b(?:feels?|felt) like (?:im|hes|shes|they are|i am|i was) (?:going to|gonna|about to) die\b|\bworst (?:ive|i have) ever felt\b/,
      /\b(?:confus\w*|slurr\w*|very drowsy|hard to wake|cant wake)\b/,
    ],
    unless: [/\bwhen (?:he|she|they|i|my \w+) (?:has|have|gets?) an? (?:uti|infection|fever|temperature)\b|\busual(?:ly)?\b/],
  },
  { id: "sepsis-suspected", category: "other", when: [/\b(?:think|worried|scared|afraid|could|might|may)\b(?: \w+){0,3} (?:sepsis|septic|blood poisoning)\b/, /\b(?:is|has|have|got|getting) (?:become )?(?:sepsis|septic)\b/] },
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
    when: [/\b(?:severe|really bad|terrible|excruciating|agonising|agonizing|intense) (?:\w+ )?(?:pain in (?:my|his|her|their) eye|eye pain)\b|\beye (?:is )?(?:extremely|really|very|so) painful\b/],
    and: [/\b(?:halos?|blurr\w*|vomit\w*|sick|cant see|vision)\b/],
  },
  {
    id: "cauda-equina",
    category: "other",
    when: [/\b(?:numb\w*|no feeling|cant feel) (?:\w+ ){0,2}(?:around|between|in) (?:my |his |her )?(?:bum|bottom|buttocks|groin|genitals|legs|saddle|private parts)\b/, /\b(?:cant|unable to|lost) (?:control|feel) (?:of )?(?:my |his |her )?(?:bladder|bowels?|pee|wee)\b|\bwet (?:my|him|her)self without (?:noticing|feeling)\b/],
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
    when: [/\b(?:\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:week|wk|day)s? old\b|\bnewborn\b|\b(?:[1-3]|one|two|three) months? old\b/],
    and: [/\b(?:fever|temperature of 3[89]|temp of 3[89]|38(?:\.\d)?|39(?:\.\d)?|floppy|not feeding|wont feed)\b/],
    unless: [WELL_CHILD],
  },
  {
    id: "seriously-ill-child",
    category: "other",
    unless: [WELL_CHILD],
    when: [new RegExp(`\\b${CHILD}\\b(?: \\w+){0,8} (?:is |looks |has gone |went )?(?:very |really )?(?:floppy|limp|mottled|grey|blue|unusually pale)\\b`)],
  },
];

// ── Framing: general knowledge, education and hypotheticals ─────────────────
/** Message-level signs that the writer asks in general, studies, teaches or supposes (nobody described is ill now). */
export const GENERAL_FRAMING: RegExp[] = [
  /^(?:what|which|how|why|when|is|are|can|does|do) (?:are |is )?(?:the )?(?:\w+ )?(?:signs?|symptoms?|causes?|red flags?|treatments?|risks?|risk factors|warning signs?|first aid|difference|differences)\b/,
  /\bwhat (?:does|do) (?:\w+ ){1,6}mean\b|\bmeaning of\b|\bdefin(?:e|ition)\b|\bwhat is meant by\b/,
  /\b(?:textbook|lecture|lecturer|exam|quiz|homework|assignment|essay|revision|revising|studying|flashcards|nursing school|med school|medical school|syllabus|curriculum|module|coursework|students?|class|teach|teaching|educator|instructor|trainer|first aid course|training (?:session|course|scenario))\b/,
  /\bhypothetic\w*|\bscenarios?\b|\bcase stud(?:y|ies)\b|\bsimulation\b|\brole ?-?play\b|\bin theory\b|\btheoretically\b|\bsuppose\b|\bimagine\b|\blets say\b/,
  /\bif (?:you|youre|someone|somebody|a person|people|one|anyone|your (?:friend|partner|child|kid))\b|\bwhen (?:someone|somebody|a person|people) (?:is|are|has|have|gets?|starts?)\b/,
  /^(?:can|could) you (?:get|catch|die|have|tell)\b|^can (?:a|an|people|someone|kids|children|babies)\b/,
  /\bis it better to\b|\bin general\b|\bgenerally\b|\bhow common\b|\bstatistics\b|\bin the future\b|\bif (?:it|this) (?:ever )?happens (?:again)?\b|\bchild ?-?proof\w*\b|\bjust (?:asking|curious|wondering)\b|\basking (?:so|because|for)\b/,
];

/** Signs of a current, real event: these keep the triage live even inside a general framing. */
export const CURRENT_EVENT: RegExp[] = [
  /\b(?:right now|at the moment|currently|as we speak|as i type|just now|tonight|this (?:morning|afternoon|evening)|today|\d+ (?:min|mins|minutes|hours?) ago|an hour ago|half an hour ago|since (?:\w+ ){0,2}(?:minutes?|hours?|morning|yesterday|last night|lunch)|getting worse|please help|help me|hurry)\b/,
  /\b(?:im|i am) (?:having|feeling|getting|bleeding|shaking|so|really|very|in (?:pain|agony)|scared|terrified|going to|about to|pregnant|\d+ weeks)\b/,
  /\bi (?:have (?!a question|an exam|a test|to |always|never|read|heard|seen)|ive got|feel|felt|cant|have been|ve been|think (?:im|i am|i have|ive|hes|shes|my)|just|took|swallowed|ate|drank|fell|hit|cut|burned|burnt|got|woke|keep|need help|want|wanna|dont want)\b/,
  /\bmy ?self\b/,
  /\bmy (?:\w+ )?(?!(?:textbook|book|lecturer|teacher|professor|tutor|class|course|exam|students?|notes|instructor|scenario|question|homework|assignment|essay|novel|story|character|patient|lecture|quiz|module|job|work|school|manual)\b)\w+ (?:is|are|was|has|have|had|feels?|felt|keeps?|went|wont|cant|isnt|hasnt|just|suddenly|started|collapsed|fell|took|swallowed|ate|drank|says|said|told|texted|looks|seems)\b/,
];
