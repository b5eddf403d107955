// French red flags beyond the core, as phrase lists (../phrases.ts): infants, pregnancy,
// burns, head injury, meningitis, sepsis, and further everyday phrasings of the core ones.
import type { PhraseRule } from "../phrases";

export const FRENCH_MORE: PhraseRule[] = [
  { id: "fr-infant-unwell", category: "other", when: ["bebe", "nourrisson", "nouveau ne", "mon petit de ~ mois", "ma petite de ~ mois"], and: ["tout mou", "mou#", "molle#", "ne boit plus", "ne boit pas", "ne tete plus", "ne mange plus", "somnolent", "ne se reveille", "respire mal", "tout gris", "marbr", "convuls", "pleure sans arret"] },
  { id: "fr-infant-fever", category: "other", when: ["bebe de ~ mois", "bebe de ~ semaines", "nourrisson", "nouveau ne"], and: ["fievre", "39", "38"] },
  { id: "fr-pregnancy-bleeding", category: "pregnancy_emergency", when: ["enceinte", "grossesse"], and: ["saigne", "saignement", "perds du sang", "perds beaucoup de sang", "perte de sang", "hemorragie", "perdu les eaux", "poche des eaux", "douleur atroce", "convuls"], unless: ["regles"] },
  { id: "fr-burn", category: "severe_burn", when: ["brule", "brulure", "ebouillant", "huile bouillante", "eau bouillante", "acide"], and: ["cloque", "tout le bras", "toute la jambe", "tout le corps", "visage", "oeil", "yeux", "grave", "peau qui part", "peau arrachee"] },
  { id: "fr-head-injury", category: "head_injury", when: ["tombe sur la tete", "cogne la tete", "cogne la tete", "choc a la tete", "coup sur la tete", "tape la tete", "traumatisme cranien"], and: ["vomi", "somnolent", "endormi", "confus", "ne se souvient", "perdu connaissance", "convuls", "saigne"] },
  { id: "fr-meningitis", category: "meningitis", when: ["nuque raide", "raideur de la nuque", "raideur nuque", "taches violettes", "taches qui ne s effacent", "purpura"], and: ["fievre", "mal de tete", "vomi", "taches", "nuque"] },
  { id: "fr-sepsis", category: "other", when: ["infection", "fievre", "septicemie", "sepsis"], and: ["confus", "delire", "respire tres vite", "respire vite", "marbrure", "peau marbree", "mains glacees", "tension basse"], unless: ["etudiant", "physiopathologie"] },
  { id: "fr-suicidal-more", category: "suicidal_self_harm", when: ["me foutre en l air", "vais me foutre en l air", "me jeter sous", "me pendre", "me tirer une balle", "en finir avec la vie", "plus envie de vivre", "envie de mourir", "me scarifie", "je me scarifie", "me tailler les veines", "ouvert les veines"] },
  { id: "fr-poison-more", category: "overdose_poisoning", when: ["bu de l eau de javel", "bu de la javel", "avale de la javel", "bu du deboucheur", "bu de l antigel", "avale une pile", "avale un aimant", "monoxyde"] },
];
