// The knowledge base's own vocabulary, in process: every lexeme of term_stats with the number
// of chunks containing it. Retrieval weighs query terms with it (BM25 IDF) and corrects
// misspelt words against it ("diabetis" → diabet, "alzhiemers" → alzheim): a word unknown to
// the knowledge base is replaced by the most frequent known lexeme within a small edit
// distance, found through a trigram index. Loaded once per process and reloaded when the
// number of chunks changes (checked at most every few seconds; term_stats is kept exact by
// triggers on chunks).
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { LAY_TERMS } from "./lay-terms";
import { parsePgTextArray, pgTextArray } from "./pg-arrays";

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/**
 * In a large knowledge base a lexeme must be in at least this many chunks to be a spelling
 * correction (its own rare typos are not targets); a small curated one has few typos.
 */
const MIN_CORRECTION_CHUNKS = 3;
const LARGE_KNOWLEDGE_BASE_CHUNKS = 2000;
/** Summed BM25 IDF an alias needs in a large knowledge base (a word in ~3 % of chunks has 3.5). */
const MIN_ALIAS_IDF = 3.5;
/** Re-check the chunk count at most this often. */
const REFRESH_CHECK_MS = 5_000;

export interface SpellingCorrection {
  lexeme: string;
  distance: number;
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
    if (rowMin > max) return max + 1;
  }
  return prev[b.length];
}

/**
 * The words a person may have meant by a misspelling as typed: every string one typing slip
 * away from `word` — a letter left out inside the word ("diffrence"), one too many ("sighns"),
 * two neighbours swapped ("alzhiemers"). The first letter is kept (people rarely get it wrong),
 * nothing is added after the last one (a new ending is another word form, not a slip), and
 * substitutions are left to the lexeme corrector.
 */
export function typingSlips(word: string): string[] {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of letters) out.add(head + c + tail);
  }
  out.delete(word);
  return [...out];
}

function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** A synonym the knowledge base states (term_aliases): alias lexemes → what they stand for. */
export interface AliasEntry {
  alias: string[];
  /** A short single-lexeme alias (an abbreviation such as "als", "aid"): used only when written in capitals. */
  abbreviation: boolean;
  expansion: string[];
  /** Documents stating it (the most stated expansion wins for an ambiguous alias). */
  documents: number;
}

/** A consumer name and what the knowledge base calls it (lay-terms.ts), as lexemes. */
export interface LayTerm {
  /** The lay form as written in lay-terms.ts ("high blood pressure"). */
  form: string;
  /** The lay form's lexemes ("high blood pressure" → high, blood, pressur). */
  lay: string[];
  /** The professional name's lexemes (hypertens), every one known to the knowledge base. */
  expansion: string[];
  /**
   * The lay words mean something else one by one ("hears voices": not hearing; "my heart races":
   * not a heart attack; "cold sore": not a cold): in the message they do not name a page's subject.
   */
  figurative?: boolean;
  /**
   * The form's words, when they are several but stem to one lexeme ("passing out" → pass, "throwing
   * up" → throw, "the clap" → clap): the lexeme alone is an everyday word ("passing it to my
   * partner"), so the form counts only where the message has these words in a row.
   */
  phrase?: string[];
}

/** A lay term found in a message, with the positions (in the sequence given) of the words that make it up. */
export interface LayTermMatch {
  term: LayTerm;
  positions: number[];
}

/** Content words of a lay form may lie this many words apart beyond its length ("blood pressure is high"). */
const LAY_WINDOW_SLACK = 1;

export class Vocabulary {
  /** Average number of distinct lexemes per chunk (BM25 length normalisation). */
  readonly averageChunkLength: number;
  private trigramIndex: Map<string, number[]> | null = null;
  private readonly targets: string[] = [];
  /** Aliases by their first lexeme. */
  private readonly aliasIndex = new Map<string, AliasEntry[]>();
  /** Lay terms whose professional name the knowledge base knows, by each of their lexemes. */
  private readonly layIndex = new Map<string, LayTerm[]>();

  constructor(
    readonly chunks: number,
    private readonly df: Map<string, number>,
    aliases: AliasEntry[] = [],
    /**
     * Average number of lexemes in the first heading of a chunk's path: what its page is about
     * ("Type 2 diabetes" of "Type 2 diabetes > Symptoms"), without the section's label.
     */
    readonly averageSubjectLength = 3,
    /** Chunks whose headings (document title, section) contain the lexeme. */
    private readonly headingDf: Map<string, number> = new Map(),
    layTerms: LayTerm[] = [],
  ) {
    let total = 0;
    for (const n of df.values()) total += n;
    this.averageChunkLength = chunks > 0 ? total / chunks : 1;
    // One expansion per alias: the one most documents state.
    const best = new Map<string, AliasEntry>();
    for (const a of aliases) {
      const key = a.alias.join(" ");
      const cur = best.get(key);
      if (!cur || a.documents > cur.documents) best.set(key, a);
    }
    for (const a of best.values()) {
      if (this.tooGeneric(a)) continue;
      const list = this.aliasIndex.get(a.alias[0]) ?? [];
      list.push(a);
      this.aliasIndex.set(a.alias[0], list);
    }
    for (const t of layTerms) {
      if (t.lay.length === 0 || t.expansion.length === 0 || !t.expansion.every((l) => this.chunksWith(l) > 0)) continue;
      if (t.expansion.every((l) => t.lay.includes(l))) continue;
      for (const l of new Set(t.lay)) {
        const list = this.layIndex.get(l) ?? [];
        list.push(t);
        this.layIndex.set(l, list);
      }
    }
  }

  /**
   * The lay terms a message uses, given its content words' lexemes in order (one entry per
   * word): every lexeme of a lay form within a window of its length + LAY_WINDOW_SLACK words
   * ("water pill", "my blood pressure is high"; not "a pill … with water" far apart).
   */
  layTermsIn(sequence: readonly (readonly string[])[]): LayTerm[] {
    return this.layTermMatches(sequence).map((m) => m.term);
  }

  /** layTermsIn with, for each lay term, the positions of its words in every window where it was found. */
  layTermMatches(sequence: readonly (readonly string[])[]): LayTermMatch[] {
    const found = new Map<LayTerm, Set<number>>();
    sequence.forEach((lexemes, i) => {
      for (const l of lexemes)
        for (const t of this.layIndex.get(l) ?? []) {
          const span = t.lay.length + LAY_WINDOW_SLACK;
          // Every window of `span` words holding word i.
          for (let start = Math.max(0, i - span + 1); start <= i; start++) {
            const window = sequence.slice(start, start + span);
            const lexemesIn = new Set(window.flat());
            if (t.lay.every((x) => lexemesIn.has(x))) {
              const positions = found.get(t) ?? new Set<number>();
              window.forEach((ls, j) => {
                if (ls.some((x) => t.lay.includes(x))) positions.add(start + j);
              });
              found.set(t, positions);
              break;
            }
          }
        }
    });
    return [...found].map(([term, positions]) => ({ term, positions: [...positions].sort((a, b) => a - b) }));
  }

  /** What the knowledge base calls a one-word lay name or brand ("lipitor" → atorvastatin), when it knows it. */
  layNameFor(lexeme: string): string[] | null {
    return this.layIndex.get(lexeme)?.find((t) => t.lay.length === 1)?.expansion ?? null;
  }

  /**
   * An alias made of common words only ("disease", "type", "general": what is left of "Hers
   * disease" or "type I" once stemmed) would expand nearly every question to one document's
   * subject. In a large knowledge base an alias must carry at least MIN_ALIAS_IDF of
   * information; abbreviations are exempt (they apply only when written in capitals), and a
   * small knowledge base's frequencies say nothing about how generic a word is.
   */
  private tooGeneric(a: AliasEntry): boolean {
    if (a.abbreviation || this.chunks < LARGE_KNOWLEDGE_BASE_CHUNKS) return false;
    return a.alias.reduce((sum, l) => sum + this.idf(l), 0) < MIN_ALIAS_IDF;
  }

  /** Synonyms stated by the knowledge base whose every alias lexeme is among `lexemes`. */
  aliasesWithin(lexemes: ReadonlySet<string>): AliasEntry[] {
    const out: AliasEntry[] = [];
    for (const l of lexemes) for (const a of this.aliasIndex.get(l) ?? []) if (a.alias.every((x) => lexemes.has(x))) out.push(a);
    return out;
  }

  /** May a misspelling be corrected to this lexeme? (In a large knowledge base: in at least a few chunks.) */
  isCorrectionTarget(lexeme: string): boolean {
    return this.chunksWith(lexeme) >= (this.chunks >= LARGE_KNOWLEDGE_BASE_CHUNKS ? MIN_CORRECTION_CHUNKS : 1);
  }

  /**
   * Could `word` stem to a correction target? Snowball stems are a prefix of the word (a final
   * "y" may become "i"), at least half its length: a cheap filter before asking Postgres.
   */
  mayStemToTarget(word: string): boolean {
    for (let n = word.length; n >= Math.max(4, Math.ceil(word.length / 2)); n--) {
      const prefix = word.slice(0, n);
      if (this.isCorrectionTarget(prefix)) return true;
      if (prefix.endsWith("y") && this.isCorrectionTarget(`${prefix.slice(0, -1)}i`)) return true;
    }
    return false;
  }

  /**
   * Is the lexeme something this knowledge base is about? In a large knowledge base (with
   * headings): named in some chunk's headings — a condition, a drug, a body part, a section such
   * as "Treatment" — as opposed to a word that only occurs in running text ("kitchen", "church").
   * A small knowledge base has too few headings to tell: every known word counts.
   */
  isTopical(lexeme: string): boolean {
    if (this.chunks < LARGE_KNOWLEDGE_BASE_CHUNKS || this.headingDf.size === 0) return this.chunksWith(lexeme) > 0;
    return (this.headingDf.get(lexeme) ?? 0) > 0;
  }

  /** Chunks containing the lexeme (0 when unknown). */
  chunksWith(lexeme: string): number {
    return this.df.get(lexeme) ?? 0;
  }

  /** BM25 inverse document frequency, ln(1 + (N - n + 0.5) / (n + 0.5)). */
  idf(lexeme: string): number {
    const n = this.chunksWith(lexeme);
    return Math.log(1 + (this.chunks - n + 0.5) / (n + 0.5));
  }

  /** The IDF of the rarest word the knowledge base can know (in one chunk). */
  get rarestIdf(): number {
    const n = Math.max(this.chunks, 1);
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  /**
   * The known lexeme closest to an unknown one: edit distance 1 (stems of 6–7 letters) or
   * 2 (longer), ties to the more frequent. Null when nothing is close enough.
   */
  correct(lexeme: string): SpellingCorrection | null {
    // Short stems are too often a real word the knowledge base lacks ("sofa", "tyre", "hike"):
    // only stems of 6+ letters are corrected, by 1 edit (2 from 8 letters).
    if (lexeme.length < 6 || !/^[a-z]+$/.test(lexeme)) return null;
    const max = lexeme.length >= 8 ? 2 : 1;
    const index = this.index();
    const shared = new Map<number, number>();
    for (const g of trigrams(lexeme)) for (const t of index.get(g) ?? []) shared.set(t, (shared.get(t) ?? 0) + 1);
    let best: { lexeme: string; distance: number; df: number } | null = null;
    for (const [t, n] of shared) {
      if (n < 2) continue;
      const candidate = this.targets[t];
      // Typos keep a word's first letter: "dinner" is not "inner". A first letter that is silent
      // and left out is the exception: "neumonia" is "pneumonia", "soriasis" "psoriasis".
      if (candidate[0] !== lexeme[0] && !(candidate.length > lexeme.length && candidate[1] === lexeme[0])) continue;
      const d = editDistance(lexeme, candidate, max);
      if (d > max) continue;
      const df = this.chunksWith(candidate);
      if (!best || d < best.distance || (d === best.distance && (df > best.df || (df === best.df && candidate < best.lexeme)))) {
        best = { lexeme: candidate, distance: d, df };
      }
    }
    return best ? { lexeme: best.lexeme, distance: best.distance } : null;
  }

  private index(): Map<string, number[]> {
    if (this.trigramIndex) return this.trigramIndex;
    const index = new Map<string, number[]>();
    const minChunks = this.chunks >= LARGE_KNOWLEDGE_BASE_CHUNKS ? MIN_CORRECTION_CHUNKS : 1;
    for (const [lexeme, n] of this.df) {
      if (n < minChunks || lexeme.length < 3 || !/^[a-z]+$/.test(lexeme)) continue;
      const id = this.targets.push(lexeme) - 1;
      for (const g of trigrams(lexeme)) {
        let list = index.get(g);
        if (!list) index.set(g, (list = []));
        list.push(id);
      }
    }
    this.trigramIndex = index;
    return index;
  }
}

async function chunkCount(db: Db): Promise<number> {
  const rows = rowsOf<{ chunks: number | string }>(await db.execute(sql`select chunks from term_stats where lexeme = ''`));
  return Number(rows[0]?.chunks ?? 0);
}

export async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const rows = rowsOf<{ lexeme: string; chunks: number | string }>(
    await db.execute(sql`select lexeme, chunks from term_stats where chunks > 0`),
  );
  let chunks = 0;
  const df = new Map<string, number>();
  for (const r of rows) {
    if (r.lexeme === "") chunks = Number(r.chunks);
    else df.set(r.lexeme, Number(r.chunks));
  }
  const aliasRows = rowsOf<{ alias: string; expansion: string; n: number | string }>(
    await db.execute(sql`select a.alias, a.expansion, count(*) as n from term_aliases a
                         join documents d on d.id = a.document_id where d.status = 'active' group by a.alias, a.expansion`),
  );
  const aliases = aliasRows.map((r) => {
    const alias = r.alias.split(" ");
    return { alias, expansion: r.expansion.split(" "), documents: Number(r.n), abbreviation: alias.length === 1 && alias[0].length <= 5 };
  });
  // Heading lexemes with their chunk counts (one pass over the chunks per load, not per query);
  // their sum over the chunks is the average heading length.
  const headingRows = rowsOf<{ lexeme: string; n: number | string }>(
    await db.execute(sql`select u.lexeme, count(*) as n from chunks c cross join lateral unnest(c.heading_tsv) u group by u.lexeme`),
  );
  const headingDf = new Map(headingRows.map((r) => [r.lexeme, Number(r.n)]));
  // The subject heading's average length (retrieve.ts normalises heading matches by it), same pass frequency.
  const subjectRows = rowsOf<{ n: number | string | null }>(
    await db.execute(sql`select avg(length(to_tsvector('english', split_part(heading_path, ' > ', 1)))) as n from chunks`),
  );
  const averageSubjectLength = Number(subjectRows[0]?.n ?? 0) || 3;
  return new Vocabulary(chunks, df, aliases, averageSubjectLength, headingDf, await layTermsOf(db));
}

/** The consumer vocabulary (lay-terms.ts) as Postgres's English lexemes, stemmed in one statement. */
async function layTermsOf(db: Db): Promise<LayTerm[]> {
  const phrases = [...new Set(LAY_TERMS.flatMap(([lay, professional]) => [...lay.split("|"), professional]))];
  const rows = rowsOf<{ p: string; lexemes: string[] | string }>(
    await db.execute(
      sql`select p, array(select lexeme from unnest(to_tsvector('english', p)) order by lexeme) as lexemes
          from unnest(${pgTextArray(phrases)}::text[]) as p`,
    ),
  );
  const stemmed = new Map(rows.map((r) => [r.p, parsePgTextArray(r.lexemes)]));
  return LAY_TERMS.flatMap(([lay, professional, sense]) =>
    lay.split("|").map((form) => {
      const formWords =
        form
          .toLowerCase()
          .replace(/['’`]/g, "")
          .match(/[a-z0-9]+/g) ?? []; // as query-terms.ts's words()
      const lexemes = stemmed.get(form) ?? [];
      return {
        form,
        lay: lexemes,
        expansion: stemmed.get(professional) ?? [],
        ...(sense === "figurative" ? { figurative: true } : {}),
        ...(formWords.length > 1 && lexemes.length === 1 ? { phrase: formWords } : {}),
      };
    }),
  );
}

const cache = new WeakMap<Db, { vocabulary: Promise<Vocabulary>; checkedAt: number }>();

/**
 * Drops this database's cached vocabulary: the next search loads it afresh. Called by every write to the knowledge base
 * in this process (ingest.ts, the admin console's delete), so a document uploaded a moment ago is searched by its own
 * words ("zorblax") at once, and one rewritten with as many chunks as before is not read with its old words. Writes by
 * another process (the kb CLI beside `npm start`) are seen by the chunk-count check below.
 */
export function forgetVocabulary(db: Db): void {
  cache.delete(db);
}

/** The cached vocabulary of this database, reloaded when its chunk count has changed (checked every few seconds). */
export async function vocabularyFor(db: Db): Promise<Vocabulary> {
  const entry = cache.get(db);
  const now = Date.now();
  if (entry && now - entry.checkedAt < REFRESH_CHECK_MS) return entry.vocabulary;
  if (entry) {
    entry.checkedAt = now;
    const current = await entry.vocabulary.catch(() => null);
    if (current && current.chunks === (await chunkCount(db))) return current;
  }
  const vocabulary = loadVocabulary(db);
  cache.set(db, { vocabulary, checkedAt: now });
  vocabulary.catch(() => cache.delete(db));
  return vocabulary;
}
