// Arabizi: Arabic typed in Latin letters and digits ("ana ta3ban w mish 2ader atnafas"). The
// same word comes in many spellings: vowels written or left out ("msh", "mish", "mesh"),
// digits for the letters Latin lacks (2 hamza or qaf, 3 ain, 5 kh, 7 h, 8 gh, 9 s, 6 t) or
// letters instead of them ("qader", "ader", "5alas", "khalas"), doubled consonants
// ("atnaffas"). A phrase word written once ("2albi byewja3ni") becomes a pattern for its
// spellings: its consonants in order, each with the ways it is written, and between them any
// short run of vowels, hamza and ain. Patterns are built from the rule authors' phrases only
// (never from a message), and every repetition is bounded ({0,4}, {1,2}).

/** How each consonant of a phrase word may be written in a message (digraphs first). */
const CONSONANTS: [string, string][] = [
  ["kh", "(?:kh|5|x)"],
  ["sh", "(?:sh|ch)"],
  ["ch", "(?:sh|ch)"],
  ["gh", "(?:gh|8)"],
  ["th", "(?:th|t|s)"],
  ["dh", "(?:dh|d|z)"],
  ["7", "(?:h|7)"],
  ["h", "(?:h|7)"],
  ["5", "(?:kh|5|x)"],
  ["x", "(?:kh|5|x)"],
  ["9", "(?:s|9)"],
  ["s", "(?:s|9)"],
  ["6", "(?:t|6)"],
  ["t", "(?:t|6)"],
  ["8", "(?:gh|8)"],
  ["j", "(?:j|g|dj)"],
  ["g", "(?:j|g|dj)"],
  ["b", "(?:b|p)"],
  ["p", "(?:b|p)"],
  ["f", "(?:f|v)"],
  ["v", "(?:f|v)"],
];

/** Vowels, and the letters written as vowels or left out: 2 (hamza, or qaf in Egypt and the Levant), 3 (ain), q. */
const FILLER_CHARS = "aeiouy23q";
const FILLER = `[${FILLER_CHARS}]{0,4}`;
/** Particles written against the word: "w" and, "b" in/with, "l" to, "el"/"il"/"al" the. */
const PREFIX = "(?:w|b|l|el|il|al|fa)?";

/** Whether a phrase word is Arabizi to be widened (Latin letters and digits, at least one letter). */
export function isArabiziWord(word: string): boolean {
  return /^[a-z0-9]+$/.test(word) && /[a-z]/.test(word);
}

/** The pattern source for the spellings of one Arabizi phrase word (see the file comment). */
export function arabiziWordSource(word: string): string {
  const parts: string[] = [];
  let consonants = 0;
  for (let i = 0; i < word.length;) {
    if (FILLER_CHARS.includes(word[i])) {
      i++;
      continue;
    }
    const [written, spellings] = CONSONANTS.find(([c]) => word.startsWith(c, i)) ?? [word[i], word[i]];
    parts.push(`${spellings.length > 1 ? spellings : written}{1,2}${FILLER}`);
    consonants++;
    i += written.length;
  }
  // A word of one consonant ("2awi", "3ra2") would match half the words of a message once widened: it is matched as written.
  // One of two ("dra3", "2albi") is widened but takes no particle before it; longer words take one ("w", "el"…).
  if (consonants < 2) return `(?<![a-z0-9])${word}`;
  return `(?<![a-z0-9])${consonants > 2 ? PREFIX : ""}${FILLER}${parts.join("")}`;
}
