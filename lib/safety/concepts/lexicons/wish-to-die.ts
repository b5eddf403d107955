// Words for a wish or plan to die told of someone else ("my brother doesn't want to live
// anymore", "mi amigo quiere matarse", "ο αδερφός μου θέλει να αυτοκτονήσει") or as a stated
// plan ("vou me jogar da ponte"): the first-person red flags ("i want to die") missed the
// third person. A friend's or relative's wish to die is a crisis-line matter as much as one's
// own, so the concept fires alone (../rules.ts). Idioms stay out: "se va a matar con esa moto",
// "vai se matar de trabalhar", "i'd rather die than…" are hyperbole (the last one counts only with
// a sign of means: `cantGoOn` with `meansReady` below). Written for the probes before blind round 15.
import type { TriageLanguage } from "../../red-flags/types";
import type { ConceptLexicon } from "../types";

export const WISH_TO_DIE: Partial<Record<TriageLanguage, Pick<ConceptLexicon, "wishToDie" | "cantGoOn" | "meansReady">>> = {
  en: {
    wishToDie: [
      "doesnt want to live anymore",
      "doesnt want to live any more",
      "dont want to live anymore",
      "doesnt want to be alive",
      "wants to kill himself",
      "wants to kill herself",
      "wants to kill themselves",
      "going to kill himself",
      "going to kill herself",
      "gonna kill himself",
      "gonna kill herself",
      "wants to end his life",
      "wants to end her life",
      "wants to take his own life",
      "wants to take her own life",
    ],
    cantGoOn: ["rather be dead", "d rather die", "better off dead"],
    meansReady: [
      "googling how many",
      "googled how many",
      "searching how many",
      "looked up how many",
      "how many ~ it takes to die",
      "how many ~ to kill",
      "lethal dose",
    ],
  },
  es: {
    wishToDie: [
      "quiere matarse",
      "se quiere matar",
      "quiere suicidarse",
      "se quiere suicidar",
      "ya no quiere vivir",
      "no quiere vivir mas",
      "no quiere seguir viviendo",
      "quiere quitarse la vida",
      "se quiere quitar la vida",
      "va a quitarse la vida",
      "se va a quitar la vida",
      "va a suicidarse",
      "se va a suicidar",
    ],
  },
  pt: {
    wishToDie: [
      "quer se matar",
      "quer se suicidar",
      "vai se suicidar",
      "nao quer mais viver",
      "nao quer viver mais",
      "quer tirar a propria vida",
      "vai tirar a propria vida",
      "vou me jogar da ponte",
      "vou me jogar do predio",
      "vou me jogar na frente",
      "vai se jogar da ponte",
      "vai se jogar do predio",
      "vai se jogar na frente",
    ],
  },
  fr: {
    wishToDie: [
      "ne veut plus vivre",
      "veut plus vivre",
      "veut se tuer",
      "veut se suicider",
      "va se suicider",
      "veut mettre fin a ses jours",
      "va mettre fin a ses jours",
      "veut en finir avec la vie",
      "vais me jeter du pont",
      "vais me jeter sous",
      "va se jeter du pont",
      "va se jeter sous",
    ],
  },
  it: {
    wishToDie: [
      "non vuole piu vivere",
      "vuole uccidersi",
      "si vuole uccidere",
      "vuole ammazzarsi",
      "si vuole ammazzare",
      "vuole suicidarsi",
      "si vuole suicidare",
      "vuole togliersi la vita",
      "si vuole togliere la vita",
      "vuole buttarsi dal",
      "si vuole buttare dal",
      "mi butto dal ponte",
      "si butta dal ponte",
    ],
  },
  ru: { wishToDie: ["ne hochu bolshe zhit", "не хочет жить", "хочет умереть", "хочет убить себя", "ne hochet zhit", "hochet umeret"] },
  uk: { wishToDie: ["не хоче жити", "хоче померти", "хоче вбити себе", "хоче покінчити з собою"] },
  ro: {
    wishToDie: [
      "nu mai vrea sa traiasca",
      "nu vrea sa mai traiasca",
      "vrea sa se sinucida",
      "vrea sa se omoare",
      "vrea sa moara",
      "o sa se sinucida",
    ],
  },
  el: { wishToDie: ["θελει να αυτοκτονησ", "δεν θελει να ζει", "δε θελει να ζει", "θελει να πεθανει", "θα αυτοκτονησ"] },
  tr: { wishToDie: ["kendini oldurmek istiyor", "intihar etmek istiyor", "intihar edecek", "olmek istiyor", "yasamak istemiyor"] },
  sv: { wishToDie: ["vill ta livet av sig", "ska ta livet av sig", "vill inte leva", "vill do#"] },
  tl: { wishToDie: ["ayaw na niyang mabuhay", "ayaw na niya mabuhay", "gusto na niyang mamatay", "gusto na niya mamatay"] },
  sw: { wishToDie: ["hataki kuishi", "anataka kufa", "anataka kujiua", "atajiua"] },
  ar: {
    wishToDie: ["يريد ان ينتحر", "تريد ان تنتحر", "لا يريد ان يعيش", "لا تريد ان تعيش", "بدو ينتحر", "بدها تنتحر", "بدو يموت", "بدها تموت"],
  },
};
