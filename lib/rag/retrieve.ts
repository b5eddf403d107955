// Hybrid retrieval: pgvector cosine (HNSW) and a BM25 lexical search over the knowledge
// base's own term statistics, fused by reciprocal rank fusion in one SQL statement, with a
// relevance floor so that an unrelated question returns nothing instead of the "least bad"
// chunks; optionally re-ordered by a cross-encoder (rerank.ts).
//
// The lexical side is built for real people's messages (query-terms.ts): content words only,
// misspellings corrected against the vocabulary, OR semantics, each chunk scored by Okapi
// BM25 (term frequency from its tsvector, length normalised) plus the weight of the query
// terms its headings name. A message asking several questions is retrieved once as a whole
// and once per question, and the lists are merged.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { QueryEmbedder } from "./embed";
import { pgBoolArray, pgFloatArray, pgIntArray, pgTextArray } from "./pg-arrays";
import { analyzeQuery, GENERIC_TITLE_WORDS, splitQuestions, splitSubject, type AnalyzedQuery, type QueryTerm } from "./query-terms";
import { messageVector } from "./query-vector";
import type { Reranker } from "./rerank";
import type { RetrievedChunk } from "./types";
import { vocabularyFor, type Vocabulary } from "./vocabulary";

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
   * The message gets full-text passages only when its best candidate holds at least this
   * share (0..1) of the message's information (every content word weighted by its BM25 IDF;
   * words the knowledge base does not know at all count as the rarest). Default: the
   * coverage floor for the message's length (`coverageFloor`).
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
  /** Cross-encoder that re-orders the best fused candidates (lib/rag/rerank.ts); null/absent = fused order. */
  reranker?: Reranker | null;
  /** Fused candidates the reranker sees. */
  rerankCandidates?: number;
  /** A query term named in a chunk's headings (document title, section) adds this multiple of its weight. */
  headingWeight?: number;
  /**
   * The whole message when the query is one of its questions (lib/chat/asked-parts.ts): the
   * question is searched like each question of a multi-question message below — full text, with
   * the message's two most informative terms (its topic) — and returns its own passages.
   */
  context?: string;
}

/** See docs/retrieval-eval.md for how these were chosen. */
export const DEFAULT_RETRIEVAL = {
  k: 8,
  /** With these weights a chunk found by the vector search alone scores 0.09: it needs lexical support. */
  minScore: 0.4,
  /** -1 = no cosine floor: the default embedder's similarities do not separate on- from off-topic. */
  minSimilarity: -1,
  /**
   * Coverage floor by message length: 0.75 − 0.05 per content word, at least 0.2. A short
   * question must be mostly about what the knowledge base covers ("speed of light in a
   * vacuum" shares "light" with a chunk, not "vacuum"); a long message carries a story
   * around its question, so a passage holding a smaller share of its words can be the answer.
   * Calibrated on the consumer dev split and OFF_TOPIC_QUERIES (docs/retrieval-eval.md).
   */
  coverage: { base: 0.75, perTerm: 0.05, min: 0.2 },
  candidates: 40,
  rrfK: 20,
  /**
   * The vector side weighs a tenth of the lexical side: on the consumer dev split every larger
   * weight lowered nDCG@10 with the default embedder (0.5: −0.03, 0.25: −0.01); it breaks ties.
   */
  weights: { vector: 0.1, text: 1 },
  rerankCandidates: 20,
  /** Heading matches count twice (consumer dev split: 1 → 0.853, 2 → 0.857, 3 → 0.845 nDCG@10). */
  headingWeight: 2,
} as const;

/**
 * In hybrid mode a message with at least this many content words is searched by full text alone:
 * on every consumer split the default embedder's list only moved passages about (full text alone ≥
 * hybrid), while on MedQuAD's short template questions (2–5 content words) it adds +0.02 nDCG@10.
 * 9 is the smallest count that keeps MedQuAD held-out recall@10 (0.954 with the vector, 0.944 from 5
 * to 8); docs/retrieval-eval.md, eighth session. Long messages also skip the embedding request.
 */
export const VECTOR_MAX_CONTENT_TERMS = 8;

/** Okapi BM25 parameters of the lexical side. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/**
 * Length normalisation of the heading bonus (BM25F-style, against the average heading): a term
 * named in "Vitamin D" says more than in "Vitamin D-dependent rickets > Genetic changes"
 * (consumer dev split, full-text nDCG@10: 0 → 0.883, 0.25 → 0.888, 0.5 → 0.895, 0.75 / 1 → 0.892).
 */
const HEADING_B = 0.5;
/**
 * A heading naming several of the message's terms, none of which the message uses together
 * ("Heart attack" for "panic attacks … my heart races"), counts its heaviest term and this share
 * of the others.
 */
const SCATTERED_HEADING = 0.25;
/**
 * A heading match weighs its term's information × (its IDF / the mean IDF of the message's topic
 * terms) ^ this power: a common word naming a page ("heart", "skin") says less about it than a rare
 * one, so "Heart Palpitations" for "panic attacks … my heart races" gains less over "Panic Disorder"
 * (consumer dev split, full-text nDCG@10: 0 → 0.9271, 0.5 → 0.9282, 1 → 0.9276, 2 → 0.9260). Only in a
 * knowledge base of MIN_CHUNKS_FOR_COMMON_TERMS chunks or more: among a few leaflets a word on one
 * page ("cramp") has the largest IDF by chance, and "stomach cramps" went to "Leg cramps".
 */
const HEADING_IDF_POWER = 0.5;
/**
 * Page context: a passage's topic score is mixed with the best one of its page (passages under
 * the same first heading: a starter-KB topic, a MedQuAD focus), so that among passages of one
 * page the section the question asks for decides, not which section repeats the subject's name
 * most ("Type 2 diabetes > What it is" above "> Symptoms"). Consumer dev split, full-text
 * nDCG@10: 0 → 0.891, 0.3 → 0.896, 0.5 → 0.898, 0.7 → 0.896, 1 → 0.882.
 */
const PAGE_CONTEXT = 0.5;
/**
 * Chunks gathered per query term (index lookups), and chunks scored exactly per query. The
 * gathering order counts rare terms only, so a passage whose subject is a common word can rank
 * past the pool ("blood in the urine" gathers by "urine" and "pink"; the hematuria page ranked
 * past 200). 400 gave +0.006 full-text nDCG@10 on the consumer dev split but +43 % p50 / +26 %
 * p95 query time (same process, interleaved, load 11): not worth the latency budget.
 */
const MATCHES_PER_TERM = 2000;
const SCORED_CANDIDATES = 200;
/** Terms in more than this share of chunks only score candidates, never gather them (unless nothing rarer). */
const GATHERING_MAX_FREQUENCY = 0.1;
/** …in a knowledge base of at least this many chunks (in a small one, every term gathers). */
const MIN_CHUNKS_FOR_COMMON_TERMS = 2000;

/** A lexeme as one quoted tsquery operand (a quote doubled, a backslash escaped). */
const tsqueryLiteral = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * A word telling the story around a question ("my son … since yesterday … the doctor":
 * AnalyzedQuery.storyWords) lengthens the message for the coverage floor by this share of a content
 * word: "my son (2) has had diarrhea since yesterday and threw up twice. how do i keep him hydrated and
 * when should i take him to the doctor?" has 3 content words, and was floored as a 3-word question
 * (0.6; its best passage holds 0.54). At 1, "my daughter keeps asking me who won the football world
 * cup in 2014…" found passages, and one more held-out off-topic question got one (54 of 64 rejected).
 */
const STORY_WORD_LENGTH = 0.5;

/** The coverage a full-text candidate needs, for a message with this many content words. */
export function coverageFloor(contentTerms: number): number {
  const c = DEFAULT_RETRIEVAL.coverage;
  return Math.max(c.min, c.base - c.perTerm * contentTerms);
}

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
  /** Share of the message's information (IDF-weighted content terms) the chunk contains, when a lexical candidate. */
  coverage: number | null;
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
  coverage: number | string | null;
}

const num = (v: number | string | null): number | null => (v == null ? null : Number(v));

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

interface Resolved {
  k: number;
  mode: RetrievalMode;
  wv: number;
  wt: number;
  rrfK: number;
  candidates: number;
  minSimilarity: number;
  minScore: number;
  /** Explicit coverage floor; undefined = coverageFloor(message length). */
  minCoverage: number | undefined;
  limit: number;
  headingWeight: number;
}

function resolve(options: RetrieveOptions): Resolved {
  const mode = options.mode ?? "hybrid";
  const k = options.k ?? DEFAULT_RETRIEVAL.k;
  if (!Number.isInteger(k) || k < 1 || k > 200) throw new RetrievalError(`k must be an integer in 1..200 (got ${k})`);
  const weights = options.weights ?? DEFAULT_RETRIEVAL.weights;
  const rerankPool = options.reranker ? (options.rerankCandidates ?? DEFAULT_RETRIEVAL.rerankCandidates) : 0;
  const base = options.maxPerDocument ? k * 4 : k;
  return {
    k,
    mode,
    wv: mode !== "text" ? weights.vector : 0,
    wt: mode !== "vector" ? weights.text : 0,
    rrfK: options.rrfK ?? DEFAULT_RETRIEVAL.rrfK,
    candidates: Math.max(options.candidates ?? DEFAULT_RETRIEVAL.candidates, k),
    minSimilarity: options.minSimilarity ?? DEFAULT_RETRIEVAL.minSimilarity,
    minScore: options.minScore ?? DEFAULT_RETRIEVAL.minScore,
    minCoverage: options.minCoverage,
    limit: Math.max(base, rerankPool),
    headingWeight: options.headingWeight ?? DEFAULT_RETRIEVAL.headingWeight,
  };
}

/**
 * The concept each term scores for, and which of its names it is: a term and its other names
 * (QueryTerm.alternativeOf: an abbreviation's spelled-out name) are one concept; the words as typed are name 0 and each other name (one expansion's words together) a
 * name of its own. A passage scores each concept by its best-matching name, so a page that writes
 * a thing both ways ("HIV (human immunodeficiency virus)") does not count it twice.
 */
export function conceptsOf(terms: readonly Pick<QueryTerm, "lexeme" | "alternativeOf" | "expandedFrom">[]): {
  concept: number[];
  name: number[];
  nameSize: number[];
} {
  const parent = terms.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const at = new Map(terms.map((t, i) => [t.lexeme, i]));
  terms.forEach((t, i) => {
    for (const l of t.alternativeOf ?? []) {
      const j = at.get(l);
      if (j !== undefined) parent[root(i)] = root(j);
    }
  });
  const names = new Map<string, number>();
  const name = terms.map((t) => {
    if (!t.alternativeOf) return 0;
    const key = `${t.expandedFrom ?? ""}|${t.alternativeOf.join(" ")}`;
    if (!names.has(key)) names.set(key, names.size + 1);
    return names.get(key)!;
  });
  return {
    concept: terms.map((_, i) => root(i)),
    name,
    // another name counts only whole ("virus" alone is not "human immunodeficiency virus"); the words as typed count one by one
    nameSize: name.map((n) => (n === 0 ? 1 : name.filter((m) => m === n).length)),
  };
}

/** One SQL statement: vector candidates, BM25 candidates, fusion, floors. */
function statementFor(
  r: Resolved,
  vectorLiteral: string | null,
  query: Pick<AnalyzedQuery, "terms" | "totalWeight" | "known" | "subject" | "nearPairs">,
  vocabulary: Vocabulary,
  sourceFilter: SQL,
): SQL {
  const { terms, totalWeight } = query;
  const vecCte = vectorLiteral
    ? sql`vec as materialized (
        select c.id, (c.embedding <=> ${vectorLiteral}::vector) as dist
        from chunks c
        where c.embedding is not null ${sourceFilter}
        order by c.embedding <=> ${vectorLiteral}::vector
        limit ${r.candidates}),
      vec_kept as (
        select v.id, row_number() over (order by v.dist, v.id) as r, 1 - v.dist as sim
        from vec v join chunks c on c.id = v.id join documents d on d.id = c.document_id
        where d.status = 'active' and 1 - v.dist >= ${r.minSimilarity})`
    : sql`vec_kept as (select null::text as id, null::bigint as r, null::float8 as sim where false)`;

  let txtCte = sql`txt_kept as (select null::text as id, null::bigint as r, null::float8 as coverage where false),
      named_pages as (select null::text as document_id where false)`;
  if (r.wt > 0 && terms.length > 0) {
    // Rare terms gather candidates through the GIN index; common ones only add to the score.
    // In a small knowledge base every term is "common": all of them gather there.
    const maxGathering = vocabulary.chunks < MIN_CHUNKS_FOR_COMMON_TERMS ? Infinity : vocabulary.chunks * GATHERING_MAX_FREQUENCY;
    const body = terms.filter((t) => !t.headingOnly);
    const topicWeight = body.filter((t) => !t.aspect).reduce((sum, t) => sum + t.idf * t.weight, 0);
    const rarest = Math.min(...body.map((t) => vocabulary.chunksWith(t.lexeme)));
    const gathers = terms.map(
      (t) => !t.headingOnly && (vocabulary.chunksWith(t.lexeme) <= maxGathering || vocabulary.chunksWith(t.lexeme) === rarest),
    );
    // Only a small knowledge base accepts a message for naming a document's subject (see below);
    // a large one does not compute it.
    const smallKnowledgeBase = vocabulary.chunks < MIN_CHUNKS_FOR_COMMON_TERMS;
    const generic = sql`tsvector_to_array(to_tsvector('english', ${GENERIC_TITLE_WORDS}::text))`;
    // A title names its subject whole, and also by its first part and the part in brackets:
    // "Sunburn and sun safety" is named by "sunburn", "Hemorrhoids (piles)" by "piles". A word
    // the message uses only figuratively or negated ("it burns when I pee") names nothing.
    const naming = query.known.filter((l) => !terms.some((t) => t.lexeme === l && t.bodyOnly));
    const named = smallKnowledgeBase
      ? sql`(select bool_or(n.named) from (
               select count(*) filter (where not u = any(${generic})) > 0
                      and bool_and(u = any(${pgTextArray(naming)}::text[]) or u = any(${generic})) as named
               from unnest(array[d.title, split_part(regexp_replace(d.title, ' *[(].*$', ''), ' and ', 1),
                                 coalesce(substring(d.title from '[(]([^)]*)[)]'), '')]) with ordinality as p(part, i)
                 cross join lateral unnest(tsvector_to_array(to_tsvector('english', p.part))) u
               group by p.i) n)`
      : sql`false`;
    // In a small knowledge base the words that say what is asked ("treat", "pill") are rare in
    // its text (they head its sections), so as content words they would weigh like a subject:
    // a passage also covers the message when it holds enough of the subject's words ("how to
    // treat sunburn"; "feeling sick" still counts "feel" where a passage says it).
    const aspectWeight = smallKnowledgeBase
      ? terms.filter((t) => t.aspect && !t.headingOnly).reduce((sum, t) => sum + t.idf * t.weight, 0)
      : 0;
    const subjectWeight = totalWeight - aspectWeight;
    const coverage =
      aspectWeight > 0 && subjectWeight > 1e-9
        ? sql`greatest(b.matched / ${Math.max(totalWeight, 1e-9)}::float8, b.topic / ${subjectWeight}::float8)`
        : sql`b.matched / ${Math.max(totalWeight, 1e-9)}::float8`;
    const subject = new Set(query.subject);
    const bodyLexemes = body.map((t) => t.lexeme);
    // The section headings asked for, as one tsquery ('treatment' | 'treat'): one match per chunk.
    const aspectLexemes = terms.filter((t) => t.headingOnly).map((t) => t.lexeme);
    const aspectQuery = aspectLexemes.length > 0 ? aspectLexemes.map(tsqueryLiteral).join(" | ") : null;
    const subjectCovered =
      subject.size > 0
        ? sql`(select count(*) from terms t where t.in_subject and (c.tsv @@ t.q or c.heading_tsv @@ t.q)) = ${subject.size}`
        : sql`false`;
    // Pairs of terms the message uses together, as one tsquery ('heart' & 'race' | …): a heading
    // naming several terms counts them all only when it names such a pair (query-terms.ts).
    const nearQuery = query.nearPairs.map(([a, b]) => `${tsqueryLiteral(a)} & ${tsqueryLiteral(b)}`).join(" | ");
    const topicIdfs = body.filter((t) => !t.aspect).map((t) => t.idf);
    const meanTopicIdf = topicIdfs.length > 0 ? topicIdfs.reduce((sum, x) => sum + x, 0) / topicIdfs.length : 1;
    const headingScale = terms.map((t) => (t.headingOnly || smallKnowledgeBase ? 1 : Math.pow(t.idf / meanTopicIdf, HEADING_IDF_POWER)));
    const concepts = conceptsOf(terms);
    txtCte = sql`terms as materialized (
        select t.lexeme, t.idf * t.w as weight, t.idf * t.w * t.heading_scale as heading_weight, t.gathers, t.heading_only, t.in_subject, t.aspect, t.names,
               quote_literal(t.lexeme)::tsquery as q, nullif(t.named_with, '')::tsquery as named_with, t.concept, t.name, t.name_size
        from unnest(${pgTextArray(terms.map((t) => t.lexeme))}::text[], ${pgFloatArray(terms.map((t) => t.idf))}::float8[],
                    ${pgFloatArray(terms.map((t) => t.weight))}::float8[], ${pgBoolArray(gathers)}::boolean[],
                    ${pgBoolArray(terms.map((t) => t.headingOnly === true))}::boolean[],
                    ${pgBoolArray(terms.map((t) => !t.headingOnly && subject.has(t.lexeme)))}::boolean[],
                    ${pgBoolArray(terms.map((t) => t.aspect === true))}::boolean[],
                    ${pgBoolArray(terms.map((t) => t.bodyOnly !== true))}::boolean[],
                    ${pgTextArray(terms.map((t) => (t.namedWith ?? []).map(tsqueryLiteral).join(" & ")))}::text[],
                    ${pgFloatArray(headingScale)}::float8[], ${pgIntArray(concepts.concept)}::int[], ${pgIntArray(concepts.name)}::int[],
                    ${pgIntArray(concepts.nameSize)}::int[])
             as t(lexeme, idf, w, gathers, heading_only, in_subject, aspect, names, named_with, heading_scale, concept, name, name_size)),
      qt as (select * from terms where not heading_only),
      hits as materialized (
        select h.id, sum(qt.weight) as mass
        from qt cross join lateral (
          select c.id from chunks c where c.tsv @@ qt.q ${sourceFilter} limit ${MATCHES_PER_TERM}) h
        where qt.gathers
        group by h.id
        order by mass desc, h.id
        limit ${SCORED_CANDIDATES}),
      -- The section asked for ("how do I get rid of heartburn" → Treatment) need not repeat the
      -- topic's words: a found document's sections whose heading names an aspect asked are
      -- candidates too (a leaflet's "Treatment" under "Acid reflux and GERD").
      candidates as (
        select id from hits${
          aspectQuery
            ? sql`
        union
        select c.id from (select distinct c.document_id from hits h join chunks c on c.id = h.id) found
          join chunks c on c.document_id = found.document_id
        where c.heading_tsv @@ ${aspectQuery}::tsquery`
            : sql``
        }),
      scored as materialized (
        -- Okapi BM25 of the chunk (term frequency = positions in its tsvector; length = its
        -- number of distinct lexemes against the knowledge base's average), plus the query
        -- terms its headings name (length-normalised like BM25F by the page's subject heading,
        -- not the section's label: "Metformin > Side effects" names metformin as much as
        -- "Metformin > What it is"); aspect = the section headings asked for ("Symptoms"), in
        -- proportion to the share of the topic the chunk holds, so a heading alone never lifts
        -- another subject's page; coverage = share of the message's information it holds;
        -- named = the message names the subject of the chunk's document (every word of its
        -- title but generic ones such as "remedies", "guide").
        select h.id, b.bm25,
          -- an aspect word in a heading ("What are the treatments for …") names the section of a
          -- passage on the topic, not a topic of its own ("Anaphylaxis > Treatment" for heartburn)
          case when hd.topic_terms >= 2 and not coalesce(c.heading_tsv @@ nullif(${nearQuery}, '')::tsquery, false)
               then hd.topic_max + ${SCATTERED_HEADING}::float8 * (hd.topic - hd.topic_max) else hd.topic end
            + case when b.topic > 0 then hd.aspect_word else 0 end as heading_topic,
          hd.aspect as aspect_heading, b.topic,
          lower(split_part(c.heading_path, ' > ', 1)) as page,
          least(1, ${coverage}) as coverage,
          ${named} as named,
          ${subjectCovered} as subject_covered
        from candidates h join chunks c on c.id = h.id join documents d on d.id = c.document_id
        cross join lateral (
          -- each concept by its best-matching name (conceptsOf): one thing written two ways counts once
          select coalesce(sum(g.bm25), 0) as bm25, coalesce(sum(g.matched), 0) as matched, coalesce(sum(g.topic), 0) as topic
          from (
            select max(n.bm25) as bm25, max(n.matched) as matched, max(n.topic) as topic
            from (
              select qt.concept, qt.name,
                     sum(qt.weight * (x.n * ${BM25_K1 + 1}::float8)
                       / (x.n + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * length(c.tsv) / ${vocabulary.averageChunkLength}::float8))) as bm25,
                     sum(qt.weight) as matched,
                     coalesce(sum(qt.weight) filter (where not qt.aspect), 0) as topic
              -- only the query's lexemes are unnested: setweight marks their positions, ts_filter keeps them
              from (select u.lexeme, coalesce(array_length(u.positions, 1), 1) as n
                    from unnest(ts_filter(setweight(c.tsv, 'A', ${pgTextArray(bodyLexemes)}::text[]), '{a}')) u) x
              join qt on qt.lexeme = x.lexeme
              group by qt.concept, qt.name
              having count(*) >= max(qt.name_size)) n
            group by n.concept) g) b
        cross join lateral (
          -- per concept, its best name the heading holds (conceptsOf), as in the body
          select coalesce(sum(k.topic), 0) as topic, coalesce(max(k.topic), 0) as topic_max, count(*) filter (where k.topic > 0) as topic_terms,
                 coalesce(sum(k.aspect_word), 0) as aspect_word, coalesce(sum(k.aspect), 0) as aspect
          from (
            select max(m.topic) as topic, max(m.aspect_word) as aspect_word, max(m.aspect) as aspect
            from (
              select t.concept,
                     coalesce(sum(t.heading_weight) filter (where not t.heading_only and not t.aspect), 0) as topic,
                     coalesce(sum(t.weight) filter (where t.aspect), 0) as aspect_word,
                     coalesce(sum(t.weight) filter (where t.heading_only), 0) as aspect
              -- a word negated or part of a figurative name ("not diabetic", "hears voices") names no page
              -- unless the heading holds the whole name ("Cold sores")
              from terms t where c.heading_tsv @@ t.q and (t.names or c.heading_tsv @@ t.named_with)
              group by t.concept, t.name
              having count(*) >= max(t.name_size)) m
            group by m.concept) k) hd),
      -- The subject heading's length, once per page among the candidates (not once per chunk).
      pages as (
        select p.page, length(to_tsvector('english', p.page)) as n
        from (select distinct page from scored where heading_topic > 0) p),
      own as (
        select s.*,
          s.bm25 + ${r.headingWeight}::float8 * s.heading_topic
            / (${1 - HEADING_B}::float8 + ${HEADING_B}::float8 * coalesce(p.n, 0) / ${vocabulary.averageSubjectLength}::float8) as own
        from scored s left join pages p on p.page = s.page),
      ctx as (
        select s.*, ${1 - PAGE_CONTEXT}::float8 * s.own + ${PAGE_CONTEXT}::float8 * max(s.own) over (partition by s.page)
          + ${r.headingWeight}::float8 * s.aspect_heading
            * max(s.topic) over (partition by s.page)
            / ${Math.max(topicWeight, 1e-9)}::float8 as score
        from own s),
      txt_kept as (
        select s.id, row_number() over (order by s.score desc, s.id) as r, s.coverage
        from ctx s join chunks c on c.id = s.id join documents d on d.id = c.document_id
        -- The floor decides for the message as a whole: when its best candidate holds enough of
        -- it, or the message names a candidate's subject, or a candidate holds the whole subject
        -- line (when it names something the knowledge base knows, query-terms.ts), every candidate is ranked by BM25 (a
        -- passage on the topic need not share the story's words).
        where d.status = 'active'
          and ((select max(coverage) from scored) >= ${r.minCoverage ?? 0}::float8 or (select bool_or(named or subject_covered) from scored))
        order by s.score desc, s.id
        limit ${r.candidates}),
      -- The documents whose subject the message names (small knowledge bases only, see above).
      named_pages as (select distinct c.document_id from scored s join chunks c on c.id = s.id where s.named)`;
  }

  const norm = (r.wv + r.wt) / (r.rrfK + 1);
  return sql`with ${vecCte}, ${txtCte},
    fused as (
      select id, sum(s) as s from (
        -- When the message names documents' subjects, the vector side breaks ties among their passages
        -- only: the default embedder does not know most medicine names ("Is ibuprofen safe during
        -- pregnancy?" is nearest to the SSRI page, whose safety section names ibuprofen and pregnancy).
        select v.id, ${r.wv}::float8 / (${r.rrfK} + v.r) as s from vec_kept v
        where not exists (select 1 from named_pages)
           or (select c.document_id from chunks c where c.id = v.id) in (select document_id from named_pages)
        union all
        select id, ${r.wt}::float8 / (${r.rrfK} + r) as s from txt_kept) u
      group by id),
    -- Fusion decides where each page's passages rank; which of a page's sections fills its
    -- best place is the lexical side's choice: the embedder knows topics better than which
    -- section answers ("signs of …" → "What it is"), so a vector hit never swaps two sections.
    slots as (
      select f.id, f.s, c.document_id,
        row_number() over (partition by c.document_id order by f.s desc, f.id) as slot,
        row_number() over (partition by c.document_id order by t.r asc nulls last, f.s desc, f.id) as lexical
      from fused f join chunks c on c.id = f.id left join txt_kept t on t.id = f.id),
    placed as (
      select b.id, a.s from slots a join slots b on b.document_id = a.document_id and b.lexical = a.slot)
    select f.id as chunk_id, c.document_id, d.title, d.url, c.text, c.heading_path, d.source,
           f.s / ${norm}::float8 as fused, v.r as vrank, t.r as trank, v.sim, t.coverage
    from placed f
      join chunks c on c.id = f.id
      join documents d on d.id = c.document_id
      left join vec_kept v on v.id = f.id
      left join txt_kept t on t.id = f.id
    where f.s / ${norm}::float8 >= ${r.minScore}::float8
    order by f.s desc, f.id
    limit ${r.limit}`;
}

async function runOne(
  db: Db,
  r: Resolved,
  vector: number[] | null,
  analyzed: AnalyzedQuery,
  vocabulary: Vocabulary,
  options: RetrieveOptions,
): Promise<Row[]> {
  // Without a source filter, candidates are taken from chunks alone (so HNSW and GIN drive
  // the plan) and archived documents are dropped afterwards; with one, the filter goes
  // inside and HNSW iterative scans keep the candidate count.
  const sourceFilter: SQL = options.sources?.length
    ? sql`and c.document_id in (select id from documents where status = 'active' and source in (${sql.join(
        options.sources.map((s) => sql`${s}`),
        sql`, `,
      )}))`
    : sql``;
  const floor = r.minCoverage ?? coverageFloor(analyzed.contentTerms + STORY_WORD_LENGTH * analyzed.storyWords);
  const statement = statementFor({ ...r, minCoverage: floor }, vector ? JSON.stringify(vector) : null, analyzed, vocabulary, sourceFilter);
  // HNSW returns at most hnsw.ef_search (default 40) neighbours, and a source filter
  // needs iterative scans to refill: only then is a transaction with local settings worth it.
  const needsSettings = vector !== null && (r.candidates > 40 || (options.sources?.length ?? 0) > 0);
  return needsSettings
    ? await db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('hnsw.ef_search', ${String(Math.max(40, r.candidates))}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
        );
        return rowsOf<Row>(await tx.execute(statement));
      })
    : rowsOf<Row>(await db.execute(statement));
}

/**
 * Lists merged by reciprocal rank (the whole message first on ties); the best score of a chunk is
 * kept. The whole message's list (the first) weighs as much as its questions' lists together: a
 * question alone, with two of the message's terms, is a narrower reading of the same message, not
 * more evidence (consumer dev split, full-text nDCG@10: each question as much as the whole 0.9271,
 * the questions together as much as the whole 0.9280; docs/retrieval-eval.md, eighth session).
 */
function mergeLists(lists: Row[][], rrfK: number): Row[] {
  const merged = new Map<string, { row: Row; s: number; order: number }>();
  const questionWeight = 1 / Math.max(1, lists.length - 1);
  lists.forEach((rows, li) =>
    rows.forEach((row, i) => {
      const e = merged.get(row.chunk_id);
      const s = (li === 0 ? 1 : questionWeight) / (rrfK + i + 1);
      if (e) {
        e.s += s;
        if (Number(row.fused) > Number(e.row.fused)) e.row = row;
      } else merged.set(row.chunk_id, { row, s, order: li * 1000 + i });
    }),
  );
  return [...merged.values()].sort((a, b) => b.s - a.s || a.order - b.order).map((e) => e.row);
}

async function rerankRows(reranker: Reranker, query: string, rows: Row[]): Promise<Row[]> {
  try {
    const ranked = await reranker.rerank(
      query,
      rows.map((r) => `${r.heading_path}\n${r.text}`),
    );
    const out = ranked.map((x) => rows[x.index]);
    const seen = new Set(ranked.map((x) => x.index));
    rows.forEach((row, i) => {
      if (!seen.has(i)) out.push(row);
    });
    return out;
  } catch (err) {
    console.warn(`rerank skipped: ${(err as Error).message}`);
    return rows;
  }
}

/** The sentences a message asks ("…?"), each retrieved alone by full text under its own floor, merged; [] when it asks none. */
async function askedSentences(db: Db, r: Resolved, text: string, vocabulary: Vocabulary, options: RetrieveOptions): Promise<Row[]> {
  const asked = splitQuestions(splitSubject(text).message, 1);
  if (asked.length === 0) return [];
  const lists = await Promise.all(
    asked.map(async (q) => runOne(db, { ...r, wv: 0 }, null, await analyzeQuery(db, vocabulary, q), vocabulary, options)),
  );
  return mergeLists([[], ...lists], r.rrfK);
}

/**
 * A question alone often lacks its topic ("Is it inherited?"): the message's two most informative
 * terms go with it, each with its other names (an abbreviation's spelled-out name).
 */
function withTopic(question: AnalyzedQuery, messageTerms: AnalyzedQuery["terms"]): AnalyzedQuery {
  const topic = messageTerms.filter((t) => !t.alternativeOf && !t.headingOnly).slice(0, 2);
  const lent = topic.filter((t) => !question.terms.some((s) => s.lexeme === t.lexeme));
  const names = messageTerms.filter((t) => t.alternativeOf?.some((l) => lent.some((x) => x.lexeme === l)));
  for (const t of [...lent, ...names])
    if (!question.terms.some((s) => s.lexeme === t.lexeme)) {
      question.terms.push(t);
      if (!t.alternativeOf) question.totalWeight += t.idf * t.weight;
    }
  return question;
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
  const r = resolve(options);
  const useVector = r.mode !== "text";
  if (useVector && !embedder) throw new RetrievalError(`mode "${r.mode}" needs an embedder`);

  const vocabulary = await vocabularyFor(db);
  const analyzed = await analyzeQuery(db, vocabulary, text);
  // A long message is searched by full text alone in hybrid mode (VECTOR_MAX_CONTENT_TERMS). The
  // embedding (a gpu-function request) of a short one runs while its questions are searched: only
  // the whole message's statement waits for the vector.
  const vectorUsed = useVector && !options.context && (r.mode === "vector" || analyzed.contentTerms <= VECTOR_MAX_CONTENT_TERMS);
  const pendingVector = vectorUsed ? messageVector(embedder!, text) : null;
  pendingVector?.catch(() => {}); // awaited below; a failure before that must not go unhandled
  let rows: Row[];
  if (options.context) {
    rows = await runOne(
      db,
      // The whole message found passages already: the part needs only a share of its words and topic.
      { ...r, wv: 0, minScore: 0, minCoverage: options.minCoverage ?? DEFAULT_RETRIEVAL.coverage.min },
      null,
      withTopic(analyzed, (await analyzeQuery(db, vocabulary, options.context)).terms),
      vocabulary,
      options,
    );
  } else {
    // Each question on its own (with the message's subject line), merged with the whole below;
    // the statements go out together (a pooled database runs them side by side).
    const questionLists = Promise.all(
      (analyzed.questions.length > 1 && r.wt > 0 ? analyzed.questions : []).map(async (q) => {
        const sub = withTopic(await analyzeQuery(db, vocabulary, q), analyzed.terms);
        return runOne(db, { ...r, wv: 0, minScore: 0 }, null, sub, vocabulary, options);
      }),
    );
    questionLists.catch(() => {}); // awaited below
    rows = await runOne(db, vectorUsed ? r : { ...r, wv: 0 }, pendingVector ? await pendingVector : null, analyzed, vocabulary, options);
    const lists = await questionLists;
    // Coverage of a single question is measured against the whole message's floor decision:
    // a question counts when the whole message retrieved something.
    if (lists.length > 0 && rows.length > 0) rows = mergeLists([rows, ...lists], r.rrfK);
    // A long letter whose story dilutes what it asks below the floor ("my mother is 68 … she has
    // fallen twice … What can cause balance problems in older people?") is searched by the
    // sentences it asks, each under its own floor.
    if (rows.length === 0 && r.wt > 0 && analyzed.contentTerms > VECTOR_MAX_CONTENT_TERMS)
      rows = await askedSentences(db, r, text, vocabulary, options);
  }
  if (options.reranker && rows.length > 1) rows = await rerankRows(options.reranker, text, rows);

  const perDoc = new Map<string, number>();
  const out: RetrievedChunkWithSignals[] = [];
  for (const row of rows) {
    if (options.maxPerDocument) {
      const n = perDoc.get(row.document_id) ?? 0;
      if (n >= options.maxPerDocument) continue;
      perDoc.set(row.document_id, n + 1);
    }
    out.push({
      chunkId: row.chunk_id,
      documentId: row.document_id,
      title: row.title,
      url: row.url,
      text: row.text,
      headingPath: row.heading_path,
      source: row.source,
      score: Number(row.fused),
      vectorRank: num(row.vrank),
      textRank: num(row.trank),
      similarity: num(row.sim),
      coverage: num(row.coverage),
    });
    if (out.length >= r.k) break;
  }
  return out;
}
