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
  {"id": "fr-collapse", "category": "unconscious", "when": ["effondre", "effondree", "s est ecroule", "tombe par terre", "tombee par terre"], "and": ["respire mal", "respire bizarrement", "respire plus", "ne respire pas", "ne repond", "inconscient"]},
  {"id": "fr-many-pills", "category": "overdose_poisoning", "when": ["@N somniferes", "@N comprimes", "@N cachets", "genre @N", "une quinzaine de", "une vingtaine de"], "and": ["somnifere", "comprime", "cachet", "pris", "avale", "tete qui tourne"], "unless": ["combien", "par jour"]},
  {"id": "fr-face-numb", "category": "stroke", "when": ["moitie du visage", "la moitie du visage", "un cote du visage", "visage engourdi"], "and": ["engourdi", "paralyse", "sourire", "tombe"]},
  {"id": "fr-suicide-indirect", "category": "suicidal_self_harm", "when": ["si je disparais", "personne ne remarquera", "personne ne verra", "prepare les medicaments", "prepare les cachets", "lettre d adieu", "envie de disparaitre", "plus envie de me reveiller"]},
  {"id": "fr-infant-weeks", "category": "other", "when": ["bebe de @N semaines", "bebe de ~ semaines", "bebe de quelques semaines"], "and": ["38", "39", "fievre", "dort tout le temps", "mou"]},
  {"id": "fr-sting", "category": "anaphylaxis", "when": ["pique par une guepe", "piquee par une guepe", "pique par une abeille", "piqure de guepe", "piqure d abeille"], "and": ["gonfle", "me sens partir", "malaise", "respire"]},
  {"id": "fr-head-more", "category": "head_injury", "when": ["tombe de ~ sur la tete", "sur la tete et", "tombe sur le crane"], "and": ["vomi", "vomir", "arrete pas de vomir", "n arrete pas de vomir", "somnolent", "confus"]},
];
