// ROUGE-L (Lin, 2004): longest common subsequence of words between a candidate and a
// reference, as precision, recall and F-measure. Tokenisation follows Google's
// rouge-score package (lowercase, non-alphanumerics split tokens, no stemming), so
// numbers are comparable with the scores Python papers report.

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t.length > 0);
}

/** Length of the longest common subsequence, O(n·m) time and O(min(n,m)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function rougeL(candidate: string, reference: string): RougeScore {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  if (c.length === 0 || r.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const lcs = lcsLength(c, r);
  const precision = lcs / c.length;
  const recall = lcs / r.length;
  const f1 = lcs === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Mean ROUGE-L over pairs (macro average, as rouge-score's aggregator reports). */
export function meanRougeL(pairs: { candidate: string; reference: string }[]): RougeScore {
  if (pairs.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const sum = { precision: 0, recall: 0, f1: 0 };
  for (const { candidate, reference } of pairs) {
    const s = rougeL(candidate, reference);
    sum.precision += s.precision;
    sum.recall += s.recall;
    sum.f1 += s.f1;
  }
  return { precision: sum.precision / pairs.length, recall: sum.recall / pairs.length, f1: sum.f1 / pairs.length };
}
