// Tagalog (Filipino, and the Taglish people type: "yung", "di", English nouns inside Tagalog
// sentences) red flags as phrase lists (see ../phrases.ts), on folded text. Added after blind
// round 12 brought Tagalog messages: the core red flags only; the concept words
// (../../concepts/lexicons/tl.ts) carry the rest.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const TAGALOG = phrasePack({
  language: "tl",
  spaced: true,
  wordStart: true,
  // "yong"/"iyong" → "yung"; "hndi"/"hinde" → "hindi".
  normalize: (text) =>
    wordsAndPunctuation(text)
      .replace(/(?<![\p{L}])(?:yong|iyong)(?![\p{L}])/gu, "yung")
      .replace(/(?<![\p{L}])(?:hndi|hinde|hnd)(?![\p{L}])/gu, "hindi"),
  // Words of Tagalog alone ("ko", "ba", "ano", "lang" are also Hinglish, Vietnamese, folded Spanish "año" or Malay).
  markers:
    /(?<![\p{L}])(?:ang|ng|yung|ako|siya|niya|po|nang|mga|talaga|kasi|naman|kanina|ngayon|sobrang|hindi|tapos|paano|tulong|lolo|lola)(?![\p{L}])/u,
  rules: [
    {
      id: "tl-chest-pain",
      category: "cardiac",
      when: [
        "masakit ang dibdib",
        "masakit yung dibdib",
        "sakit sa dibdib",
        "sumasakit ang dibdib",
        "naninikip ang dibdib",
        "paninikip ng dibdib",
        "parang dinadaganan ang dibdib",
      ],
      and: ["pawis", "pinagpapawisan", "braso", "panga", "hirap huminga", "hindi makahinga", "di makahinga", "nahihilo", "sobrang"],
    },
    { id: "tl-heart-attack", category: "cardiac", when: ["inaatake sa puso", "atake sa puso", "inatake sa puso", "huminto ang puso"] },
    {
      id: "tl-stroke",
      category: "stroke",
      when: [
        "tabingi",
        "ngiwi",
        "bulol",
        "di makapagsalita",
        "hindi makapagsalita",
        "hindi maigalaw",
        "di maigalaw",
        "na stroke",
        "nastroke",
      ],
      and: ["mukha", "bibig", "braso", "biglang", "bigla", "kalahati", "stroke", "maayos"],
    },
    {
      id: "tl-breathing",
      category: "breathing",
      when: [
        "hindi makahinga",
        "di makahinga",
        "hindi humihinga",
        "hindi ~ humihinga",
        "di humihinga",
        "hirap na hirap huminga",
        "nangingitim ang labi",
        "nangingitim yung labi",
        "nagkukulay asul",
        "nalulunod",
      ],
    },
    {
      id: "tl-unconscious",
      category: "unconscious",
      when: [
        "walang malay",
        "nawalan ng malay",
        "hindi magising",
        "di magising",
        "hindi gumigising",
        "ayaw magising",
        "hinimatay",
        "bumagsak at hindi",
      ],
    },
    { id: "tl-seizure", category: "seizure", when: ["nangingisay", "kumbulsyon", "kombulsyon", "nag seseizure", "nagseseizure"] },
    {
      id: "tl-bleeding",
      category: "severe_bleeding",
      when: [
        "hindi tumitigil ang dugo",
        "ayaw tumigil ang dugo",
        "ayaw tumigil ng dugo",
        "bumubulwak ang dugo",
        "sumisirit ang dugo",
        "sobrang daming dugo",
      ],
    },
    {
      id: "tl-pregnancy",
      category: "pregnancy_emergency",
      when: ["buntis", "nagdadalang tao", "nagbubuntis"],
      and: ["dinudugo", "dumudugo", "pagdurugo", "ang daming dugo", "sobrang sakit ng tiyan", "nanganganak", "pumutok ang panubigan"],
    },
    {
      id: "tl-suicidal",
      category: "suicidal_self_harm",
      when: [
        "magpapakamatay",
        "magpakamatay",
        "papatayin ko ang sarili ko",
        "patayin ang sarili",
        "gusto ko nang mamatay",
        "gusto ko ng mamatay",
        "ayoko nang mabuhay",
        "ayoko ng mabuhay",
        "wakasan ang buhay",
        "tapusin ang buhay",
        "iinumin ko na lahat ng gamot",
        "iinumin ko lahat ng gamot",
        "tatalon ako",
        "maglaslas",
        "naglaslas",
      ],
    },
    {
      id: "tl-overdose",
      category: "overdose_poisoning",
      when: [
        "nakainom ng lason",
        "uminom ng lason",
        "ininom lahat ng gamot",
        "ininom niya lahat",
        "nakainom ng zonrox",
        "ininom ang zonrox",
        "nakalunok ng battery",
        "nalunok ang battery",
      ],
    },
    {
      id: "tl-anaphylaxis",
      category: "anaphylaxis",
      when: ["namamaga ang lalamunan", "namamaga yung lalamunan", "namamaga ang dila", "namamaga ang labi", "namamaga ang mukha"],
      and: ["allergy", "allergic", "kinagat", "kinain", "hipon", "mani", "hindi makahinga", "di makahinga", "hirap huminga"],
    },
  ],
  context: {
    negators: ["hindi", "di", "wala", "walang", "huwag", "wag"],
    distantPast: [
      // "noong 2020": in a year gone by.
      "noong 19",
      "noong 20",
      "noong isang taon",
      "nakaraang taon",
      "taon na ang nakalipas",
      "buwan na ang nakalipas",
      "noong nakaraang buwan",
      "noong bata",
    ],
    animal: ["aso", "pusa", "alaga", "beterinaryo"],
    fiction: ["kwento", "kuwento", "nobela", "pelikula", "teleserye", "karakter"],
    general: [
      "ano ang sintomas",
      "ano ang mga sintomas",
      "ano ang gagawin kung",
      "paano kung",
      "para sa assignment",
      "ano ba ang",
      "ilang porsyento",
    ],
    currentEvent: ["ngayon", "ngayong", "tulong", "tulungan", "saklolo", "kanina", "emergency"],
    contrast: ["pero", "kaso", "ngunit"],
  },
});
