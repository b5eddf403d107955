// Ages in a message ("my 2 year old", "a 6-week-old", "my son (3yo)", "I'm 67 years old"):
// who the question is about, like "my mom" (query-terms.ts PEOPLE_WORDS) — not what it asks.
// As words, "year" and "old" are common in health pages and outweighed the condition: "my 2
// year old has a fever, should I worry?" got no passage at all. An age is read as the word a
// health page uses for that person — "baby" under a year, "child" under 13 — and an older
// person's age is left out. A duration ("a fever for 2 days") has no "old" and is untouched.
// One linear pass per message: the pattern has no nested or overlapping repetition, and the
// text is capped by the caller (retrieval refuses queries over 4,000 characters).

/** A number, a unit of age, then "old" (or the "yo" shorthand): "2 year old", "18-month-old", "3yo", "6 wks old". */
const AGE = /\b(\d{1,3})[ -]?(?:(years?|yrs?|months?|mos?|weeks?|wks?|days?)[ -]old|(yo|y\/o))\b/gi;

/** What a page calls a person of this age (empty: an adult, left out). */
function personOfAge(n: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith("d") || u.startsWith("w")) return "baby";
  if (u.startsWith("m")) return n < 12 ? "baby" : n < 156 ? "child" : "";
  return n < 1 ? "baby" : n < 13 ? "child" : "";
}

/** A child's age told after the child: "my daughter is 4", "my son is 10 and…" (years). */
const CHILD_IS =
  /\b(son|daughter|kid|boy|girl|grandson|granddaughter|niece|nephew) is (\d{1,2})\b(?! ?(?:%|kg|lbs?|pounds|degrees|°|months?|weeks?|days?))/gi;

/** The message with each age replaced by the person it describes ("my 2 year old" → "my child", "my daughter is 4" → "my daughter is a child"). */
export function rewriteAges(text: string): string {
  return text
    .replace(AGE, (_, n: string, unit: string | undefined) => personOfAge(Number(n), unit ?? "years"))
    .replace(CHILD_IS, (whole, who: string, n: string) => (Number(n) < 13 ? `${who} is a child` : whole));
}
