// A small in-memory BM25 (k1 1.2, b 0.75) over lower-cased word tokens, for the training
// recipes: mining hard negatives for the reranker and building candidate lists for its
// evaluation. OR semantics over the query's content words, as a search engine ranks.
const STOPWORDS = new Set(
  "a an and are as at be been but by can could did do does for from had has have how i if in into is it its may me my of on or our should so such than that the their them then there these they this to was we were what when where which who why will with would you your about am any been being dear doctor hello hi please thank thanks".split(
    " ",
  ),
);

export function bm25Terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private avgLength = 0;

  constructor(
    docs: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    docs.forEach((text, doc) => {
      const terms = bm25Terms(text);
      this.lengths.push(terms.length);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push({ doc, tf: n });
      }
    });
    this.avgLength = this.lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  }

  /** The k best documents for the query, best first (ties by document order). */
  search(query: string, k: number): { doc: number; score: number }[] {
    const n = this.lengths.length;
    const scores = new Map<number, number>();
    for (const term of new Set(bm25Terms(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / norm);
      }
    }
    return [...scores]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, k);
  }
}
