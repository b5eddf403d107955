// Portuguese red flags beyond the core, as phrase lists (../phrases.ts).
import type { PhraseRule } from "../phrases";

export const PORTUGUESE_MORE: PhraseRule[] = [
  { id: "pt-infant-unwell", category: "other", when: ["bebe", "recem nascido", "recem-nascido", "neném", "nenem", "bebezinho"], and: ["molinho", "mole#", "nao mama", "não mama", "nao quer mamar", "nao come", "sonolento", "nao acorda", "respirando mal", "roxinho", "convuls", "febre"] },
  { id: "pt-pregnancy-bleeding", category: "pregnancy_emergency", when: ["gravida", "gestante", "gravidez"], and: ["sangrando", "sangramento", "hemorragia", "perdendo sangue", "sangue", "bolsa estourou", "rompeu a bolsa", "dor forte", "convuls"], unless: ["menstrua"] },
  { id: "pt-burn", category: "severe_burn", when: ["queimei", "queimou", "queimadura", "oleo quente", "agua fervendo", "agua a ferver", "oleo fervendo", "acido"], and: ["bolha", "todo", "toda", "rosto", "olho", "grave", "pele soltando", "pele saiu"] },
  { id: "pt-head-injury", category: "head_injury", when: ["bateu a cabeca", "bati a cabeca", "caiu de cabeca", "pancada na cabeca", "traumatismo craniano", "bateu com a cabeca"], and: ["vomit", "sonolento", "confuso", "desmaiou", "convuls", "sangrando", "nao lembra"] },
  { id: "pt-meningitis", category: "meningitis", when: ["pescoco duro", "pescoco rigido", "rigidez na nuca", "nuca dura", "manchas roxas", "manchas que nao somem", "petequias"], and: ["febre", "dor de cabeca", "vomit", "manchas", "pescoco", "nuca"] },
  { id: "pt-sepsis", category: "other", when: ["infeccao", "febre", "sepse", "septicemia"], and: ["confuso", "confusa", "delirando", "respirando rapido", "respiracao acelerada", "pele manchada", "pele marmorizada", "maos geladas", "pressao baixa"], unless: ["estudante"] },
  { id: "pt-bleeding-more", category: "severe_bleeding", when: ["jorrando sangue", "esguichando sangue", "sangue jorrando", "sangue nao para", "nao para de sangrar", "muito sangue", "sangrando muito"], unless: ["gravida", "menstrua", "gengiva"] },
  { id: "pt-overdose-more", category: "overdose_poisoning", when: ["cartela inteira", "caixa inteira", "todos os comprimidos", "todos os remedios", "vidro inteiro", "monte de remedio", "tomou ~ rivotril", "tomou ~ clonazepam", "bebeu lixivia", "bebeu agua sanitaria", "bebeu soda", "chumbinho", "engoliu uma pilha", "engoliu bateria"] },
  {"id": "pt-collapse", "category": "unconscious", "when": ["desabou", "desmoronou", "caiu no chao", "apagou"], "and": ["nao ta respirando", "nao esta respirando", "respirando estranho", "respirando mal", "nao responde", "nao acorda"]},
  {"id": "pt-many-pills", "category": "overdose_poisoning", "when": ["uns @N", "@N comprimidos", "@N remedios", "@N pilulas"], "and": ["dormir", "comprimido", "remedio", "tomei", "tomou", "engoli", "tonta", "tonto"], "unless": ["dose maxima", "quantos"]},
  {"id": "pt-face-numb", "category": "stroke", "when": ["metade do meu rosto", "metade do rosto", "um lado do rosto", "rosto dormente"], "and": ["dormente", "nao consigo sorrir", "torto", "caiu"]},
  {"id": "pt-suicide-indirect", "category": "suicidal_self_harm", "when": ["ninguem vai sentir minha falta", "ninguem vai notar", "se eu sumir", "ja separei os remedios", "separei os comprimidos", "carta de despedida", "quero desaparecer", "nao quero acordar"]},
  {"id": "pt-infant-weeks", "category": "other", "when": ["bebe de @N semanas", "bebe de ~ semanas", "semanas de vida"], "and": ["38", "39", "febre", "sonolento", "dormindo muito", "molinho"]},
  {"id": "pt-sting", "category": "anaphylaxis", "when": ["vespa me picou", "abelha me picou", "picada de vespa", "picada de abelha", "marimbondo"], "and": ["inchando", "inchado", "desmaiando", "desmaiar", "respirar"]},
];
