// Italian red flags beyond the core, as phrase lists (../phrases.ts).
import type { PhraseRule } from "../phrases";

export const ITALIAN_MORE: PhraseRule[] = [
  { id: "it-infant-unwell", category: "other", when: ["neonato", "neonata", "bimbo di ~ mesi", "bimba di ~ mesi", "bambino di ~ mesi", "bambina di ~ mesi", "lattante", "bebe"], and: ["febbre", "non mangia", "non beve", "non si attacca", "molle", "floscio", "sonnolento", "non si sveglia", "respira male", "convuls"] },
  { id: "it-pregnancy-bleeding", category: "pregnancy_emergency", when: ["incinta", "gravidanza"], and: ["perdita di sangue", "perdite di sangue", "sanguin", "emorragia", "perdo sangue", "rotto le acque", "dolore fortissimo", "convuls"], unless: ["mestruazion", "ciclo"] },
  { id: "it-burn", category: "severe_burn", when: ["ustion", "scottat", "acqua bollente", "olio bollente", "acido"], and: ["tutto il", "tutta la", "bolle", "vesciche", "viso", "occhio", "grave", "pelle si stacca"] },
  { id: "it-head-injury", category: "head_injury", when: ["battuto la testa", "sbattuto la testa", "caduto di testa", "colpo alla testa", "trauma cranico", "picchiato la testa"], and: ["vomit", "confus", "sonnolent", "svenut", "convuls", "sanguin", "non ricorda"] },
  { id: "it-meningitis", category: "meningitis", when: ["collo rigido", "rigidita del collo", "rigidita nucale", "nuca rigida", "macchie viola", "macchie che non scompaiono", "petecchie"], and: ["febbre", "mal di testa", "vomit", "macchie", "collo", "nuca"] },
  { id: "it-sepsis", category: "other", when: ["infezione", "febbre", "sepsi", "setticemia"], and: ["confus", "delira", "respira veloc", "respiro accelerato", "pelle chiazzata", "pelle marezzata", "mani gelide", "pressione bassa"], unless: ["studente", "criteri"] },
  { id: "it-suicidal-more", category: "suicidal_self_harm", when: ["mi ammazzo", "ammazzarmi", "farla finita", "togliermi la vita", "voglio morire", "non voglio piu vivere", "tagliata i polsi", "tagliato i polsi", "tagliarmi le vene", "mi taglio", "buttarmi giu", "spararmi"] },
  { id: "it-anaphylaxis-more", category: "anaphylaxis", when: ["si sta gonfiando la gola", "mi si gonfia la gola", "gola gonfia", "gola si chiude", "lingua gonfia", "labbra gonfie", "shock anafilattico"], unless: ["studente"] },
];
