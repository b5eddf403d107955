// Dutch rules for the core red flags (see fr/index.ts for the list).
import type { LanguageContext, LanguageRules, RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { compilePhraseRules } from "../phrases";
import { DUTCH_MORE } from "./more";

const SEVERE = anyOf(
  "hevig\\w*",
  "erg\\w*",
  "heel veel",
  "ondraaglijk\\w*",
  "plotseling",
  "drukkend\\w*",
  "knellend\\w*",
  "beklemmend\\w*",
  "sinds \\d+ ?min\\w*",
  "al een uur",
  "nu",
  "help",
);
const SIGN = anyOf(
  "arm",
  "kaak",
  "rug",
  "nek",
  "zwe\\w*",
  "klam",
  "misselijk\\w*",
  "overgeven",
  "braken",
  "bleek",
  "duizelig\\w*",
  "adem\\w*",
  "lucht",
  "benauwd",
);
const PILLS = anyOf(
  "pillen",
  "tabletten",
  "medicijnen",
  "slaappillen",
  "paracetamol",
  "ibuprofen",
  "oxazepam",
  "insuline",
  "antidepressiva",
);
const POISON = anyOf(
  "bleek(?:water)?",
  "gootsteenontstopper",
  "ontstopper",
  "gif",
  "rattengif",
  "antivries",
  "benzine",
  "knoopcel(?:batterij)?",
  "batterij",
  "wasmiddel",
  "schoonmaakmiddel",
  "vaatwastablet\\w*",
  "wasmiddelcapsule\\w*",
  "lampenolie",
);

const RULES: RedFlagRule[] = [
  {
    id: "nl-heart-attack-now",
    category: "cardiac",
    when: [
      /\b(?:ik heb|hij heeft|zij heeft|ze heeft|krijg|krijgt|denk(?:t)? (?:dat )?(?:ik|hij|zij|ze) (?:een )?)\b(?: \w+){0,2} (?:een )?(?:hartaanval|hartinfarct|infarct|hartstilstand)\b/,
      /\b(?:ik|hij|zij|ze) (?:\w+ ){0,2}(?:een )?(?:hartaanval|hartinfarct|hartstilstand) (?:heb|heeft|krijg|krijgt)\b/,
    ],
    unless: [/\b(?:bang|risico|voorkomen)\b/],
  },
  {
    id: "nl-chest-pain",
    category: "cardiac",
    when: [
      /\bpijn (?:\w+ ){0,2}(?:op|in|aan) (?:de|mijn|zijn|haar) borst\b|\bborstpijn\b|\bdruk op (?:de|mijn|zijn|haar) borst\b|\bbeklemd gevoel\b|\bpijn (?:\w+ )?op de borst\b/,
    ],
    and: [rx`\b${SEVERE}\b|\b${SIGN}\b`],
  },
  {
    id: "nl-stroke",
    category: "stroke",
    when: [
      /\b(?:mond|gezicht|mondhoek)\b(?: \w+){0,2} (?:hangt|scheef|verlamd|hangend)\b|\bscheve mond\b|\bhangende mondhoek\b/,
      /\b(?:heeft|krijgt|denk dat (?:hij|zij|ze) (?:een )?|waarschijnlijk) (?:een )?(?:beroerte|herseninfarct|hersenbloeding|cva|tia)\b/,
      /\b(?:ik|hij|zij|ze) (?:\w+ ){0,2}(?:een )?(?:beroerte|herseninfarct|hersenbloeding) (?:heb|heeft|krijg|krijgt)\b/,
      /\bkan (?:\w+ ){0,2}(?:arm|been|hand) (?:niet meer|niet) (?:bewegen|optillen|voelen)\b/,
      /\b(?:praat|spreekt) (?:\w+ ){0,2}(?:onduidelijk|brabbel\w*|raar|wartaal|dubbel)\b|\bkan (?:niet meer|ineens niet) (?:praten|spreken)\b/,
      /\b(?:plotseling|ineens|opeens)\b(?: \w+){0,4} (?:verlamd|niet meer (?:praten|zien|bewegen)|dubbel zien|blind)\b/,
      /\bergste hoofdpijn (?:van|uit) (?:mijn|zijn|haar) leven\b/,
    ],
    unless: [/\b(?:bang|risico|voorkomen|verlagen)\b/],
  },
  {
    id: "nl-breathing",
    category: "breathing",
    when: [
      /\b(?:kan|kunnen) (?:\w+ )?(?:niet|nauwelijks|bijna niet) (?:meer )?ademen\b|\b(?:krijg|krijgt) (?:\w+ )?(?:geen|nauwelijks|bijna geen) lucht\b|\bgeen lucht meer\b/,
      /\b(?:stikt|stikken|verslikt|verstikking)\b/,
      /\b(?:blauwe lippen|lippen (?:\w+ )?blauw)\b/,
      /\bademt niet(?: meer)?\b|\bis gestopt met ademen\b/,
      /\b(?:erg|heel|zeer) benauwd\b|\bastma-?aanval\b(?: \w+){0,6} (?:puffer|helpt niet|werkt niet)/,
    ],
  },
  {
    id: "nl-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\b(?:keel|tong|lippen|gezicht)\b(?: \w+){0,3} (?:zwelt|zwellen|opgezwollen|dik|dicht)\b/,
      /\banafylact\w*\b|\ballergische shock\b|\bkan niet (?:meer )?slikken\b/,
    ],
    unless: [/\b(?:tand|tandarts|mug)\b/],
  },
  {
    id: "nl-overdose-poisoning",
    category: "overdose_poisoning",
    when: [
      rx`\b(?:ingenomen|geslikt|genomen|slik|nam)\b(?: \w+){0,4} ${PILLS}\b|\b(?:hele|een hele) (?:strip|doos|pot|fles)\b|\b(?:veel|te veel|een heleboel|(?:1\d|[2-9]\d|\d{3})) (?:\w+ )?${PILLS}\b`,
      /\boverdosis\b|\bvergiftig\w*\b/,
      rx`\b${POISON}\b(?: \w+){0,3} (?:gedronken|geslikt|gegeten|ingeslikt)\b|\b(?:gedronken|geslikt|ingeslikt) (?:\w+ ){0,3}${POISON}\b`,
      /\bkoolmonoxide\b|\bco melder\b/,
    ],
    unless: [/\b(?:maximale dosis|hoeveel (?:mag|kan)|hond|kat)\b/],
  },
  {
    id: "nl-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:bloedt|bloeding)\b(?: \w+){0,4} (?:heel erg|hevig|enorm|stopt niet|houdt niet op|blijft)\b|\bhet bloed spuit\b|\bneergestoken\b|\bgestoken met een mes\b|\bneergeschoten\b|\bbloed (?:overgeven|opgeven|ophoesten)\b|\bplas bloed\b/,
    ],
    unless: [/\b(?:tandvlees|scheren|een beetje)\b/],
  },
  {
    id: "nl-suicidal",
    category: "suicidal_self_harm",
    when: [
      /\b(?:ik wil|wil|ga|denk erover|overweeg)\b(?: \w+){0,2} (?:zelfmoord plegen|mezelf (?:van kant maken|doden|ombrengen|iets aandoen)|dood|er een eind aan maken|een einde aan mijn leven maken)\b(?! van)/,
      /\bzelfmoordgedachten\b|\bsuicidaal\b|\bniet meer leven\b|\bwil niet meer leven\b|\bwil dood\b/,
      /\b(?:iedereen|mijn familie) (?:is|zou) beter af zonder mij\b/,
      /\b(?:snij mezelf|zelfbeschadiging)\b/,
    ],
  },
  {
    id: "nl-seizure",
    category: "seizure",
    when: [
      /\b(?:epileptische )?aanval\b(?: \w+){0,4} (?:schokt|stuipt|trekt|stopt niet)\b|\bstuipen\b|\bstuiptrekkingen\b|\bschokt over (?:zijn|haar) hele lichaam\b|\bepileptische aanval\b/,
    ],
    unless: [/\b(?:hond|kat)\b/],
  },
  {
    id: "nl-unconscious",
    category: "unconscious",
    when: [
      /\bbewusteloos\b|\bflauwgevallen\b(?: \w+){0,4} (?:wordt niet wakker|reageert niet)|\breageert niet(?: meer)?\b|\bwordt niet (?:meer )?wakker\b|\bin elkaar gezakt\b|\bniet aanspreekbaar\b/,
    ],
  },
];

const CONTEXT: LanguageContext = {
  negators: new Set(["geen", "zonder", "nooit"]),
  negationWindow: 3,
  distantPast:
    /\b(?:\d+|een|twee|drie|paar|vele) (?:jaar|jaren|maanden) geleden\b|\bvorig jaar\b|\bin (?:19|20)\d\d\b|\btoen (?:ik|hij|zij) (?:klein|kind) was\b/,
  animal: /\b(?:hond|kat|puppy|kitten|huisdier|konijn|paard|dierenarts)\b/,
  // The animal bit someone, or was given away: the sign after it is a person's.
  animalAsAgent: /\b(?:gebeten|aangevallen|gekrabd)\b|\b(?:mijn|zijn|haar|onze) (?:hond|kat|puppy) (?:\w+ ){0,3}(?:weggegeven|afgestaan)\b/,
  fiction: /\b(?:roman|boek|thriller|verhaal|scenario|personage|fictie|film|serie)\b/,
  general: [
    /^(?:wat|welke|hoe|waarom|wanneer|is|zijn|kan|kun)\b(?: \w+){0,6} (?:symptomen|tekenen|signalen|oorzaken|behandeling|verschil|risico|eerste hulp|dosis|voorkomen)\b/,
    /\bwat te doen als\b|\bals iemand\b|\bhoe (?:herken|merk|voorkom|verlaag)\b|\bbetekent\b/,
    /\b(?:student\w*|examen|hypothetisch|theoretisch|uit nieuwsgierigheid)\b/,
  ],
  currentEvent: [/\b(?:nu|op dit moment|sinds|vandaag|help|ik heb (?!een vraag)|ik kan|ik krijg|mijn \w+ (?:heeft|is|kan))\b/],
  markers: /\b(?:ik|mijn|het|een|niet|en|van|is|heb|heeft|met|zijn|haar|hij|zij|ze|geen|kan|wil|dat|er|op|voor|nu|erg|hulp)\b/,
  contrast: /\s(?:maar|hoewel|echter)\s/,
};

/** Folded Dutch text as the Dutch rules read it. */
function normalizeDutch(folded: string): string {
  const t = folded
    .replace(/['’`]/g, " ")
    .replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ")
    .replace(/-/g, " ");
  return t.replace(/[ \t]+/g, " ").trim();
}

export const DUTCH: LanguageRules = {
  language: "nl",
  normalize: normalizeDutch,
  context: CONTEXT,
  rules: [...RULES, ...compilePhraseRules(DUTCH_MORE, { spaced: true, wordStart: true, normalize: normalizeDutch })],
};
