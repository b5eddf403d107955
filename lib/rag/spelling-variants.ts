// British and American spellings of one word: diarrhoea / diarrhea, anaemia / anemia,
// oesophagus / esophagus, tumour / tumor, paralyse / paralyze, centre / center. A knowledge base
// can hold both (the starter pages mix NHS and MedlinePlus wording; MedQuAD is American), and a
// person types one: "my son has diarrhea" found only the pages that spell it that way, not the
// Gastroenteritis page, which writes "diarrhoea". A misspelling unknown to the knowledge base is
// corrected (vocabulary.ts); a word the knowledge base knows is not, so its other spelling is
// searched too, as the same word (query-terms.ts), when the knowledge base knows that spelling.
// The candidates below are spellings, not words: only those the knowledge base holds are used.
// String operations on one lower-case word (bounded by the caller); no regular expression.

/** American → British medical stems (a word containing one also has the British spelling). */
const US_TO_UK: ReadonlyArray<readonly [string, string]> = [
  ["rrhea", "rrhoea"], // diarrhea, gonorrhea, amenorrhea, seborrhea
  ["pnea", "pnoea"], // apnea, dyspnea
  ["anem", "anaem"],
  ["hemo", "haemo"],
  ["hema", "haema"],
  ["hemorrh", "haemorrh"],
  ["leukem", "leukaem"],
  ["anesth", "anaesth"],
  ["esoph", "oesoph"],
  ["estrog", "oestrog"],
  ["edema", "oedema"],
  ["fetus", "foetus"],
  ["fetal", "foetal"],
  ["celiac", "coeliac"],
  ["feces", "faeces"],
  ["fecal", "faecal"],
  ["cesarean", "caesarean"],
  ["pediatr", "paediatr"],
  ["orthoped", "orthopaed"],
  ["ischem", "ischaem"],
  ["septicem", "septicaem"],
  ["glycem", "glycaem"], // hypoglycemia, hyperglycemia
  ["sulfur", "sulphur"],
];

/** Word endings: American first. */
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ["or", "our"], // tumor, behavior, color, labor, odor
  ["ors", "ours"],
  ["oral", "oural"], // behavioral
  ["ize", "ise"],
  ["izes", "ises"],
  ["ized", "ised"],
  ["izing", "ising"],
  ["ization", "isation"],
  ["yze", "yse"], // paralyze, analyze
  ["yzed", "ysed"],
  ["ter", "tre"], // center, liter
  ["ters", "tres"],
];

/** Shortest word read (short words have no other spelling worth a search: "or", "ter"). */
const MIN_LENGTH = 5;

/** The other spellings of `word` (lower case), British and American; [] when it has none. */
export function spellingVariants(word: string): string[] {
  if (word.length < MIN_LENGTH) return [];
  const out = new Set<string>();
  for (const [us, uk] of US_TO_UK) {
    if (word.includes(uk)) out.add(word.replace(uk, us));
    else if (word.includes(us)) out.add(word.replace(us, uk));
  }
  for (const [us, uk] of ENDINGS) {
    // The stem before an ending keeps at least three letters ("tumor", not "or").
    if (word.endsWith(uk) && word.length - uk.length >= 3) out.add(word.slice(0, -uk.length) + us);
    else if (word.endsWith(us) && word.length - us.length >= 3) out.add(word.slice(0, -us.length) + uk);
  }
  out.delete(word);
  return [...out];
}
