// English red-flag rules: overdose, poisoning, ingestions, carbon monoxide.
import type { RedFlagRule } from "../types";
import { CHILD } from "./parts";

export const POISONING_RULES: RedFlagRule[] = [
  {
    id: "overdose",
    category: "overdose_poisoning",
    when: [
      /\boverdosed\b|\btook an overdose\b|\btaken an overdose\b|\boverdosing\b/,
      /\b(?:took|taken|swallowed|ate|had|downed) (?:\w+ ){0,2}(?:too many|(?:a bunch|a load|loads|lots|a lot|a pile|a fistful|a handful|handfuls|a few strips|a few packs) of (?:\w+ )?(?:pills|tablets|meds|xanax|valium|diazepam|paracetamol|tylenol|ibuprofen|painkillers|sleeping|oxy\w*|codeine|opioids|antidepressants|benzos|insulin)|(?:a |my |his |her |the )?whole (?:\w+ ){0,2}(?:bottle|pack|packet|box|strip|load|supply|prescription|blister)|all (?:of )?(?:my|his|her|the) (?:\w+ )?(?:pills|tablets|meds|medication|medicine|antidepressants|painkillers|insulin|prescription)|a handful of|handfuls of|(?:two|three|four|five|several|a couple of|[2-9]) (?:\w+ )?(?:boxes|packs|packets|strips|blisters)(?! (?:to|into|up|down|out|off|home|back)\b))\b/,
      /\bwhole (?:bottle|pack|packet|box|strip) of\b/,
      /\b(?:took|taken|swallowed|had|downed) (?:a lot|lots|loads|a load|a bunch|a handful|handfuls|too many|a pile) of (?:\w+ ){0,3}(?:pills|tablets|meds|medication|medicine|painkillers|sleeping pills)\b/,
      /\b(?:took|taken|swallowed|ate|had|downed) (?:about |around |like |over |at least )?(?:1\d|[2-9]\d|\d{3}|twenty|thirty|forty|fifty|a hundred|sixteen|eighteen|twelve) (?:\w+ )?(?:pills|tablets|capsules|caps|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|co-?codamol|sleeping pills|xanax|diazepam|antidepressants|of (?:my|his|her|them|these|the))\b/,
      /\b(?:drank|drunk|drinking|swallowed|ate|eaten|ingested|licked|gulp\w*|sip|swig|mouthful|took a (?:gulp|sip|swig|mouthful)) (?:of )?(?:some |a |the |a bit of |some of the |of the )?(?:\w+ ){0,4}(?:bleach|detergent|antifreeze|drain cleaner|oven cleaner|poison|chemicals?|button batter\w*|laundry pods?|washing pods?|dishwasher (?:liquid|tablets?|pods?)|weed ?killer|roundup|pesticide|rat poison|lighter fluid|petrol|gasoline|kerosene|paraffin|lamp oil|paint thinner|methanol|caustic|lye|ammonia|white spirit|e-?liquid|vape (?:juice|liquid|refill|pod)|nicotine (?:liquid|refill|pouch\w*)|liquid nicotine|iron (?:tablets|pills)|window cleaner|toilet cleaner|(?:washer|screen ?wash|windscreen|windshield|brake|cleaning|lighter|antifreeze|de-?icer|washing up|dishwasher|laundry|bubble|lamp) (?:fluid|liquid)|cleaning (?:product|spray)|screenwash|descaler)\b/,
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,4} (?:ate|swallowed|got into|drank|eaten|chewed|chewing|has had|had some|took)\\b(?: \\w+){0,6} (?:pills?|tablets?|medicines?|meds|medication|capsules|gummies|edibles|vitamins|purse|handbag|medicine cabinet|methadone|fentanyl|oxy\\w*|morphine|buprenorphine|suboxone|opioids?|heroin|cannabis|weed|vape|nicotine|alcohol|vodka)\\b`,
      ),
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,4} got into (?:my|his|her|the|grandmas|grannys|nanas) (?:\\w+ )?(?:pills|tablets|meds|medicine|medication|purse|handbag|bag|pods|tabs|bleach|cleaner|batteries|detergent|vape)\\b`,
      ),
      /\b(?:swallow\w*|ate|eaten|chew\w*|suck\w*|put|in (?:his|her|their|the) mouth|mouth)\b(?: \w+){0,6} (?:button|coin|lithium|watch|flat|round|remote|key fob|car key) ?batter(?:y|ies)\b/,
      /\bbatter(?:y|ies)\b(?: \w+){0,6} (?:is |are )?missing\b/,
      /\b(?:swallowed|ate) (?:\w+ ){0,2}magnets?\b/,
      /\b(?:swallowed|chewed|chewing|sucked|sucking|ate|licked)\b(?: \w+){0,4} (?:fentanyl|buprenorphine|butrans|nicotine|opioid|morphine|pain|medicated) patch\w*\b/,
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,4} (?:ate|eaten|swallowed|chewed|eating)\\b(?: \\w+){0,3} (?:wild |some |a )?(?:mushrooms?|toadstools?|berries|foxglove|yew|seeds|plant|leaves|cigarettes?|cigarette butts?|nicotine)\\b`,
      ),
      /\b(?:took|taken|had|swallowed|given|gave) (?:\w+ ){0,2}too much (?:of )?(?:my |his |her |the )?(?:\w+ )?(?:medication|meds|medicine|tablets|pills|insulin|methadone|paracetamol|tylenol|morphine|digoxin)\b/,
      /\b(?:carbon monoxide|co) (?:alarm|detector)\b(?: \w+){0,3} (?:going off|went off|beeping|sounding|alarming)\b/,
      /\bcarbon monoxide poison\w*\b/,
      /\b(?:drink|i) (?:was|got|has been|have been|been) spiked\b/,
      /\b(?:took|taken|had|used|snorted|injected|smoked)\b(?: \w+){0,3} (?:fentanyl|heroin|opioids?|oxy\w*|xanax|ketamine|ghb|mdma|pills) (?:and|with)\b(?: \w+){0,4} (?:wont wake|cant wake|not breathing|blue|unresponsive|drowsy|vodka|alcohol|booze)\b/,
      /\bpinpoint pupils\b/,
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,5} (?:found|was found|is) (?:with|playing with|chewing|holding|eating from) (?:an? |the )?(?:open |empty |half empty |opened )?(?:\\w+ ){0,2}(?:bottle|pack|packet|box|blister pack|tub|pills|tablets|medicine)\\b`,
      ),
      /\b(?:open|opened|half empty|empty) (?:bottle|pack|packet|box|tub) of (?:\w+ )?(?:calpol|medicine|pills|tablets|paracetamol|tylenol|vitamins|iron|sleeping pills)\b(?: \w+){0,6} (?:toddler|child|kid|baby|son|daughter|month old|year old)\b/,
    ],
    unless: [/\bfor (?:my|his|her) (?:dog|cat|pet)\b/],
  },
  {
    id: "overdose-told-in-parts",
    category: "overdose_poisoning",
    // "I took a lot of them" … "my mum's sleeping tablets": the medicine and the amount may come in different turns.
    when: [
      /\b(?:took|taken|swallowed|ate|eaten|had|downed|necked|chewed)\b(?: \w+){0,2} (?:them|(?:all|most|lots|loads|a lot|a bunch|a handful|(?:1\d|[2-9]\d|\d{3})|twenty|thirty|forty|fifty) of (?:them|those|these|it|the lot))\b/,
    ],
    and: [
      /\b(?:pills|tablets|meds|medication|medicine|capsules|paracetamol|tylenol|acetaminophen|ibuprofen|sleeping|painkillers|antidepressants|insulin|xanax|diazepam|oxy\w*|codeine|iron)\b/,
    ],
    andAlso: [/\b(?:all|most|lots|loads|a lot|a bunch|a handful|too many|whole|(?:1\d|[2-9]\d|\d{3})|twenty|thirty|forty|fifty)\b/],
  },
  {
    id: "child-ate-medicine-told-in-parts",
    category: "overdose_poisoning",
    when: [
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,4} (?:ate|eaten|swallowed|chewed|has had|got into|took)\\b(?: \\w+){0,2} (?:some|one|two|a few|them|it|all)\\b`,
      ),
    ],
    and: [
      /\b(?:pills|tablets|meds|medication|medicine|capsules|paracetamol|tylenol|ibuprofen|sleeping|painkillers|antidepressants|vitamins|iron|gummies|edibles)\b/,
    ],
    unless: [/\b(?:sweets|candy|crisps|chips|snack|lunch|dinner|breakfast)\b/],
  },
  {
    id: "unknown-pills-with-depressed-consciousness",
    category: "overdose_poisoning",
    when: [
      /\b(?:took|taken|swallowed|had|given|popped|dropped)\b(?: \w+){0,3} (?:pills|tablets|drugs|pingers|molly|something)\b|\b(?:took|taken|swallowed|had|downed) (?:a load|loads|a bunch|lots|a lot|a handful|too many|too much|a whole pack|a packet) of\b/,
    ],
    and: [
      /\b(?:hallucinat\w*|seeing things|heart (?:racing|pounding)|drowsy|floppy|unresponsive|cant wake|wont wake|hard to wake|confus\w*|breathing (?:slow|strange|weird|shallow|funny)|barely|passed out|fitting|seizure|overheat\w*|burning up)\b/,
    ],
  },
  {
    id: "high-risk-medicine-error",
    category: "overdose_poisoning",
    // Extra doses of a few medicines are dangerous before any symptom appears.
    when: [
      /\b(?:took|taken|injected|gave|given|had)\b(?: \w+){0,4} (?:twice|double|triple|\d+ times|three times|four times|too much|extra)\b/,
    ],
    and: [
      /\b(?:insulin|methotrexate|warfarin|digoxin|lithium|opioids?|morphine|fentanyl|methadone|oxy\w*|iron|colchicine|tricyclic|amitriptyline|beta blockers?|propranolol|calcium channel|verapamil|sulfonylurea|gliclazide)\b/,
    ],
  },
  {
    id: "medication-error-with-symptoms",
    category: "overdose_poisoning",
    when: [
      /\b(?:took|taken|given|gave|had|injected)\b(?: \w+){0,4} (?:twice|three times|3 times|double|triple|by mistake|too much|the wrong (?:pills|tablets|meds|medicine|dose))\b/,
    ],
    and: [
      /\b(?:sleepy|drowsy|confus\w*|vomit\w*|throwing up|dizzy|faint\w*|heart (?:racing|pounding)|cant wake|slurr\w*|breathing (?:slow|shallow)|unconscious|collaps\w*)\b/,
    ],
  },
  {
    id: "sedatives-with-alcohol",
    category: "overdose_poisoning",
    when: [
      /\b(?:sleeping (?:pills|tablets)|benzos?|xanax|diazepam|valium|lorazepam|opioids?|oxy\w*|codeine|co-?codamol|tramadol|methadone|fentanyl|heroin|ketamine|ghb|painkillers|morphine|pregabalin|gabapentin)\b/,
    ],
    and: [/\b(?:vodka|whisk(?:e)?y|gin|rum|alcohol|booze|drinking|drunk|bottle of (?:wine|vodka|whisky|gin|rum)|beers|pints|cans)\b/],
    andAlso: [/\b(?:took|taken|had|swallowed|drank|downed|necked|mixed|on)\b/],
    unless: [/\b(?:is it safe|can i|can you|should i|safe to)\b/],
  },
  {
    id: "carbon-monoxide-pattern",
    category: "overdose_poisoning",
    // Several people in one home with headaches/nausea, a fuel-burning appliance or relief on leaving the house.
    when: [
      /\b(?:we all|weve all|we have all|we both|all of us|everyone (?:in|at) (?:the |our )?(?:house|home|flat)|(?:whole|entire) (?:family|household|house)|the whole lot of us|both of us|all the family|the kids and (?:i|me)|me and the kids|even the (?:kids|baby|dog)|everyone at home)\b/,
    ],
    and: [/\b(?:headaches?|dizz\w*|nause\w*|sick|drowsy|sleepy|confus\w*|vomit\w*)\b/],
    andAlso: [
      /\b(?:heater|boiler|furnace|generator|gas (?:fire|stove|heater|cooker)|stove|fireplace|wood ?burner|log burner|chimney|flue|barbecue|bbq|exhaust|fumes|car running|garage|better (?:when|once|after) (?:we )?(?:go|get|going|went|leave|leaving|are) (?:out|outside)|goes away (?:when|once) (?:we )?(?:leave|go out))\b/,
    ],
  },
];
