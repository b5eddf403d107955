// Greek red flags as phrase lists (see ../phrases.ts), on folded text (accents and diaeresis
// dropped, as often typed) with the final sigma written as σ. Added with blind round 14, whose
// three Greek emergencies had no rule to meet: the core red flags only, in everyday words.
import { phrasePack } from "../phrases";
import { wordsAndPunctuation } from "../scripts";
import { foldGreekSpelling, greeklishToGreek, isGreeklish } from "../../text/greeklish";

/**
 * Greek text as the phrases match it: words and punctuation, spelt one way (../../text/greeklish.ts:
 * final sigma as σ, the vowels Greek writes in several ways as one); a Greeklish turn is first
 * written in Greek letters, so the same phrases read it.
 */
export const normalizeGreek = (text: string) => foldGreekSpelling(wordsAndPunctuation(isGreeklish(text) ? greeklishToGreek(text) : text));

export const GREEK = phrasePack({
  language: "el",
  readsUnmarkedTurns: false,
  spaced: true,
  wordStart: true,
  normalize: normalizeGreek,
  markers: /\p{Script=Greek}/u,
  rules: [
    {
      id: "el-chest-pain",
      category: "cardiac",
      when: [
        "πονο στο στηθοσ",
        "πονοσ στο στηθοσ",
        "πονα το στηθοσ",
        "πιεση στο στηθοσ",
        "σφιξιμο στο στηθοσ",
        "βαροσ στο στηθοσ",
        "σφιγγει το στηθοσ",
      ],
      and: ["χερι", "σαγονι", "ιδρωνει", "ιδρωτα", "κρυοσ ιδρωτασ", "ανασα", "αναπνε", "ζαλη", "ναυτια", "ξαφνικα", "δυνατοσ", "πολυ"],
    },
    { id: "el-heart-attack", category: "cardiac", when: ["εμφραγμα τωρα", "παθαινει εμφραγμα", "παθαινω εμφραγμα", "καρδιακη ανακοπη"] },
    {
      id: "el-stroke",
      category: "stroke",
      when: [
        "στραβωσε το στομα",
        "στομα του στραβωσε",
        "στομα τησ στραβωσε",
        "στραβο στομα",
        "στραβωσε",
        "εκρεμασε το προσωπο",
        "πεσμενο το προσωπο",
        "δεν μπορει να μιλησει",
        "μπερδευει τα λογια",
        "μιλαει μπερδεμενα",
        "δεν μπορει να σηκωσει το χερι",
        "μουδιασε η μιση",
        "παραλυσε η μιση",
      ],
    },
    {
      id: "el-breathing",
      category: "breathing",
      when: [
        "δεν μπορω να αναπνευσω",
        "δεν μπορει να αναπνευσει",
        "δεν αναπνεει",
        "δεν ανασαινει",
        "πνιγεται",
        "πνιγηκε",
        "μελανιασε",
        "μπλε χειλη",
        "μελανα χειλη",
        "κοβεται η ανασα",
      ],
    },
    {
      id: "el-anaphylaxis",
      category: "anaphylaxis",
      when: ["πρηστηκε ο λαιμοσ", "πρηζεται ο λαιμοσ", "πρηζεται η γλωσσα", "πρηστηκε η γλωσσα", "πρηστηκαν τα χειλη", "κλεινει ο λαιμοσ"],
      and: ["αλλεργ", "φιστικ", "ξηρουσ καρπουσ", "τσιμπημα", "μελισσα", "σφηκα", "αναπνε", "ανασα"],
    },
    {
      id: "el-suicidal",
      category: "suicidal_self_harm",
      when: [
        "θελω να πεθανω",
        "θα αυτοκτονησω",
        "να αυτοκτονησω",
        "σκεφτομαι να αυτοκτονησω",
        "θελω να αυτοκτονησω",
        "θα βαλω τελοσ στη ζωη μου",
        "να βαλω τελοσ στη ζωη μου",
        "δεν θελω να ζω αλλο",
        "δεν θελω να ζησω",
        "θα πηδηξω απο",
        "θα κοψω τισ φλεβεσ",
        "αυτοτραυματισμ",
      ],
    },
    {
      id: "el-suicidal-means-farewell",
      category: "suicidal_self_harm",
      // Pills saved up, a rope ready, a bridge or a roof — told with a farewell.
      when: ["εχω μαζεψει ~ χαπια", "μαζεψα ~ χαπια", "μαζευω ~ χαπια", "ετοιμο το σχοινι", "στη γεφυρα", "στην ταρατσα", "στο μπαλκονι"],
      and: ["αντιο", "σασ αγαπω", "συγγνωμη για ολα", "ευχαριστω για ολα", "τελευταιο μηνυμα", "δεν αντεχω αλλο", "τελοσ"],
    },
    {
      id: "el-overdose-poisoning",
      category: "overdose_poisoning",
      when: [
        "ηπιε ολα τα χαπια",
        "πηρε ολα τα χαπια",
        "πηρα ολα τα χαπια",
        "ηπια ολα τα χαπια",
        "καταπιε ~ χαπια",
        "ηπιε ~ κουτι",
        "πηρε πολλα χαπια",
        "υπερβολικη δοση",
        "ηπιε χλωρινη",
        "ηπιε απορρυπαντικο",
        "καταπιε μπαταρια",
        "καταπιε ~ μπαταρια",
        "δηλητηριαστηκε",
        "μονοξειδιο του ανθρακα",
      ],
    },
    {
      id: "el-unconscious",
      category: "unconscious",
      when: [
        "δεν αντιδρα",
        "δεν απανταει",
        "δεν ξυπναει",
        "δεν συνερχεται",
        "αναισθητοσ",
        "αναισθητη",
        "χωρισ αισθησεισ",
        "λιποθυμησε και δεν",
        "εχασε τισ αισθησεισ",
      ],
    },
    {
      id: "el-seizure",
      category: "seizure",
      when: ["σπασμουσ", "σπασμοι", "επιληπτικη κριση", "τιναζεται ολοσ", "αφρουσ στο στομα", "βγαζει αφρουσ"],
    },
    {
      id: "el-bleeding",
      category: "severe_bleeding",
      when: [
        "αιμορραγει πολυ",
        "δεν σταματαει το αιμα",
        "το αιμα δεν σταματα",
        "χανει πολυ αιμα",
        "τρεχει πολυ αιμα",
        "μαχαιρωθηκε",
        "πυροβοληθηκε",
      ],
    },
    {
      id: "el-infant-fever",
      category: "other",
      // A baby of weeks (under three months) with a fever or not feeding.
      when: ["εβδομαδων", "νεογεννητο", "ενοσ μηνοσ", "1 μηνοσ", "2 μηνων", "δυο μηνων"],
      and: ["πυρετο", "πυρετοσ", "πυρεσσει", "38", "39", "δεν τρωει", "δεν θηλαζει", "δεν πινει", "νωθρο", "ληθαργ", "δεν ξυπναει"],
    },
    {
      id: "el-meningitis",
      category: "meningitis",
      when: [
        "πιασμενοσ αυχενασ",
        "δυσκαμψια αυχενα",
        "δεν μπορει να λυγισει τον αυχενα",
        "εξανθημα που δεν φευγει",
        "μωβ κηλιδεσ",
        "μωβ βουλιτσεσ",
      ],
      and: ["πυρετο", "πυρετοσ", "εμετο", "νυσταζει", "ενοχλει το φωσ", "πονοκεφαλ"],
    },
  ],
  context: {
    negators: ["δεν", "δε", "μην", "χωρισ", "ποτε", "οχι"],
    distantPast: [
      "πριν απο χρονια",
      "πριν χρονια",
      "περσι",
      "περυσι",
      "πριν απο μηνεσ",
      "πριν μηνεσ",
      "τον περασμενο μηνα",
      "οταν ημουν παιδι",
    ],
    animal: ["σκυλοσ", "σκυλι", "γατα", "κατοικιδιο", "κτηνιατρ"],
    fiction: ["μυθιστορημα", "στην ιστορια μου", "ταινια", "σειρα", "σεναριο", "χαρακτηρασ"],
    general: [
      "ποια ειναι τα συμπτωματα",
      "τι κανουμε αν",
      "τι κανει κανεισ",
      "αν καποιοσ",
      "ποσοι ανθρωποι",
      "ειναι κληρονομικο",
      "για την εργασια",
      "σεμιναριο πρωτων βοηθειων",
      "τι ειναι",
    ],
    currentEvent: ["τωρα", "βοηθεια", "αμεσωσ", "αυτη τη στιγμη"],
    contrast: ["αλλα", "ομωσ", "παρολο"],
  },
});
