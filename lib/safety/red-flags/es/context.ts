// Spanish context: negation, long-past time, animals, fiction and general framing, and the
// normalisation of folded Spanish text (chat spellings: "q" → "que", "xq" → "porque",
// "pexo" → "pecho").
import type { LanguageContext } from "../types";

const CHAT_SPELLINGS: [RegExp, string][] = [
  [/\bq\b|\bk\b|\bke\b|\bqe\b/g, "que"],
  [/\bxq\b|\bpq\b|\bporq\b/g, "porque"],
  [/\bx\b/g, "por"],
  [/\btb\b|\btmb\b/g, "tambien"],
  [/\bpexo\b|\bpeho\b|\bpechoo+\b/g, "pecho"],
  [/\bkiero\b|\bqiero\b|\bqero\b/g, "quiero"],
  [/\bboy\b/g, "voy"],
  [/\bsuisid/g, "suicid"],
  [/\bayuda+\b/g, "ayuda"],
  [/\brespirar+\b/g, "respirar"],
];

/** Folded Spanish text as the Spanish rules read it. */
export function normalizeSpanish(folded: string): string {
  let t = folded.replace(/[¿¡'’"“”«»()[\]{}]/g, " ");
  for (const [pattern, replacement] of CHAT_SPELLINGS) t = t.replace(pattern, replacement);
  t = t.replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ");
  return t.replace(/[ \t]+/g, " ").trim();
}

const NUMBER = "(?:\\d+|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|muchos|muchas)";

export const ES_CONTEXT: LanguageContext = {
  negators: new Set(["no", "ni", "sin", "nunca", "jamas", "tampoco", "nada"]),
  negationWindow: 3,
  distantPast: new RegExp(
    [
      `\\bhace ${NUMBER} (?:anos|ano|meses|mes|semanas)\\b`,
      "\\b(?:el|la) (?:ano|mes|verano|invierno|primavera|otono|semana) pasad[oa]\\b",
      "\\ben (?:19|20)\\d\\d\\b",
      "\\bde (?:nino|nina|pequeno|pequena|joven|adolescente|chico|chica)\\b",
      "\\bcuando (?:era|tenia|eramos)\\b",
      "\\b(?:antecedentes de|historial de|solia|hace tiempo|hace mucho|hace anos)\\b",
    ].join("|"),
  ),
  animal: /\b(?:perro|perra|perrito|gato|gata|gatito|mascota|cachorro|caballo|conejo|hamster|loro|pajaro|veterinari\w*)\b/,
  animalAsAgent:
    /\b(?:mordio|mordida|ataco|arano|pico)\b|\b(?:regale|regalo|regalando|regalado|di|dio|dado|deje|dejo) (?:a )?(?:mi|su|sus|mis|nuestro) (?:perro|perrita|perrito|gato|gatito|gata|mascota)s?\b/,
  fiction:
    /\b(?:novela|cuento|relato|guion|personaje|protagonista|ficcion|pelicula|serie|para una historia|en mi historia|escribiendo una historia)\b/,
  general: [
    /^(?:que|cual|cuales|como|cuando|por que|es|son|se puede|puede|pueden|hay)\b(?: \w+){0,6} (?:sintomas?|signos?|senales?|causas?|tratamientos?|diferencias?|riesgos?|factores de riesgo|primeros auxilios|significa|previene|prevenir|se recupera|recuperarse|efectos secundarios|dosis)\b/,
    /\b(?:que (?:hago|hacer|debo hacer|se hace)|como (?:actuar|ayudar)) (?:si|cuando) (?:alguien|una persona|uno|otra persona)\b|\bsi alguien\b|\bcuando alguien\b|\bsi una persona\b/,
    /\b(?:estudiante|examen|clase|curso|enfermeria|carrera de medicina|tarea|trabajo de clase|apuntes)\b/,
    /\bsignifica\b|\bdefinicion\b|\bhipotetic\w*|\bsupongamos\b|\bimagina\b|\ben teoria\b|\bpor curiosidad\b|\bsolo (?:pregunto|tengo curiosidad)\b|\ben general\b/,
    /\bcomo (?:se|saber|puedo saber|sabes|reconocer|reconozco|identificar|distinguir) (?:si|que|cuando)\b|\ben caso de\b|\bes hereditari\w*\b/,
    /\b(?:siempre es|siempre son|suele ser|suelen ser|es grave|es peligros[oa]|puede (?:ser|causar|provocar|dar))\b/,
    /\b(?:como|que) (?:\w+ ){0,2}(?:bajar|reducir|prevenir|evitar|disminuir) (?:\w+ ){0,2}riesgo\b|\bes normal que\b|\bcuanto (?:tiempo )?(?:tarda|dura)\b/,
  ],
  currentEvent: [
    /\b(?:ahora|ahorita|ahora mismo|en este momento|hace (?:\d+|unos?|una|media|pocos?) (?:minutos?|horas?|rato)|esta (?:noche|manana|tarde)|hoy|desde hace|ayuda|auxilio|socorro|urgente)\b/,
    // "¿cómo sé si estoy teniendo un infarto?": a first person after "si" (if) is hypothetical.
    /(?<!\bsi )\b(?:tengo (?!una pregunta|curiosidad|un examen|que )|me duele|me duelen|estoy(?! (?:escribiendo|leyendo|viendo|estudiando|preparando))|siento|me siento|no puedo|me falta|me cuesta|me ahogo|me tome|me trague|me corte|quiero|voy a|me quiero)\b/,
    /\bmi (?:\w+ )?(?!profesor|libro|clase|examen|personaje|novela|historia)\w+ (?:esta|tiene|no puede|no respira|se cayo|se desmayo|se tomo|le duele|dice)\b/,
  ],
  markers:
    /\b(?:el|la|los|las|del|al|de|que|y|mi|mis|tengo|tiene|esta|estoy|muy|por|con|una|un|se|le|lo|para|pero|como|hace|ahora|quiero|puedo|yo|su|sus|nos|ya|hay|ayuda|porque|duele|siento)\b/,
  // "sin casco y ahora vomita": the negation stays before "y".
  newStatement:
    /\b(?:y|e) (?=(?:ahora|ya|luego|despues|de repente|encima|el|ella|ellos|mi|su|sus|se|le|les|la|lo|esta|tiene|sigue|empezo|empieza)\b)/,
  contrast: /\s(?:pero|aunque|sin embargo)\s/,
};
