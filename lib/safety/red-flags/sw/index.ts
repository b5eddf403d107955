// Swahili (Kiswahili, East Africa) red flags as phrase lists (see ../phrases.ts), on folded
// text. Added after blind round 12 brought Swahili messages: the core red flags only; the
// concept words (../../concepts/lexicons/sw.ts) carry the rest. Swahili negates inside the verb
// ("hapumui": is not breathing, "haamki": does not wake), so most signs are single words.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const SWAHILI = phrasePack({
  language: "sw",
  spaced: true,
  wordStart: true,
  normalize: wordsAndPunctuation,
  // Words of Swahili alone ("na", "ya", "ni", "wa" are also Polish, Spanish or Tagalog words).
  markers:
    /(?<![\p{L}])(?:yangu|wangu|wake|yake|sana|tafadhali|msaada|kwa|nini|gani|mtoto|nisaidie|saidia|haraka|sasa|hivi|kabisa|leo|usiku)(?![\p{L}])/u,
  rules: [
    {
      id: "sw-chest-pain",
      category: "cardiac",
      when: ["maumivu ya kifua", "kifua kinauma", "kifua kinabana", "maumivu makali ya kifua"],
      and: ["jasho", "mkono", "taya", "kupumua kwa shida", "anapumua kwa shida", "kizunguzungu", "makali"],
    },
    { id: "sw-heart-attack", category: "cardiac", when: ["shambulio la moyo", "mshtuko wa moyo", "moyo umesimama"] },
    {
      id: "sw-stroke",
      category: "stroke",
      when: ["kiharusi", "uso umepinda", "mdomo umepinda", "hawezi kuongea vizuri", "hawezi kuinua mkono"],
    },
    {
      id: "sw-breathing",
      category: "breathing",
      when: [
        "hawezi kupumua",
        "siwezi kupumua",
        "hapumui",
        "anapumua kwa shida",
        "napumua kwa shida",
        "midomo ya bluu",
        "midomo imekuwa bluu",
        "anazama",
      ],
    },
    {
      id: "sw-unconscious",
      category: "unconscious",
      when: ["amezimia", "hajitambui", "hana fahamu", "amepoteza fahamu", "haamki", "hazinduki", "haitikii"],
    },
    { id: "sw-seizure", category: "seizure", when: ["degedege", "anatetemeka mwili mzima", "kifafa"] },
    {
      id: "sw-bleeding",
      category: "severe_bleeding",
      when: ["damu haiachi", "damu haikomi", "anavuja damu nyingi", "damu nyingi sana", "damu inatoka kwa nguvu"],
    },
    {
      id: "sw-pregnancy",
      category: "pregnancy_emergency",
      when: ["mjamzito", "mimba"],
      and: ["anavuja damu", "ninavuja damu", "navuja damu", "damu nyingi", "maumivu makali ya tumbo"],
    },
    {
      id: "sw-suicidal",
      category: "suicidal_self_harm",
      when: ["nitajiua", "najiua", "kujiua", "nataka kujiua", "sitaki kuishi", "nataka kufa", "kujitoa uhai", "nitajinyonga", "kujinyonga"],
    },
    {
      id: "sw-poisoning",
      category: "overdose_poisoning",
      when: [
        "amekunywa sumu",
        "amemeza sumu",
        "amekunywa mafuta ya taa",
        "amekunywa dawa ya panya",
        "amemeza vidonge vingi",
        "amekunywa jiki",
      ],
    },
  ],
  context: {
    negators: ["hakuna", "bila", "sio", "si"],
    distantPast: ["mwaka jana", "miaka iliyopita", "mwezi uliopita", "miezi iliyopita", "nilipokuwa mtoto"],
    animal: ["mbwa", "paka", "mnyama", "daktari wa mifugo"],
    fiction: ["hadithi", "riwaya", "filamu", "tamthilia", "mhusika"],
    general: ["dalili za", "nini dalili", "nifanye nini kama", "je ikiwa", "kwa ajili ya kazi ya shule", "ni nini"],
    currentEvent: ["sasa", "sasa hivi", "msaada", "nisaidie", "saidia", "haraka", "leo"],
    contrast: ["lakini", "ila"],
  },
});
