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
  {"id": "it-collapse", "category": "unconscious", "when": ["crollato", "crollata", "accasciato", "accasciata", "caduto a terra", "caduta a terra"], "and": ["non respira bene", "respira male", "respira strano", "non respira", "non risponde", "non si sveglia"]},
  {"id": "it-many-pills", "category": "overdose_poisoning", "when": ["tipo @N", "@N sonniferi", "@N pastiglie", "@N compresse", "@N pillole"], "and": ["sonnifer", "pastiglie", "compresse", "preso", "ingoiato", "gira tutto"], "unless": ["quanta", "quante"]},
  {"id": "it-face-numb", "category": "stroke", "when": ["meta faccia", "meta della faccia", "meta del viso", "un lato del viso"], "and": ["addormentat", "intorpidit", "sorridere", "storta", "paralizzat"]},
  {"id": "it-suicide-indirect", "category": "suicidal_self_harm", "when": ["se sparissi", "nessuno se ne accorgerebbe", "preparato le pastiglie", "preparato le pillole", "lettera d addio", "voglio sparire", "non svegliarmi piu"]},
  {"id": "it-infant-weeks", "category": "other", "when": ["bimbo di @N settimane", "bimbo di ~ settimane", "bimba di ~ settimane", "neonato di ~ settimane"], "and": ["38", "39", "febbre", "dorme sempre", "molle", "non si sveglia"]},
  {"id": "it-sting", "category": "anaphylaxis", "when": ["punto una vespa", "punta una vespa", "puntura di vespa", "puntura d ape", "ape mi ha punto"], "and": ["gonfi", "svenire", "respir"]},
];
