// Spanish red-flag rules beyond the core: diabetic emergencies, sepsis, drowning, bites,
// heat stroke, open fractures, testicular torsion, a feverish newborn, a floppy child.
import type { RedFlagRule } from "../types";

const CHILD = "(?:bebe|nino|nina|nene|nena|hijo|hija|crio|cria|recien nacido|peque)";

export const ES_OTHER_RULES: RedFlagRule[] = [
  {
    id: "es-diabetic-emergency",
    category: "diabetic_emergency",
    when: [/\b(?:diabetic[oa]|diabetes|azucar|glucosa|glucemia|insulina|hipoglucemia|hiperglucemia|cetoacidosis)\b/],
    // Temblando o sudando con el azúcar baja es una hipo que la persona trata: solo si no sube (concepts/rules.ts), o con confusión.
    and: [
      /\b(?:confundid[oa]|desorientad[oa]|no responde|inconsciente|no (?:se )?despierta|convulsi\w+|aliento (?:a frutas|afrutado|raro)|respira (?:muy )?(?:rapido|profundo)|vomit\w+|muy somnolient[oa]|cetonas|habla raro|agresiv[oa])\b/,
      /\b(?:azucar|glucosa|glucemia) (?:esta |en |de |a )?(?:[0-2]|[1-4]\d)\b(?!\.\d|\d)|\b(?:azucar|glucosa) (?:muy baja|bajisima|por los suelos)\b/,
      /\b(?:azucar|glucosa) (?:en |de |a )?(?:[4-9]\d\d)\b|\bdice hi\b|\bmarca hi\b/,
    ],
  },
  {
    id: "es-sepsis",
    category: "other",
    when: [
      /\b(?:fiebre|calentura|temperatura|infeccion|infectad[oa]|escalofrios|tiritando|despues de (?:la|una) (?:operacion|cirugia|cesarea))\b/,
    ],
    and: [
      /\b(?:piel (?:moteada|marmorea|amoratada|azulada|gris)|manchas moradas|no (?:ha )?orinado|no hace pis|no moja (?:el|los) panal\w*|confundid[oa]|desorientad[oa]|muy somnolient[oa]|no (?:se )?despierta|tiritando sin parar|temblores incontrolables|siento que me muero|sepsis|septicemia)\b/,
    ],
  },
  {
    id: "es-other-emergencies",
    category: "other",
    when: [
      /\b(?:casi se ahoga|se ahogo|lo sacamos del agua|la sacamos del agua|sacamos (?:\w+ ){0,2}del agua|flotando boca abajo)\b/,
      /\b(?:me|le|lo|la) (?:mordio|pico) una (?:serpiente|vibora|culebra|cascabel|araña|arana viuda negra|viuda negra|escorpion|alacran)\b|\bmordedura de (?:serpiente|vibora)\b/,
      /\b(?:hueso|el hueso) (?:le |me )?(?:sale|salio|se ve|asoma|atraveso)\b|\bse (?:le |me )?ve el hueso\b|\bfractura (?:abierta|expuesta)\b/,
      /\bdolor (?:muy )?(?:fuerte|intenso|insoportable) (?:\w+ ){0,2}(?:en (?:el|un) )?testiculo\b|\btesticulo (?:\w+ ){0,2}(?:hinchado|muy doloroso|duele mucho)\b/,
      /\b(?:barriga|abdomen|vientre|tripa|panza) (?:dura como una piedra|durisima|rigida)\b/,
    ],
  },
  {
    id: "es-heat-stroke",
    category: "other",
    when: [/\bgolpe de calor\b|\binsolacion\b(?: \w+){0,4} (?:confundid\w*|desmay\w*|no responde|convulsi\w*)/],
    // Told as over: "ayer me dio un golpe de calor, hoy estoy bien".
    unless: [/\b(?:hoy|ya|ahora) (?:ya )?(?:me )?(?:estoy|siento|encuentro|esta|se siente|se encuentra) (?:bien|mejor)\b/],
  },
  {
    id: "es-feverish-newborn",
    category: "other",
    when: [
      /\b(?:recien nacido|\d+ (?:dias|semanas) de (?:vida|nacido|nacida)|(?:[1-3]|un|dos|tres) mes(?:es)? de (?:vida|edad|nacido|nacida))\b|\bbebe de (?:[1-3]|un|dos|tres) mes(?:es)?\b|\bbebe de \d+ (?:dias|semanas)\b/,
    ],
    and: [/\b(?:fiebre|calentura|38|39|40|no (?:quiere )?come|no toma (?:el )?pecho|no mama|flacido|floj[oa]|decaid[oa])\b/],
  },
  {
    id: "es-floppy-child",
    category: "other",
    when: [
      new RegExp(
        `\\b${CHILD}\\b(?: \\w+){0,6} (?:esta |se ve |se puso |se quedo )?(?:muy )?(?:flacido|flacida|como un trapo|morad[oa]|grisace[oa]|no reacciona|no responde)\\b`,
      ),
    ],
  },
];
