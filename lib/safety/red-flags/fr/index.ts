// French rules for the core red flags: chest pain / heart attack, stroke, breathing and
// choking, anaphylaxis, overdose and poisoning, severe bleeding, suicide and self-harm,
// seizures and unconsciousness. Folded text: no accents, apostrophes become spaces
// ("j'ai" → "j ai", "n'arrive" → "n arrive").
import type { LanguageContext, LanguageRules, RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { compilePhraseRules } from "../phrases";
import { FRENCH_MORE } from "./more";

const CHEST = anyOf("poitrine", "thorax", "torse", "coeur");
const SEVERE = anyOf(
  "tres mal",
  "si mal",
  "trop mal",
  "fort\\w*",
  "intense",
  "insupportable",
  "atroce",
  "horrible",
  "qui serre",
  "serre",
  "ecrase",
  "oppress\\w*",
  "brutal\\w*",
  "soudain\\w*",
  "d un coup",
  "depuis \\d+ ?min\\w*",
  "depuis (?:une|1) heure",
  "depuis une demi heure",
  "maintenant",
  "aidez moi",
  "au secours",
  "urgent",
);
const SIGN = anyOf(
  "bras",
  "machoire",
  "dos",
  "cou",
  "sue",
  "suer",
  "transpire",
  "sueur\\w*",
  "nause\\w*",
  "vomi\\w*",
  "malaise",
  "pale",
  "vertige\\w*",
  "respir\\w*",
  "souffle",
  "etouff\\w*",
);
const PILLS = anyOf(
  "comprimes?",
  "cachets?",
  "pilules?",
  "medicaments?",
  "gelules?",
  "somniferes?",
  "anxiolytiques?",
  "antidepresseurs?",
  "paracetamol",
  "doliprane",
  "ibuprofene",
  "insuline",
);
const POISON = anyOf(
  "eau de javel",
  "javel",
  "poison",
  "mort aux rats",
  "antigel",
  "destop",
  "deboucheur",
  "produit (?:menager|vaisselle|de nettoyage)",
  "essence",
  "pile bouton",
  "pile",
  "pesticide",
  "lessive",
  "capsule de lessive",
  "white spirit",
  "acide",
);
const SELF = anyOf(
  "me suicider",
  "me tuer",
  "mourir",
  "en finir(?: avec la vie| avec tout)?",
  "mettre fin a (?:mes|ma) (?:jours|vie)",
  "me faire du mal",
  "disparaitre",
  "me pendre",
  "me jeter",
  "ne plus me reveiller",
);
const DYING_OF = anyOf("faim", "rire", "soif", "froid", "chaud", "ennui", "envie", "honte", "fatigue");

const RULES: RedFlagRule[] = [
  {
    id: "fr-heart-attack-now",
    category: "cardiac",
    when: [
      rx`\b${anyOf("je fais", "il fait", "elle fait", "je crois que je fais", "en train de faire", "fait", "je fais peut etre", "j ai", "il a", "elle a")} (?:une |un )?${anyOf("crise cardiaque", "infarctus", "arret cardiaque", "attaque cardiaque")}\b`,
    ],
    unless: [/\b(?:peur|risque|prevenir|eviter)\b/],
  },
  {
    id: "fr-chest-pain",
    category: "cardiac",
    when: [
      rx`\b${anyOf("mal", "douleurs?", "serrement", "oppression", "poids", "pression", "brulure", "barre", "etau", "point")} (?:\w+ ){0,3}${anyOf("a la", "dans la", "de la", "sur la", "a ma", "dans ma", "au", "sur le", "dans le")} ${CHEST}\b`,
      /\bdouleurs? thoraciques?\b/,
      rx`\b(?:serre|ecrase|comprime|oppresse|brule|serrent) (?:\w+ )?(?:la |ma |le |sa )?${CHEST}\b|\b${CHEST} (?:me |lui )?(?:serre|fait mal|brule|ecrase)\b`,
    ],
    and: [rx`\b${SEVERE}\b|\b${SIGN}\b`],
  },
  {
    id: "fr-stroke",
    category: "stroke",
    when: [
      /\b(?:bouche|visage|levre|sourire)\b(?: \w+){0,2} (?:de travers|tordu\w*|deform\w*|paralys\w*|tombant\w*|affaiss\w*|qui tombe)\b/,
      /\b(?:je|il|elle|on) (?:pense qu il |pense qu elle |crois qu il |crois qu elle )?(?:fait|fais) (?:un )?(?:avc|accident vasculaire)\b|\bfait un avc\b|\bfaire un avc\b/,
      /\b(?:n arrive plus a|ne peut plus|ne peux plus|n arrive pas a) (?:bouger|lever|sentir) (?:le|la|son|sa|mon|ma) (?:bras|jambe|main|cote)\b/,
      /\b(?:d un coup|soudain\w*|brutalement|tout a coup)\b(?: \w+){0,3} (?:ne sens plus|ne sent plus|ne vois plus|ne voit plus|parle bizarrement|n arrive plus a parler|ne peut plus parler|paralys\w*)\b/,
      /\b(?:n arrive plus a parler|ne peut plus parler|parle bizarrement|bafouille|mots incomprehensibles)\b/,
      /\bpire mal de tete de (?:ma|sa) vie\b/,
    ],
    unless: [/\b(?:peur|risque|prevenir)\b/],
  },
  {
    id: "fr-breathing",
    category: "breathing",
    when: [
      /\b(?:n arrive (?:plus|pas) a|ne peux (?:plus|pas)|ne peut (?:plus|pas)|n arrivons pas a) respirer\b/,
      /\b(?:j etouffe|il etouffe|elle etouffe|s etouffe|en train d etouffer|s est etouffe)\b|\bsuffoqu\w*\b|\basphyxi\w*\b/,
      /\brespire (?:tres |vraiment |super )?mal\b|\bdu mal a respirer\b|\brespire difficilement\b/,
      /\b(?:devient|est|devenu|devenue) (?:tout |toute )?(?:bleu|bleue|violet|violette)\b/,
      /\b(?:levres|visage|peau|doigts)\b(?: \w+){0,2} (?:bleu\w*|violet\w*|gris\w*)\b/,
      /\bne respire (?:plus|pas)\b|\ba arrete de respirer\b/,
      /\b(?:crise d asthme)\b(?: \w+){0,6} (?:ventoline|inhalateur|ne marche|ne fait rien|grave)\b/,
      /\bje manque d air\b|\bmanque d air (?:grave|severe)\b/,
    ],
  },
  {
    id: "fr-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\b(?:gorge|larynx)\b(?: \w+){0,2} (?:se ferme|qui se ferme|gonfl\w*|enfl\w*|serree)\b/,
      /\b(?:visage|levres|langue|yeux|paupieres)\b(?: \w+){0,2} (?:gonfl\w*|enfl\w*)\b/,
      /\bchoc anaphylactique\b|\banaphylaxie\b|\bne peux plus avaler\b/,
    ],
    unless: [/\b(?:dent|dentiste|coup|moustique)\b/],
  },
  {
    id: "fr-overdose-poisoning",
    category: "overdose_poisoning",
    when: [
      rx`\b(?:j ai pris|il a pris|elle a pris|j ai avale|il a avale|elle a avale|a avale|ai avale|pris|avale) (?:\w+ ){0,2}${anyOf("toute la boite", "toute la plaquette", "tout le flacon", "toute la boite de", "une boite", "une plaquette", "un flacon", "un tube", "beaucoup de", "trop de", "une trentaine", "une vingtaine", "plein de", "des dizaines de", "(?:1\\d|[2-9]\\d|\\d{3})")} (?:\w+ ){0,2}(?:${PILLS})?`,
      /\bsurdose\b|\boverdose\b/,
      rx`\b(?:avale|pris|mange) (?:\w+ ){0,2}${PILLS} (?:de|a) (?:sa|son|ses|ma|mon|mes) (?:grand mere|grand pere|mere|pere|maman|papa|soeur|frere|mari|femme|copine|copain)\b`,
      rx`\b(?:fille|fils|enfant|bebe|petit|petite|garcon) (?:\w+ ){0,3}(?:avale|mange|bu|pris) (?:\w+ ){0,2}${PILLS}\b`,
      rx`\b(?:bu|avale|mange|ingere|bois|boit) (?:\w+ ){0,3}${POISON}\b`,
      /\bintoxi\w+ (?:au|par le) monoxyde\b|\bmonoxyde de carbone\b|\bempoisonn\w+\b/,
    ],
    unless: [/\b(?:dose maximale|dose max|posologie|combien de|chien|chat)\b/],
  },
  {
    id: "fr-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:saigne|saignement|sang)\b(?: \w+){0,4} (?:ne s arrete pas|n arrete pas|abondamment|enormement|beaucoup|partout|a flots|gicle)\b/,
      /\bcoup de couteau\b|\bpoignard\w*\b|\bpar balle\b|\bblesse par balle\b|\bpoignarde\b/,
      /\b(?:vomi\w*|crache\w*|tousse) du sang\b|\bhemorragie\b|\bflaque de sang\b/,
    ],
    unless: [/\b(?:gencives|un peu|rasant|petite coupure)\b/],
  },
  {
    id: "fr-suicidal",
    category: "suicidal_self_harm",
    when: [
      rx`\b${anyOf("je veux", "j ai envie de", "je vais", "je pense a", "envie de", "je voudrais", "je compte", "j ai decide de")} ${SELF}\b(?! (?:de|di|d) (?:la |le |a )?${DYING_OF})`,
      /\bplus envie de vivre\b|\benvie d en finir\b|\bidees? suicidaires?\b|\bpense(?:r|es)? au suicide\b|\bje ne veux plus vivre\b|\bje veux plus vivre\b|\bmarre de vivre\b/,
      /\b(?:tout le monde|ma famille) (?:serait|seraient|irait|iraient) mieux sans moi\b/,
      /\bje me scarifie\b|\bje me coupe (?:les bras|les poignets|encore)\b|\bautomutil\w+\b/,
      /\b(?:va|veut) (?:se suicider|se tuer|se faire du mal|mettre fin a ses jours)\b/,
    ],
  },
  {
    id: "fr-seizure",
    category: "seizure",
    when: [
      /\bconvuls\w+\b|\bcrise (?:d epilepsie|epileptique|convulsive)\b|\b(?:fait|fais) une crise\b(?: \w+){0,4} (?:tremble|raide|ne repond)/,
    ],
    unless: [/\b(?:chien|chat)\b/],
  },
  {
    id: "fr-unconscious",
    category: "unconscious",
    when: [
      /\binconscient\w*\b|\bs est evanoui\w*\b|\bevanoui\w*\b|\bne (?:se )?reveille pas\b|\bne repond plus\b|\bne reagit plus\b|\bperdu connaissance\b|\bs est effondre\w*\b/,
    ],
  },
];

const CONTEXT: LanguageContext = {
  negators: new Set(["pas", "sans", "jamais", "aucun", "aucune", "ni"]),
  negationWindow: 3,
  distantPast:
    /\bil y a (?:\d+|un|une|deux|trois|quelques|plusieurs) (?:ans?|annees?|mois|semaines)\b|\bl (?:annee derniere|an dernier|an passe|annee passee)\b|\ben (?:19|20)\d\d\b|\bquand j etais\b|\bantecedents?\b/,
  animal: /\b(?:chien|chienne|chat|chatte|chaton|chiot|animal|lapin|cheval|veterinaire)\b/,
  // The animal bit someone, or was given away: the sign after it is a person's.
  animalAsAgent:
    /\b(?:mordu|mordue|attaque|griffe|pique)\b|\b(?:donne|donnee|confie) (?:mon|ma|son|sa|notre) (?:chien|chienne|chat|chatte|chiot|chaton)\b/,
  fiction: /\b(?:roman|nouvelle|histoire|scenario|personnage|fiction|film|serie)\b/,
  general: [
    /^(?:quels?|quelles?|comment|pourquoi|qu est ce|est ce|c est quoi)\b(?: \w+){0,6} (?:symptomes?|signes?|causes?|traitements?|difference|risques?|premiers secours|prevenir|dose)\b/,
    /\bcomment (?:savoir|reconnaitre|on sait|sait on|faire la difference)\b|\bque faire (?:si|quand) (?:quelqu un|on)\b|\bsi quelqu un\b|\bcomment (?:reduire|diminuer|prevenir)\b/,
    /\b(?:etudiant\w*|examen|cours|hypothetique\w*|en theorie|par curiosite|signifie|veut dire|definition)\b/,
  ],
  currentEvent: [
    /\b(?:maintenant|en ce moment|depuis|ce soir|aujourd hui|aidez moi|au secours|j ai (?!une question)|je suis|je n arrive|je ne peux|mon \w+ (?:a|est)|ma \w+ (?:a|est))\b/,
  ],
  markers:
    /\b(?:je|j|il|elle|le|la|les|des|du|de|et|est|mon|ma|mes|pas|ne|n|ai|suis|avec|pour|une|un|tres|qu|ce|mal|depuis|aidez|jvais|jsuis|chui|au|aux|nous|vous|mais|sa|ses|lui|leur|ca)\b/,
  // "sans casque et maintenant il vomit": the negation stays before "et".
  newStatement: /\bet (?=(?:maintenant|la|puis|depuis|soudain|il|elle|ils|elles|on|je|j|mon|ma|mes|son|sa|ses|sa|continue|a|est)\b)/,
  contrast: /\s(?:mais|pourtant|cependant)\s/,
};

/** Folded French text as the French rules read it. */
function normalizeFrench(folded: string): string {
  const t = folded
    .replace(/['’`]/g, " ")
    .replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ")
    .replace(/-/g, " ");
  return t.replace(/[ \t]+/g, " ").trim();
}

export const FRENCH: LanguageRules = {
  language: "fr",
  normalize: normalizeFrench,
  context: CONTEXT,
  rules: [...RULES, ...compilePhraseRules(FRENCH_MORE, { spaced: true, wordStart: true, normalize: normalizeFrench })],
};
