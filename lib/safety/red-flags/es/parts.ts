// Spanish phrase parts (folded text: lower case, no accents, "pexo" → "pecho"; see ./context.ts).
import { anyOf } from "../build";

export const CHEST = anyOf("pecho", "torax");
export const PAIN = anyOf("dolor", "dolores", "opresion", "presion", "ardor", "molestia", "peso", "punzadas?", "apreton");
export const HURTS = anyOf("duele", "duelen", "esta doliendo", "aprieta", "oprime", "arde", "quema", "pesa", "molesta", "estalla");
export const SEVERE = anyOf(
  "mucho", "muchisimo", "fuerte", "fuertisimo", "horrible", "terrible", "insoportable", "intenso", "bien feo", "demasiado",
  "aplastante", "opresivo", "como nunca", "de repente", "de golpe", "subito", "repentino", "(?:siento que )?me (?:muero|voy a morir|estoy muriendo)",
);
export const NOW = anyOf("ahora", "ahorita", "ahora mismo", "en este momento", "desde hace", "hace (?:\\d+|unos?|una|media|pocos?|mas de) ?\\w*", "ayuda", "auxilio", "socorro", "urgente");
export const CARDIAC_SIGN = anyOf(
  "sud\\w*", "sudor frio", "brazo", "mandibula", "quijada", "espalda", "cuello", "hombro", "nause\\w*", "vomit\\w*", "mare\\w*", "desmay\\w*",
  "palid\\w*", "no puedo respirar", "falta (?:el )?aire", "ahog\\w*", "me cuesta respirar", "dificultad para respirar", "infarto", "taquicardia",
);
export const PERSON_HE = anyOf("mi \\w+", "el", "ella", "mi hijo", "mi hija", "mi bebe", "mi padre", "mi madre");
export const PILLS = anyOf(
  "pastillas?", "pildoras?", "tabletas?", "comprimidos?", "capsulas?", "medicinas?", "medicamentos?", "paracetamol\\w*", "ibuprofeno\\w*",
  "aspirinas?", "jarabes?", "gotas", "antidepresivos?", "ansioliticos?", "somniferos?", "calmantes?", "clonazepam", "alprazolam", "diazepam", "tramadol", "insulina", "rivotril", "orfidal",
);
export const LOTS = anyOf(
  "muchas?", "muchos", "todas? (?:las|los)", "todo el (?:frasco|bote|blister)", "un monton de", "demasiad[oa]s", "un punado de", "varias cajas de", "(?:el|un|una|la) (?:frasco|bote|caja|blister|tira|tableta)(?: entero| entera| completo| completa)?(?: de)?", "(?:unas|unos) cuantas?", "varias", "un punado", "(?:el|la) \\w+ (?:entero|entera|completo|completa)",
  "(?:1\\d|[2-9]\\d|\\d{3})", "veinte", "treinta", "cuarenta", "cincuenta", "cien",
);
export const TOOK = anyOf(
  "me tome", "se tomo", "tome", "tomo", "me trague", "se trago", "trague", "ingeri", "ingirio", "me he tomado", "se ha tomado", "ha tomado", "he tomado",
  "me bebi", "se bebio", "bebio", "me meti", "se metio", "me empastille", "se empastillo", "me zampe", "se zampo",
);
export const POISON = anyOf(
  "lejia", "cloro", "veneno", "raticida", "matarratas", "anticongelante", "desatascador", "destapacanos", "gasolina", "queroseno", "pilas? de boton", "pilas?",
  "insecticida", "herbicida", "detergente", "limpiador", "amoniaco", "sosa caustica", "aguarras", "liquido de (?:frenos|baterias)", "capsulas? de detergente", "acido", "fertilizante", "salfuman",
  "desinfectante", "iman", "imanes", "lavandina", "suavizante", "quitagrasas", "limpiavidrios", "producto de limpieza", "productos de limpieza", "pinol", "fabuloso", "thinner", "solvente", "plaguicida", "veneno para (?:ratas|cucarachas|hormigas)",
);
export const SELF_KILL = anyOf("suicidarme", "matarme", "quitarme la vida", "morirme", "acabar con (?:mi vida|todo|todo esto)", "terminar con (?:mi vida|todo)", "hacerme dano", "cortarme", "ahorcarme", "tirarme (?:de|por|al|a las vias)", "desaparecer para siempre", "dejar de existir", "no despertar");
