// Typo tolerance for the concept words: a token of the message within a small edit
// distance of a lexicon word is rewritten to that word before the rules run ("presure" →
// "pressure", "sangarndo" → "sangrando"). Only tokens are compared with our
// own words; the message never becomes a pattern. Guards against "correcting" a real word:
// a word the language's rules already know is never changed, the first letter must agree
// (typos rarely hit it), words under six letters are never corrected, and one edit is
// allowed (two from nine letters on).

import { editDistance } from "../text/normalize-en";

export { editDistance };

const MIN_WORD = 6;
const MAX_TOKEN = 24;

function allowedEdits(word: string): number {
  return word.length >= 9 ? 2 : 1;
}

/** A corrector towards `vocabulary` (lower-case Latin words): tokens near a word become it; a token that begins with a near-miss of a stem of six letters or more gets the stem. Tokens in `known` stay as they are. */
export function typoCorrector(vocabulary: Iterable<string>, knownWords: Iterable<string> = []): (text: string) => string {
  const byFirst = new Map<string, string[]>();
  const known = new Set<string>(knownWords);
  for (const word of vocabulary) {
    if (word.length < MIN_WORD || !/^[a-z]+$/.test(word)) continue;
    known.add(word);
    const bucket = byFirst.get(word[0]) ?? [];
    bucket.push(word);
    byFirst.set(word[0], bucket);
  }
  const cache = new Map<string, string>();
  const correct = (token: string): string => {
    if (token.length < MIN_WORD || token.length > MAX_TOKEN || known.has(token)) return token;
    const cached = cache.get(token);
    if (cached !== undefined) return cached;
    let best = token;
    let bestDistance = Infinity;
    for (const word of byFirst.get(token[0]) ?? []) {
      if (token.startsWith(word)) {
        best = token;
        break;
      }
      const max = allowedEdits(word);
      const whole = editDistance(token, word, max);
      if (whole <= max && whole < bestDistance) {
        best = word;
        bestDistance = whole;
        continue;
      }
      // A stem with a typo inside an inflected word: compare the token's start with the stem.
      if (word.length >= 6 && token.length > word.length + 1) {
        for (const cut of [word.length - 1, word.length, word.length + 1]) {
          const d = editDistance(token.slice(0, cut), word, 1);
          if (d <= 1 && d < bestDistance) {
            best = word + token.slice(cut);
            bestDistance = d;
          }
        }
      }
    }
    if (cache.size < 5_000) cache.set(token, best);
    return best;
  };
  return (text) => text.replace(/[a-z]+/g, correct);
}
