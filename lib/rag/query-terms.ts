// What a person's message asks, as weighted knowledge-base terms. Real questions are not
// MedQuAD's one-line template: they carry a subject line, a story, greetings and thanks,
// misspellings and several questions at once. This module turns such a message into:
//  - content lexemes (Postgres's English configuration, as the chunks are indexed), with
//    conversational filler ("hi", "thank you", "I was wondering", "dont") left out;
//  - misspelt words corrected against the knowledge base's vocabulary (vocabulary.ts);
//  - a weight per term: BM25 IDF × query-side frequency (saturating), subject-line terms
//    weighted up; long messages reduced to their most informative terms;
//  - the separate questions of the message (each retrieved on its own, then merged).
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { parsePgTextArray } from "./pg-arrays";
import { typingSlips, type Vocabulary } from "./vocabulary";
import { cacheOf, lookUpThrough } from "./lookup-cache";
import { rewriteAges } from "./ages";
import { rewriteEverydayPhrases } from "./everyday-phrases";
import { spellingVariants } from "./spelling-variants";

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/**
 * Who the question is about ("my mom", "my sister's kids"): the story, not the subject. These
 * words are rare in health pages, so as content words they outweighed the condition in the
 * coverage floor and the ranking (consumer dev split: nDCG@10 0.880 → 0.883, no passage 1.4 → 1.0 %).
 */
const PEOPLE_WORDS =
  "mom moms mum mother mothers dad dads father fathers husband wife son sons daughter daughters sister sisters brother brothers aunt aunts uncle uncles cousin cousins grandmother grandma grandfather grandpa grandparents grandson granddaughter grandkids grandchildren niece nephew friend friends boyfriend girlfriend kid kids hubby fiance neighbor coworker";
/**
 * When, how often and how the story happened ("for 3 weeks", "since yesterday", "threw up twice", "keeps going", "won't go
 * away", "is that bad", "my tooth is killing me"), who else is involved (the doctor), and how the
 * question is put ("what is good for …"): these words say nothing of the subject. Short
 * first questions over the starter knowledge base lost their passage to them ("cough that won't
 * go away for 3 weeks" → Scabies; eval-sets/starter-first-questions.jsonl).
 */
const STORY_WORDS =
  "day days week weeks month months year years hour hours minute minutes yesterday today tonight tomorrow lately recently " +
  "last lasted every always constantly away again keep keeps keeping kept put puts putting make makes making made see seen saw well good " +
  "killing kills doctor doctors doc docs gp physician dr once twice";
/** Words that carry the conversation, not the question (compared before stemming). */
const STORY = new Set(`${PEOPLE_WORDS} ${STORY_WORDS}`.split(" "));
const FILLER = new Set(
  (
    "hi hello hey dear greetings thanks thank thankyou thx please pls plz kindly help helps helping helped wonder wondering wondered " +
    "question questions ask asking asked know knowing tell telling told want wanted wanting like would could should might " +
    "get gets got getting anyone someone somebody anybody everyone sir madam mam regards sincerely best bless god hope hoping " +
    "appreciate appreciated advice advise info yes ok okay really also just much many lot lots thing things something anything " +
    "everything kind sort maybe actually basically etc im ive id ill dont cant wont doesnt didnt isnt arent wasnt werent havent " +
    "hasnt couldnt shouldnt wouldnt whats thats theres heres hes shes theyre youre weve lol btw also even still ever since " +
    "please possible able reply answer answers email write writing wrote looking look searching search find found online website " +
    "say says said think thought feel felt seem seems concerned worried worry scared afraid loads though although" +
    ` ${PEOPLE_WORDS} ${STORY_WORDS}`
  ).split(/\s+/),
);

/**
 * A number with its unit or ordinal as one word: a reading ("39c", "102f", "38.5c" → "5c"), a
 * dose ("500mg", "5ml"), a time ("2am"), a size or a place in a series ("4th"). Like a bare
 * number it is the person's detail, not the topic; as an unknown word it outweighed the rest
 * ("my child has a fever of 39C" found no passage while "…a fever" found Fever in children).
 */
const MEASUREMENT =
  /^\d+(?:st|nd|rd|th|c|f|k|mg|mcg|ug|g|kg|kgs|lb|lbs|oz|ml|l|cc|cm|mm|m|ft|in|h|hr|hrs|min|mins|s|sec|secs|am|pm|yo|y|yr|yrs|mo|mos|wk|wks|d|x|iu|bpm|mmhg|mmol|mgdl|pct)$/;
export const isMeasurement = (word: string): boolean => MEASUREMENT.test(word);

/** Is this word (as typed, lower case) conversational filler or one of the story's people? */
export const isFiller = (word: string): boolean => FILLER.has(word);

/**
 * What a question asks about, by the words people use, and the section headings health pages
 * answer it under (as English lexemes: "Treatment", "What causes …", "How to diagnose …",
 * "Is … inherited?", "Outlook"). These terms score headings only: they prefer, among passages
 * on the topic, the section that answers the question; they never find passages by themselves.
 */
const ASPECTS: [RegExp, string[]][] = [
  [
    /^(treat|treats|treated|treating|treatment|treatments|cure|cured|cures|curable|therapy|therapies|medicine|medicines|medication|medications|drug|drugs|pill|pills|remedy|remedies|surgery|operation|manage|managed|help|helps|helped|helping|relieve|relieves|relief|ease|eases|soothe|soothes|heal|heals|rid|remove|removing)$/,
    ["treatment", "treat"],
  ],
  [/^(cause|causes|caused|causing|why|reason|reasons|trigger|triggers|triggered)$/, ["caus"]],
  // "what does it feel like" asks for symptoms; "feeling sick" names one.
  [/^(symptom|symptoms|sign|signs|feel like|feels like)$/, ["symptom", "sign"]],
  [
    /^(diagnose|diagnosed|diagnosis|test|tests|tested|testing|exam|exams|screening|screened|scan|biopsy|detect|detected)$/,
    ["diagnos", "diagnosi", "test", "exam"],
  ],
  [/^(inherit|inherited|inheritance|hereditary|genetic|genetics|gene|genes|runs|pass|passed|carrier|chances|odds)$/, ["inherit", "genet"]],
  [/^(prevent|prevented|prevention|preventing|avoid|avoiding|protect|vaccine|vaccinated|shot)$/, ["prevent"]],
  [/^(outlook|prognosis|expectancy|survival|survive|recover|recovery|permanent|fatal|deadly|die|dying|progress|progresses)$/, ["outlook"]],
  [/^(risk|risks|likely|susceptible)$/, ["risk"]],
  [/^(common|frequent|frequency|rare|prevalence)$/, ["frequenc"]],
  [/^(complication|complications|dangerous|serious|damage|lead)$/, ["complic"]],
  // When to get help: pages answer it under "When to seek care" / "When to see a doctor" —
  // also "should I be worried?", "when should I worry" (and "see a doctor": asksWhenToSeekCare).
  [
    /^(emergency|emergencies|urgent|urgently|er|a&e|hospital|ambulance|seek|worry|worried|worrying|concerned|concerning|alarming)$/,
    ["seek", "care"],
  ],
  // Whether a medicine is safe for someone or with something ("is it safe", "can I mix …";
  // "can I take …": asksIfSafe): medicine pages answer under "Safety and interactions".
  [/^(safe|safely|unsafe|safety|interact|interacts|interaction|interactions|mix|mixing|combine|combining)$/, ["safeti", "interact"]],
  // Two-word names of an aspect (matched on consecutive words): "side effects" of a medicine.
  // …also as people misspell them ("side affects", "side efects").
  [/^(side (effects?|affects?|efects?|effets?)|adverse effect|adverse effects|adverse reaction|adverse reactions)$/, ["side", "effect"]],
];
/** The aspects a message asks about, each by its first heading lexeme ("treatment", "caus", "symptom", …), in ASPECTS order. */
export function aspectsAsked(text: string): string[] {
  const ws = words(text);
  return ASPECTS.filter(([re]) => ws.some((w) => re.test(w))).map(([, headings]) => headings[0]);
}

const DO_ASKERS = new Set(["can", "could", "should", "shall", "do", "must"]);
const DOERS = new Set(["i", "we", "you", "he", "she", "they", "one"]);
/** "What can I do / take / give her / use / try / eat": the treatment or self-care asked for. */
const DOING = new Set(["do", "take", "give", "use", "try", "eat"]);

/**
 * "What can I do?", "what should we do for it", "what to do about a sore throat", "what can I
 * take", "what can I give my child": in consumer speech, a question about treatment and
 * self-care (pages answer it under "Treatment").
 */
export function asksWhatToDo(ws: readonly string[]): boolean {
  // "how do I get the sting out": removing it
  const getsOut = ws.some((w, k) => w === "get" && DOERS.has(ws[k - 1] ?? "") && ws.slice(k + 1, k + 5).includes("out"));
  return (
    getsOut ||
    ws.some(
      (w, k) =>
        DOING.has(w) &&
        ((ws[k - 1] === "to" && ws[k - 2] === "what") ||
          (DOERS.has(ws[k - 1] ?? "") && DO_ASKERS.has(ws[k - 2] ?? "") && ws[k - 3] === "what")) &&
        // "what can I do to prevent it" asks for prevention (the aspect word says which).
        !ws.slice(k + 1, k + 4).some(isAspectWord),
    )
  );
}

/** Someone to see or call: "when should I see a doctor", "do I need to go to the ER", "call the GP". */
const CARERS = new Set("doctor doctors doc gp physician dr clinician nurse hospital er emergency urgent".split(" "));
const SEEING = new Set("see seeing call calling visit go going get need contact ring phone".split(" "));

/** "when to see a doctor", "should I go to the hospital", "do I need to call the GP", "take her to the doctor": when to seek care. */
export function asksWhenToSeekCare(ws: readonly string[]): boolean {
  return ws.some((w, k) => {
    if (!CARERS.has(w)) return false;
    const before = ws.slice(Math.max(0, k - 5), k);
    return before.slice(-3).some((v) => SEEING.has(v)) || before.some((_, j) => takesSomeone(before, j));
  });
}

/** Taking or bringing someone somewhere ("take her to the doctor"), not taking a medicine. */
const TAKEN = new Set("her him them me us my our your".split(" "));
const TAKING = new Set(["take", "taking", "bring", "bringing"]);
const takesSomeone = (ws: readonly string[], k: number) =>
  TAKING.has(ws[k]) && TAKEN.has(ws[k + 1] ?? "") && ws.slice(k + 2, k + 5).includes("to");

/** "can I take ibuprofen with …", "should she have it while pregnant": whether a medicine is safe (not "what can I take", nor "should I take her to the doctor"). */
export function asksIfSafe(ws: readonly string[]): boolean {
  return ws.some(
    (w, k) =>
      (w === "take" || w === "have" || w === "drink" || w === "use" || w === "give") &&
      DOERS.has(ws[k - 1] ?? "") &&
      (ws[k - 2] === "can" || ws[k - 2] === "could" || ws[k - 2] === "should") &&
      !ws.slice(0, k).includes("what") &&
      !takesSomeone(ws, k),
  );
}

/** Words of a problem that recurs ("again": everyday-phrases.ts reads "coming back" so). */
const RECURRING = new Set(["again", "getting", "happening", "recurring", "returning"]);

/**
 * "How do I stop them coming back", "how can I stop getting UTIs", "I keep getting UTIs, how do I
 * stop them": how to prevent it (pages answer under "Prevention"), not how to treat it.
 */
export function asksHowToPrevent(ws: readonly string[]): boolean {
  const keepsGetting = ws.some((w, k) => (w === "keep" || w === "keeps") && ws[k + 1] === "getting");
  return ws.some(
    (w, k) =>
      (w === "stop" || w === "stopping") &&
      // "stop it getting worse" asks treatment
      (keepsGetting || ws.slice(k + 1, k + 5).some((v, j, after) => RECURRING.has(v) && after[j + 1] !== "worse")),
  );
}

/** Is this word (as typed, lower case) one of the aspect words above ("treat", "symptoms")? */
export function isAspectWord(word: string): boolean {
  return ASPECTS.some(([re]) => re.test(word));
}

/**
 * Words a document title may carry besides its subject ("Sore throat remedies", "Gout: a guide",
 * "Asthma treatment"): the aspect words and a few generic ones. A message names a document's
 * subject when it holds every other word of the title (retrieve.ts).
 */
export const GENERIC_TITLE_WORDS =
  ASPECTS.flatMap(([re]) => re.source.replace(/^\^\(|\)\$$/g, "").split("|")).join(" ") +
  " guide leaflet overview facts information basics introduction about";

/**
 * An aspect heading match weighs this share of an average topic term, scaled in retrieve.ts by
 * the share of the topic the passage holds (consumer dev split, full-text nDCG@10 with the page
 * context of retrieve.ts: 0.5 → 0.897, 1 → 0.898; docs/retrieval-eval.md, fifth session).
 */
const ASPECT_WEIGHT = 1;

/** Terms kept from a long message: the most informative ones (IDF × query weight). */
export const MAX_QUERY_TERMS = 12;
/** A word named in no heading of a large knowledge base counts this share of its information when choosing the terms kept. */
const STORY_WORD_SHARE = 0.5;
/** A subject line weighs this much more than the message (people summarise there). */
const SUBJECT_WEIGHT = 1.5;
/**
 * An unknown word weighs this share of the rarest known word's IDF in the coverage floor
 * (consumer dev split, docs/retrieval-eval.md: 1 / 0.85 / 0.75 / 0.65 left 2.4 / 1.9 / 1.4 /
 * 1.0 % of questions without a passage and rejected 36 / 36 / 36 / 33 of OFF_TOPIC_QUERIES).
 */
const UNKNOWN_WORD_SHARE = 0.75;
/** A corrected word counts this much of a correctly spelt one (the correction may be wrong). */
const CORRECTED_WEIGHT = 0.8;
/** A synonym's expansion counts this much of the words it stands for. */
const ALIAS_WEIGHT = 0.6;
/**
 * A lay term's professional name (lay-terms.ts) counts this much of the lay words, as a synonym
 * the knowledge base states (consumer dev split, hybrid nDCG@10: 0.4 → 0.908, 0.6 → 0.909, 1 → 0.906).
 */
const LAY_WEIGHT = ALIAS_WEIGHT;
/**
 * Summed IDF a subject line needs to decide by itself that a message is on topic (a word in ~2 %
 * of chunks has 4; in a small knowledge base, where every IDF is small, half the rarest word's).
 */
const MIN_SUBJECT_IDF = 4;
/** Longest subject line treated as one. */
const MAX_SUBJECT_CHARS = 120;

export interface QueryTerm {
  lexeme: string;
  /** BM25 IDF of the lexeme in this knowledge base. */
  idf: number;
  /** Query-side weight: frequency in the message (saturating), subject line, correction. */
  weight: number;
  /** The word as typed, when it was corrected ("diabetis" for diabet). */
  correctedFrom?: string;
  /** The alias it expands, when added from the knowledge base's synonyms ("copd" for pulmonari). */
  expandedFrom?: string;
  /** A section heading the question asks for ("treatment"): scores headings only, never gathers passages. */
  headingOnly?: boolean;
  /** A content term typed as an aspect word ("treated", "symptoms"): what is asked, not what it is asked about. */
  aspect?: boolean;
  /**
   * Every time the message uses the word it is negated ("I'm not diabetic", "without diabetes")
   * or part of a figurative lay name ("hears voices", "my heart races"): it scores a passage's
   * text but does not name a page's subject in its headings (retrieve.ts).
   */
  bodyOnly?: boolean;
  /** A figurative lay name's words (bodyOnly): a heading holding all of them is named after all ("Cold sores"). */
  namedWith?: string[];
  /**
   * Another name of these lexemes of the message: an abbreviation's spelled-out name ("hiv" → human
   * immunodeficiency virus). A passage gets the better of the two names, not both (retrieve.ts): a
   * page writing "HIV (human immunodeficiency virus)" says the concept once.
   */
  alternativeOf?: string[];
}

export interface AnalyzedQuery {
  /** Terms used to find and score passages, most informative first (at most MAX_QUERY_TERMS). */
  terms: QueryTerm[];
  /** Content words unknown to the knowledge base even after spelling correction, with their weight. */
  unknownWeight: number;
  /** IDF-weighted mass of every content term (kept, dropped for length, or unknown). */
  totalWeight: number;
  /** Distinct content words of the message (known, corrected or unknown; not expansions or aspects). */
  contentTerms: number;
  /**
   * Distinct words telling a story around the question — its people, when and how often it
   * happened, who was seen ("my son … since yesterday … threw up twice … the doctor"). Not content
   * words, but a message telling a story is longer than its content words say (retrieve.ts: the
   * coverage floor counts them).
   */
  storyWords: number;
  /** The message's questions when it asks several (each a text to retrieve on its own); else []. */
  questions: string[];
  /** Every lexeme of the message the knowledge base knows (corrected ones and synonyms included), kept or not. */
  known: string[];
  /**
   * The subject line's lexemes when it names something the knowledge base knows (every word
   * known, together at least MIN_SUBJECT_IDF of information, all among `terms`); else []. A
   * passage holding all of them answers what the message is about ("MRSA" above a story).
   */
  subject: string[];
  /**
   * Pairs of term lexemes the message uses together: its words within NEAR_WORDS of each other
   * ("heart races", "stage 2 breast cancer"), or a synonym's words with each other and with the
   * words it stands for. A heading naming two terms never used together ("Heart attack" for
   * "panic attacks … my heart races") is not named as a whole (retrieve.ts).
   */
  nearPairs: [string, string][];
}

/** Lower-case word tokens of untrusted text (a linear scan; length is bounded by the caller). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’`]/g, "")
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Subject line and message: the first line when the text has several and it is short. */
export function splitSubject(text: string): { subject: string; message: string } {
  const nl = text.indexOf("\n");
  if (nl < 0) return { subject: "", message: text };
  const first = text.slice(0, nl).trim();
  const rest = text.slice(nl + 1).trim();
  if (!rest || first.length > MAX_SUBJECT_CHARS) return { subject: "", message: text };
  return { subject: first, message: rest };
}

/** The message's separate questions (sentences ending in "?"), when there are at least `atLeast` (two: a message asking several). */
export function splitQuestions(message: string, atLeast = 2): string[] {
  const sentences = message
    .split(/(?<=[?.!])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const questions = sentences.filter((s) => s.endsWith("?") && words(s).length >= 2);
  return questions.length >= atLeast ? questions.slice(0, 4) : [];
}

/** English lexemes of each distinct word (stop words map to none), by Postgres's own configuration. */
async function lexemesOf(db: Db, ws: string[]): Promise<Map<string, string[]>> {
  if (ws.length === 0) return new Map();
  const rows = rowsOf<{ w: string; lexemes: string[] | string }>(
    await db.execute(
      sql`select w, array(select lexeme from unnest(to_tsvector('english', w)) order by lexeme) as lexemes
          from unnest(${`{${ws.map((w) => `"${w}"`).join(",")}}`}::text[]) as w`,
    ),
  );
  return new Map(rows.map((r) => [r.w, parsePgTextArray(r.lexemes)]));
}

/** lexemesOf through a cache kept with the database handle (stemming never changes under it). */
function cachedLexemesOf(db: Db, ws: string[]): Promise<Map<string, string[]>> {
  return lookUpThrough(cacheOf<string[]>(db, "lexemes"), ws, (missing) => lexemesOf(db, missing));
}

/** Words whose stem has at least this many letters are corrected as typed (shorter ones are too often real words the knowledge base lacks). */
const MIN_TYPED_CORRECTION_LETTERS = 6;
/** A typed correction's lexeme may be at most this many letters shorter than the word as typed. */
const MAX_STRIPPED_LETTERS = 3;
/** At most this many unknown words per message are corrected as typed (one statement stems all their variants). */
const MAX_TYPED_CORRECTIONS = 6;

/**
 * Misspellings corrected on the word as typed, before stemming, when the lexeme corrector finds
 * nothing: every string one typing slip away (vocabulary.ts typingSlips) that may stem to a known
 * lexeme is stemmed by Postgres (one statement for the message) and the variant whose lexeme the
 * knowledge base knows best wins. Stemming can push a typo out of reach of the lexeme corrector
 * ("diffrence" → diffrenc, three edits from differ; "difference" is one slip from what was typed).
 */
async function typedCorrections(
  db: Db,
  vocabulary: Vocabulary,
  ws: string[],
  lexemes: Map<string, string[]>,
): Promise<Map<string, string>> {
  const unknown = ws
    .filter((w) => {
      const ls = lexemes.get(w) ?? [];
      // As the lexeme corrector: a stem under 6 letters is too often a real word ("barely" → bare).
      return (
        /^[a-z]+$/.test(w) && ls.length > 0 && ls.every((l) => l.length >= MIN_TYPED_CORRECTION_LETTERS && vocabulary.chunksWith(l) === 0)
      );
    })
    .slice(0, MAX_TYPED_CORRECTIONS);
  const out = new Map<string, string>();
  if (unknown.length === 0) return out;
  // Cached with the vocabulary (replaced when the knowledge base changes): null = no correction.
  const found = await lookUpThrough(cacheOf<string | null>(vocabulary, "typed"), unknown, (missing) =>
    correctTyped(db, vocabulary, missing),
  );
  for (const [w, l] of found) if (l) out.set(w, l);
  return out;
}

/** typedCorrections' search for `unknown` words: each word's correction, or null. */
async function correctTyped(db: Db, vocabulary: Vocabulary, unknown: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(unknown.map((w) => [w, null]));
  const variants = new Map(unknown.map((w) => [w, typingSlips(w).filter((v) => vocabulary.mayStemToTarget(v))]));
  const stems = await lexemesOf(db, [...new Set([...variants.values()].flat())]);
  for (const [w, vs] of variants) {
    let best: { lexeme: string; df: number } | null = null;
    for (const v of vs)
      for (const l of stems.get(v) ?? []) {
        // The correction keeps the word's body: stemming takes at most a short ending off it
        // ("diffrence" → differ), not half of it ("deadlines" → "deadlies" → dead).
        // And it is not just the word's own beginning: "tallest" (Snowball keeps it whole) → "talles"
        // → tall is another form of a word the knowledge base lacks, not a typo.
        if (!vocabulary.isCorrectionTarget(l) || l.length < w.length - MAX_STRIPPED_LETTERS || w.startsWith(l)) continue;
        const df = vocabulary.chunksWith(l);
        if (!best || df > best.df || (df === best.df && l < best.lexeme)) best = { lexeme: l, df };
      }
    if (best) out.set(w, best.lexeme);
  }
  return out;
}

/**
 * A compound found for two words ("pink eye" → pinkeye) weighs as much as the heavier word: it is
 * the same thing written apart (consumer dev split, full-text nDCG@10: 0.898 without, 0.6 → 0.900, 1 → 0.900).
 */
const COMPOUND_WEIGHT = 1;
/** Adjacent words of a text joined (at most this many pairs per message), to look up as one word. */
const MAX_COMPOUNDS = 40;

/**
 * Adjacent content words of each part joined into one ("pink eye" → "pinkeye"), with the two words;
 * only letters, each word at least 3 of them (so "a" + "spirin" is not tried).
 */
export function compoundsOf(parts: string[], kept: (w: string) => boolean): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const part of parts) {
    const ws = words(part);
    for (let i = 1; i < ws.length && out.size < MAX_COMPOUNDS; i++) {
      const [a, b] = [ws[i - 1], ws[i]];
      if (/^[a-z]{3,15}$/.test(a) && /^[a-z]{3,15}$/.test(b) && kept(a) && kept(b)) out.set(a + b, [a, b]);
    }
  }
  return out;
}

/**
 * The numbers of a text that may belong to a name ("type 2", "stage 3", "HPV 16", "COVID-19"):
 * at most three digits right after a word, each with the word before it. analyzeQuery keeps
 * one only when that word is a content word, the knowledge base indexes the number and the
 * number narrows the word down, so ages and amounts ("I am 45", "2 pills") rarely become terms.
 */
export function nameNumbers(ws: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 1; i < ws.length; i++)
    if (/^\d{1,3}$/.test(ws[i]) && /^[a-z]/.test(ws[i - 1]) && !DURATION_UNITS.has(ws[i + 1] ?? "") && !found.has(ws[i]))
      found.set(ws[i], ws[i - 1]);
  return found;
}

/** A number before one of these is an amount of time or a count ("period 2 weeks late", "peeing 3 times a night"), not part of a name. */
const DURATION_UNITS = new Set(
  "second seconds minute minutes min mins hour hours hr hrs day days week weeks wk wks month months year years yr yrs times x".split(" "),
);

/** Two words at most this far apart (2 words between them) are used together: "stage 2 breast cancer", "cancer of the breast". */
const NEAR_WORDS = 3;

/** Unordered pairs of distinct lexemes. */
class PairSet {
  private readonly pairs = new Map<string, [string, string]>();
  addAll(as: readonly string[], bs: readonly string[]): void {
    for (const a of as) for (const b of bs) if (a !== b) this.pairs.set(a < b ? `${a} ${b}` : `${b} ${a}`, a < b ? [a, b] : [b, a]);
  }
  /** The pairs whose two lexemes are both in `lexemes`. */
  within(lexemes: ReadonlySet<string>): [string, string][] {
    return [...this.pairs.values()].filter(([a, b]) => lexemes.has(a) && lexemes.has(b));
  }
}

/** Words that negate the content word after them ("not diabetic", "without diabetes", "no heart problems", "never smoked"). */
const NEGATORS = new Set("not no without never dont doesnt didnt isnt arent wasnt werent havent hasnt".split(" "));
/** …within this many words (stop words such as "on", "any", "a" in between: "not on any meds"). */
const NEGATION_REACH = 3;
/** "can not sleep", "could not breathe" name a symptom: an inability, not an exclusion. */
const INABILITY = new Set(["can", "could", "cannot"]);
/** A negated word weighs this share of its information ("I'm not diabetic": the story, not the question). */
const NEGATED_WEIGHT = 1;
/** The words of a figurative lay name weigh this share ("hears voices" is about hallucinations, not hearing)… */
const FIGURATIVE_WORD_WEIGHT = 0.5;
/** …and its professional name this share of them (a literal lay name's: LAY_WEIGHT). */
const FIGURATIVE_LAY_WEIGHT = 1;

/**
 * Which of a text's words (by index in `ws`) a negation reads: the first word after a negator,
 * within NEGATION_REACH, that is a content word (`content`).
 */
export function negatedWords(ws: readonly string[], content: (w: string) => boolean): Set<number> {
  const out = new Set<number>();
  ws.forEach((w, i) => {
    if (!NEGATORS.has(w) || (i > 0 && INABILITY.has(ws[i - 1]))) return;
    for (let j = i + 1; j <= i + NEGATION_REACH && j < ws.length; j++)
      if (content(ws[j])) {
        out.add(j);
        return;
      }
  });
  return out;
}

/** Whether `phrase` occurs as consecutive words of `ws`. */
function hasPhrase(ws: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= ws.length; i++) if (phrase.every((p, j) => ws[i + j] === p)) return true;
  return false;
}

export async function analyzeQuery(db: Db, vocabulary: Vocabulary, text: string): Promise<AnalyzedQuery> {
  // "my 2 year old" is "my child" (ages.ts): who, not what.
  const { subject, message } = splitSubject(rewriteEverydayPhrases(rewriteAges(text)));
  const numbers = nameNumbers([...words(subject), ...words(message)]);
  const kept = (w: string) => !FILLER.has(w) && !isMeasurement(w) && (!/^\d+$/.test(w) || numbers.has(w));
  // "take him to the doctor": taking someone somewhere, not a medicine — its verb is no content word.
  const keptAt = (ws: readonly string[], j: number) => kept(ws[j]) && !takesSomeone(ws, j);
  const contentWords = (part: string) => words(part).filter((_, j, ws) => keptAt(ws, j));
  const subjectWords = contentWords(subject);
  const messageWords = contentWords(message);
  const distinct = [...new Set([...subjectWords, ...messageWords])].slice(0, 400);
  const joined = compoundsOf([subject, message], kept);
  // Each word's other spellings (spelling-variants.ts) are looked up with the words, in one round trip.
  const variantsOf = new Map(distinct.map((w) => [w, spellingVariants(w)]));
  const lexemes = await cachedLexemesOf(db, [...new Set([...distinct, ...joined.keys(), ...[...variantsOf.values()].flat()])]);
  const typed = await typedCorrections(db, vocabulary, distinct, lexemes);
  /** Each word's other spellings the knowledge base knows, as lexemes ("tumor" → tumour where pages write it so). */
  const knownSpellings = new Map<string, string[]>();
  for (const [w, variants] of variantsOf) {
    const known = variants.flatMap((v) => {
      const l = lexemes.get(v);
      return l?.length === 1 && vocabulary.chunksWith(l[0]!) > 0 ? [l[0]!] : [];
    });
    if (known.length > 0) knownSpellings.set(w, [...new Set(known)]);
  }

  // The kept words in order (subject, then message), and those that do not name a topic: the
  // words of a figurative lay name, and negated words not part of a lay name ("no periods" is
  // one: amenorrhea).
  const keptWords = [...subjectWords, ...messageWords];
  const sequence = keptWords.flatMap((w, i) => ((lexemes.get(w) ?? []).length > 0 ? [{ i, lexemes: lexemes.get(w)! }] : []));
  const allWords = [...words(subject), ...words(message)];
  const layMatches = vocabulary
    .layTermMatches(sequence.map((x) => x.lexemes))
    .filter((m) => !m.term.phrase || hasPhrase(allWords, m.term.phrase));
  const inLayName = new Set(layMatches.flatMap((m) => m.positions.map((p) => sequence[p].i)));
  const figurative = new Map<number, string[]>();
  for (const m of layMatches) if (m.term.figurative) for (const p of m.positions) figurative.set(sequence[p].i, m.term.lay);
  const negated = new Set<number>();
  /** Where each kept word stands among all the words of its part (the subject: 0…; the message after a gap). */
  const place: number[] = [];
  let offset = 0;
  for (const [p, part] of [subject, message].entries()) {
    const ws = words(part);
    let n = 0;
    const keptIndex = ws.map((_, j) => (keptAt(ws, j) ? (place.push(p * 100_000 + j), offset + n++) : -1));
    for (const j of negatedWords(ws, (w) => kept(w) && (lexemes.get(w) ?? []).length > 0))
      if (keptIndex[j] >= 0 && !inLayName.has(keptIndex[j])) negated.add(keptIndex[j]);
    offset += n;
  }
  /** The lexemes each kept word became (after spelling correction and renaming). */
  const becameAt = new Map<number, string[]>();

  // Query-side counts per lexeme (subject occurrences weighted up), and what each came from.
  const counts = new Map<
    string,
    {
      count: number;
      correctedFrom?: string;
      renamedFrom?: string;
      unknown: boolean;
      aspect?: boolean;
      names?: boolean;
      scale?: number;
      namedWith?: string[];
    }
  >();
  const subjectLexemes = new Set<string>();
  let subjectKnown = true;
  const add = (w: string, factor: number, inSubject: boolean, position: number) => {
    const names = !negated.has(position) && !figurative.has(position);
    // The weight of the word's most literal use in the message.
    const scale = (negated.has(position) ? NEGATED_WEIGHT : 1) * (figurative.has(position) ? FIGURATIVE_WORD_WEIGHT : 1);
    const namedWith = figurative.get(position);
    if (numbers.has(w)) {
      // A number counts as part of a name only after a content word, when indexed (Postgres
      // indexes the number of "COVID-19" as '-19') and when it narrows that word down ("type 2"
      // of "type"; not "19", found wherever "covid" is, which would only outweigh the aspect
      // asked). It is never corrected nor counted unknown.
      const lexeme = [w, `-${w}`].find((l) => vocabulary.chunksWith(l) > 0);
      const named = lexemes.get(numbers.get(w)!) ?? [];
      if (!lexeme || named.length === 0 || !named.every((l) => vocabulary.chunksWith(lexeme) < vocabulary.chunksWith(l))) return;
      becameAt.set(position, [lexeme]);
      const e = counts.get(lexeme) ?? { count: 0, unknown: false };
      e.count += factor;
      e.names = e.names || names;
      e.scale = Math.max(e.scale ?? 0, scale);
      e.namedWith ??= namedWith;
      counts.set(lexeme, e);
      return;
    }
    for (const stem of lexemes.get(w) ?? []) {
      // A brand or lay name the knowledge base does not use ("lipitor"): the name it uses instead
      // (lay-terms.ts), as certain as the word itself — neither a correction nor unknown.
      const renamed = vocabulary.chunksWith(stem) === 0 ? vocabulary.layNameFor(stem) : null;
      // A figurative name the knowledge base does not know word by word ("threw up") is read as its
      // meaning (vomiting): that term weighs fully (it names no page, as the figurative name's words).
      const literal = renamed !== null && figurative.has(position);
      for (const raw of renamed ?? [stem]) {
        let lexeme = raw;
        let correctedFrom: string | undefined;
        let unknown = false;
        const spelt = vocabulary.chunksWith(raw) === 0 ? (knownSpellings.get(w)?.[0] ?? null) : null;
        if (spelt) lexeme = spelt;
        else if (vocabulary.chunksWith(raw) === 0) {
          const fix = vocabulary.correct(raw)?.lexeme ?? typed.get(w);
          if (fix) {
            lexeme = fix;
            correctedFrom = w;
          } else if (isAspectWord(w)) {
            // "treat", "symptoms" unknown to a small knowledge base: what is asked about, not
            // what the message is about — no evidence that it is off-topic.
            continue;
          } else unknown = true;
        }
        if (inSubject) {
          if (unknown) subjectKnown = false;
          else subjectLexemes.add(lexeme);
        }
        becameAt.set(position, [...(becameAt.get(position) ?? []), lexeme]);
        const e = counts.get(lexeme) ?? { count: 0, correctedFrom, unknown, aspect: true, ...(renamed ? { renamedFrom: w } : {}) };
        e.count += factor;
        e.names = e.names || names;
        e.scale = Math.max(e.scale ?? 0, literal ? (negated.has(position) ? NEGATED_WEIGHT : 1) : scale);
        e.namedWith ??= namedWith;
        // An aspect word's lexeme, unless another word of the message brings it too.
        e.aspect = e.aspect && !correctedFrom && isAspectWord(w);
        counts.set(lexeme, e);
      }
    }
  };
  subjectWords.forEach((w, i) => add(w, SUBJECT_WEIGHT, true, i));
  messageWords.forEach((w, i) => add(w, 1, false, subjectWords.length + i));

  // An unknown word is about as informative as the rarest word the knowledge base knows (in
  // one chunk): it counts in the total (an off-topic question is mostly such words) but cannot
  // match anything. Not rarer than that: in a knowledge base of a few leaflets most ordinary
  // words are unknown, and a "rarer than anything" weight would drown the words it knows.
  // And a little less (UNKNOWN_WORD_SHARE): people's own words ("kids", "mom", "town", "BRCA")
  // are often unknown to a medical knowledge base without making the question off-topic.
  const unknownIdf = vocabulary.rarestIdf * UNKNOWN_WORD_SHARE;
  const all: QueryTerm[] = [];
  let unknownWeight = 0;
  let totalWeight = 0;
  for (const [lexeme, e] of counts) {
    const weight = (1 + Math.log(Math.max(1, e.count))) * (e.correctedFrom ? CORRECTED_WEIGHT : 1) * (e.scale ?? 1);
    if (e.unknown) {
      unknownWeight += unknownIdf * weight;
      totalWeight += unknownIdf * weight;
      continue;
    }
    const idf = vocabulary.idf(lexeme);
    totalWeight += idf * weight;
    all.push({
      lexeme,
      idf,
      weight,
      ...(e.correctedFrom ? { correctedFrom: e.correctedFrom } : {}),
      ...(e.renamedFrom ? { expandedFrom: e.renamedFrom } : {}),
      ...(e.aspect ? { aspect: true } : {}),
      ...(e.names ? {} : { bodyOnly: true, ...(e.namedWith ? { namedWith: e.namedWith } : {}) }),
    });
  }
  // Which terms a long message keeps: the most informative, a word the knowledge base names in no
  // heading counting only STORY_WORD_SHARE of its information (a story's rare incidental words —
  // "kitchen", "church" — otherwise crowd out the condition it asks about).
  const keepScore = (t: QueryTerm) => t.idf * t.weight * (vocabulary.isTopical(t.lexeme) ? 1 : STORY_WORD_SHARE);
  all.sort((a, b) => keepScore(b) - keepScore(a) || a.lexeme.localeCompare(b.lexeme));
  const terms = all.slice(0, MAX_QUERY_TERMS);

  const near = new PairSet();
  for (const [i, a] of becameAt) for (const [j, b] of becameAt) if (i < j && Math.abs(place[i] - place[j]) <= NEAR_WORDS) near.addAll(a, b);

  // Synonyms the knowledge base states: "als" also searches amyotrophic lateral sclerosis.
  // Expansions are alternatives, not more of the question: they do not add to totalWeight.
  const present = new Set(terms.map((t) => t.lexeme));
  // Abbreviations count only when written in capitals ("AIDS", not "hearing aids").
  const capitals = new Set((text.match(/\b[A-Z][A-Z0-9]{1,5}\b/g) ?? []).flatMap((w) => lexemes.get(w.toLowerCase()) ?? []));
  for (const a of vocabulary.aliasesWithin(present)) {
    if (a.abbreviation && !capitals.has(a.alias[0])) continue;
    const base = Math.min(...a.alias.map((l) => terms.find((t) => t.lexeme === l)?.weight ?? 1));
    near.addAll(a.expansion, [...a.expansion, ...a.alias]);
    // An abbreviation and its spelled-out name are one name of one thing ("HIV", "human immunodeficiency
    // virus"): the expansion is its alternative and, as a lay name's professional term (below), carries at
    // most the abbreviation's information. Another stated name may be broader or narrower ("lisinopril
    // (blood pressure medicines)"): it counts besides the word typed, as before.
    const same = a.abbreviation;
    // Both names typed ("HIV (human immunodeficiency virus)"): one thing said twice — the spelled-out
    // name is the alternative, and the message's information counts the better-informed name only.
    const typedExpansion = a.expansion.map((l) => terms.find((t) => t.lexeme === l && !t.expandedFrom && !t.alternativeOf));
    if (same && typedExpansion.every((t) => t !== undefined) && a.expansion.some((l) => !a.alias.includes(l))) {
      const info = (ts: (QueryTerm | undefined)[]) => ts.reduce((sum, t) => sum + (t ? t.idf * t.weight : 0), 0);
      totalWeight -= Math.min(info(typedExpansion), info(a.alias.map((l) => terms.find((t) => t.lexeme === l))));
      for (const t of typedExpansion) t!.alternativeOf = a.alias;
      continue;
    }
    const share = !same
      ? 1
      : Math.min(
          1,
          a.alias.reduce((sum, l) => sum + vocabulary.idf(l), 0) /
            Math.max(
              a.expansion.filter((l) => !present.has(l)).reduce((sum, l) => sum + vocabulary.idf(l), 0),
              1e-9,
            ),
        );
    for (const lexeme of a.expansion) {
      if (present.has(lexeme) || vocabulary.chunksWith(lexeme) === 0) continue;
      present.add(lexeme);
      terms.push({
        lexeme,
        idf: vocabulary.idf(lexeme),
        weight: base * ALIAS_WEIGHT * share,
        expandedFrom: a.alias.join(" "),
        ...(same ? { alternativeOf: a.alias } : {}),
      });
    }
  }

  // Consumer names (lay-terms.ts): "underactive thyroid" also searches hypothyroidism, "water
  // pill" diuretic — the words as typed, close together; the professional name weighs LAY_WEIGHT
  // of the lay words.
  for (const { term: t } of layMatches) {
    const base = Math.max(1, ...t.lay.map((l) => terms.find((x) => x.lexeme === l)?.weight ?? 0));
    // The professional name carries at most the information of the lay words it stands for
    // ("heart attack" → myocardial infarction: two rare words must not outweigh the two typed).
    const layIdf = t.lay.reduce((sum, l) => sum + vocabulary.idf(l), 0);
    const expansionIdf = t.expansion.reduce((sum, l) => sum + vocabulary.idf(l), 0);
    const share = Math.min(1, layIdf / Math.max(expansionIdf, 1e-9));
    // A figurative name's meaning takes the information its words gave up (FIGURATIVE_WORD_WEIGHT):
    // "hears voices" weighs as much as before, now mostly as hallucinations.
    const weight = t.figurative
      ? Math.min(1, ((1 - FIGURATIVE_WORD_WEIGHT) * layIdf) / Math.max(expansionIdf, 1e-9)) * FIGURATIVE_LAY_WEIGHT
      : base * LAY_WEIGHT * share;
    near.addAll(t.expansion, [...t.expansion, ...t.lay]);
    for (const lexeme of t.expansion) {
      if (present.has(lexeme)) {
        // Already another name of something typed ("TIA" → transient ischemic attack) that the lay name
        // typed too ("mini stroke") stands for: a name of both, it is no longer the alternative of one
        // of them only — it counts besides them, with the heavier weight.
        const other = terms.find((x) => x.lexeme === lexeme && x.alternativeOf);
        if (other) {
          other.weight = Math.max(other.weight, weight);
          delete other.alternativeOf;
        }
        continue;
      }
      present.add(lexeme);
      terms.push({ lexeme, idf: vocabulary.idf(lexeme), weight, expandedFrom: t.form });
    }
  }

  // Two words the knowledge base writes as one ("pink eye" → pinkeye, "chicken pox" → chickenpox,
  // "bed wetting" → bedwetting): the joined word is searched too, as another name of the same thing,
  // when the knowledge base knows it.
  for (const [compound, [first, second]] of joined) {
    const lexeme = lexemes.get(compound)?.length === 1 ? lexemes.get(compound)![0] : null;
    const parts = [first, second].map((w) => terms.find((t) => (lexemes.get(w) ?? []).includes(t.lexeme)));
    if (!lexeme || present.has(lexeme) || vocabulary.chunksWith(lexeme) === 0) continue;
    present.add(lexeme);
    near.addAll([lexeme], [...(lexemes.get(first) ?? []), ...(lexemes.get(second) ?? [])]);
    const base = Math.max(1, ...parts.map((t) => t?.weight ?? 0));
    terms.push({
      lexeme,
      idf: vocabulary.idf(lexeme),
      weight: base * COMPOUND_WEIGHT,
      expandedFrom: `${first} ${second}`,
    });
  }

  // The other spelling of a word the knowledge base knows (diarrhea / diarrhoea, tumor / tumour:
  // spelling-variants.ts) is searched too, as the same word, when the knowledge base knows it —
  // a page written the other way is found as if it used the person's spelling.
  for (const [typedWord, spellings] of knownSpellings) {
    const typedTerm = terms.find((t) => !t.expandedFrom && !t.headingOnly && (lexemes.get(typedWord) ?? []).includes(t.lexeme));
    if (!typedTerm) continue;
    for (const lexeme of spellings) {
      if (present.has(lexeme)) continue;
      present.add(lexeme);
      near.addAll([lexeme], [typedTerm.lexeme]);
      const { correctedFrom: _corrected, aspect: _aspect, ...sameWord } = typedTerm;
      terms.push({ ...sameWord, lexeme, idf: vocabulary.idf(lexeme), expandedFrom: typedWord });
    }
  }

  // The aspects asked about, as heading-only terms: the section they name answers the question.
  // Added also when the word is a content term of the message ("symptoms of type 2 diabetes"):
  // as a content word it weighs its IDF, which is small where every page has a "Symptoms"
  // section — exactly where the section heading should decide between passages of one page.
  const asked = new Set<string>();
  const ws = words(rewriteEverydayPhrases(text));
  const phrases = ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
  for (const w of [...ws, ...phrases]) for (const [re, headings] of ASPECTS) if (re.test(w)) headings.forEach((x) => asked.add(x));
  // "How do I stop it coming back" asks prevention, not the treatment "what can I do" would.
  if (asksHowToPrevent(ws)) ["prevent"].forEach((x) => asked.add(x));
  else if (asksWhatToDo(ws)) ASPECTS[0]![1].forEach((x) => asked.add(x));
  if (asksWhenToSeekCare(ws)) ["seek", "care"].forEach((x) => asked.add(x));
  if (asksIfSafe(ws)) ["safeti", "interact"].forEach((x) => asked.add(x));
  const topicIdf = terms.length ? terms.reduce((sum, t) => sum + t.idf, 0) / terms.length : 1;
  for (const lexeme of asked) {
    if (vocabulary.chunksWith(lexeme) === 0) continue;
    terms.push({ lexeme, idf: topicIdf, weight: ASPECT_WEIGHT, headingOnly: true });
  }
  const known = [...new Set([...[...counts].filter(([, e]) => !e.unknown).map(([l]) => l), ...present])];
  const subjectIdf = [...subjectLexemes].reduce((sum, l) => sum + vocabulary.idf(l), 0);
  const subjectTerms =
    subjectKnown &&
    subjectIdf >= Math.min(MIN_SUBJECT_IDF, vocabulary.rarestIdf / 2) &&
    [...subjectLexemes].every((l) => terms.some((t) => t.lexeme === l && !t.headingOnly))
      ? [...subjectLexemes]
      : [];
  return {
    terms,
    unknownWeight,
    totalWeight,
    contentTerms: counts.size,
    storyWords: new Set([...words(subject), ...words(message)].filter((w) => STORY.has(w))).size,
    questions: splitQuestions(message),
    known,
    subject: subjectTerms,
    nearPairs: near.within(new Set(terms.filter((t) => !t.headingOnly).map((t) => t.lexeme))),
  };
}
