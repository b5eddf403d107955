// Dutch red flags beyond the core, as phrase lists (../phrases.ts).
import type { PhraseRule } from "../phrases";

export const DUTCH_MORE: PhraseRule[] = [
  {
    id: "nl-infant-unwell",
    category: "other",
    when: ["baby", "zuigeling", "pasgeboren", "weken oud", "maanden oud"],
    and: ["slap", "drinkt niet", "wil niet drinken", "suf", "moeilijk wakker", "grauw", "ademt moeilijk", "stuip", "koorts"],
  },
  {
    id: "nl-pregnancy-bleeding",
    category: "pregnancy_emergency",
    when: ["zwanger", "zwangerschap"],
    and: ["bloed", "bloeding", "bloed verlies", "verlies veel bloed", "vliezen gebroken", "hevige pijn", "stuip"],
    unless: ["menstruatie", "ongesteld"],
  },
  {
    id: "nl-burn",
    category: "severe_burn",
    when: ["verbrand", "verbranding", "heet water", "kokend water", "hete olie", "kokende olie", "zuur in"],
    and: ["blaren", "blaar", "huid laat los", "hele", "gezicht", "oog", "ogen", "groot", "grote", "ernstig"],
  },
  {
    id: "nl-head-injury",
    category: "head_injury",
    when: [
      "op zijn hoofd gevallen",
      "op haar hoofd gevallen",
      "op zn hoofd gevallen",
      "hoofd gestoten",
      "klap op zijn hoofd",
      "klap op haar hoofd",
      "klap op het hoofd",
      "hoofdletsel",
    ],
    and: ["overgeven", "braken", "spugen", "suf", "slaperig", "verward", "bewusteloos", "stuip", "bloed"],
  },
  {
    id: "nl-meningitis",
    category: "meningitis",
    when: ["stijve nek", "nekstijfheid", "paarse vlekjes", "paarse vlekken", "vlekjes die niet wegdrukken", "puntbloedinkjes"],
    and: ["koorts", "hoofdpijn", "overgeven", "vlek", "nek"],
  },
  {
    id: "nl-sepsis",
    category: "other",
    when: ["infectie", "longontsteking", "koorts", "bloedvergiftiging", "sepsis"],
    and: ["verward", "ademt snel", "snelle ademhaling", "gevlekte huid", "gemarmerde huid", "koude handen", "lage bloeddruk"],
    unless: ["student", "behandeling van"],
  },
  {
    id: "nl-chest-more",
    category: "cardiac",
    when: [
      "drukkend gevoel op mijn borst",
      "drukkend gevoel op de borst",
      "druk op de borst",
      "beklemmend gevoel op de borst",
      "pijn op mijn borst",
    ],
    and: ["arm", "kaak", "zwet", "klam", "misselijk", "benauwd", "trekt", "straalt"],
  },
  {
    id: "nl-anaphylaxis-more",
    category: "anaphylaxis",
    when: ["zwelt mijn keel", "keel zwelt", "keel zit dicht", "keel gaat dicht", "tong zwelt"],
  },
  {
    id: "nl-selfharm-more",
    category: "suicidal_self_harm",
    when: ["mezelf gesneden", "mezelf snijden", "snij mezelf", "in mijn polsen gesneden", "polsen doorgesneden"],
    and: ["diep", "bloed", "stopt niet", "veel"],
  },
  {
    id: "nl-collapse",
    category: "unconscious",
    when: ["in elkaar gezakt", "ineengezakt", "neergevallen", "omgevallen"],
    and: ["ademt raar", "ademt niet", "ademt vreemd", "snakt naar adem", "reageert niet"],
  },
  {
    id: "nl-many-pills",
    category: "overdose_poisoning",
    when: ["zo n @N", "@N slaappillen", "@N pillen", "@N tabletten"],
    and: ["slaappil", "pillen", "tabletten", "genomen", "geslikt", "duizelig"],
    unless: ["hoeveel"],
  },
  {
    id: "nl-face-numb",
    category: "stroke",
    when: ["helft van mijn gezicht", "helft van zijn gezicht", "helft van haar gezicht", "halve gezicht"],
    and: ["gevoelloos", "verdoofd", "lachen", "hangt", "scheef"],
  },
  {
    id: "nl-suicide-indirect",
    category: "suicidal_self_harm",
    when: [
      "als ik er niet meer was",
      "niemand zou het merken",
      "pillen liggen klaar",
      "afscheidsbrief",
      "wil verdwijnen",
      "niet meer wakker worden",
    ],
  },
  {
    id: "nl-infant-weeks",
    category: "other",
    when: ["baby van @N weken", "baby van ~ weken", "weken oud"],
    and: ["38", "39", "koorts", "slaapt alleen", "slaapt de hele tijd", "slap"],
  },
  {
    id: "nl-sting",
    category: "anaphylaxis",
    when: ["gestoken door een wesp", "gestoken door een bij", "wespensteek", "bijensteek"],
    and: ["zwellen", "zwelt", "flauw", "slap", "adem"],
    // Swelling only where it stung, nothing else: a local reaction.
    unless: ["alleen rond", "alleen de plek", "verder niks", "verder niets", "geen andere klachten"],
  },
  { id: "nl-head-more", category: "head_injury", when: ["op zijn hoofd", "op haar hoofd"], and: ["spugen", "overgeven", "braken", "suf"] },
];
