// Finnish, Somali, Igbo and Zulu red flags, read by the English rules: blind round 18 brought all four with no rules.
// Each is spoken where English is widely read (Nigeria, South Africa) or where the visitor's region gives the number
// (fi-FI 112), so the notice is written in English; languages of their own, with their own texts, are left for later.
// Only the core emergencies in everyday words, each a phrase a speaker would type.
import { compilePhraseRules, type PhraseRule } from "../phrases";
import { normalizeForTriage } from "../../text/normalize-en";

const RULES: PhraseRule[] = [
  // Finnish (folded: ä ö → a o).
  { id: "fi-unconscious", category: "unconscious", when: ["tajuton", "tajuttomana", "menetti tajuntansa", "ei heraa", "ei reagoi"] },
  { id: "fi-breathing", category: "breathing", when: ["ei hengita", "ei saa henkea", "en saa henkea", "huulet siniset"] },
  {
    id: "fi-chest-pain",
    category: "cardiac",
    when: ["rintakipu", "kipua rinnassa", "rintaan sattuu", "puristaa rintaa"],
    and: ["vasempaan kateen", "vasen kasi", "hikoilee", "kylma hiki", "hengenahdistus", "oksentaa"],
  },
  { id: "fi-stroke", category: "stroke", when: ["suupieli roikkuu", "suu vinossa", "ei pysty puhumaan", "puhe sammaltaa"] },
  {
    id: "fi-suicidal",
    category: "suicidal_self_harm",
    when: ["tappaa itseni", "tapan itseni", "en halua elaa", "haluan kuolla", "itsemurhan"],
  },
  { id: "fi-overdose", category: "overdose_poisoning", when: ["yliannostus", "kaikki pillerit", "paljon unilaakkeita"] },
  { id: "fi-seizure", category: "seizure", when: ["kouristaa", "kouristelee", "kouristuskohtaus"] },
  // Somali.
  {
    id: "so-chest-pain",
    category: "cardiac",
    when: ["laabta", "laabtayda", "laabtiisa", "laabteeda", "laab xanuun"],
    and: ["dhidid", "neef", "gacanta bidix", "matag"],
  },
  { id: "so-unconscious", category: "unconscious", when: ["miyir beelay", "miyir ma leh", "suuxay", "suuxsan"] },
  { id: "so-suicidal", category: "suicidal_self_harm", when: ["inaan is dilo", "is dilayaa", "naftayda qaado"] },
  // Igbo (folded: ọ ụ ị → o u i).
  {
    id: "ig-stroke",
    category: "stroke",
    when: ["otu akuku ahu", "otu akuku ya"],
    and: ["anaghi emeghari", "naghi emeghari", "naghi ekwu okwu", "enweghi ike"],
  },
  { id: "ig-breathing", category: "breathing", when: ["naghi eku ume", "enweghi ike iku ume", "anaghi eku ume"] },
  { id: "ig-suicidal", category: "suicidal_self_harm", when: ["igbu onwe m", "gbuo onwe m", "achoghi m ibi ndu"] },
  // Zulu.
  {
    id: "zu-stab-bleeding",
    category: "severe_bleeding",
    when: ["ugwazwe", "ugwaziwe", "ngigwazwe"],
    and: ["uyopha", "igazi", "uyaquleka", "esiswini", "esifubeni", "ngommese"],
  },
  { id: "zu-bleeding", category: "severe_bleeding", when: ["uyopha kakhulu", "igazi aliyeki", "igazi alimi"] },
  { id: "zu-unconscious", category: "unconscious", when: ["uqulekile", "uyaquleka", "akaphenduli", "akaphefumuli"] },
  { id: "zu-breathing", category: "breathing", when: ["akakwazi ukuphefumula", "angikwazi ukuphefumula", "akaphefumuli"] },
  { id: "zu-suicidal", category: "suicidal_self_harm", when: ["ngifuna ukuzibulala", "ngizozibulala"] },
];

/** Words of these languages that no other triage language writes: a turn holding them stays read by the English rules. */
export const OTHER_LANGUAGE_WORDS =
  /(?<![a-z])(?:biko|naghi|anaghi|nne m|nna m|ahu ya|tajuton|ei heraa|ei hengita|fadlan|aabbahay|hooyaday|ngicela|umfowethu|udadewethu|umama wami|ubaba wami)(?![a-z])/;

export const OTHER_LANGUAGE_RULES = compilePhraseRules(RULES, { spaced: true, wordStart: true, normalize: normalizeForTriage });
