// English text normalisation for triage: lower-case, no diacritics or apostrophes, slang and
// common misspellings of red-flag words corrected, split into clauses so that a
// negation ("no chest pain") or a distant-past marker ("last year") stays local.

/** Words the red-flag rules key on; a misspelt token within a small edit distance is corrected to one of them. */
const RED_FLAG_VOCABULARY = [
  "chest",
  "pain",
  "pressure",
  "tightness",
  "crushing",
  "squeezing",
  "sweating",
  "sweaty",
  "breathe",
  "breathing",
  "breath",
  "stroke",
  "drooping",
  "droopy",
  "slurred",
  "lopsided",
  "weakness",
  "numbness",
  "seizure",
  "seizing",
  "convulsing",
  "unconscious",
  "unresponsive",
  "responding",
  "collapsed",
  "fainted",
  "bleeding",
  "spurting",
  "stabbed",
  "vomiting",
  "overdose",
  "overdosed",
  "poison",
  "poisoning",
  "paracetamol",
  "ibuprofen",
  "tablets",
  "swallowed",
  "suicidal",
  "suicide",
  "myself",
  "swelling",
  "swollen",
  "throat",
  "tongue",
  "allergic",
  "reaction",
  "wheezing",
  "choking",
  "headache",
  "pregnant",
  "diabetic",
  "confused",
  "blisters",
  "burned",
  "drowsy",
  "testicle",
  "meningitis",
  "inhaler",
  "asthma",
  "unresponsive",
  "epipen",
  "clammy",
  "thunderclap",
  "ketones",
  "sepsis",
  "fontanelle",
  "overdosing",
];

/** Real words that sit one edit away from a vocabulary word and must not be "corrected". */
const PROTECTED_WORDS = new Set([
  "paint",
  "pains",
  "paid",
  "pair",
  "pail",
  "chess",
  "chase",
  "breast",
  "breaths",
  "breathes",
  "strokes",
  "stoke",
  "bleeds",
  "mystery",
  "throats",
  "reactions",
  "headaches",
  "poisons",
  "pressures",
  "seizures",
  "blister",
  "burner",
  "burnes",
  "tablet",
  "confuse",
  "suicides",
  // Everyday words a short edit away from a red-flag word ("cooking" is not "choking").
  "dropping",
  "cooking",
  "breeding",
  "bleaching",
  "sizing",
  "selling",
  "smelling",
  "spelling",
  "confusing",
  "blending",
  "buried",
  "overdone",
  "fainter",
  "stubbed",
  "threat",
  "tables",
  "wheeling",
  "heartache",
  "inhaled",
  "crashing",
  "squealing",
  "chopping",
  "chopped",
  "choosing",
  "checking",
  "chewing",
  "closing",
  "coughing",
  "started",
  "beating",
  "breaking",
  "drowning",
  "slumped",
  "sneezing",
  "crossing",
  "cruising",
  "clocking",
  "chasing",
  "sweeping",
  "sweater",
  "setting",
  "blessing",
  "blinding",
  "stamped",
  "starved",
  "swatting",
  "stroking",
  "pressing",
  "pushing",
  "passing",
  "reacting",
  "reactive",
  "allergen",
  "allergies",
  "sweat",
  "tightest",
  "tightens",
  "weakest",
  "headcase",
  "tentacle",
  "confined",
  "faintly",
  "slurping",
  "bleeping",
  "blessed",
  "beeping",
  "breeze",
  "bleed",
  "pant",
  "paint",
  "pains",
  "spitting",
  "shocking",
]);

const SLANG: [RegExp, string][] = [
  [/\bod'?d\b|\bo\.d\.'?d\b/g, "overdosed"],
  [/\bcan'?t\b|\bcannot\b|\bcan not\b/g, "cant"],
  [/\bwon'?t\b|\bwill not\b/g, "wont"],
  [/\bdoes not\b/g, "doesnt"],
  [/\bdo not\b/g, "dont"],
  [/\bis not\b/g, "isnt"],
  [/\bhas not\b/g, "hasnt"],
  [/\bhave not\b/g, "havent"],
  [/\bgonna\b/g, "going to"],
  [/\bwanna\b/g, "want to"],
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
  [/\bpls\b|\bplz\b/g, "please"],
  [/\bpoo+p?\b/g, "stool"],
  [/\bmy (self|selfe|slef|sefl)\b/g, "myself"],
  [/\bkil+ ?(?:my ?self|my ?selfe|my ?slef|myslef)\b/g, "kill myself"],
  [/\bepi[ -]?pen\b/g, "epipen"],
  [/\bbreast ?bone\b|\bsternum\b/g, "chest"],
];

export function stripDiacritics(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Damerau–Levenshtein distance (optimal string alignment), bounded for speed. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

const vocabularySet = new Set(RED_FLAG_VOCABULARY);
const correctionCache = new Map<string, string>();

const INFLECTION = /(?:ing|ed|es|s|d)$/;

/** True when `token` is another inflection of `word` ("swallows" of "swallowed"), which is a real word, not a typo. */
export function isInflectionOf(token: string, word: string): boolean {
  const stem = (w: string) => w.replace(INFLECTION, "").replace(/e$/, "");
  return stem(token) === stem(word);
}

/** Corrects a token to a red-flag word when it is a likely misspelling of one (same first letter, 1–2 edits, not just another inflection). */
export function correctToken(token: string): string {
  if (token.length < 4 || vocabularySet.has(token) || PROTECTED_WORDS.has(token) || /\d/.test(token)) return token;
  const cached = correctionCache.get(token);
  if (cached !== undefined) return cached;
  const allowed = token.length >= 9 ? 2 : 1;
  let best = token;
  let bestDistance = allowed + 1;
  for (const word of RED_FLAG_VOCABULARY) {
    if (word[0] !== token[0]) continue;
    const distance = editDistance(token, word, allowed);
    if (distance < bestDistance && !isInflectionOf(token, word)) {
      best = word;
      bestDistance = distance;
    }
  }
  correctionCache.set(token, best);
  return best;
}

/** Lower-cased, apostrophe-free, slang-expanded, spelling-corrected text with single spaces; punctuation kept for clause splitting. */
export function normalizeForTriage(text: string): string {
  let t = stripDiacritics(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'");
  for (const [pattern, replacement] of SLANG) t = t.replace(pattern, replacement);
  t = t.replace(/'/g, "");
  t = t.replace(/[^a-z0-9.!?;,:\n\- ]+/g, " ");
  t = t.replace(/[a-z]+/g, (token) => correctToken(token));
  return t.replace(/[ \t]+/g, " ").trim();
}
