// Portuguese rules (Brazil and Portugal) for the core red flags (see fr/index.ts for the list).
import type { LanguageContext, LanguageRules, RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { compilePhraseRules } from "../phrases";
import { PORTUGUESE_MORE } from "./more";

const CHEST = anyOf("peito", "torax");
const SEVERE = anyOf(
  "muita",
  "muito",
  "forte",
  "fortissima",
  "intensa",
  "insuportavel",
  "horrivel",
  "aperto",
  "apertando",
  "esmagando",
  "de repente",
  "subita",
  "ha \\d+ ?min\\w*",
  "agora",
  "socorro",
  "ajuda",
  "urgente",
);
const SIGN = anyOf(
  "braco",
  "mandibula",
  "queixo",
  "costas",
  "pescoco",
  "suando",
  "suor\\w*",
  "sua frio",
  "nausea\\w*",
  "enjoo",
  "vomit\\w*",
  "tontura",
  "tonto",
  "palido",
  "respirar",
  "falta de ar",
  "sem ar",
);
const PILLS = anyOf(
  "comprimidos?",
  "remedios?",
  "pilulas?",
  "medicamentos?",
  "capsulas?",
  "paracetamol",
  "ibuprofeno",
  "calmantes?",
  "antidepressivos?",
  "insulina",
  "rivotril",
  "clonazepam",
);
const POISON = anyOf(
  "produtos? de limpeza",
  "desinfetante",
  "alvejante",
  "amaciante",
  "removedor",
  "agua sanitaria",
  "lixivia",
  "cloro",
  "veneno",
  "chumbinho",
  "raticida",
  "soda caustica",
  "desentupidor",
  "gasolina",
  "bateria de botao",
  "bateria",
  "pilha",
  "detergente",
  "inseticida",
  "agrotoxico",
  "creolina",
  "querosene",
);
const DYING_OF = anyOf("fome", "rir", "riso", "sede", "frio", "calor", "tedio", "vergonha", "saudade", "sono", "cansaco");

const RULES: RedFlagRule[] = [
  {
    id: "pt-heart-attack-now",
    category: "cardiac",
    when: [
      rx`\b${anyOf("estou tendo", "esta tendo", "estou a ter", "esta a ter", "acho que (?:estou|e|tenho|ele esta|ela esta)", "tendo", "a ter", "teve agora", "estou com", "esta com")} (?:um |uma )?${anyOf("infarto", "enfarte", "ataque cardiaco", "ataque do coracao", "parada cardiaca", "paragem cardiaca")}\b`,
    ],
    unless: [/\b(?:medo|risco|prevenir|evitar)\b/],
  },
  {
    id: "pt-chest-pain",
    category: "cardiac",
    when: [
      rx`\b${anyOf("dor", "dores", "aperto", "pressao", "peso", "queimacao", "pontada")} (?:\w+ ){0,3}${anyOf("no", "do", "em meu", "no meu", "na regiao do")} ${CHEST}\b|\b${CHEST} (?:\w+ )?(?:doendo|doi|aperta|apertado)\b`,
    ],
    and: [rx`\b${SEVERE}\b|\b${SIGN}\b`],
  },
  {
    id: "pt-stroke",
    category: "stroke",
    when: [
      /\b(?:boca|rosto|cara|sorriso)\b(?: \w+){0,2} (?:torta|torto|caida|caido|paralisad[oa]|entortou|de lado)\b/,
      /\b(?:tendo|a ter|teve agora|acho que (?:e|teve|esta tendo)|esta tendo|esta a ter) (?:um )?(?:avc|derrame|acidente vascular)\b/,
      /\bnao (?:consigo|consegue) (?:mexer|mover|levantar|sentir) (?:o|a|meu|minha|seu|sua) (?:braco|perna|mao|lado)\b/,
      /\b(?:de repente|do nada|subitamente)\b(?: \w+){0,3} (?:nao (?:consigo|consegue) (?:mexer|falar|ver|sentir)|fala enrolada|perdi a visao)\b/,
      /\b(?:falando|fala|falar) (?:enrolad[oa]|arrastad[oa]|estranh[oa]|embolad[oa]|errad[oa]|sem sentido)\b|\bnao (?:mexe|move|sente|levanta) (?:o|a) (?:braco|perna|lado|mao)\b|\bnao consegue falar(?: direito)?\b/,
      /\bpior dor de cabeca da (?:minha|sua) vida\b/,
      /\b(?:um lado|metade|lado) do (?:corpo|rosto) (?:\w+ )?(?:paralisad[oa]|dormente|sem forca|caid[oa]|torto)\b/,
    ],
    unless: [/\b(?:medo|risco|prevenir|diminuir)\b/],
  },
  {
    id: "pt-breathing",
    category: "breathing",
    when: [
      /\bnao (?:consigo|consegue|conseguimos|estou conseguindo|esta conseguindo) respirar\b/,
      /\b(?:engasgad[oa]|engasgou|engasgando|sufocando|asfixiad[oa])\b/,
      /\bfalta de ar (?:muito )?(?:forte|grave|intensa)\b|\b(?:muita|bastante) falta de ar\b|\bsem ar\b|\b(?:me|lhe) falta o ar\b|\bsem conseguir respirar\b|\bdificuldade (?:pra|para) respirar\b/,
      /\b(?:labios|boca|rosto|pele|dedos)\b(?: \w+){0,2} (?:roxos?|roxas?|azuis|azulados?|arroxeados?)\b/,
      /\bnao (?:esta )?respira(?:ndo)?\b|\bparou de respirar\b/,
      /\bcrise de asma\b(?: \w+){0,6} (?:bombinha|inalador|nao (?:melhora|resolve|funciona))/,
    ],
  },
  {
    id: "pt-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\bgarganta\b(?: \w+){0,2} (?:fechando|fechou|inchad[oa]|inchando)\b/,
      /\b(?:lingua|labios|rosto|cara|olhos|palpebras|boca|garganta)\b(?: \w+){0,2} (?:inchad[oa]s?|inchando|inchou)\b/,
      /\bchoque anafilatico\b|\banafilaxia\b|\bnao (?:consigo|consegue) engolir\b/,
    ],
    unless: [/\b(?:dente|dentista|pancada|mosquito)\b/],
  },
  {
    id: "pt-overdose-poisoning",
    category: "overdose_poisoning",
    when: [
      rx`\b(?:tomei|tomou|engoli|engoliu|ingeri|ingeriu)\b (?:\w+ ){0,2}${anyOf("a caixa inteira", "a cartela inteira", "o frasco inteiro", "todos os", "todas as", "muitos", "muitas", "um monte de", "varios", "varias", "(?:1\\d|[2-9]\\d|\\d{3})", "trinta", "vinte", "quarenta")} (?:\w+ ){0,3}${PILLS}?`,
      /\boverdose\b|\bsuperdosagem\b|\benvenen\w+\b|\bintoxica\w+\b/,
      rx`\b(?:bebeu|bebi|engoliu|engoli|tomou|tomei|comeu|ingeriu)\b (?:\w+ ){0,3}${POISON}\b`,
      /\bmonoxido de carbono\b/,
    ],
    unless: [/\b(?:intoxicacao alimentar|dose maxima|posologia|quantos? posso|cachorro|gato)\b/],
  },
  {
    id: "pt-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:sangr\w+|sangue)\b(?: \w+){0,4} (?:nao para|muito|demais|sem parar|jorrando|esguichando)\b|\bnao para de sangrar\b/,
      /\b(?:esfaquead[oa]|facada|baleado|levou um tiro|tiro)\b/,
      /\b(?:vomitando|vomitei|vomitou|tossindo|cuspindo) sangue\b|\bhemorragia\b|\bpoca de sangue\b/,
    ],
    unless: [/\b(?:gengiva|um pouco|barbear)\b/],
  },
  {
    id: "pt-suicidal",
    category: "suicidal_self_harm",
    when: [
      rx`\b(?:quero|vou|penso em|pensando em|tenho vontade de|vontade de) (?:me matar|me suicidar|suicidar|tirar (?:a )?(?:minha |a minha )?(?:propria )?vida|acabar com (?:tudo|a minha vida|minha vida)|morrer(?! (?:de|di|d) (?:la |le |a )?${DYING_OF})|sumir para sempre|me machucar|me cortar)\b`,
      rx`\bquero morrer\b(?! (?:de|di|d) (?:la |le |a )?${DYING_OF})`,
      /\bquero (?:sumir|desaparecer)(?: para sempre)?\b|\bnao aguento mais viver\b|\bnao quero mais viver\b|\bpensamentos? suicidas?\b|\bpensando em suicidio\b|\bsuicida\b/,
      /\b(?:todos|minha familia) (?:ficariam|estariam|viveriam) melhor sem mim\b/,
      /\b(?:me corto|me cortei|automutila\w*|autolesao)\b/,
    ],
  },
  {
    id: "pt-seizure",
    category: "seizure",
    when: [/\bconvuls\w+\b|\bcrise (?:epileptica|convulsiva)\b|\bataque epileptico\b/],
    unless: [/\b(?:cachorro|cao|gato)\b/],
  },
  {
    id: "pt-unconscious",
    category: "unconscious",
    when: [
      /\b(?:inconsciente|desmaiou|desmaiada|desmaiado|desacordad[oa]|nao (?:acorda|responde|reage)|perdeu (?:a )?(?:consciencia|os sentidos)|desmaio)\b/,
    ],
  },
];

const CONTEXT: LanguageContext = {
  negators: new Set(["sem", "nem", "nunca", "jamais", "nenhum", "nenhuma"]),
  negationWindow: 3,
  distantPast:
    /\bha (?:\d+|um|uma|dois|duas|tres|alguns|algumas|muitos) (?:anos?|meses|mes)\b|\b(?:\d+|um|dois|tres) anos atras\b|\bano passado\b|\bmes passado\b|\bha (?:\d+|uma|duas|tres|algumas) semanas\b|\bem (?:19|20)\d\d\b|\bquando (?:eu )?era\b/,
  animal: /\b(?:cachorro|cao|cadela|gato|gata|gatinho|filhote|animal|veterinari\w*)\b/,
  // The animal bit someone, or was given away: the sign after it is a person's.
  animalAsAgent:
    /\b(?:mordeu|mordido|mordida|atacou|arranhou)\b|\b(?:dei|deu|doei|doou) (?:o |a )?(?:meu|minha|seu|sua) (?:cachorro|cachorra|gato|gata|cao|cadela)\b/,
  fiction: /\b(?:romance|conto|historia|roteiro|personagem|ficcao|filme|novela)\b/,
  general: [
    /^(?:quais|qual|como|por que|porque|o que|e|sao|pode|podem)\b(?: \w+){0,6} (?:sintomas?|sinais?|causas?|tratamentos?|diferenca|riscos?|primeiros socorros|dose|prevenir)\b/,
    /\b(?:em|en) caso de\b|\bo que fazer (?:se|quando) alguem\b|\bse alguem\b|\bcomo (?:posso )?(?:diminuir|reduzir|prevenir)\b/,
    /\b(?:estudante|prova|aula|faculdade|hipotetic\w*|em teoria|por curiosidade|significa|definicao)\b|\bo que e\b/,
  ],
  currentEvent: [
    /\b(?:agora|neste momento|ha \d+ minutos|hoje|socorro|ajuda|estou|nao consigo|tenho (?!uma duvida)|meu \w+ (?:esta|tem|nao)|minha \w+ (?:esta|tem|nao))\b/,
  ],
  markers: /\b(?:eu|meu|minha|nao|com|um|uma|de|da|dos|das|e|estou|esta|tenho|que|para|muito|muita|os|ele|ela|sem|agora|socorro)\b/,
  // "sem capacete e agora vomita": the negation stays before "e".
  newStatement: /\be (?=(?:agora|ja|depois|de repente|ele|ela|eles|eu|meu|minha|seu|sua|esta|ta|tem|continua|comecou)\b)/,
  contrast: /\s(?:mas|porem|embora)\s/,
};

/** Folded Portuguese text as the Portuguese rules read it ("nao" for "não", "tá" → "esta"). */
function normalizePortuguese(folded: string): string {
  let t = folded
    .replace(/['’`]/g, " ")
    .replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ")
    .replace(/-/g, " ");
  // "não tenho/sinto …" negates what follows, like "sem"; a bare "não" is part of red flags ("não consigo respirar").
  t = t.replace(/\bnao (?:tenho|sinto|tem|sente|estou com|esta com|ha)\b/g, "sem");
  t = t
    .replace(/\bta\b/g, "esta")
    .replace(/\bvc\b/g, "voce")
    .replace(/\bq\b/g, "que");
  return t.replace(/[ \t]+/g, " ").trim();
}

export const PORTUGUESE: LanguageRules = {
  language: "pt",
  normalize: normalizePortuguese,
  context: CONTEXT,
  rules: [...RULES, ...compilePhraseRules(PORTUGUESE_MORE, { spaced: true, wordStart: true, normalize: normalizePortuguese })],
};
