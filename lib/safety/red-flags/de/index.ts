// German rules for the core red flags (see fr/index.ts for the list). Folded text: no
// umlauts ("ü" → "u", "ß" → "ss"); words written with "ue"/"ae"/"oe" are matched both ways.
import type { LanguageContext, LanguageRules, RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { compilePhraseRules } from "../phrases";
import { GERMAN_MORE } from "./more";

const SEVERE = anyOf(
  "stark\\w*",
  "heftig\\w*",
  "schlimm\\w*",
  "unertraglich\\w*",
  "unertraeglich\\w*",
  "plotzlich",
  "ploetzlich",
  "seit \\d+ ?min\\w*",
  "seit (?:einer|1) stunde",
  "jetzt",
  "gerade",
  "hilfe",
  "druck\\w*",
  "engegefuhl",
  "engegefuehl",
  "brennend\\w*",
);
const SIGN = anyOf(
  "schwitz\\w*",
  "arm",
  "kiefer",
  "rucken",
  "ruecken",
  "hals",
  "schweiss\\w*",
  "kaltschweiss\\w*",
  "ubel\\w*",
  "uebel\\w*",
  "erbrech\\w*",
  "blass",
  "schwindel\\w*",
  "atm\\w*",
  "luft",
  "atemnot",
);
const PILLS = anyOf(
  "tabletten",
  "pillen",
  "medikamente",
  "schlaftabletten",
  "kapseln",
  "paracetamol",
  "ibuprofen",
  "insulin",
  "antidepressiva",
  "beruhigungsmittel",
);
/** German compounds ("Spülmaschinentabs", "Rattengift") are matched on their last part. */
const POISON = anyOf(
  "\\w*(?:reiniger|tabs|waschmittel|bleiche|gift|spulmittel|spuelmittel|putzmittel|entkalker|losungsmittel|loesungsmittel|desinfektionsmittel)",
  "abflussreiniger",
  "rohrreiniger",
  "bleiche",
  "chlorreiniger",
  "gift",
  "rattengift",
  "frostschutz\\w*",
  "benzin",
  "knopfbatterie",
  "batterie",
  "waschmittel",
  "putzmittel",
  "reiniger",
  "spulmittel",
  "spuelmittel",
  "lampenol",
  "lampenoel",
  "saure",
  "saeure",
  "pflanzenschutzmittel",
);

const RULES: RedFlagRule[] = [
  {
    id: "de-heart-attack-now",
    category: "cardiac",
    when: [
      /\b(?:ich habe|ich hab|er hat|sie hat|habe|hat|bekomme|bekommt|kriege|kriegt|erleide)\b(?: \w+){0,2} (?:einen )?(?:herzinfarkt|herzanfall|infarkt|herzstillstand)\b|\bglaube?,? (?:\w+ ){0,3}herzinfarkt\b/,
    ],
    unless: [/\b(?:angst|risiko|vorbeug\w*|verhindern|hatte (?:vor|im jahr))\b/],
  },
  {
    id: "de-chest-pain",
    category: "cardiac",
    when: [
      /\b(?:brust|herz) tut (?:\w+ ){0,2}weh\b|\btut (?:mir |ihm |ihr )?(?:die brust|das herz) (?:\w+ ){0,2}weh\b|\bbrustschmerz\w*\b|\b(?:schmerz\w*|druck|engegefuhl|engegefuehl|enge|stechen|brennen) (?:\w+ ){0,2}(?:in der|auf der|in meiner|auf meiner|hinter dem) (?:brust|brustbein)\b|\bbrust (?:tut|schmerzt|brennt|druckt|drueckt)\b/,
    ],
    and: [rx`\b${SEVERE}\b|\b${SIGN}\b`],
  },
  {
    id: "de-stroke",
    category: "stroke",
    when: [
      /\b(?:hangend\w*|haengend\w*|schief\w*) (?:mundwinkel|gesicht|mund)\b|\b(?:mundwinkel|gesicht|mund) (?:\w+ ){0,2}(?:hangt|haengt|schief|gelahmt|gelaehmt|verzogen)\b/,
      /\b(?:hat|habe|hab|bekommt|bekomme|erleidet|erleide|glaube?|vermutlich|verdacht auf|wohl)\b(?: \w+){0,3} (?:einen |ein )?(?:schlaganfall|hirnschlag)\b(?! (?:vor|im jahr|\d))/,
      /\b(?:verwaschen\w*|lallend\w*|undeutlich\w*) (?:sprach\w*|sprechen|spricht)\b|\bspricht (?:\w+ ){0,2}(?:verwaschen|undeutlich|wirr|komisch|lallend)\b|\bkann (?:nicht mehr|kaum) sprechen\b/,
      /\b(?:kann|konnen|koennen) (?:\w+ ){0,3}(?:arm|bein|hand|seite) (?:\w+ )?(?:nicht mehr|nicht) (?:bewegen|heben|spuren|spueren)\b/,
      /\b(?:plotzlich|ploetzlich|auf einmal)\b(?: \w+){0,5} (?:nicht mehr (?:bewegen|sprechen|sehen)|gelahmt|gelaehmt|taub|doppelbilder|blind)\b/,
      /\bschlimmste\w* kopfschmerz\w* (?:meines|ihres|seines) lebens\b/,
    ],
    unless: [/\b(?:angst|risiko|vorbeug\w*|senken|verhindern)\b/],
  },
  {
    id: "de-breathing",
    category: "breathing",
    when: [
      /\b(?:kann|kannst|konnen|koennen) (?:\w+ )?(?:nicht|kaum) (?:mehr )?atmen\b|\b(?:bekomme|bekommt|krieg\w*) (?:\w+ )?(?:keine|kaum|schlecht) luft\b|\bkeine luft mehr\b/,
      /\batemnot\b|\berstick\w*\b|\bverschluckt\b(?: \w+){0,4} (?:keine luft|blau|kann nicht)/,
      /\b(?:blaue|blau angelaufene) lippen\b|\blippen (?:\w+ )?blau\b/,
      /\batmet nicht(?: mehr)?\b|\bhort auf zu atmen\b|\bhoert auf zu atmen\b/,
      /\basthmaanfall\b(?: \w+){0,6} (?:spray|hilft nicht|wirkt nicht)/,
    ],
  },
  {
    id: "de-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\b(?:hals|rachen|kehle)\b(?: \w+){0,2} (?:schwillt|schwellt|zugeschwollen|eng|zu)\b|\bschwillt (?:\w+ ){0,2}(?:hals|zunge|rachen)\b/,
      /\b(?:zunge|lippen|gesicht|augen)\b(?: \w+){0,3} (?:schwillt|schwellen|geschwollen|angeschwollen)\b|\bschwillt (?:\w+ ){0,3}(?:zunge|lippen|gesicht)\b/,
      /\banaphylak\w*\b|\ballergischer schock\b|\bkann nicht (?:mehr )?schlucken\b/,
    ],
    unless: [/\b(?:zahn|zahnarzt|mucke|muecke)\b/],
  },
  {
    id: "de-overdose-poisoning",
    category: "overdose_poisoning",
    when: [
      rx`\b(?:genommen|geschluckt|eingenommen|nehme|schlucke)\b(?: \w+){0,4} ${PILLS}\b|\b(?:die ganze|eine ganze|ganze) (?:packung|schachtel|dose|flasche)\b|\b(?:viele|zu viele|eine menge|(?:1\d|[2-9]\d|\d{3})) (?:\w+ )?${PILLS}\b`,
      /\buberdosis\b|\bueberdosis\b|\buberdosiert\b|\bvergift\w+\b/,
      rx`\b${POISON}\b(?: \w+){0,3} (?:getrunken|geschluckt|gegessen|verschluckt)\b|\b(?:getrunken|geschluckt|verschluckt) (?:\w+ ){0,3}${POISON}\b`,
      /\bkohlenmonoxid\w*\b|\bco melder\b/,
    ],
    unless: [/\b(?:hochstdosis|hoechstdosis|dosierung|maximale dosis|wie viele|hund|katze)\b/],
  },
  {
    id: "de-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:blutet|blutung)\b(?: \w+){0,4} (?:stark|sehr|heftig|hort nicht auf|hoert nicht auf|nicht zu stoppen|nicht gestillt)\b|\bhort nicht auf zu bluten\b|\bhoert nicht auf zu bluten\b/,
      /\b(?:niedergestochen|erstochen|messerstich\w*|angeschossen|schusswunde|abgestochen)\b/,
      /\bblut (?:erbrochen|spucken|spuckt|husten|hustet)\b|\bblut\w* erbrechen\b|\bspritzt\b|\bblutlache\b/,
    ],
    unless: [/\b(?:zahnfleisch|rasieren|ein bisschen)\b/],
  },
  {
    id: "de-suicidal",
    category: "suicidal_self_harm",
    when: [
      /\b(?:mich|sich)\b(?: \w+){0,3} (?:umbringen|toten|toeten|das leben nehmen|umzubringen|umbringt)\b|\b(?:mir|sich|dir) das leben (?:zu )?nehmen\b/,
      /\b(?:selbstmord|suizid)\b(?: \w+){0,2} (?:begehen|machen|gedanken)\b|\bsuizidgedanken\b|\bsuizidal\b|\bselbstmordgedanken\b/,
      /\b(?:will|mochte|moechte|wurde gern|wuerde gern) (?:\w+ ){0,3}(?:sterben|tot sein)\b|\bnicht mehr leben\b/,
      /\b(?:ritze mich|schneide mich|selbstverletz\w*)\b/,
      /\balle (?:waren|waeren|wären) besser dran ohne mich\b/,
    ],
    unless: [/\b(?:hunger|lachen)\b/],
  },
  {
    id: "de-seizure",
    category: "seizure",
    when: [/\bkrampfanfall\b|\bkrampft\b|\bkrampfen\b|\bepileptische\w* anfall\b|\bzuckt am ganzen korper\b|\bzuckt am ganzen koerper\b/],
    unless: [/\b(?:hund|katze)\b/],
  },
  {
    id: "de-unconscious",
    category: "unconscious",
    when: [
      /\bbewusstlos\b|\bohnmacht\w*\b|\bnicht ansprechbar\b|\breagiert nicht(?: mehr)?\b|\bwacht nicht (?:mehr )?auf\b|\bzusammengebrochen\b|\bumgekippt\b/,
    ],
  },
];

const CONTEXT: LanguageContext = {
  negators: new Set(["kein", "keine", "keinen", "keiner", "ohne", "nie", "niemals"]),
  negationWindow: 3,
  distantPast:
    /\bvor (?:\d+|einem|einer|zwei|drei|vielen|einigen) (?:jahren?|monaten?)\b|\bletztes jahr\b|\bim jahr (?:19|20)\d\d\b|\b(?:19|20)\d\d\b|\bals kind\b|\bfruher\b|\bfrueher\b/,
  animal: /\b(?:hund|hunde|katze|kater|welpe|haustier|kaninchen|pferd|tierarzt)\b/,
  // The animal bit someone, or was given away: the sign after it is a person's.
  animalAsAgent:
    /\b(?:gebissen|angegriffen|gekratzt)\b|\b(?:meinen|ihren|seinen|unseren) (?:hund|kater|welpen) (?:\w+ ){0,3}(?:verschenkt|abgegeben|weggegeben)\b/,
  fiction: /\b(?:roman|krimi|thriller|geschichte|drehbuch|figur|fiktion|film|serie)\b/,
  general: [
    /^(?:was|welche|wie|warum|wann|ist|sind|kann|konnen)\b(?: \w+){0,6} (?:symptome|anzeichen|ursachen|behandlung|unterschied|risiko|erste hilfe|dosis|warnzeichen)\b/,
    /\b(?:wie|woran) (?:erkenne|erkennt|merke|merkt|bemerkt)\b|\bwas tun,? wenn\b|\bwenn jemand\b|\bwie (?:senke|senken|verringere|vorbeugen)\b/,
    /\b(?:student\w*|prufung|pruefung|hypothetisch|theoretisch|aus neugier|bedeutet|bedeutung|definition)\b/,
  ],
  currentEvent: [
    /\b(?:jetzt|gerade|seit|heute|(?<!erste )hilfe|ich habe (?!eine frage)|ich kann|ich bekomme|mein \w+ (?:hat|ist)|meine \w+ (?:hat|ist))\b/,
  ],
  markers: /\b(?:ich|du|er|sie|und|nicht|ist|habe|hat|mein|meine|meinen|der|das|ein|eine|einen|mit|kein|keine|seit|kann|bin|wie|hilfe)\b/,
  // "ohne Helm und jetzt erbricht er": the negation stays before "und".
  newStatement: /\bund (?=(?:jetzt|nun|dann|plotzlich|seitdem|er|sie|ich|wir|es|mein|meine|sein|seine|ihr|ihre|hat|ist|fragt|kann)\b)/,
  contrast: /\s(?:aber|jedoch|obwohl)\s/,
};

/** Folded German text as the German rules read it. */
function normalizeGerman(folded: string): string {
  const t = folded
    .replace(/['’`]/g, " ")
    .replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ")
    .replace(/-/g, " ");
  return t.replace(/[ \t]+/g, " ").trim();
}

export const GERMAN: LanguageRules = {
  language: "de",
  normalize: normalizeGerman,
  context: CONTEXT,
  rules: [...RULES, ...compilePhraseRules(GERMAN_MORE, { spaced: true, wordStart: true, normalize: normalizeGerman })],
};
