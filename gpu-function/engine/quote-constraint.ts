// Quote mode (`grounding: {mode: "quote", sources}`): every sentence of the answer is a
// verbatim unit of one source (shared/quote-units.ts), followed by that source's " [n]".
// The model chooses which units, in which order, and when to stop; the constraint only
// allows tokens that continue some unused unit, in the tokenisation the tokenizer itself
// gives the whole answer (the unit with its separator and marker, encoded in context).
// Once a single unit matches the prefix, the rest of it and its marker are appended by
// the engine (jump-forward), so a marker can never name a wrong or missing source.
// A prior (quote-prior.ts) leans each choice toward the top-ranked source and reading
// order and keeps the answer from ending too early; it only shifts logits of allowed tokens.
// With `parts` (a question that asks several things) it covers each part's sources in turn.
import { formatQuotedAnswer, isListUnit, quoteMarker, quoteUnits, separatorBetween } from "../shared/quote-units";
import type { LogitsConstraint } from "./constraints";
import {
  DEFAULT_QUOTE_PRIOR,
  mayEnd,
  partAnswered,
  partHome,
  partOfQuote,
  partOn,
  unitPriors,
  wordsIn,
  type AskedPart,
  type QuotePrior,
} from "./quote-prior";

export interface QuoteSource {
  id: string;
  text: string;
  /** One weight (0..1) per quote unit of `text`, in reading order: how well it answers the question (quote-prior.ts). */
  relevance?: readonly number[];
}

export interface QuoteTokenizer {
  encode(text: string): number[];
}

export interface QuoteConstraintOptions {
  /** End-of-answer tokens, allowed after a complete unit (and forced when nothing fits any more). */
  eosTokenIds: number[];
  /** Tokens that open a reasoning channel (`<think>`, `<|channel|>`), allowed before the first unit only. */
  reasoningOpeners?: number[];
  /** How the choices lean (retrieval rank, reading order, minimum length); DEFAULT_QUOTE_PRIOR when absent. */
  prior?: QuotePrior;
  /**
   * The asked parts of a multi-part question, in the order asked: each part's 1-based sources,
   * best first (`grounding.parts`). Fewer than two parts: the single-part prior, unchanged.
   */
  parts?: readonly AskedPart[];
}

export class QuoteSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuoteSourceError";
  }
}

interface Candidate {
  unit: number;
  /** Token ids for each variant: 0 = first unit, 1 = after a sentence, 2 = after a list (separatorBetween says which separator). */
  tokens: number[][];
}

interface Unit {
  text: string;
  source: number;
  /** Position among its source's units (reading order). */
  index: number;
  /** Same text from another source counts as the same sentence (never repeated). */
  key: string;
  /**
   * Keys of the other units whose words hold this one's or are held in it: a list and one of its items on a line of
   * its own, where two overlapping passages of a page repeat it, or a list and its items run together in a line.
   * Quoting either repeats the other's words, so each counts as quoted with it.
   */
  overlaps: string[];
  relevance?: number;
}

type Phase = { kind: "boundary" } | { kind: "unit"; candidates: Candidate[]; pos: number; variant: number };

/** Token ids of `text` as the tokenizer encodes it right after `anchor` (so BPE merges and leading-space rules match a whole answer). */
export function encodeAfter(tok: QuoteTokenizer, anchor: string, text: string): number[] {
  if (!anchor) return tok.encode(text);
  const head = tok.encode(anchor);
  const all = tok.encode(anchor + text);
  const prefix = head.length <= all.length && head.every((t, i) => all[i] === t);
  return prefix ? all.slice(head.length) : tok.encode(text);
}

/** A unit held in another counts as quoted with it from this many words on (a list item, a run-on list), not a short sentence. */
const MIN_REPEAT_WORDS = 8;

/** The tables one request's sources compile to: every unit in each separator variant. Built once per request. */
export class QuoteTables {
  readonly units: Unit[] = [];
  readonly candidates: Candidate[] = [];
  readonly sourceCount: number;

  constructor(tok: QuoteTokenizer, sources: QuoteSource[]) {
    this.sourceCount = sources.length;
    sources.forEach((src, i) => {
      const n = i + 1;
      const units = quoteUnits(src.text);
      // Weights name units by position, so they must be for exactly these units (an app with other unit rules would misplace them).
      if (src.relevance && src.relevance.length > 0 && src.relevance.length !== units.length)
        throw new QuoteSourceError(
          `source ${n} has ${units.length} quote units but ${src.relevance.length} relevance weights (one per unit, shared/quote-units.ts)`,
        );
      units.forEach((u, index) => {
        const unit = this.units.length;
        const relevance = src.relevance?.[index];
        this.units.push({ text: u.text, source: n, index, key: u.text, overlaps: [], ...(relevance !== undefined ? { relevance } : {}) });
        const tail = u.text + quoteMarker(n);
        // The anchor stands for the end of the previous marker; the separator is the one the
        // unit gets after a sentence ("Sentence. [1]") or after a list ("- item [1]").
        const after = (previous: string) => encodeAfter(tok, "]", separatorBetween(previous, u.text) + tail);
        const tokens = [encodeAfter(tok, "", tail), after("A sentence."), after("A list:\n- item")];
        this.candidates.push({ unit, tokens });
      });
    });
    if (this.units.length === 0)
      throw new QuoteSourceError("the sources contain no quotable sentence (complete sentences of at least four words)");
    // Compared by their words (letters and digits): a list and the same items run together in a line ("- people over 60
    // - people with a family history" / "people over 60 people with a family history") repeat each other too.
    // A short unit inside a longer sentence is no repetition ("A chest x ray." / "A chest x ray takes a picture of…").
    const flat = this.units.map((u) => u.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const holds = (i: number, j: number) =>
      flat[j]!.length >= MIN_REPEAT_WORDS && ` ${flat[i]!.join(" ")} `.includes(` ${flat[j]!.join(" ")} `);
    this.units.forEach((u, i) => {
      u.overlaps = this.units.flatMap((o, j) => (o.key !== u.key && (holds(i, j) || holds(j, i)) ? [o.key] : []));
    });
  }
}

export class QuoteConstraint implements LogitsConstraint {
  private phase: Phase = { kind: "boundary" };
  /** Tokens left when the current unit started (a unit is only chosen if it fits). */
  private budget = Number.POSITIVE_INFINITY;
  private readonly used = new Set<string>();
  private readonly quoted: Array<{ text: string; source: number; index: number }> = [];
  private readonly eos: number[];
  private readonly openers: number[];
  private readonly prior: QuotePrior;
  /** Prior of quoting each unit next (recomputed when a unit completes). */
  private priors: Float64Array;
  /** Multi-part questions: the parts, and how far each is answered (units, words). */
  private readonly parts: readonly AskedPart[] | null;
  private readonly progress: Array<{ units: number; words: number }> = [];
  /** The part the answer is on (set at each boundary). */
  private on = 0;
  /** Bias of each token the last `allowedTokens` returned, or null when all are equal. */
  private bias: number[] | null = null;

  constructor(
    private readonly tables: QuoteTables,
    opts: QuoteConstraintOptions,
  ) {
    this.eos = [...new Set(opts.eosTokenIds)];
    this.openers = opts.reasoningOpeners ?? [];
    this.prior = opts.prior ?? DEFAULT_QUOTE_PRIOR;
    const { sourceCount } = tables;
    for (const part of opts.parts ?? [])
      if (part.sources.length === 0 || part.sources.some((n) => !Number.isInteger(n) || n < 1 || n > sourceCount))
        throw new QuoteSourceError(`each part names one or more of the sources 1..${sourceCount}`);
    this.parts = opts.parts && opts.parts.length >= 2 ? opts.parts : null;
    this.parts?.forEach(() => this.progress.push({ units: 0, words: 0 }));
    this.priors = this.computePriors();
  }

  private computePriors(home?: number, opensPart = false): Float64Array {
    const units = this.tables.units;
    return unitPriors(units, (u) => this.used.has(units[u]!.key), this.quoted, this.prior, home, opensPart);
  }

  /** Multi-part: whether part `i` is answered, given the units still open (unused and fitting). */
  private answered(i: number, open: readonly Candidate[]): boolean {
    const sources = this.parts![i]!.sources;
    const hasMore = open.some((c) => sources.includes(this.tables.units[c.unit]!.source));
    return partAnswered(this.progress[i]!, hasMore, this.prior);
  }

  /** Units quoted so far (text and 1-based source number), in answer order. */
  get quotes(): ReadonlyArray<{ text: string; source: number }> {
    return this.quoted.map(({ text, source }) => ({ text, source }));
  }

  /** The answer text the quotes so far make (what the engine has emitted as content). */
  get answer(): string {
    return formatQuotedAnswer(this.quoted);
  }

  private variant(): number {
    const last = this.quoted.at(-1);
    if (!last) return 0;
    return isListUnit(last.text) ? 2 : 1;
  }

  /** Unused units that fit in `remaining` tokens. */
  private open(remaining: number): Candidate[] {
    const v = this.variant();
    return this.tables.candidates.filter((c) => !this.used.has(this.tables.units[c.unit]!.key) && c.tokens[v]!.length <= remaining);
  }

  allowedTokens(remaining: number): readonly number[] {
    // Token → the best prior among the units it continues (or 0: end of answer, reasoning).
    const allowed = new Map<number, number>();
    const offer = (token: number, prior: number) => {
      const best = allowed.get(token);
      if (best === undefined || prior > best) allowed.set(token, prior);
    };
    if (this.phase.kind === "unit") {
      const { candidates, pos, variant } = this.phase;
      for (const c of candidates) offer(c.tokens[variant]![pos]!, this.priors[c.unit]!);
      return this.settle(allowed);
    }
    this.budget = remaining;
    const v = this.variant();
    const open = this.open(remaining);
    // Multi-part: the part the answer is on decides which source is "current" for this choice.
    if (this.parts) {
      this.on = partOn(this.parts, (i) => this.answered(i, open));
      this.priors = this.computePriors(partHome(this.parts, this.on, this.quoted.at(-1)?.source), this.progress[this.on]!.units === 0);
    }
    for (const c of open) offer(c.tokens[v]![0]!, this.priors[c.unit]!);
    if (this.quoted.length === 0) for (const t of this.openers) offer(t, 0);
    // The answer may end after a complete unit once it says enough (quote-prior.ts); with nothing quotable left it must end.
    const current = this.quoted.at(-1)?.source;
    const currentHasMore = open.some((c) => this.tables.units[c.unit]!.source === current);
    const mayStop = this.parts
      ? this.quoted.length > 0 && this.parts.every((_, i) => this.answered(i, open))
      : mayEnd(this.quoted, currentHasMore, this.prior);
    if (allowed.size === 0 || mayStop) for (const t of this.eos) offer(t, 0);
    return this.settle(allowed);
  }

  allowedBias(): readonly number[] | null {
    return this.bias;
  }

  private settle(allowed: Map<number, number>): number[] {
    const bias = [...allowed.values()];
    this.bias = bias.some((b) => b !== bias[0]) ? bias : null;
    return [...allowed.keys()];
  }

  accept(token: number): number[] {
    if (this.phase.kind === "boundary") {
      const variant = this.variant();
      const candidates = this.open(this.budget).filter((c) => c.tokens[variant]![0] === token);
      // EOS or a reasoning opener: no unit started.
      if (candidates.length === 0) return [];
      this.phase = { kind: "unit", candidates, pos: 1, variant };
    } else {
      const phase = this.phase;
      phase.candidates = phase.candidates.filter((c) => c.tokens[phase.variant]![phase.pos] === token);
      if (phase.candidates.length === 0) throw new Error(`quote constraint: token ${token} was not allowed`);
      phase.pos++;
    }
    return this.jumpForward();
  }

  /** Appends tokens while every candidate agrees on the next one; completes the unit when one candidate is fully written. */
  private jumpForward(): number[] {
    const phase = this.phase;
    const forced: number[] = [];
    if (phase.kind !== "unit") return forced;
    for (;;) {
      const done = phase.candidates.find((c) => c.tokens[phase.variant]!.length === phase.pos);
      if (done) {
        this.complete(done);
        return forced;
      }
      const next = phase.candidates[0]!.tokens[phase.variant]![phase.pos]!;
      if (phase.candidates.some((c) => c.tokens[phase.variant]![phase.pos] !== next)) return forced;
      forced.push(next);
      phase.pos++;
    }
  }

  private complete(c: Candidate): void {
    const unit = this.tables.units[c.unit]!;
    this.used.add(unit.key);
    for (const key of unit.overlaps) this.used.add(key);
    this.quoted.push({ text: unit.text, source: unit.source, index: unit.index });
    if (this.parts) {
      const open = this.open(Number.POSITIVE_INFINITY);
      const part = this.progress[partOfQuote(this.parts, this.on, unit.source, (i) => this.answered(i, open))];
      if (part) {
        part.units++;
        part.words += wordsIn(unit.text);
      }
    }
    this.phase = { kind: "boundary" };
    this.priors = this.computePriors();
  }
}
