// English red-flag rules: breathing difficulty, choking, asthma, clot in the lung.
import type { RedFlagRule } from "../types";

export const BREATHING_RULES: RedFlagRule[] = [
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
    when: [
      /\b(?:leg|calf|thigh)\b(?: \w+){0,2} (?:is |has been |feels )?(?:swollen|painful|red and hot|hot and swollen|tender)\b|\b(?:swollen|painful) (?:leg|calf)\b/,
    ],
    and: [/\b(?:short of breath|breathless\w*|chest pain|chest hurts|cough\w* (?:up )?blood|cant breathe?|struggling to breathe)\b/],
  },
];
