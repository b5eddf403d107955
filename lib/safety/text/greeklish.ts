// Greeklish: Greek typed in Latin letters ("ponaei poly to sti8os mou", "o mpampas mou den
// anapneei"). It is written two ways at once — by sound ("i" for η, ι, υ, ει, οι; "o" for ο and
// ω; "e" for ε and αι; "f"/"v" for the υ of αυ, ευ) and by look ("h" for η, "w" for ω, "8" for θ,
// "u"/"y" for υ, "3" for ξ) — so a Greeklish turn is first written back in Greek letters and then
// both it and every Greek phrase are spelt one way (`foldGreekSpelling`): the sounds that Greek
// writes in several ways become one letter. The Greek rules (red-flags/el) then read a Greeklish
// turn as they read a Greek one. Only a turn with several Greeklish words is converted, so no
// other Latin-script language's message is read as Greek.

/** Words that are Greek in Latin letters and not words of the other Latin-script languages triage reads. */
const GREEKLISH_WORDS = new Set(
  (
    "einai eimai eisai exei ehei exo exw eho ehw exoume mou sou tou tis ths kai pou giati giatí tora twra poli poly polu " +
    "stin sthn ston stis mporei borei mporw borw mporo boro thelw thelo 8elw 8elo thelei 8elei pono ponos ponaei " +
    "ponaw ponao stithos sti8os sththos stithous anapnew anapneo anapneei anasa pethanw pethano pe8anw pe8ano " +
    "paidi moro mwro xapia xapi giatro giatros nosokomeio asthenoforo kserw xerw ksero xero oti kanei kanw " +
    "mpampas mpampa mitera pateras giagia pappous aima emfragma aftoktonisw autoktonisw aftoktonia autoktonia " +
    "lipothimise lipothymise xtypise xtupise pesei epese ksafnika xafnika boithia voithia voitheia boitheia " +
    "mikro mikri megalo kardia xeri xeili xeilia laimos laimo prosopo pyretos puretos pyreto pureto"
  ).split(" "),
);

/** Of those, words no other language writes, long enough to count twice: one makes a short turn Greeklish ("tha aftoktonisw apopse"). */
const UNMISTAKABLE_WORDS = new Set(
  (
    "aftoktonisw autoktonisw aftoktonia autoktonia emfragma stithos sti8os anapneei anapnew anapneo pethanw pethano pe8anw " +
    "pe8ano lipothimise lipothymise nosokomeio asthenoforo"
  ).split(" "),
);

/** At least this many different Greeklish words (an unmistakable one counting twice) make a turn Greeklish. */
const MIN_GREEKLISH_WORDS = 2;

/** Whether a (lower-case, Latin-letter) turn is written in Greeklish. */
export function isGreeklish(text: string): boolean {
  if (/\p{Script=Greek}/u.test(text)) return false;
  const seen = new Set<string>();
  let weight = 0;
  for (const word of text.match(/[a-z0-9]+/g) ?? []) {
    if (seen.has(word) || !(GREEKLISH_WORDS.has(word) || UNMISTAKABLE_WORDS.has(word))) continue;
    seen.add(word);
    weight += UNMISTAKABLE_WORDS.has(word) ? 2 : 1;
    if (weight >= MIN_GREEKLISH_WORDS) return true;
  }
  return false;
}

/** Latin spellings and the Greek letters they stand for, longest first within a word. */
const LATIN_TO_GREEK: [string, string][] = [
  ["th", "θ"],
  ["8", "θ"],
  ["ch", "χ"],
  ["kh", "χ"],
  ["ps", "ψ"],
  ["ks", "ξ"],
  ["3", "ξ"],
  ["ou", "ου"],
  ["oy", "ου"],
  ["mp", "μπ"],
  ["nt", "ντ"],
  ["gk", "γκ"],
  ["a", "α"],
  ["b", "μπ"],
  ["c", "κ"],
  ["d", "δ"],
  ["e", "ε"],
  ["f", "φ"],
  ["g", "γ"],
  ["h", "η"],
  ["i", "ι"],
  ["j", "τζ"],
  ["k", "κ"],
  ["l", "λ"],
  ["m", "μ"],
  ["n", "ν"],
  ["o", "ο"],
  ["p", "π"],
  ["q", "κ"],
  ["r", "ρ"],
  ["s", "σ"],
  ["t", "τ"],
  ["u", "υ"],
  ["v", "β"],
  ["w", "ω"],
  ["x", "χ"],
  ["y", "υ"],
  ["z", "ζ"],
];

const LATIN_PATTERN = new RegExp(LATIN_TO_GREEK.map(([latin]) => latin).join("|"), "g");
const GREEK_OF = new Map(LATIN_TO_GREEK);

/** A Greeklish turn in Greek letters (words only: numbers such as "38.5" stay as they are). */
export function greeklishToGreek(text: string): string {
  return text.replace(/[a-z0-9]*[a-z][a-z0-9]*/g, (word) => word.replace(LATIN_PATTERN, (latin) => GREEK_OF.get(latin)!));
}

/**
 * Greek spelt by sound, one way (folded text: no accents): final sigma as σ, doubled letters as
 * one, η ι υ ει οι as ι, ω as ο, αι as ε, the υ or β after α and ε as φ (αυτο, αφτο, αβτο), ου kept.
 */
export function foldGreekSpelling(text: string): string {
  return text
    .replace(/ς/g, "σ")
    .replace(/(\p{Script=Greek})\1/gu, "$1")
    .replace(/([αε])[υβ]/g, "$1φ")
    .replace(/ου/g, "\u0000")
    .replace(/ει|οι|[ηυ]/g, "ι")
    .replace(/αι/g, "ε")
    .replace(/ω/g, "ο")
    .replace(/\u0000/g, "ου");
}
