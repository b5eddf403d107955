// English red-flag rules: stroke: BE-FAST signs in lay words, posterior stroke.
import type { RedFlagRule } from "../types";
import { PERSON, LIMB, FEAR_OF_HAVING } from "./parts";

export const STROKE_RULES: RedFlagRule[] = [
  {
    id: "stroke-signs",
    category: "stroke",
    when: [
      /\b(?:having|had|having had) an? stroke\b(?! \w* ?(?:ago|in (?:19|20)\d\d))/,
      /\b(?:face|smile|mouth|lip|eye ?lid)\b(?: \w+){0,3} (?:drooping|droopy|droops|drooped|lopsided|uneven|numb|fallen|crooked|twisted|sagging|slipped|dropped|gone down|wonky|(?:turned|gone|pulled|twisted|dropped) to one side)\b/,
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
      new RegExp(
        `\\b(?:left|right) ${LIMB} and (?:left |right )?(?:arm|leg)\\b(?: \\w+){0,2} (?:suddenly )?(?:went|gone|are|feel|is)? ?(?:weak|numb|heavy|dead|useless|limp)\\b`,
      ),
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
      // A face numb or drooping from a dentist's local anaesthetic wears off ("half my face went numb after the injection").
      /\b(?:at|from|after) the dentist\b|\b(?:dental|local) (?:injection|anaesthetic|anesthetic)\b|\b(?:novocaine|lidocaine|numbing injection)\b/,
    ],
  },
  {
    id: "posterior-stroke",
    category: "stroke",
    // Sudden vertigo with inability to walk, double vision or slurring can be a stroke in the back of the brain.
    when: [/\b(?:sudden\w*|all of a sudden|out of nowhere)\b(?: \w+){0,3} (?:dizz\w*|vertigo|spinning|room spinning)\b/],
    and: [
      /\b(?:cant (?:walk|stand)|unable to (?:walk|stand)|double vision|seeing double|falling (?:over|to one side)|slurr\w*|numb\w*|weak\w*|cant see)\b/,
    ],
  },
];
