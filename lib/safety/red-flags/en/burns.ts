// English red-flag rules: severe burns.
import type { RedFlagRule } from "../types";
import { PERSON, BODY_REGION } from "./parts";

export const BURN_RULES: RedFlagRule[] = [
  {
    id: "severe-burn",
    category: "severe_burn",
    when: [
      /\b(?:big|large|huge|massive) (?:\w+ )?(?:blisters?|blistering|burns?|scalds?)\b|\bblisters all over\b|\bblistering all over\b/,
      /\b(?:burn\w*|scald\w*) (?:by|with|from|in) (?:the )?(?:boiling|hot|scalding) (?:oil|water|fat|steam)\b/,
      new RegExp(
        `\\b(?:boiling|hot) (?:water|oil|tea|coffee|soup|kettle|fat)\\b(?: \\w+){0,6} (?:on|onto|over|all over|down) (?:him|her|my|his|them|the|their|herself|himself|myself)\\w*\\b`,
      ),
      /\b(?:tipped|pulled|knocked|spilled|spilt) (?:the |a )?(?:kettle|pan|saucepan|pot)\b(?: \w+){0,3} (?:on|onto|over|all over|down)\b/,
      new RegExp(`\\bburn\\w* (?:covers|covering|all over|over) (?:\\w+ ){0,2}(?:whole |entire |most of )?${PERSON}? ?${BODY_REGION}\\b`),
      new RegExp(
        `\\b(?:whole|entire|most of (?:his|her|my|the)) ${BODY_REGION} (?:is |was )?(?:burned|burnt|scalded|blistered|blistering)\\b`,
      ),
      /\bburn\w* (?:\w+ ){0,2}(?:bigger|larger) than (?:my|his|her|a|the) (?:hand|palm)\b/,
      /\bburn\w* (?:my |his |her |their )?(?:airway|genitals|eyes?|throat|mouth)\b/,
      /\b(?:skin|burn|it)\b(?: \w+){0,3} (?:looks |is |went |turned |gone )?(?:white|leathery|charred|black|waxy|grey and|brown and)\b/,
      /\bburn\w*\b(?: \w+){0,6} (?:doesnt|dont|does not|cant) (?:hurt|feel)\b|\bcant feel (?:the|it|anything)\b(?: \w+){0,3} burn/,
      /\b(?:chemical|bleach|acid|drain cleaner|oven cleaner|cleaner|alkali|lye)\b(?: \w+){0,4} (?:in|into) (?:my|his|her|their) eyes?\b/,
      /\belectric(?:al)? (?:burn|shock)\b|\belectrocuted\b|\bchemical burns?\b|\bburn\w* from (?:the )?(?:oven cleaner|acid|bleach|drain cleaner|lye|cement|caustic)\b|\bskin (?:is )?(?:peeling|coming|falling) off\b/,
      /\bsmoke inhalation\b|\b(?:singed|burnt|burned) (?:nose hairs|nostrils|eyebrows)\b/,
    ],
    and: [
      /\b(?:burn\w*|scald\w*|blister\w*|boiling|kettle|fire|flames|hot|chemical|acid|bleach|cleaner|lye|alkali|electric\w*|smoke|singed)\b/,
    ],
    unless: [
      /\b(?:thin|small|tiny|little|minor|superficial) (?:red )?(?:line|mark|spot|patch|burn|blister)\b|\bjust red\b|\bfirst degree\b|\bsunburn\w*\b/,
    ],
  },
  {
    id: "full-thickness-burn",
    category: "severe_burn",
    when: [/\bleathery\b|\bcharred\b|\b(?:white|waxy|grey|gray) and (?:numb|painless|doesnt hurt)\b/],
  },
  {
    id: "flame-burn",
    category: "severe_burn",
    when: [
      /\b(?:petrol|gasoline|flames?|bonfire|explosion|exploded|caught (?:fire|alight)|on fire|fireworks?|blast|flash burn|barbecue flared|bbq flared)\b/,
    ],
    and: [/\bburn\w*|\bblister\w*|\bscorched\b|\bsinged\b/],
    unless: [/\b(?:finger|fingertip|small|tiny|minor|little|candle|match|lighter)\b/],
  },
  {
    id: "blistered-face-hands",
    category: "severe_burn",
    when: [
      /\b(?:face|hands?|palms?|fingers|feet|foot|genitals|groin)\b(?: \w+){0,2} (?:is |are |has |have )?(?:all |got |gone )?(?:blistered|blistering|blisters)\b/,
    ],
    unless: [/\b(?:sunburn\w*|new shoes|walking|hiking|running|rowing|gym|weights|shovel\w*|rake|eczema|chickenpox|hand foot and mouth)\b/],
  },
  {
    id: "burn-face-hands",
    category: "severe_burn",
    when: [
      /\bburn\w* (?:on )?(?:my |his |her |their )?(?:face|hands?)\b|\b(?:face|hands?) (?:got |was |is |has been |have been |were )?(?:burned|burnt|scalded)\b/,
    ],
    and: [/\b(?:blister\w*|fire|flames|boiling|deep|white|leathery|charred|chemical|acid|baby|toddler|child|kid|son|daughter)\b/],
    unless: [
      /\b(?:thin|small|tiny|little|minor|superficial) (?:red )?(?:line|mark|spot|patch|burn)\b|\bjust red\b|\bfirst degree\b|\bsunburn\w*\b/,
      // One blister the size of a coin (a small burn to dress), not blisters over the hand.
      /\b(?:one|a|single) (?:small |little |tiny )?blister\b(?! (?:\w+ ){0,3}(?:all over|everywhere|across))|\bsize of a (?:\w+ )?(?:coin|penny|dime|pea|fingernail)\b/,
    ],
  },
];
