// The triage engine: runs one language's red-flag rules over the recent user turns, each
// already de-obfuscated and folded. A red flag counts only when it is live: not negated
// just before, not in a clause about something long past, not about an animal, and not in
// a turn framed as fiction or as a general question — unless that turn also describes a
// current event ("For a story: I have crushing chest pain right now" is live). Rules whose
// parts must all be present (chest pain AND sweating) may find them in different turns.
import { splitClausesWithPauses, type Clause } from "./text/clauses";
import type { LanguageContext, LanguageRules, RedFlagRule, TriageCategory, TriageLanguage } from "./red-flags/types";

export interface TriageMatch {
  category: TriageCategory;
  ruleId: string;
  language: TriageLanguage;
  /** The normalised phrase that triggered the rule. */
  phrase: string;
}

/** Longer clauses are cut into overlapping windows of this many words, so every pattern runs on bounded text. */
const CLAUSE_WORDS = 60;
const CLAUSE_OVERLAP = 15;

function boundedClauses(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const clause of clauses) {
    const words = clause.text.split(" ");
    if (words.length <= CLAUSE_WORDS) {
      out.push(clause);
      continue;
    }
    for (let start = 0; start < words.length; start += CLAUSE_WORDS - CLAUSE_OVERLAP) {
      out.push({ text: words.slice(start, start + CLAUSE_WORDS).join(" "), pauses: [] });
      if (start + CLAUSE_WORDS >= words.length) break;
    }
  }
  return out;
}

/**
 * A negator within a few words before the match, in the same comma-delimited part ("isnt acting herself, very sleepy" keeps
 * "sleepy" live). A sign that is itself negative ("nie moze podniesc reki", "cant breathe": it starts with a negator or one of
 * the language's negativeWords) is not undone by a negator before it: that one belongs to other words ("mowi bez sensu i nie
 * moze…", or an answer: "no he cant breathe").
 */
function isNegated(context: LanguageContext, clause: Clause, index: number, matched: string): boolean {
  const first = matched.split(" ", 1)[0];
  if (context.negators.has(first) || (context.negativeWords?.has(first) ?? false)) return false;
  const start = negationScopeStart(context, clause, index, matched);
  const before = clause.text.slice(start, index).trim().split(" ").filter(Boolean).slice(-context.negationWindow);
  return before.some((token) => context.negators.has(token));
}

/** Where a negation's scope before the match at `index` begins: after the last pause, and after the last conjunction starting a new statement (`newStatement`). */
function negationScopeStart(context: LanguageContext, clause: Clause, index: number, matched: string): number {
  const start = clause.pauses.filter((pause) => pause <= index).pop() ?? 0;
  if (!context.newStatement) return start;
  // The match itself is kept after the slice: the new statement may begin with it ("and keeps asking…").
  const text = clause.text.slice(start, index + matched.length);
  let from = start;
  for (const m of text.matchAll(globalOf(context.newStatement))) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= index - start) from = start + end;
  }
  return from;
}

function aboutAnAnimal(context: LanguageContext, clause: string, index: number): boolean {
  let before = clause.slice(Math.max(0, index - 40), index);
  // "the cat's been asleep all day and the co alarm keeps beeping": the animal belongs to the statement before the new subject.
  const newSubject = context.newSubject && [...before.matchAll(globalOf(context.newSubject))].pop();
  if (newSubject) before = before.slice((newSubject.index ?? 0) + newSubject[0].length);
  return context.animal.test(before) && !(context.animalAsAgent?.test(before) ?? false);
}

const globalCache = new WeakMap<RegExp, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  let global = globalCache.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
    globalCache.set(pattern, global);
  }
  global.lastIndex = 0;
  return global;
}

/** First live occurrence of any pattern in any clause. */
function findLive(context: LanguageContext, patterns: RegExp[], clauses: Clause[]): string | undefined {
  for (const clause of clauses) {
    if (context.distantPast.test(clause.text)) continue;
    for (const pattern of patterns) {
      for (const m of clause.text.matchAll(globalOf(pattern))) {
        const index = m.index ?? 0;
        const end = index + m[0].length;
        const negated = isNegated(context, clause, index, m[0]) || (context.negatedAt?.(clause.text, index, end) ?? false);
        const topic = context.aboutATopic?.(clause, index, end) ?? false;
        if (!negated && !topic && !aboutAnAnimal(context, clause.text, index)) return m[0];
      }
    }
  }
  return undefined;
}

/** Live occurrences already looked up for this message, by pattern list (rules share lists: see concepts/compile.ts). */
type LiveMemo = Map<RegExp[], string | undefined>;

function findLiveMemo(context: LanguageContext, patterns: RegExp[], clauses: Clause[], memo: LiveMemo): string | undefined {
  if (memo.has(patterns)) return memo.get(patterns);
  const found = findLive(context, patterns, clauses);
  memo.set(patterns, found);
  return found;
}

function applyRule(context: LanguageContext, rule: RedFlagRule, clauses: Clause[], whole: string, memo: LiveMemo): string | undefined {
  const phrase = findLiveMemo(context, rule.when, clauses, memo);
  if (phrase === undefined) return undefined;
  if (rule.and && findLiveMemo(context, rule.and, clauses, memo) === undefined) return undefined;
  if (rule.andAlso && findLiveMemo(context, rule.andAlso, clauses, memo) === undefined) return undefined;
  if (rule.unless?.some((pattern) => pattern.test(whole))) return undefined;
  return phrase;
}

const flatten = (text: string) => text.replace(/[.!?;,:\n]+/g, " ");

/** A sentence (or a whole turn) framed as fiction or as a general / educational / hypothetical question that describes no current event. */
function framed(context: LanguageContext, text: string): boolean {
  const flat = flatten(text);
  return (context.fiction.test(flat) || context.general.some((p) => p.test(flat))) && !context.currentEvent.some((p) => p.test(flat));
}

/**
 * What of a turn is live: nothing when the whole turn is fiction or framed as general; but when the framing is only in
 * a closing question, the sentences before it stay. A worried account followed by "can we wait?" stays live, while "what are the
 * signs of a stroke?" alone, or "… what should I do? just preparing", does not.
 */
export function liveText(context: LanguageContext, normalized: string): string {
  const flat = flatten(normalized);
  if (context.play?.test(flat)) return "";
  if (context.fiction.test(flat) && !context.currentEvent.some((p) => p.test(flat))) return "";
  if (!framed(context, normalized)) return normalized;
  const sentences = (normalized.match(/[^.!?\n]+[.!?\n]*/g) ?? []).filter((sentence) => sentence.trim().replace(/[.!?\n]/g, "").length > 0);
  if (sentences.length < 2) return "";
  // Only a closing question is dropped alone ("… can we wait?"); framing anywhere else covers the whole turn.
  const last = sentences[sentences.length - 1];
  if (!last.includes("?") || !framed(context, last)) return "";
  const rest = sentences.slice(0, -1).join(" ");
  return framed(context, rest) ? "" : rest;
}

/** A turn with nothing live in it (see liveText). */
export function isFramedAway(context: LanguageContext, normalized: string): boolean {
  return liveText(context, normalized).trim() === "";
}

/** The live clauses of the turns (oldest first, each already in this language's normalisation). */
export function liveClauses(pack: LanguageRules, normalizedTurns: string[]): Clause[] {
  const clauses: Clause[] = [];
  for (const normalized of normalizedTurns) {
    const live = liveText(pack.context, normalized);
    if (live.trim() === "") continue;
    clauses.push(...boundedClauses(splitClausesWithPauses(live, pack.context.contrast)));
  }
  return clauses;
}

/** Every rule of `pack` (its own rules, or the `rules` given) that fires on the turns (normalised by `pack.normalize`). */
export function matchLanguage(pack: LanguageRules, normalizedTurns: string[], rules: RedFlagRule[] = pack.rules): TriageMatch[] {
  const clauses = liveClauses(pack, normalizedTurns);
  if (clauses.length === 0) return [];
  const whole = clauses.map((clause) => clause.text).join(" . ");
  const matches: TriageMatch[] = [];
  const memo: LiveMemo = new Map();
  for (const rule of rules) {
    const phrase = applyRule(pack.context, rule, clauses, whole, memo);
    if (phrase !== undefined) matches.push({ category: rule.category, ruleId: rule.id, language: pack.language, phrase });
  }
  return matches;
}
