// English red-flag rules: pregnancy and after birth.
import type { RedFlagRule } from "../types";

export const PREGNANCY_RULES: RedFlagRule[] = [
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
    and: [
      /\bpregnan\w*\b|\b\d{1,2} weeks\b(?! old| ago)|\bpositive (?:pregnancy |home |preg )?test\b|\bperiod is (?:\w+ )?late\b|\bmissed (?:my )?period\b/,
    ],
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
    when: [
      /\b(?:soak\w*|filling|going through) (?:\w+ )?(?:a|one|two) (?:pad|pads|maternity pad)\b(?: \w+){0,2} (?:an|every|in an|in less than an|per) hour\b/,
      /\b(?:passing|passed) (?:big |large |huge |golf ball )?clots\b/,
    ],
    and: [
      /\b(?:gave birth|had (?:my|the|a) baby|baby was born|delivered|c-?section|postpartum|post-?partum|pregnan\w*|weeks|miscarr\w*)\b/,
    ],
  },
];
