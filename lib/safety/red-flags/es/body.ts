// Spanish red-flag rules for the body: heart, stroke, breathing, allergy, seizures,
// unconsciousness, meningitis, pregnancy, burns and head injury (Spain and Latin America).
import type { RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { CARDIAC_SIGN, CHEST, HURTS, NOW, PAIN, SEVERE } from "./parts";

const FEAR = /\b(?:miedo|riesgo|prevenir|evitar|probabilidad|posibilidad)\b/;
const SUDDEN = anyOf("de repente", "de golpe", "derepente", "subitamente", "repentinamente", "de pronto", "sin avisar");
const FACE_DROOP = anyOf(
  "(?:se le|se me) (?:cayo|cae|esta cayendo|ha caido|torcio|tuerce|esta torciendo|durmio|duerme) (?:un lado de )?(?:la )?(?:cara|boca|labio)",
  "(?:cara|boca|sonrisa|labio) (?:\\w+ ){0,2}(?:torcid[ao]|chuec[ao]|caid[ao]|de lado|ladead[ao]|desviad[ao]|paralizad[ao]|dormid[ao])",
  "(?:un lado|la mitad) de (?:la|su|mi) (?:cara|boca) (?:\\w+ ){0,2}(?:caid[ao]|dormid[ao]|paralizad[ao]|no (?:se )?mueve)",
  "paralisis facial",
);
const SPEECH = anyOf(
  "arrastra (?:las )?palabras",
  "arrastrando (?:las )?palabras",
  "(?:habla|hablar|hablando|habla) (?:muy )?(?:raro|mal|rara|extrano|enredado|trabado|incoherente|borracho|como borracho|cosas raras|sin sentido)",
  "se (?:le|me) traba (?:la lengua|al hablar)",
  "no entiende (?:lo que|nada de lo que|cuando) (?:le )?(?:decimos|digo|hablamos)",
  "no (?:puede|puedo) hablar(?: bien)?",
  "no le salen las palabras",
  "no me salen las palabras",
  "balbucea",
  "dice cosas sin sentido",
  "no se le entiende",
);
const WEAK_SIDE = anyOf(
  "no (?:puede|puedo) (?:mover|levantar|sentir|mantener) (?:el|la|su|mi) (?:brazo|pierna|mano|lado)",
  "(?:medio cuerpo|la mitad del cuerpo|un lado del cuerpo) (?:\\w+ ){0,2}(?:dormid[ao]|paralizad[ao]|sin fuerza|debil|no (?:se )?mueve)",
  "se (?:me|le) (?:durmio|paralizo|quedo dormid[ao]) (?:medio cuerpo|la mitad|un lado|el brazo|la pierna)",
  "(?:brazo|pierna|mano) (?:\\w+ ){0,2}(?:sin fuerza|no responde|paralizad[ao]|muert[ao])",
);

export const ES_BODY_RULES: RedFlagRule[] = [
  {
    id: "es-heart-attack-now",
    category: "cardiac",
    when: [
      rx`\b${anyOf("me esta dando", "le esta dando", "estoy teniendo", "esta teniendo", "creo que (?:tengo|tiene|es|estoy teniendo|esta teniendo)", "tengo", "tiene", "me dio", "le dio", "sufriendo", "esta sufriendo")} (?:un |una )?${anyOf("infarto(?! cerebral)", "ataque (?:al corazon|cardiaco)", "paro cardiaco", "paro cardiorrespiratorio")}\b`,
      /\b(?:se agarra|agarrandose|se toca|apretandose) el pecho\b/,
      /\b(?:esta |se esta |estoy |me estoy )?infartando\b|\bse (?:esta )?infartando\b/,
    ],
    unless: [FEAR],
  },
  {
    id: "es-chest-pain-with-warning-signs",
    category: "cardiac",
    when: [
      rx`\b(?:me|le|nos) ${HURTS} (?:\w+ ){0,2}(?:el |su |mi )?${CHEST}\b`,
      rx`\b${PAIN} (?:\w+ ){0,3}(?:en el|del|de|al|en mi|en su|en) ${CHEST}\b`,
      rx`\b${CHEST} (?:me |le )?${HURTS}\b`,
    ],
    and: [rx`\b${SEVERE}\b|\b${NOW}\b|\b${CARDIAC_SIGN}\b|\b(?:no puedo|no puede|cuesta) (?:ni )?respirar\b`],
    unless: [/\b(?:cuando toso|al toser|gimnasio|pesas|agujetas|ansiedad (?:de siempre|diagnosticada)|reflujo diagnosticado)\b/],
  },
  {
    id: "es-chest-pressure-descriptor",
    category: "cardiac",
    when: [
      rx`\b(?:elefante|peso|piedra|algo|alguien|una losa|un camion) (?:\w+ ){0,3}(?:sentado|encima|aplastando|apretando|sobre|oprimiendo) (?:de |en |sobre )?(?:mi|el|su) ${CHEST}\b`,
    ],
    unless: [FEAR],
  },
  {
    id: "es-stroke-signs",
    category: "stroke",
    when: [
      rx`\b${FACE_DROOP}\b`,
      rx`\b${anyOf("esta teniendo", "le esta dando", "tiene", "le dio", "creo que (?:tiene|es|le dio|esta teniendo)", "me esta dando", "estoy teniendo")} (?:un |una )?${anyOf("derrame(?: cerebral)?", "ictus", "embolia", "acv", "infarto cerebral", "trombosis cerebral")}\b`,
      rx`\b${SUDDEN} (?:\w+ ){0,2}${anyOf("no (?:puedo|puede) (?:mover|hablar|ver|sentir|caminar)", "no veo", "no ve", "perdi la vista", "perdio la vista", "veo doble", "se me durmio", "se le durmio")}\b`,
      rx`\b${WEAK_SIDE}\b`,
      /\b(?:peor dolor de cabeza de (?:mi|su) vida|dolor de cabeza (?:\w+ ){0,2}(?:subito|repentino|de golpe|explosivo|como un latigazo))\b/,
      /\bno (?:ve|veo) (?:de|por|con) un ojo\b/,
    ],
    and: [
      rx`\b${SUDDEN}\b|\b${NOW}\b|\b(?:cara|boca|brazo|pierna|lado|habla|hablar|palabras|derrame|ictus|embolia|acv|cabeza|ojo|vista|minutos)\b`,
    ],
    unless: [FEAR, /\b(?:desde (?:que nacio|siempre|hace anos)|de nacimiento)\b/],
  },
  {
    id: "es-speech-with-stroke-context",
    category: "stroke",
    when: [rx`\b${SPEECH}\b`],
    and: [rx`\b${SUDDEN}\b|\b(?:cara|boca|brazo|pierna|lado|confundid\w*|derrame|ictus|mare\w*|hace \d+ minutos)\b`],
    unless: [/\b(?:borracho|bebido|alcohol|anos? (?:de edad|tiene)|no habla todavia|autismo|tartamud\w*)\b/],
  },
  {
    id: "es-breathing",
    category: "breathing",
    when: [
      /\bno (?:puedo|puede|podemos|pueden|consigo|consigue) (?:ni )?respirar\b/,
      /\bno (?:me|le) entra (?:el )?aire\b/,
      /\b(?:me|le|se) (?:falta|faltaba) (?:mucho )?(?:el )?aire\b(?! (?:al|cuando) (?:subir|correr|hacer))/,
      /\b(?:me ahogo|me estoy ahogando|se (?:esta )?ahogando|se ahoga|nos ahogamos)\b(?! (?:de (?:calor|risa|pena)|en (?:deudas|trabajo|problemas|un vaso de agua)))/,
      /\b(?:se|me) (?:atraganto|atragante|ha atragantado|esta atragantando|atoro|atore|esta atorando)\b|\batragantad[oa]\b|\batorad[oa]\b/,
      /\b(?:labios|cara|piel|unas|boca|dedos)\b(?: \w+){0,2} (?:morad[oa]s?|azul(?:es)?|azulad[oa]s?|grises)\b/,
      /\b(?:ataque|crisis) de asma\b/,
      /\b(?:inhalador|ventolin|salbutamol|puff|bombita)\b(?: \w+){0,3} no (?:le |me )?(?:hace (?:nada|efecto)|funciona|sirve|ayuda)\b/,
      /\basfixi\w+\b|\bsofoc(?:o|a|ando|andome)\b/,
      /\b(?:me|le|nos) cuesta (?:\w+ ){0,2}respirar\b|\bsin poder respirar\b|\bdificultad (?:grave |severa )?para respirar\b|\brespira con (?:mucha )?dificultad\b/,
      /\b(?:se le hunden|se hunden|hundiendo) (?:las costillas|el pecho|entre las costillas)\b/,
      /\b(?:no respira|dejo de respirar|ha dejado de respirar|deja de respirar)\b/,
      /\b(?:jadeando|boqueando)\b/,
    ],
    unless: [/\b(?:al|cuando) (?:subir|subo|corro|correr|hago ejercicio|hacer ejercicio)\b/],
  },
  {
    id: "es-anaphylaxis",
    category: "anaphylaxis",
    when: [
      /\b(?:se me|se le|me|le) (?:esta )?(?:cerrando|cierra|cerro|hinchando|hincha|hincho) (?:la )?garganta\b|\bgarganta (?:cerrada|hinchada|se (?:me |le )?cierra)\b/,
      /\bno (?:puedo|puede) tragar\b/,
      /\b(?:shock anafilactico|anafilaxia|reaccion anafilactica)\b/,
      /\b(?:le puse|le pusimos|use|usamos|me puse|le inyecte|me inyecte|le di) (?:la |el |su |mi )?(?:epipen|adrenalina|autoinyector|inyeccion de adrenalina)\b/,
    ],
    unless: [/\b(?:anginas|amigdalitis|faringitis|resfriado|gripe)\b/],
  },
  {
    id: "es-allergic-swelling",
    category: "anaphylaxis",
    when: [
      /\b(?:lengua|labios?|cara|ojos|parpados|boca)\b(?: \w+){0,2} (?:hinchad[oa]s?|inflamad[oa]s?|se (?:me |le )?(?:esta |estan )?(?:hinch|inflam)\w*)\b/,
      /\b(?:hinch|inflam)\w* (?:\w+ ){0,2}(?:la |los |las |el |su |mi )?(?:lengua|labios?|cara|parpados|boca)\b/,
      /\breaccion alergica\b/,
    ],
    and: [
      /\b(?:pic\w*|abeja|avispa|alergi\w*|reaccion|comi\w*|cacahuetes?|mani|nuez|nueces|marisco|camarones|gambas|medicamento|antibiotico|respir\w*|aire|garganta|ronchas|urticaria|tragar|mare\w*|desmay\w*|fuerte|grave)\b/,
    ],
    unless: [/\b(?:muela|dentista|golpe|mosquito)\b/],
  },
  {
    // Hives all over alone (after a new tablet, a food) is an allergy to see a doctor about; with the airway, the breath or a
    // faint it is anaphylaxis. The swelling of lips or tongue fires above.
    id: "es-hives-systemic",
    category: "anaphylaxis",
    when: [/\b(?:ronchas|habones|urticaria)\b(?: \w+){0,3} (?:por todo|en todo|todo el cuerpo)\b/],
    and: [/\b(?:respir\w*|aire|ahog\w*|garganta|tragar|mare\w*|desmay\w*|pitid\w*|silb\w*|vomit\w*)\b/],
  },
  {
    id: "es-seizure",
    category: "seizure",
    when: [
      /\bconvulsi\w+\b/,
      /\b(?:ataque|crisis) (?:de )?epilep\w*\b|\bcrisis convulsiva\b/,
      /\b(?:se puso|esta|se quedo) (?:rigid[oa]|ties[oa]) y (?:tiembla|se sacude|temblando|sacudiendose)\b|\btiembla todo\b|\bse sacude (?:todo|entero)\b/,
      /\bespuma por la boca\b|\bojos en blanco\b/,
    ],
    unless: [/\b(?:perro|gato|mascota)\b/],
  },
  {
    id: "es-unconscious",
    category: "unconscious",
    when: [
      /\binconsciente\b/,
      /\b(?:perdio|perdi|ha perdido|pierde) (?:el conocimiento|la conciencia|el sentido)\b|\bsin conocimiento\b/,
      /\bno (?:responde|reacciona|despierta|se despierta|lo podemos despertar|la podemos despertar|puedo despertarl[oa])\b/,
      /\b(?:se desmayo|se ha desmayado|se desplomo|se ha desplomado|colapso)\b/,
      /\bno tiene pulso\b/,
    ],
  },
  {
    id: "es-meningitis",
    category: "meningitis",
    when: [
      /\b(?:manchas|ronchas|puntitos|puntos|sarpullido|erupcion|moretones)\b(?: \w+){0,5} no (?:desaparecen|desaparece|se (?:van|va|quitan|quita|borran)|palidecen|cambian)\b/,
      /\bfontanela (?:abombada|hinchada|abultada|tensa)\b/,
    ],
  },
  {
    id: "es-stiff-neck-fever",
    category: "meningitis",
    when: [/\b(?:cuello|nuca) (?:\w+ )?(?:rigid[oa]|dur[oa]|ties[oa])\b|\brigidez (?:de|en) (?:el |la )?(?:cuello|nuca)\b/],
    and: [/\b(?:fiebre|calentura|temperatura|vomit\w*|manchas|luz)\b/],
  },
  {
    id: "es-pregnancy",
    category: "pregnancy_emergency",
    when: [/\bembarazad[ao]\b|\bsemanas de (?:embarazo|gestacion)\b|\bembarazo\b/],
    and: [
      /\b(?:sangr\w+|hemorragia|dolor (?:muy )?(?:fuerte|intenso|insoportable)|no (?:siento|noto) (?:al bebe|que se mueva|movimientos|moverse)|el bebe no se mueve|vision borrosa|convulsi\w+|desmay\w+|rompi aguas|rompio la fuente)\b/,
    ],
    unless: [/\b(?:manchado leve|un poco de manchado)\b/],
  },
  {
    id: "es-severe-burn",
    category: "severe_burn",
    when: [
      /\b(?:agua|aceite|leche|sopa|cafe|te) hirviendo\b(?: \w+){0,6} (?:encima|sobre|en (?:la|el|su|mi) (?:cara|cuerpo|pecho|brazo|pierna|espalda))\b/,
      /\b(?:quemadura|quemaduras)\b(?: \w+){0,2} (?:grave|graves|grande|grandes|de (?:tercer|segundo) grado|profunda|profundas|extensa|extensas)\b/,
      /\bampollas (?:muy )?(?:grandes|enormes|por todo)\b/,
      /\bse (?:quemo|ha quemado) (?:toda|todo|la cara|las manos|el cuerpo)\b/,
    ],
  },
  {
    id: "es-head-injury",
    category: "head_injury",
    when: [/\b(?:golpe|golpeo|golpeado|pego|cayo|caida)\b(?: \w+){0,4} (?:la |su |mi )?cabeza\b|\btraumatismo craneal\b/],
    and: [
      /\b(?:vomit\w+|confundid[oa]|desorientad[oa]|somnolient[oa]|no (?:despierta|responde|reacciona)|sangr\w* por (?:el oido|la nariz)|perdio el conocimiento|convulsi\w+|no se acuerda|pupilas)\b/,
    ],
  },
];
