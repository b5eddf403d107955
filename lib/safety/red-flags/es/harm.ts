// Spanish red-flag rules for harm: overdose and poisoning, severe bleeding, suicidal
// thoughts and self-harm (Spain and Latin America).
import type { RedFlagRule } from "../types";
import { anyOf, rx } from "../build";
import { LOTS, PILLS, POISON, SELF_KILL, TOOK } from "./parts";

/** "me muero de hambre", "me quiero morir de vergüenza": idioms, not a wish to die. */
const DYING_OF = anyOf(
  "verguenza",
  "risa",
  "hambre",
  "sueno",
  "calor",
  "frio",
  "ganas",
  "envidia",
  "aburrimiento",
  "amor",
  "pena",
  "asco",
  "miedo",
  "sed",
  "cansancio",
);

export const ES_HARM_RULES: RedFlagRule[] = [
  {
    id: "es-overdose",
    category: "overdose_poisoning",
    when: [
      rx`\b${TOOK} (?:\w+ ){0,2}${LOTS} (?:\w+ ){0,2}${PILLS}\b`,
      rx`\b${TOOK} (?:\w+ ){0,2}${anyOf("el frasco", "la caja", "el bote", "el blister", "todo el frasco", "toda la caja")} (?:entero |entera |completo |completa )?(?:de )?`,
      rx`\b${TOOK} (?:\w+ ){0,2}(?:el|la|un|una|todo el|toda la) \w+ (?:entero|entera|completo|completa)\b`,
      /\b(?:sobredosis)\b/,
      rx`\b${anyOf(TOOK, "bebio", "bebe", "se bebio", "trago", "comio", "se comio", "ingirio", "chupo", "se metio en la boca", "tomo", "se tomo", "ha bebido", "ha tragado", "se ha tragado", "se ha tomado")} (?:\w+ ){0,3}${POISON}\b`,
      /\b(?:envenen\w+|intoxicad[oa]|intoxicacion)\b/,
      /\balarma de (?:monoxido|co)\b|\bmonoxido de carbono\b/,
      rx`\b${PILLS} de (?:mi|su) (?:madre|mama|padre|papa|abuel[oa]|herman[oa]|mujer|marido|espos[oa])\b`,
      rx`\b(?:se comio|comio|se trago|se ha comido|se ha tragado|ha comido|mastico|masticando) (?:\w+ ){0,2}${PILLS}\b`,
    ],
    unless: [
      /\b(?:intoxicacion alimentaria|intoxicacion por comida|dosis (?:maxima|recomendada|normal)|se puede|puede (?:uno|una persona)|cuantas? (?:pastillas|puedo))\b/,
      // "¿cuánto ibuprofeno es una sobredosis?": a question about the threshold.
      /\bcuant[oa]s?\b(?: \w+){0,4} (?:es|seria|se considera|cuenta como) (?:una )?sobredosis\b/,
      /\b(?:perro|gato|mascota)\b/,
    ],
  },
  {
    id: "es-severe-bleeding",
    category: "severe_bleeding",
    when: [
      /\b(?:sangr\w+|sangre|herida)\b(?: \w+){0,4} no (?:para|paraba|se detiene|se para|se corta|deja de|se detenia|se corta)\b/,
      /\bno (?:para|deja) de sangrar\b/,
      /\bsangr\w* (?:muchisimo|mucho|a chorros|sin parar|un monton|demasiado|abundante\w*)\b/,
      /\bsangre por (?:todos lados|todas partes|todo el suelo|todo)\b|\bse (?:abrio|rajo|partio) la cabeza\b|\b(?:a chorros|a borbotones)\b|\bcharco de sangre\b|\bperdiendo mucha sangre\b|\bmucha sangre\b/,
      /\b(?:apunal\w+|acuchill\w+|navajazo|punalada|balazo|balacera|disparo|dispararon|baleado|herida de bala)\b/,
      /\b(?:vomit\w*|escupi\w*|tosiendo|tose|echando|devolviendo) (?:\w+ )?sangre\b/,
      /\bdesangr\w+\b/,
    ],
    unless: [/\b(?:encias|un poco|poquito|afeitar\w*|nariz un poco)\b/],
  },
  {
    id: "es-suicidal",
    category: "suicidal_self_harm",
    when: [
      rx`\b${anyOf("quiero", "voy a", "me voy a", "pienso", "pensando en", "deseo", "tengo ganas de", "ganas de", "he pensado en", "planeo", "planeando", "necesito", "estoy por")} ${SELF_KILL}\b`,
      rx`\bme quiero (?:matar|suicidar|morir(?! de (?:la |el )?${DYING_OF}))\b`,
      rx`\bquiero morir(?:me)?\b(?! de (?:la |el )?${DYING_OF})`,
      rx`\b(?<!(?:va|van|vas) a )${anyOf("suicidarme", "quitarme la vida", "acabar con mi vida", "terminar con mi vida", "matarme(?! (?:de|a) (?:risa|trabajar|estudiar))")}\b`,
      /\bme quito la vida\b|\b(?:manana|hoy|esta noche|ya|ahora) me mato\b|\bme mato (?:hoy|manana|esta noche|ya|ahora)\b/,
      /\bse (?:corto|ha cortado|esta cortando|corta) (?:las venas|las munecas|los brazos)\b/,
      /\b(?:dormir(?:me)?|acostarme) y no (?:volver a )?despertar\b|\bno despertar (?:nunca )?mas\b/,
      /\b(?:tirarme|me voy a tirar|me tiro|lanzarme|me voy a lanzar|aventarme|arrojarme) (?:de|por|desde|al|a las|a la|bajo) (?:un |el |la |las |los )?(?:puente|ventana|edificio|balcon|azotea|vias|tren|metro|precipicio|acantilado|coche|camion|techo)\b/,
      /\b(?:ideas|pensamientos|ideacion) suicidas?\b|\bpensando en (?:el )?suicidio\b|\b(?:soy|me siento|estoy|sentirme) suicida\b/,
      /\bno quiero (?:seguir )?(?:viviendo|vivir|estar vivo|estar viva|existir|despertar)\b/,
      /\b(?:todos|todo el mundo|mi familia|mis hijos)\b(?: \w+){0,2} (?:estarian|estaria|estaran|vivirian) mejor sin mi\b/,
      /\b(?:ojala|quisiera|desearia) (?:estar muert[oa]|no despertar|morirme|desaparecer)\b/,
      /\b(?:me corto|me corte|cortarme|me estoy cortando) (?:los brazos|las venas|las munecas|las piernas|otra vez)\b|\bautolesion\w*\b/,
      // "mi jefe me va a matar": someone else will "kill" the writer, an idiom; only "se va a matar" is about the person.
      // … nor "se va a matar con esa moto / de risa": a reckless ride or a laugh, not a plan.
      /\b(?:se va a|(?<!\b(?:me|te|nos|os) )va a|quiere) (?:suicidar|matar|quitar la vida|hacer dano)\b(?! (?:con (?:esa|ese|esta|este|la|el|su|tanta|tanto) (?:moto|coche|carro|bici\w*|patinete|patineta|velocidad)|de (?:risa|hambre|trabajar|tanto)))|\b(?:hacerse dano|suicidarse|quitarse la vida)\b/,
      /\b(?:ya tengo|tengo (?:listas|guardadas)) (?:\w+ ){0,2}(?:pastillas|la cuerda|la soga|el arma|la pistola)\b/,
      /\bno (?:le )?(?:encuentro|veo) sentido a (?:la|mi) vida\b|\bmi vida no tiene sentido\b/,
      /\bya no aguanto mas\b(?: \w+){0,4} (?:morir|desaparecer|vivir|acabar)\b/,
      /\b(?:mensaje|carta|nota) de despedida\b/,
    ],
    unless: [/\b(?:se suicido|cometio suicidio|prevencion del suicidio)\b(?! .*\b(?:yo|quiero|me)\b)/],
  },
];
