// The evaluation's peer: plain Okapi BM25 (k1 1.2, b 0.75) over the same documents as the
// knowledge base, in process. Terms are Postgres's own English lexemes (the chunks' tsvector:
// lower-cased, stop words out, Snowball stems), so the peer and the database see the same
// tokens; a document is the concatenation of its chunks. Nothing else: no phrase, heading or
// coverage logic — the baseline the app's retrieval must beat on natural questions.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export interface Bm25Options {
  k1?: number;
  b?: number;
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/** Lexeme → term frequency, from a tsvector's text form ('word':1,5 'other':3). */
export function parseTsvector(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  // Each entry: a quoted lexeme (quotes doubled inside) and optionally :positions.
  const re = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lexeme = m[1].replace(/''/g, "'");
    const n = m[2] ? m[2].split(",").length : 1;
    tf.set(lexeme, (tf.get(lexeme) ?? 0) + n);
  }
  return tf;
}

export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private avgLength = 0;

  constructor(private readonly options: Bm25Options = {}) {}

  add(documentId: string, tf: Map<string, number>): void {
    const doc = this.ids.length;
    this.ids.push(documentId);
    let len = 0;
    for (const [term, n] of tf) {
      len += n;
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ doc, tf: n });
    }
    this.lengths.push(len);
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / this.lengths.length;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Document ids by BM25 score (ties by id), at most `k`. Query terms count once each (like Lucene's OR query). */
  search(queryTerms: Iterable<string>, k: number): { documentId: string; score: number }[] {
    const k1 = this.options.k1 ?? 1.2;
    const b = this.options.b ?? 0.75;
    const n = this.ids.length;
    const scores = new Map<number, number>();
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const p of list) {
        const norm = p.tf + k1 * (1 - b + (b * this.lengths[p.doc]) / this.avgLength);
        scores.set(p.doc, (scores.get(p.doc) ?? 0) + (idf * p.tf * (k1 + 1)) / norm);
      }
    }
    return [...scores.entries()]
      .sort((x, y) => y[1] - x[1] || this.ids[x[0]].localeCompare(this.ids[y[0]]))
      .slice(0, k)
      .map(([doc, score]) => ({ documentId: this.ids[doc], score }));
  }
}

/** BM25 over the knowledge base's active documents (each the sum of its chunks' lexemes). */
export async function buildBm25Index(db: Db, options: Bm25Options = {}): Promise<Bm25Index> {
  const index = new Bm25Index(options);
  const rows = rowsOf<{ document_id: string; tsv: string }>(
    await db.execute(
      sql`select c.document_id, string_agg(c.tsv::text, ' ' order by c.position) as tsv
          from chunks c join documents d on d.id = c.document_id
          where d.status = 'active' group by c.document_id order by c.document_id`,
    ),
  );
  for (const r of rows) index.add(r.document_id, parseTsvector(r.tsv));
  return index;
}

/** The query's lexemes, by the same English configuration as the chunks. */
export async function queryLexemes(db: Db, text: string): Promise<string[]> {
  const rows = rowsOf<{ lexeme: string }>(await db.execute(sql`select lexeme from unnest(to_tsvector('english', ${text}))`));
  return rows.map((r) => r.lexeme);
}
