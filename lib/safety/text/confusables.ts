// Look-alike letters from other scripts (Cyrillic "е", Greek "ο", Latin "ı" …) mapped to
// the ASCII letter they imitate, from Unicode's confusables table (TR39) as shipped by the
// `unhomoglyph` package. Only letters whose prototype is plain ASCII letters are used, and
// never ASCII itself (the table maps "m" to "rn" and "1" to "l", which would damage normal
// text) nor accented letters that Unicode decomposes ("é" keeps its accent; folding is a
// separate, later step).
import table from "unhomoglyph/data.json" with { type: "json" };

/** Letters of other alphabets that languages here need as they are. */
const KEEP = new Set(["ß", "æ", "œ", "ø", "ð", "þ", "ı"]);

function buildLookAlikes(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [char, prototype] of Object.entries(table as Record<string, string>)) {
    if ([...char].length !== 1 || char.charCodeAt(0) < 0x80 || KEEP.has(char)) continue;
    if (!/^\p{L}$/u.test(char) || char.normalize("NFD") !== char) continue;
    const target = prototype.toLowerCase();
    if (!/^[a-z]{1,2}$/.test(target)) continue;
    map.set(char, target);
    const lower = char.toLowerCase();
    if (lower !== char && !map.has(lower) && lower.normalize("NFD") === lower) map.set(lower, target);
  }
  return map;
}

const LOOK_ALIKES = buildLookAlikes();

const LATIN = /\p{Script=Latin}/u;

/** Whether the text is mostly Latin: more Latin letters than letters of other scripts that imitate nothing ("п", "ы", "д"). */
function mostlyLatin(text: string): boolean {
  let latin = 0;
  let other = 0;
  for (const c of text) {
    if (/[a-z]/.test(c) || LATIN.test(c)) latin++;
    else if (/\p{L}/u.test(c) && !LOOK_ALIKES.has(c)) other++;
  }
  return latin > other;
}

/**
 * Replaces look-alike letters inside words that mix them with Latin letters ("chеst" with
 * a Cyrillic е), and inside words made only of look-alikes ("сhеѕt") when the text around
 * them is Latin. A word written in another script that is not a disguise (Russian "больно",
 * and "рука" or "у" in a Russian sentence, though every letter of them imitates a Latin
 * one) is left alone.
 */
export function replaceLookAlikes(text: string): string {
  let latinText: boolean | undefined;
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (/^[\x00-\x7f]*$/.test(word)) return word;
    const chars = [...word];
    const mixed = chars.some((c) => LATIN.test(c));
    if (!mixed) {
      if (!chars.every((c) => LOOK_ALIKES.has(c) || /[a-z]/.test(c))) return word;
      latinText ??= mostlyLatin(text);
      if (!latinText) return word;
    }
    return chars.map((c) => LOOK_ALIKES.get(c) ?? c).join("");
  });
}
