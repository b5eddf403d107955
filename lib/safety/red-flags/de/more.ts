// German red flags beyond the core, as phrase lists (../phrases.ts).
import type { PhraseRule } from "../phrases";

export const GERMAN_MORE: PhraseRule[] = [
  { id: "de-infant-unwell", category: "other", when: ["baby", "saugling", "neugeboren", "wochen alt", "monate alt"], and: ["schlapp", "trinkt nicht", "trinkt nichts", "isst nicht", "apathisch", "schwer erweckbar", "wacht nicht auf", "atmet schwer", "grau", "krampf", "fieber"] },
  { id: "de-pregnancy-bleeding", category: "pregnancy_emergency", when: ["schwanger", "schwangerschaftswoche", "ssw"], and: ["blutung", "blute", "blutet", "blut verloren", "fruchtblase", "starke schmerzen", "krampfanfall"], unless: ["periode", "regel"] },
  { id: "de-burn", category: "severe_burn", when: ["verbruh", "verbrannt", "verbrennung", "kochendem wasser", "heissem ol", "heisses ol", "saure ins auge"], and: ["blasen", "ganzen", "ganze", "gesicht", "auge", "grossflachig", "haut lost sich", "schwer"] },
  { id: "de-head-injury", category: "head_injury", when: ["auf den kopf gefallen", "kopf gestossen", "kopf angeschlagen", "schlag auf den kopf", "mit dem kopf aufgeschlagen", "kopfverletzung", "sturz auf den kopf"], and: ["erbricht", "erbrechen", "ubergeben", "kotzt", "schlafrig", "benommen", "verwirrt", "bewusstlos", "krampf", "blutet"] },
  { id: "de-meningitis", category: "meningitis", when: ["nackensteif", "steifer nacken", "steifen nacken", "nacken ist steif", "punkte die nicht weggehen", "flecken die nicht weggehen", "punktformige", "lila flecken", "violette flecken"], and: ["fieber", "kopfschmerz", "erbrech", "punkte", "flecken", "nacken"] },
  { id: "de-sepsis", category: "other", when: ["infektion", "lungenentzundung", "harnwegsinfekt", "fieber", "blutvergiftung", "sepsis"], and: ["verwirrt", "atmet schnell", "schnelle atmung", "fleckige haut", "marmoriert", "kalte hande", "blutdruck fallt"], unless: ["student", "pathophysiologie"] },
  { id: "de-stroke-more", category: "stroke", when: ["hangt der mundwinkel", "mundwinkel hangt", "hangender mundwinkel", "sie lallt", "er lallt", "lallt#", "spricht verwaschen", "verwaschene sprache", "gesicht hangt"] },
  { id: "de-suicidal-more", category: "suicidal_self_harm", when: ["bring mich um", "bringe mich um", "mich umbringen", "mich umzubringen", "mir das leben nehmen", "mir was antun", "will sterben", "will nicht mehr leben", "mach schluss", "mache schluss", "schluss machen mit allem", "mich ritzen", "ritze mich", "mich geritzt", "pulsadern"], unless: ["bringt mich um"] },
  { id: "de-poison-more", category: "overdose_poisoning", when: ["spulmaschinentab", "geschirrspultab", "waschmittelkapsel", "rohrreiniger", "abflussreiniger", "entkalker getrunken", "knopfbatterie verschluckt", "batterie verschluckt", "magnet verschluckt", "kohlenmonoxid"] },
];
