// Everyday phrases whose words say something else one by one, read as the word a health page
// uses (like ages.ts for "my 2 year old"):
//  - a blood pressure given as numbers ("150 over 95", "150/95") is a reading: the numbers are
//    not terms, and "over" / "is that bad" said nothing, so the shortest title naming "blood
//    pressure" (Blood pressure medicines) won over the page on readings (High blood pressure);
//  - "coming back" is "again": a problem that recurs, not the back ("how do I stop nits coming
//    back" found Low back pain);
//  - "take care of" is "care for": looking after, not taking a medicine.
// One linear pass per pattern: no nested or overlapping repetition, and the text is capped by the
// caller (retrieval refuses queries over 4,000 characters).

/** Two numbers of a blood pressure reading: "150/95", "150 / 95", "150 over 95". */
const READING = /\b\d{2,3} ?(?:\/|over) ?\d{2,3}\b/gi;
/** A message about blood pressure ("BP" too). */
const BLOOD_PRESSURE = /\b(?:blood pressure|bp)\b/i;
/** "coming back", "come back", "comes back", "came back": happening again. */
const COMING_BACK = /\b(?:com(?:e|es|ing)|came) back\b/gi;
/** "take care of", "taking care of": looking after. */
const TAKE_CARE = /\b(?:take|takes|taking|took) care of\b/gi;

/** The message with readings and recurrences in a health page's words. */
export function rewriteEverydayPhrases(text: string): string {
  const readings = BLOOD_PRESSURE.test(text) ? text.replace(READING, "reading") : text;
  return readings.replace(COMING_BACK, "again").replace(TAKE_CARE, "care for");
}
