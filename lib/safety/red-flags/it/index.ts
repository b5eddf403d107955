// Italian rules for the core red flags (see fr/index.ts for the list).
import type { LanguageContext, LanguageRules, RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { compilePhraseRules } from "../phrases";
import { ITALIAN_MORE } from "./more";

const CHEST = anyOf("petto", "torace", "sterno");
const SEVERE = anyOf(
  "forte",
  "fortissimo",
  "molto",
  "tanto",
  "intenso",
  "insopportabile",
  "terribile",
  "che stringe",
  "stringe",
  "schiaccia",
  "oppressivo",
  "improvviso",
  "all improvviso",
  "da \\d+ ?min\\w*",
  "da mezz ora",
  "da un ora",
  "adesso",
  "ora",
  "aiuto",
  "urgente",
);
const SIGN = anyOf(
  "braccio",
  "mascella",
  "schiena",
  "collo",
  "sudo",
  "sudore",
  "sudando",
  "sudato",
  "nausea",
  "vomit\\w*",
  "capogiro",
  "vertigini",
  "pallid\\w*",
  "respirare",
  "non respiro",
  "respiro (?:male|a fatica|con fatica|poco)",
  "manca l aria",
  "fiato",
);
const PILLS = anyOf(
  "pastiglie",
  "pillole",
  "compresse",
  "farmaci",
  "medicine",
  "capsule",
  "sonniferi",
  "tachipirina",
  "paracetamolo",
  "ibuprofene",
  "ansiolitici",
  "antidepressivi",
  "insulina",
  "xanax",
);
const POISON = anyOf(
  "candeggina",
  "varechina",
  "veleno",
  "topicida",
  "antigelo",
  "sgorgante",
  "idraulico liquido",
  "benzina",
  "pila a bottone",
  "batteria",
  "detersivo",
  "ammoniaca",
  "acido muriatico",
  "soda caustica",
  "insetticida",
  "diserbante",
);
const DYING_OF = anyOf("fame", "ridere", "sete", "freddo", "caldo", "noia", "vergogna", "sonno", "stanchezza");

const RULES: RedFlagRule[] = [
  {
    id: "it-heart-attack-now",
    category: "cardiac",
    when: [
      /\bsi (?:tiene|stringe|tocca) il petto\b/,
      rx`\b${anyOf("credo di avere", "penso di avere", "sto avendo", "sta avendo", "ho", "ha", "mi sta venendo", "gli sta venendo", "le sta venendo", "credo che (?:abbia|sia|stia avendo)")} (?:un )?${anyOf("infarto", "attacco di cuore", "attacco cardiaco", "arresto cardiaco")}\b`,
    ],
    unless: [/\b(?:paura|rischio|prevenire|evitare|anni fa)\b/],
  },
  {
    id: "it-chest-pain",
    category: "cardiac",
    when: [
      rx`\b${anyOf("dolore", "dolori", "male", "peso", "oppressione", "pressione", "bruciore", "fitta", "fitte", "morsa", "stretta", "macigno")} (?:\w+ ){0,3}${anyOf("al", "nel", "sul", "in mezzo al", "al centro del")} ${CHEST}\b|\bmi fa (?:molto )?male il ${CHEST}\b|\bdolore toracico\b`,
    ],
    and: [rx`\b${SEVERE}\b|\b${SIGN}\b`],
  },
  {
    id: "it-stroke",
    category: "stroke",
    when: [
      /\b(?:bocca|faccia|viso|sorriso)\b(?: \w+){0,2} (?:storta|storto|cadente|paralizzat[ao]|deformat[ao]|di lato)\b/,
      /\b(?:sta avendo|stia avendo|ha|credo che abbia|penso che abbia) (?:un )?(?:ictus|ischemia|emorragia cerebrale)\b|\bictus in corso\b/,
      /\bnon (?:riesce|riesco) (?:piu )?a (?:muovere|alzare|sentire) (?:il|la|un|mio|mia|suo|sua) (?:braccio|gamba|mano|lato)\b/,
      /\b(?:all improvviso|improvvisamente|di colpo)\b(?: \w+){0,3} (?:non (?:riesco|riesce) (?:piu )?a (?:muovere|parlare|vedere)|parla strano|non vedo)\b/,
      /\b(?:parla (?:strano|male|biascicando|impastato|in modo strano)|non riesce (?:piu )?a parlare|biascica)\b/,
      /\bpeggior mal di testa della (?:mia|sua) vita\b/,
    ],
    unless: [/\b(?:paura|rischio|prevenire|ridurre)\b/],
  },
  {
    id: "it-breathing",
    category: "breathing",
    when: [
      /\bnon (?:riesco|riesce|riusciamo) (?:piu )?a respirare\b/,
      /\b(?:soffoca|soffocando|sto soffocando|sta soffocando|soffocato)\b/,
      /\b(?:mi|gli|le|ci) manca (?:l )?aria\b|\bmanca il (?:fiato|respiro)\b|\bfame d aria\b/,
      /\b(?:labbra|viso|faccia|pelle|dita)\b(?: \w+){0,2} (?:blu|viola|violacee?|bluastre?|cianotic\w*)\b/,
      /\bnon respira(?: piu)?\b|\bha smesso di respirare\b/,
      // First person, as people type it: "non respiro" is "I can't breathe" ("non respiro bene col naso" is a blocked nose).
      /\bnon respiro(?: piu)?\b(?! (?:bene )?(?:dal|col|con il) naso)/,
      /\b(?:attacco|crisi) d asma\b(?: \w+){0,6} (?:ventolin|spray|non (?:passa|funziona))/,
    ],
  },
  {
    id: "it-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\bgola\b(?: \w+){0,3} (?:chiude|chiudendo|gonfi\w*|stretta)\b|\b(?:mi|gli|le) si chiude la gola\b/,
      /\b(?:lingua|labbra|viso|faccia|occhi|palpebre)\b(?: \w+){0,3} (?:gonfi\w*)\b|\b(?:mi|gli|le) si (?:gonfia|gonfiano|chiude) (?:la |il |le )?(?:lingua|labbra|viso|faccia|gola)\b/,
      /\bshock anafilattico\b|\banafilassi\b|\bnon riesco (?:piu )?a deglutire\b/,
    ],
    unless: [/\b(?:dente|dentista|botta|zanzara)\b/],
  },
  {
    id: "it-overdose-poisoning",
    category: "overdose_poisoning",
    when: [
      rx`\b(?:ho preso|ha preso|ho ingoiato|ha ingoiato|ho mandato giu|preso|ingoiato)\b (?:\w+ ){0,2}${anyOf("tutta la scatola", "tutto il flacone", "tutto il blister", "tutte le", "tantissime", "troppe", "un sacco di", "una manciata di", "(?:1\\d|[2-9]\\d|\\d{3})", "trenta", "venti", "quaranta")} (?:\w+ ){0,2}${PILLS}?`,
      /\boverdose\b|\bsovradosaggio\b|\bavvelenat\w*\b|\bavvelenamento\b|\bintossicat\w*\b/,
      rx`\b(?:bevuto|bevuta|ingoiato|ingerito|mangiato|ingoiata)\b (?:\w+ ){0,3}${POISON}\b`,
      /\bmonossido di carbonio\b/,
    ],
    unless: [/\b(?:intossicazione alimentare|dose massima|posologia|quante ne posso|cane|gatto)\b/],
  },
  {
    id: "it-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:sangu\w+|sangue|emorragia)\b(?: \w+){0,4} (?:non si ferma|non smette|tantissimo|a fiotti|molto|dappertutto)\b|\bnon smette di sanguinare\b/,
      /\bperd\w* (?:molto|tanto|tantissimo|parecchio) sangue\b/,
      /\b(?:accoltellat\w*|pugnalat\w*|coltellata|sparato|colpo di pistola|ferita d arma da fuoco)\b/,
      /\b(?:vomit\w*|sputo|sputa|tossisce) sangue\b|\bpozza di sangue\b/,
    ],
    unless: [/\b(?:gengive|un po|rasatura|radendomi)\b/],
  },
  {
    id: "it-suicidal",
    category: "suicidal_self_harm",
    when: [
      rx`\b(?:voglio|vorrei|sto pensando di|penso di|ho deciso di|ho voglia di) (?:uccidermi|ammazzarmi|suicidarmi|togliermi la vita|farla finita|morire(?! (?:de|di|d) (?:la |le |a )?${DYING_OF})|farmi del male|tagliarmi|sparire per sempre)\b`,
      /\bnon voglio piu vivere\b|\bpensieri suicidi\b|\bpensando al suicidio\b|\bsuicida\b|\bfarla finita\b/,
      /\b(?:tutti|la mia famiglia) (?:starebbero|vivrebbero) meglio senza di me\b/,
      /\b(?:mi taglio|autolesion\w*)\b/,
    ],
  },
  {
    id: "it-seizure",
    category: "seizure",
    when: [/\bconvulsion\w*\b|\bcrisi epilettic\w*\b|\battacco epilettico\b/],
    unless: [/\b(?:cane|gatto)\b/],
  },
  {
    id: "it-unconscious",
    category: "unconscious",
    when: [
      /\b(?:privo di sensi|priva di sensi|svenut[oa]|incosciente|non (?:si sveglia|risponde|reagisce)|perso (?:i sensi|conoscenza)|e svenuto|e svenuta|collassat[oa])\b/,
    ],
  },
];

const CONTEXT: LanguageContext = {
  negators: new Set(["senza", "niente", "nessun", "nessuna", "mai", "neanche", "nemmeno", "ne"]),
  negationWindow: 3,
  distantPast:
    /\b(?:\d+|un|due|tre|qualche|molti) (?:anni|anno|mesi|mese) fa\b|\bl anno scorso\b|\bnel (?:19|20)\d\d\b|\bda (?:bambin[oa]|piccol[oa])\b/,
  animal: /\b(?:cane|cagnolino|gatto|gattino|cucciolo|animale|coniglio|cavallo|veterinari\w*)\b/,
  // The animal bit someone, or was given away: the sign after it is a person's.
  animalAsAgent:
    /\b(?:morso|morsa|attaccato|graffiato)\b|\b(?:regalato|regalata|dato via|affidato) (?:il |la )?(?:mio|mia|suo|sua) (?:cane|gatto|gatta|cucciolo)\b/,
  // "Giallo" alone is also the colour; a crime novel is "il mio / un / nel mio giallo", "romanzo giallo".
  fiction: /\b(?:romanzo|racconto|storia|sceneggiatura|personaggio|finzione|film|serie)\b|\b(?:mio|un|nel|nel mio|questo) giallo\b/,
  general: [
    /^(?:quali|quale|come|perche|cosa|che cosa|e|sono|si puo)\b(?: \w+){0,6} (?:sintomi|segni|segnali|cause|trattamenti?|differenza|rischi|primo soccorso|dose|prevenire)\b/,
    /\bcosa fare se qualcuno\b|\bse qualcuno\b|\bcome (?:posso )?(?:ridurre|prevenire|diminuire)\b/,
    /\b(?:studente|esame|lezione|ipotetic\w*|in teoria|per curiosita|significa|significato)\b/,
  ],
  currentEvent: [
    /\b(?:adesso|ora|in questo momento|da \d+ minuti|oggi|aiuto|ho (?!una domanda)|sto|non riesco|mio \w+ (?:ha|e|sta|non)|mia \w+ (?:ha|e|sta|non))\b/,
  ],
  markers:
    /\b(?:io|mio|mia|non|ho|ha|il|lo|la|di|che|e|sono|sto|un|una|con|molto|gli|le|del|della|mi|aiuto|adesso|se|ne|gia|nessuno|piu|questo|perche|cosa|tutto)\b/,
  // "senza casco e adesso vomita": the negation stays before "e".
  newStatement: /\be (?=(?:adesso|ora|poi|gia|improvvisamente|all improvviso|lui|lei|loro|io|mio|mia|suo|sua|continua|ha|sta)\b)/,
  contrast: /\s(?:ma|pero|tuttavia|anche se)\s/,
};

/** Folded Italian text as the Italian rules read it ("l'aria" → "l aria"; "non ho …" negates like "senza"). */
function normalizeItalian(folded: string): string {
  let t = folded
    .replace(/['’`]/g, " ")
    .replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ")
    .replace(/-/g, " ");
  t = t.replace(/\bnon (?:ho|sento|ha|c e)\b/g, "senza");
  return t.replace(/[ \t]+/g, " ").trim();
}

export const ITALIAN: LanguageRules = {
  language: "it",
  normalize: normalizeItalian,
  context: CONTEXT,
  rules: [...RULES, ...compilePhraseRules(ITALIAN_MORE, { spaced: true, wordStart: true, normalize: normalizeItalian })],
};
