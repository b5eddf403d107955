// Yoruba red flags as phrase lists (see ../phrases.ts), on folded text: Yoruba is often typed without its tone marks
// and under-dots ("àyà mi ń dùn mí" / "aya mi n dun mi"), and folding reads both alike. Added after blind round 17
// brought Yoruba with no rule to meet: the core red flags in everyday words.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";

export const YORUBA = phrasePack({
  language: "yo",
  readsUnmarkedTurns: false,
  spaced: true,
  wordStart: true,
  normalize: (text) => wordsAndPunctuation(text.replace(/-/g, " ")),
  // A letter Yoruba writes and no other triage language: ṣ.
  letters: /ṣ/u,
  // Yoruba's short words ("mi", "ti", "si") are also Spanish and Italian ones: they are counted too, so that a Yoruba turn
  // is read by its rules at least as surely as by theirs.
  markers:
    /(?<![a-z])(?:mi|mo|ko|ti|ni|si|re|n|bi|fun|lati|ati|wa|omo mi|baba mi|iya mi|mama mi|oko mi|iyawo mi|egbon mi|aburo mi|bayi|pupo|gan an|daadaa|jowo|e jowo|e gba mi|e ran mi|n dun|ko le|ko si|nitori|sugbon|nigba|lojiji|ojo|ara re|ara mi)(?![a-z])/u,
  rules: [
    {
      id: "yo-chest-pain",
      category: "cardiac",
      when: ["aya ~ dun", "aya ~ n ro", "irora aya", "inu aya ~ dun"],
      and: ["lagun", "apa osi", "owo osi", "agbon", "eemi", "mimi", "eebi", "gidigidi", "pupo"],
    },
    { id: "yo-heart-stopped", category: "cardiac", when: ["okan re ti duro", "okan e ti duro", "okan re ko lu mo"] },
    {
      id: "yo-stroke",
      category: "stroke",
      when: [
        "roparose",
        "ropa rose",
        "enu re ti wo",
        "enu e ti wo",
        "enu re wo",
        "oju re ti wo",
        "oju e ti wo",
        "apa kan ti ku",
        "lojiji ko le soro",
      ],
    },
    {
      id: "yo-breathing",
      category: "breathing",
      when: [
        "ko le mi#",
        "ko si mi daadaa",
        "ko mi daadaa",
        "ko le mi daadaa",
        "ko mi mo",
        "mi o le mi",
        "emi ti fe lo",
        "eemi kuru",
        "ete re ti di dudu",
        "ete re ti di buluu",
      ],
    },
    {
      id: "yo-anaphylaxis",
      category: "anaphylaxis",
      when: ["ofun ~ wu", "ahon ~ wu", "ete ~ wu", "oju ~ ti wu"],
      and: ["aleji", "epa", "oyin", "kokoro ta", "oogun", "abere", "eemi", "gbe mi"],
    },
    {
      id: "yo-unconscious",
      category: "unconscious",
      when: ["ko dahun", "ko da mi lohun", "ko da wa lohun", "ko ji mo", "a ko le ji", "ko le ji", "daku ~ ko ji", "o ti daku ko"],
    },
    {
      id: "yo-seizure",
      category: "seizure",
      when: ["giri#", "giri n", "warapa mu", "warapa n", "foomu ~ enu", "n gbon ~ ko dahun", "n gbon ~ iseju"],
    },
    {
      id: "yo-bleeding",
      category: "severe_bleeding",
      when: ["eje ko duro", "eje ko da duro", "eje ko se duro", "eje pupo", "eje n jade pupo", "eje n san pupo", "eje n da pupo"],
    },
    {
      id: "yo-pregnancy",
      category: "pregnancy_emergency",
      when: ["oyun", "aboyun", "o bimo", "ibimo", "nrobi", "n robi"],
      and: ["eje pupo", "eje ko duro", "ko dahun", "giri"],
    },
    {
      id: "yo-suicidal",
      category: "suicidal_self_harm",
      when: [
        "pa ara mi",
        "para mi",
        "pa ara re",
        "pa ara e",
        "mo fe ku#",
        "mo fe ku lale",
        "ko wu mi lati wa laaye",
        "igbemi ara",
        "igbemiara",
        "so ara mi ko",
      ],
      unless: ["iye eniyan", "awon eniyan melo", "idena"],
    },
    {
      id: "yo-overdose-poisoning",
      category: "overdose_poisoning",
      when: [
        "oogun pupo",
        "egbogi pupo",
        "gbogbo oogun",
        "gbogbo egbogi",
        "mu majele",
        "je majele",
        "la majele",
        "oogun kokoro",
        "otapiapia",
        "ota pia pia",
        "gbe batiri mi",
      ],
    },
  ],
  context: {
    negators: ["ko", "kii", "rara"],
    distantPast: [
      "odun to koja",
      "odun meji seyin",
      "odun seyin",
      "osu to koja",
      "osu meta seyin",
      "nigba ti mo wa ni kekere",
      "lodun to koja",
    ],
    animal: ["aja mi", "aja wa", "ologbo", "eranko", "ewure", "aguntan", "maalu"],
    fiction: ["fiimu", "sinima", "itan aroso", "ere ori itage", "ninu itan"],
    general: ["kini awon ami", "ki ni awon ami", "awon ami aisan", "ise amurele", "idanwo", "ile iwe"],
    currentEvent: ["bayi", "ni bayi", "e ran mi lowo", "e gba mi", "kiakia", "pajawiri"],
    contrast: ["sugbon", "amo"],
  },
});
