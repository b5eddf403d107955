// Spanish red flags added as phrase lists (../phrases.ts) after the round-7 blind check.
import type { PhraseRule } from "../phrases";

export const SPANISH_MORE: PhraseRule[] = [
  {
    id: "es-head-more",
    category: "head_injury",
    when: ["se pego en la cabeza", "se golpeo en la cabeza", "se dio en la cabeza", "cayo de cabeza", "se cayo de cabeza"],
    and: ["vomit", "no deja de vomitar", "somnolient", "confundid", "desmay", "convuls"],
  },
  {
    id: "es-sting",
    category: "anaphylaxis",
    when: ["me pico una avispa", "me pico una abeja", "picadura de avispa", "picadura de abeja"],
    and: ["hinch", "desmay", "respirar", "garganta"],
    // Swelling only where it stung, nothing else: a local reaction.
    unless: ["solo alrededor", "hinchado solo", "solo en la zona", "solo donde", "ningun otro sintoma", "nada mas"],
  },
];
