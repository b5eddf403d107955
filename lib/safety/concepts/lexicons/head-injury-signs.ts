// Words for what makes a knock to the head an emergency (NICE head-injury guidance): drowsiness
// and vomiting after it, or confusion ("no me reconoce"); and falls from a height told
// without the word "head" (a ladder, the stairs, a roof). A head knock alone, or sleepiness
// alone, does not fire (../rules.ts pairs them). Written for the probes before blind round 15.
import type { TriageLanguage } from "../../red-flags/types";
import type { ConceptLexicon } from "../types";

export const HEAD_INJURY_SIGNS: Partial<Record<TriageLanguage, Pick<ConceptLexicon, "drowsy" | "vomiting" | "headHit" | "confused">>> = {
  en: {
    drowsy: [
      "drowsy",
      "very sleepy",
      "really sleepy",
      "so sleepy",
      "cant keep ~ eyes open",
      "cant stay awake",
      "keeps falling asleep",
      "keeps nodding off",
    ],
    vomiting: ["vomit", "throwing up", "threw up", "been sick", "being sick", "keeps being sick"],
    headHit: [
      "fell off ~ ladder",
      "fell from ~ ladder",
      "fell down ~ stairs",
      "fell off ~ roof",
      "fell from ~ roof",
      "fell off ~ balcony",
      "hit the windscreen",
      "hit the windshield",
      "hitting ~ head",
      "wasnt wearing a helmet",
      "without a helmet",
    ],
    confused: ["doesnt know what day", "doesnt know where he is", "doesnt know where she is", "doesnt recognise", "doesnt recognize"],
  },
  es: {
    drowsy: ["somnolient", "muy dormid", "adormilad", "no puede mantener los ojos abiertos", "se queda dormid"],
    vomiting: ["vomita", "vomito", "vomitando", "devolviendo", "devuelve"],
    headHit: [
      "cayo de la escalera",
      "cayo de una escalera",
      "cayo por las escaleras",
      "cayo del tejado",
      "cayo del techo",
      "cayo del balcon",
      "cayo de la escalera de mano",
    ],
    confused: ["no me reconoce", "no nos reconoce", "no reconoce a nadie", "no sabe donde esta", "no sabe que dia es"],
  },
  fr: {
    drowsy: ["somnolent", "tres endormi", "n arrive pas a rester eveille", "s endort tout le temps"],
    vomiting: ["vomit", "a vomi", "vomissement"],
    headHit: [
      "tombe de l echelle",
      "tombe d une echelle",
      "tombe dans les escaliers",
      "tombe du toit",
      "tombe du balcon",
      "tete ~ carrelage",
    ],
    confused: ["ne me reconnait pas", "ne nous reconnait pas", "ne sait plus ou il est", "ne sait plus ou elle est"],
  },
  de: {
    drowsy: ["schlafrig", "sehr mude", "benommen", "schlaft immer wieder ein", "kann die augen nicht offen halten"],
    vomiting: ["erbricht", "erbrochen", "ubergibt sich", "ubergeben", "kotzt"],
    headHit: [
      "von der leiter gefallen",
      "von der leiter gesturzt",
      "treppe runtergefallen",
      "treppe hinuntergefallen",
      "vom dach gefallen",
      "vom balkon gefallen",
      "kopf auf ~ fliesen",
    ],
    confused: ["erkennt mich nicht", "erkennt uns nicht", "weiss nicht wo er ist", "weiss nicht wo sie ist"],
  },
  it: {
    drowsy: ["sonnolent", "molto assonnat", "si addormenta", "non riesce a tenere gli occhi aperti"],
    vomiting: ["vomita", "ha vomitato", "vomitando", "rimette"],
    headHit: [
      "caduto dalla scala",
      "caduta dalla scala",
      "caduto dalle scale",
      "caduta dalle scale",
      "caduto dal tetto",
      "caduto dal balcone",
    ],
    confused: ["non mi riconosce", "non ci riconosce", "non sa dove si trova"],
  },
  pt: {
    drowsy: ["sonolent", "muito sonolent", "nao consegue ficar acordad", "dormindo toda hora"],
    vomiting: ["vomita", "vomitou", "vomitando", "golfando"],
    headHit: ["caiu da escada", "caiu do telhado", "caiu da laje", "caiu da varanda"],
    confused: ["nao me reconhece", "nao reconhece ninguem", "nao sabe onde esta"],
  },
};
