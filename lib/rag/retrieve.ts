// Hybrid retrieval: pgvector cosine (HNSW) and Postgres full-text search, fused by
// reciprocal rank fusion in one SQL statement, with relevance floors so that an
// unrelated question returns nothing instead of the "least bad" chunks.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { QueryEmbedder } from "./embed";
import type { RetrievedChunk } from "./types";

export type RetrievalMode = "hybrid" | "vector" | "text";

export interface RetrieveOptions {
  /** Chunks to return. */
  k?: number;
  /** Only documents from these sources (documents.source). */
  sources?: string[];
  /** Floor on the fused score (0..1, where 1 = ranked first by every retriever used). */
  minScore?: number;
  /** A vector candidate counts only with at least this cosine similarity. */
  minSimilarity?: number;
  /**
   * A full-text candidate counts only when the query terms it contains carry at least this
   * share (0..1) of the query's information: each term weighted by its inverse document
   * frequency, ln((chunks + 1) / (chunks containing it + 1)), from term_stats (chunks counted
   * as at least 1,000 in a small knowledge base).
   */
  minCoverage?: number;
  mode?: RetrievalMode;
  /** Candidates taken from each retriever before fusion. */
  candidates?: number;
  /** RRF constant: larger flattens the contribution of top ranks. */
  rrfK?: number;
  weights?: { vector: number; text: number };
  /** Keep at most this many chunks per document (diversity of sources). */
  maxPerDocument?: number;
}

/** Tuned on NON-held-out MedQuAD questions (scripts/eval-retrieval.ts --tune); see docs/retrieval-eval.md. */
export const DEFAULT_RETRIEVAL = {
  k: 8,
  /** With these weights a chunk found by the vector search alone scores 1/3: it needs full-text support. */
  minScore: 0.4,
  /** -1 = no cosine floor: the default embedder's similarities do not separate on- from off-topic. */
  minSimilarity: -1,
  /**
   * Off-topic questions share ordinary words with some chunk ("speed" and "light"), but
   * rarely their most informative ones ("vacuum"): tuned on the tuning questions and the
   * first off-topic list; see docs/retrieval-eval.md.
   */
  minCoverage: 0.55,
  candidates: 40,
  rrfK: 20,
  weights: { vector: 0.5, text: 1 },
} as const;

/** A term in more than this share of chunks is too common to make a chunk a candidate on its own. */
const COMMON_TERM_FREQUENCY = 0.05;
/** In a small knowledge base every term is "common": prune only in large ones. */
const MIN_CHUNKS_FOR_COMMON_TERMS = 2000;
/**
 * IDF counts at least this many chunks. In a small knowledge base a term found in a few of
 * its chunks is not thereby common (nor is an absent term thereby rare): the weights stay
 * moderate, and coverage is then close to the plain share of the query's terms matched.
 */
const MIN_CHUNKS_FOR_IDF = 1000;
/** Full-text candidates re-ranked by their headings: this many times `candidates`. */
const HEADING_RERANK_FACTOR = 4;
/** Upper bound on full-text matches ranked per query (each of the strict and relaxed sets). */
const MAX_TEXT_MATCHES = 1500;

export class RetrievalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetrievalError";
  }
}

export interface RetrievedChunkWithSignals extends RetrievedChunk {
  /** 1-based rank in each retriever's list, when the chunk was a candidate there. */
  vectorRank: number | null;
  textRank: number | null;
  similarity: number | null;
}

interface Row {
  chunk_id: string;
  document_id: string;
  title: string;
  url: string | null;
  text: string;
  heading_path: string;
  source: string;
  fused: number | string;
  vrank: number | string | null;
  trank: number | string | null;
  sim: number | string | null;
}

const num = (v: number | string | null): number | null => (v == null ? null : Number(v));

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export async function retrieveHybrid(
  db: Db,
  embedder: QueryEmbedder | null,
  query: string,
  options: RetrieveOptions = {},
): Promise<RetrievedChunkWithSignals[]> {
  const text = query.trim();
  if (!text) throw new RetrievalError("query is empty");
  if (text.length > 4000) throw new RetrievalError("query is longer than 4000 characters");
  const mode = options.mode ?? "hybrid";
  const k = options.k ?? DEFAULT_RETRIEVAL.k;
  if (!Number.isInteger(k) || k < 1 || k > 200) throw new RetrievalError(`k must be an integer in 1..200 (got ${k})`);
  const useVector = mode !== "text";
  const useText = mode !== "vector";
  if (useVector && !embedder) throw new RetrievalError(`mode "${mode}" needs an embedder`);
  const weights = options.weights ?? DEFAULT_RETRIEVAL.weights;
  const wv = useVector ? weights.vector : 0;
  const wt = useText ? weights.text : 0;
  const rrfK = options.rrfK ?? DEFAULT_RETRIEVAL.rrfK;
  const candidates = Math.max(options.candidates ?? DEFAULT_RETRIEVAL.candidates, k);
  const minSimilarity = options.minSimilarity ?? DEFAULT_RETRIEVAL.minSimilarity;
  const minScore = options.minScore ?? DEFAULT_RETRIEVAL.minScore;
  const minCoverage = options.minCoverage ?? DEFAULT_RETRIEVAL.minCoverage;
  const limit = options.maxPerDocument ? k * 4 : k;

  const vector = useVector ? await embedder!.embedQuery(text) : null;
  // Without a source filter, candidates are taken from chunks alone (so HNSW and GIN
  // drive the plan) and archived documents are dropped afterwards; with one, the
  // filter goes inside and HNSW iterative scans keep the candidate count.
  const sourceFilter: SQL = options.sources?.length
    ? sql`and c.document_id in (select id from documents where status = 'active' and source in (${sql.join(
        options.sources.map((s) => sql`${s}`),
        sql`, `,
      )}))`
    : sql``;
  const vectorLiteral = vector ? JSON.stringify(vector) : null;

  // Each CTE is materialised so it is computed once, with its own index access path.
  const vecCte = vector
    ? sql`vec as materialized (
        select c.id, (c.embedding <=> ${vectorLiteral}::vector) as dist
        from chunks c
        where c.embedding is not null ${sourceFilter}
        order by c.embedding <=> ${vectorLiteral}::vector
        limit ${candidates}),
      vec_kept as (
        select v.id, row_number() over (order by v.dist, v.id) as r, 1 - v.dist as sim
        from vec v join chunks c on c.id = v.id join documents d on d.id = c.document_id
        where d.status = 'active' and 1 - v.dist >= ${minSimilarity})`
    : sql`vec_kept as (select null::text as id, null::bigint as r, null::float8 as sim where false)`;
  // websearch_to_tsquery (all terms) gives the strongest matches. Natural questions rarely
  // have every word in the answer, so chunks sharing at least two of the query's terms
  // (one when it has fewer than three) are candidates too, ranked by cover density.
  // Terms found in more than 5 % of chunks (ANALYZE statistics: most_common_elems) are
  // left out of that relaxed match — like a stop word — and each match set is capped,
  // so a vague question cannot make Postgres rank half the corpus.
  // Candidates are ranked by coverage first: the IDF-weighted share of the query's terms
  // that the chunk contains (a chunk with the rare term "gout" beats one with "cause" and
  // "symptom"), then by cover density; chunks below the coverage floor are dropped.
  const txtCte = useText
    ? sql`common as (
        select e.elem as lexeme
        from pg_stats s,
             unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(elem, freq)
        where s.schemaname = current_schema() and s.tablename = 'chunks' and s.attname = 'tsv'
          and e.elem is not null and e.freq > ${COMMON_TERM_FREQUENCY}
          and (select reltuples from pg_class where oid = 'chunks'::regclass) > ${MIN_CHUNKS_FOR_COMMON_TERMS}),
      lex as (
        select lexeme from unnest(to_tsvector('english', ${text}))
        where lexeme not in (select lexeme from common) limit 8),
      q as (
        select websearch_to_tsquery('english', ${text}) as strict,
               (select string_agg(quote_literal(lexeme), ' | ') from unnest(to_tsvector('english', ${text})))::tsquery as anyterm,
               (case when (select count(*) from lex) >= 3
                  then (select string_agg(format('(%s & %s)', quote_literal(a.lexeme), quote_literal(b.lexeme)), ' | ')
                        from lex a join lex b on a.lexeme < b.lexeme)
                  else (select string_agg(quote_literal(lexeme), ' | ') from lex) end)::tsquery as relaxed),
      txt_ids as materialized (
        (select c.id from chunks c, q where c.tsv @@ q.strict ${sourceFilter} limit ${MAX_TEXT_MATCHES})
        union
        (select c.id from chunks c, q where q.relaxed is not null and c.tsv @@ q.relaxed ${sourceFilter} limit ${MAX_TEXT_MATCHES})),
      terms as materialized (
        select quote_literal(t.lexeme)::tsquery as term,
               ln((greatest(n.chunks, ${MIN_CHUNKS_FOR_IDF}) + 1)::float8 / (coalesce(s.chunks, 0) + 1)) as idf
        from unnest(to_tsvector('english', ${text})) t
          left join term_stats s on s.lexeme = t.lexeme,
          (select coalesce(max(chunks), 0) as chunks from term_stats where lexeme = '') n),
      txt_pre as materialized (
        select * from (
          select c.id, c.heading_tsv, (c.tsv @@ q.strict) as all_terms, ts_rank_cd(c.tsv, q.anyterm, 1) as rank,
                 -- (when every query term is in every chunk there is nothing to weigh: coverage 1)
                 coalesce((select sum(idf) from terms where c.tsv @@ terms.term) / nullif((select sum(idf) from terms), 0), 1) as coverage
          from txt_ids t join chunks c on c.id = t.id, q) m
        where coverage >= ${minCoverage}
        order by coverage desc, all_terms desc, rank desc, id
        limit ${candidates * HEADING_RERANK_FACTOR}),
      txt_top as materialized (
        -- Among equally covering chunks, the one whose headings (document title, section) name
        -- the query's terms is about them ("Stroke warning signs" over "Sunburn"); weighed on the
        -- best candidates only.
        select p.*, coalesce((select sum(idf) from terms where p.heading_tsv @@ terms.term), 0) as heading
        from txt_pre p
        order by coverage desc, all_terms desc, heading desc, rank desc, id
        limit ${candidates}),
      txt_kept as (
        select t.id, row_number() over (order by t.coverage desc, t.all_terms desc, t.heading desc, t.rank desc, t.id) as r
        from txt_top t join chunks c on c.id = t.id join documents d on d.id = c.document_id
        where d.status = 'active')`
    : sql`txt_kept as (select null::text as id, null::bigint as r where false)`;

  const statement = sql`with ${vecCte}, ${txtCte},
    fused as (
      select id, sum(s) as s from (
        select id, ${wv}::float8 / (${rrfK} + r) as s from vec_kept
        union all
        select id, ${wt}::float8 / (${rrfK} + r) as s from txt_kept) u
      group by id)
    select f.id as chunk_id, c.document_id, d.title, d.url, c.text, c.heading_path, d.source,
           f.s / ${(wv + wt) / (rrfK + 1)}::float8 as fused, v.r as vrank, t.r as trank, v.sim
    from fused f
      join chunks c on c.id = f.id
      join documents d on d.id = c.document_id
      left join vec_kept v on v.id = f.id
      left join txt_kept t on t.id = f.id
    where f.s / ${(wv + wt) / (rrfK + 1)}::float8 >= ${minScore}
    order by f.s desc, f.id
    limit ${limit}`;

  // HNSW returns at most hnsw.ef_search (default 40) neighbours, and a source filter
  // needs iterative scans to refill: only then is a transaction with local settings worth it.
  const needsSettings = vector !== null && (candidates > 40 || (options.sources?.length ?? 0) > 0);
  const rows = needsSettings
    ? await db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('hnsw.ef_search', ${String(Math.max(40, candidates))}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
        );
        return rowsOf<Row>(await tx.execute(statement));
      })
    : rowsOf<Row>(await db.execute(statement));

  const perDoc = new Map<string, number>();
  const out: RetrievedChunkWithSignals[] = [];
  for (const r of rows) {
    if (options.maxPerDocument) {
      const n = perDoc.get(r.document_id) ?? 0;
      if (n >= options.maxPerDocument) continue;
      perDoc.set(r.document_id, n + 1);
    }
    out.push({
      chunkId: r.chunk_id,
      documentId: r.document_id,
      title: r.title,
      url: r.url,
      text: r.text,
      headingPath: r.heading_path,
      source: r.source,
      score: Number(r.fused),
      vectorRank: num(r.vrank),
      textRank: num(r.trank),
      similarity: num(r.sim),
    });
    if (out.length >= k) break;
  }
  return out;
}
