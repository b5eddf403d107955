// Quote mode's prior: the constraint leans the model's choices toward what retrieval and
// reading order already say, and keeps an answer from ending before it says enough.
//
// - Retrieval ranks the sources (1 = top). Before the first quote the top source is the
//   "current" one; afterwards the source of the last quote is. Starting a unit of another
//   source costs nats on the logits of the tokens that start it: `firstSourceCost` for the
//   first quote (the model starts from the second source only when it prefers it ≈ 700:1;
//   on the first token a small model's preference is mostly about wording — "The…" — not
//   about the source), `switchCost` later (an answer that mixes sources reads as two answers), each + `rankCost`
//   per rank below the top. So an answer normally is the top source's, and stays in one.
// - Each source reads in order: the next unused unit after the source's last quoted one (its
//   first unit before that) is free, any other unit of it costs `orderCost`. An answer then
//   reads like its passage — lead sentence first, then the next — unless the model clearly
//   wants a later sentence. Opening the answer with anything but the top source's lead (a later
//   sentence, or another source, so the two keep their costs relative to each other) costs `openingCost` more:
//   what an answer says first is what a reader takes from it, and a section's lead is what it
//   is about ("See a clinician if a sore throat comes with fever…", not "A quick swab test can
//   confirm strep.", which the default model preferred by more than `orderCost`).
// - An answer's first sentence (and the first from a new source) should stand on its own: one
//   that opens with a word pointing back ("They…", "This…", "It…") costs `danglingCost`.
// - The answer may end (EOS, only ever between units) once it has `minUnits` units and
//   `minWords` words, or when the current source has nothing left that fits: a complete,
//   readable answer rather than a single sentence, never padded from another source.
// - With relevance weights (`grounding.sources[].relevance`, one per unit, 0..1: how well the
//   unit answers the question, as the app judges it), a source opens at its most relevant
//   unused unit instead of its first one, when that unit is `focusMargin` more relevant than the
//   first ("How long does a cold last?" opens with the sentence giving the duration, then reads
//   on from there; never a sentence that leans on the one before: "This will…"), and every unit gets `relevanceGain` × its
//   weight. A single-part answer opens in a lower-ranked source when that source's best unit
//   is `sourceMargin` more relevant than anything of the top source (retrieval ranked a page first whose sentences
//   do not answer; the app's weights say which does). Without weights nothing changes.
// The costs are offsets on logits, not masks: every unit of every source stays reachable,
// so a stronger model still chooses, and faithfulness does not depend on the prior at all.

export interface QuotePrior {
  /** Multi-part questions (`grounding.parts`): a part is answered once it has this many units… */
  partMinUnits: number;
  /** …and words (or its sources have no unit left that fits); then the answer moves on to the next part. */
  partMinWords: number;
  /** Nats against a first quote from another source than the top-ranked one. */
  firstSourceCost: number;
  /** Nats against a later quote from another source than the current one. */
  switchCost: number;
  /** Further nats per rank below the top for such a unit (source n costs (n - 1) × rankCost). */
  rankCost: number;
  /** Nats against a unit that is not the next one of its source in reading order. */
  orderCost: number;
  /** Further nats against opening the answer with anything but the current source's lead (what an answer says first is its source's lead). */
  openingCost: number;
  /** Nats against opening the answer (or a new source) with a sentence that points back ("They…"). */
  danglingCost: number;
  /** Nats added to a unit per unit of relevance weight (0..1). */
  relevanceGain: number;
  /** A source opens at its most relevant unused unit when that is this much more relevant than its first unused one. */
  focusMargin: number;
  /**
   * Single-part answers: the answer opens in another source than the top one (the first-source cost goes to the
   * top source instead) when that source's most relevant unit is this much more relevant than every unit of the top one.
   */
  sourceMargin: number;
  /** Units the answer needs before it may end… */
  minUnits: number;
  /** …and words (unless the current source has no unit left that fits). */
  minWords: number;
}

export const DEFAULT_QUOTE_PRIOR: QuotePrior = {
  partMinUnits: 1,
  partMinWords: 25,
  danglingCost: 2,
  firstSourceCost: 6,
  switchCost: 8,
  rankCost: 0.5,
  orderCost: 3,
  openingCost: 3,
  relevanceGain: 1,
  focusMargin: 0.25,
  sourceMargin: 0.5,
  minUnits: 2,
  minWords: 40,
};

/** No lean at all: the model alone chooses, and may end after any unit. */
export const NO_QUOTE_PRIOR: QuotePrior = {
  partMinUnits: 1,
  partMinWords: 0,
  danglingCost: 0,
  firstSourceCost: 0,
  switchCost: 0,
  rankCost: 0,
  orderCost: 0,
  openingCost: 0,
  relevanceGain: 0,
  focusMargin: Number.POSITIVE_INFINITY,
  sourceMargin: Number.POSITIVE_INFINITY,
  minUnits: 1,
  minWords: 0,
};

/** A unit's place: its source (1-based rank) and its position among that source's units. */
export interface PlacedUnit {
  source: number;
  index: number;
  text: string;
  /** How well the unit answers the question (0..1), when the request says; absent: no lean. */
  relevance?: number;
}

/**
 * Openers that lean on the statement before (not on the subject, which a question names: "They
 * normally go away on their own in a few weeks." answers "How long do cold sores last?", but
 * "This will help your doctor diagnose the cause." answers nothing alone), connectives included
 * ("However, …", "Therefore, …").
 */
const ON_STATEMENT = new Set([
  "other",
  "another",
  "but",
  "and",
  "or",
  "so",
  "yet",
  "still",
  "then",
  "this",
  "these",
  "that",
  "those",
  "such",
  "both",
  "however",
  "therefore",
  "thus",
  "also",
  "otherwise",
  "instead",
]);

/** Two-word openers that lean on the statement before ("As a result, …", "In fact, …", "For example, …"). */
const ON_STATEMENT_PAIRS = new Set(["as a", "in fact", "in addition", "for example", "for instance", "because of"]);

/** Words that open a sentence leaning on the one before it: those openers and the pronouns that name its subject. */
const POINTING_BACK = new Set([...ON_STATEMENT, "they", "it", "its", "he", "she", "his", "her", "their"]);

/** A sentence's first word, lower-cased (undefined when it opens with no letter). */
function firstWord(text: string): string | undefined {
  return /^[\p{L}']+/u.exec(text)?.[0].toLowerCase();
}

/** A sentence's first two words, lower-cased, joined by one space ("as a" of "As a result, …"). */
function firstPair(text: string): string | undefined {
  const m = /^([\p{L}']+)[ \t]+([\p{L}']+)/u.exec(text);
  return m ? `${m[1]} ${m[2]}`.toLowerCase() : undefined;
}

/** Whether a sentence opens with a word that points back to an earlier one (so it cannot start an answer). */
export function pointsBack(text: string): boolean {
  const first = firstWord(text);
  return first !== undefined && (POINTING_BACK.has(first) || leansOnStatement(text));
}

/** Whether a sentence opens with a word that leans on the statement before it. */
export function leansOnStatement(text: string): boolean {
  const first = firstWord(text);
  if (first !== undefined && ON_STATEMENT.has(first)) return true;
  const pair = firstPair(text);
  return pair !== undefined && ON_STATEMENT_PAIRS.has(pair);
}

/**
 * The prior (≤ 0 nats) of quoting each unit next, given the units quoted so far. `units`
 * are in source order, each source's units in reading order.
 */
export function unitPriors(
  units: readonly PlacedUnit[],
  isUsed: (unit: number) => boolean,
  quoted: readonly PlacedUnit[],
  prior: QuotePrior,
  /** The source the answer should be in now (multi-part: the current part's, `partHome`); default: the last quote's, else 1. */
  home?: number,
  /** Multi-part: the next unit starts a part (none of its units quoted yet), which opens like an answer does. */
  opensPart = false,
): Float64Array {
  const last = quoted.at(-1)?.source;
  const lastQuoted = new Map<number, number>();
  for (const q of quoted) lastQuoted.set(q.source, Math.max(lastQuoted.get(q.source) ?? -1, q.index));
  // Per source: the next unused unit in reading order (after its last quoted one; its first one before that, and
  // again once it is read to its end), and for a source not quoted yet its most relevant unit that may open a
  // statement ("This will help your doctor…" cannot).
  const next = new Map<number, number>();
  const firstOpen = new Map<number, number>();
  const first = new Map<number, PlacedUnit>();
  const focus = new Map<number, PlacedUnit>();
  const bestOpen = new Map<number, number>();
  units.forEach((u, i) => {
    if (isUsed(i)) return;
    if (!firstOpen.has(u.source)) firstOpen.set(u.source, u.index);
    if (!next.has(u.source) && u.index > (lastQuoted.get(u.source) ?? -1)) next.set(u.source, u.index);
    bestOpen.set(u.source, Math.max(bestOpen.get(u.source) ?? 0, u.relevance ?? 0));
    if (lastQuoted.has(u.source)) return;
    if (!first.has(u.source)) first.set(u.source, u);
    if (!leansOnStatement(u.text) && (u.relevance ?? 0) > (focus.get(u.source)?.relevance ?? -1)) focus.set(u.source, u);
  });
  // A source read to its end goes on from its first unused unit (the lead, after an opening at a later one).
  for (const [source, index] of firstOpen) if (!next.has(source)) next.set(source, index);
  for (const [source, f] of focus)
    if ((f.relevance ?? 0) - (first.get(source)!.relevance ?? 0) >= prior.focusMargin) next.set(source, f.index);
  // A single-part answer opens in the source that answers the question when the weights clearly say so: a
  // source whose best unit is sourceMargin more relevant than anything of the top one. Only the opening:
  // once an answer is under way, another source's relevant sentence is more of the same from elsewhere.
  let current = home ?? last ?? 1;
  if (home === undefined && quoted.length === 0) {
    const own = bestOpen.get(current) ?? 0;
    let best = own + prior.sourceMargin;
    for (const [source, r] of bestOpen)
      if (source !== current && r >= best) {
        best = r;
        current = source;
      }
  }
  const leave = quoted.length === 0 ? prior.firstSourceCost : prior.switchCost;
  return Float64Array.from(units, (u) => {
    const switching = u.source === current ? 0 : leave + prior.rankCost * (u.source - 1);
    const opening = quoted.length === 0 || u.source !== last;
    const inOrder = u.index === next.get(u.source);
    // The answer's first unit (or a part's): anything but the current source's next unit in reading order
    // costs the opening cost (a later sentence of it, or another source, which keeps their costs relative
    // to each other as they were). "Influenza, or flu, is…" opens the flu side of "cold or flu?", not
    // "Most healthy people recover…".
    // (A part opening: only a later sentence of the part's own source; more of the part before keeps its switch cost.)
    const opensElsewhere = quoted.length === 0 ? !(inOrder && u.source === current) : opensPart && u.source === current && !inOrder;
    return (
      prior.relevanceGain * (u.relevance ?? 0) -
      switching -
      (inOrder ? 0 : prior.orderCost) -
      (opensElsewhere ? prior.openingCost : 0) -
      (opening && pointsBack(u.text) ? prior.danglingCost : 0)
    );
  });
}

export const wordsIn = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Whether the answer may end after these quotes; `currentHasMore`: the current source still has a unit that fits. */
export function mayEnd(quoted: ReadonlyArray<{ text: string }>, currentHasMore: boolean, prior: QuotePrior): boolean {
  if (quoted.length === 0) return false;
  if (!currentHasMore) return true;
  return quoted.length >= prior.minUnits && quoted.reduce((n, q) => n + wordsIn(q.text), 0) >= prior.minWords;
}

// Multi-part questions ("What is X and how is it treated?"): the app says which sources answer
// each asked part (`grounding.parts`, in the order asked, best source first). The answer then
// covers the parts in turn: the part it is on is the first one not yet answered (a part is
// answered with `partMinUnits` units and `partMinWords` words quoted from its own sources, or
// when its sources have no unit left that fits), and its best source — or the one of its sources the answer is already
// in — is the "current" source of the single-part prior above. Once a part is answered, staying
// in its source costs the switch cost and the next part's source is free: the answer moves on.
// It may end only when every part is answered. Still offsets, never a mask.

/** One asked part: the 1-based sources that answer it, best first. */
export interface AskedPart {
  sources: readonly number[];
}

/**
 * Which part a unit just quoted counts for: the part the answer is on when that part names its
 * source, else the first unanswered part that does, else the first part that does (more of an
 * answered part); -1 when no part names it (a quote from elsewhere answers no part).
 */
export function partOfQuote(parts: readonly AskedPart[], on: number, source: number, answered: (part: number) => boolean): number {
  if (parts[on]!.sources.includes(source)) return on;
  const open = parts.findIndex((p, i) => !answered(i) && p.sources.includes(source));
  return open >= 0 ? open : parts.findIndex((p) => p.sources.includes(source));
}

/** Whether a part is answered: enough units and words, or nothing of its sources left (`hasMore`). */
export function partAnswered(progress: { units: number; words: number }, hasMore: boolean, prior: QuotePrior): boolean {
  return !hasMore || (progress.units >= prior.partMinUnits && progress.words >= prior.partMinWords);
}

/** The part the answer is on: the first one not answered, else the last. */
export function partOn(parts: readonly AskedPart[], answered: (part: number) => boolean): number {
  const open = parts.findIndex((_, i) => !answered(i));
  return open >= 0 ? open : parts.length - 1;
}

/** The source the answer should be in for part `on`: the last quote's when it is one of the part's, else the part's best. */
export function partHome(parts: readonly AskedPart[], on: number, lastSource: number | undefined): number {
  const sources = parts[on]!.sources;
  return lastSource !== undefined && sources.includes(lastSource) ? lastSource : sources[0]!;
}
