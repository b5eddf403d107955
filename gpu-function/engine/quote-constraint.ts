// Quote mode (`grounding: {mode: "quote", sources}`): every sentence of the answer is a
// verbatim unit of one source (shared/quote-units.ts), followed by that source's " [n]".
// The model chooses which units, in which order, and when to stop; the constraint only
// allows tokens that continue some unused unit, in the tokenisation the tokenizer itself
// gives the whole answer (the unit with its separator and marker, encoded in context).
// Once a single unit matches the prefix, the rest of it and its marker are appended by
// the engine (jump-forward), so a marker can never name a wrong or missing source.
import { formatQuotedAnswer, quoteMarker, quoteUnits, separatorAfter } from "../shared/quote-units";
import type { LogitsConstraint } from "./constraints";

export interface QuoteSource {
  id: string;
  text: string;
}

export interface QuoteTokenizer {
  encode(text: string): number[];
}

export interface QuoteConstraintOptions {
  /** End-of-answer tokens, allowed after a complete unit (and forced when nothing fits any more). */
  eosTokenIds: number[];
  /** Tokens that open a reasoning channel (`<think>`, `<|channel|>`), allowed before the first unit only. */
  reasoningOpeners?: number[];
}

export class QuoteSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuoteSourceError";
  }
}

interface Candidate {
  unit: number;
  /** Token ids for each separator variant: 0 = first unit, 1 = after " ", 2 = after "\n\n". */
  tokens: number[][];
}

interface Unit {
  text: string;
  source: number;
  /** Same text from another source counts as the same sentence (never repeated). */
  key: string;
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

/** The tables one request's sources compile to: every unit in each separator variant. Built once per request. */
export class QuoteTables {
  readonly units: Unit[] = [];
  readonly candidates: Candidate[] = [];

  constructor(tok: QuoteTokenizer, sources: QuoteSource[]) {
    sources.forEach((src, i) => {
      const n = i + 1;
      for (const u of quoteUnits(src.text)) {
        const unit = this.units.length;
        this.units.push({ text: u.text, source: n, key: u.text });
        const tail = u.text + quoteMarker(n);
        // The anchor stands for the end of the previous marker.
        const tokens = [encodeAfter(tok, "", tail), encodeAfter(tok, "]", ` ${tail}`), encodeAfter(tok, "]", `\n\n${tail}`)];
        this.candidates.push({ unit, tokens });
      }
    });
    if (this.units.length === 0)
      throw new QuoteSourceError("the sources contain no quotable sentence (complete sentences of at least four words)");
  }
}

export class QuoteConstraint implements LogitsConstraint {
  private phase: Phase = { kind: "boundary" };
  /** Tokens left when the current unit started (a unit is only chosen if it fits). */
  private budget = Number.POSITIVE_INFINITY;
  private readonly used = new Set<string>();
  private readonly quoted: Array<{ text: string; source: number }> = [];
  private readonly eos: number[];
  private readonly openers: number[];

  constructor(
    private readonly tables: QuoteTables,
    opts: QuoteConstraintOptions,
  ) {
    this.eos = [...new Set(opts.eosTokenIds)];
    this.openers = opts.reasoningOpeners ?? [];
  }

  /** Units quoted so far (text and 1-based source number), in answer order. */
  get quotes(): ReadonlyArray<{ text: string; source: number }> {
    return this.quoted;
  }

  /** The answer text the quotes so far make (what the engine has emitted as content). */
  get answer(): string {
    return formatQuotedAnswer(this.quoted);
  }

  private variant(): number {
    const last = this.quoted.at(-1);
    if (!last) return 0;
    return separatorAfter(last.text) === " " ? 1 : 2;
  }

  /** Unused units that fit in `remaining` tokens. */
  private open(remaining: number): Candidate[] {
    const v = this.variant();
    return this.tables.candidates.filter((c) => !this.used.has(this.tables.units[c.unit]!.key) && c.tokens[v]!.length <= remaining);
  }

  allowedTokens(remaining: number): readonly number[] {
    const allowed = new Set<number>();
    if (this.phase.kind === "unit") {
      const { candidates, pos, variant } = this.phase;
      for (const c of candidates) allowed.add(c.tokens[variant]![pos]!);
      return [...allowed];
    }
    this.budget = remaining;
    const v = this.variant();
    for (const c of this.open(remaining)) allowed.add(c.tokens[v]![0]!);
    if (this.quoted.length === 0) for (const t of this.openers) allowed.add(t);
    // The answer may end after a complete unit; with nothing quotable left it must end.
    if (this.quoted.length > 0 || allowed.size === 0) for (const t of this.eos) allowed.add(t);
    return [...allowed];
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
    this.quoted.push({ text: unit.text, source: unit.source });
    this.phase = { kind: "boundary" };
  }
}
