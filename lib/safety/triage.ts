// Emergency triage: runs on every user message before the model. It is deliberately
// rule-based (deterministic, auditable, no model call) and tuned for recall on true
// emergencies while ignoring negations ("no chest pain"), long-past events ("a stroke
// in 2015"), animals ("my cat is having a seizure"), fiction, explicitly minor injuries
// (a rule's `unless`) and general-knowledge / educational / hypothetical questions that
// describe no current event ("if someone is having a stroke, is it better to drive?").
import { normalizeForTriage, splitClausesWithPauses, type Clause } from "./normalize";
import { CURRENT_EVENT, GENERAL_FRAMING, RED_FLAG_RULES, type RedFlagRule, type TriageCategory } from "./red-flags";
import { emergencyContactsFor, type EmergencyContacts } from "./contacts";
import { emergencyNoticeText } from "./disclaimers";

export { TRIAGE_CATEGORIES, type TriageCategory } from "./red-flags";

export interface TriageMatch {
  category: TriageCategory;
  ruleId: string;
  /** The normalised phrase that triggered the rule. */
  phrase: string;
}

export interface EmergencyNotice {
  categories: TriageCategory[];
  emergencyNumber: string;
  crisisLine: string;
  crisisLineName: string;
  /** Plain-language notice shown before anything else. */
  text: string;
}

export interface TriageResult {
  emergency: boolean;
  categories: TriageCategory[];
  matches: TriageMatch[];
  locale: string;
  /** Present when `emergency` is true. */
  notice?: EmergencyNotice;
}

const NEGATORS = new Set(["no", "not", "dont", "doesnt", "didnt", "without", "never", "denies", "deny", "denied", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "nor", "neither", "none"]);
const NEGATION_WINDOW = 4;
const DISTANT_PAST =
  /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|many|several) (?:years?|months?|weeks?) ago\b|\blast (?:year|month|summer|winter|spring|autumn|fall)\b|\bin (?:19|20)\d\d\b|\bwhen (?:i|he|she|they|we) (?:was|were)\b|\bas a (?:child|kid|teen\w*|baby|toddler)\b|\bhistory of\b|\bused to\b|\bin (?:college|high school|university|my (?:teens|twenties))\b|\byears back\b|\byears ago\b|\bin the past\b|\bpreviously\b|\b(?:a )?long time ago\b|\bages ago\b|\bi went through\b|\bwas treated for\b/;
const ANIMAL = /\b(?:dog|dogs|cat|cats|puppy|kitten|pet|horse|rabbit|hamster|parrot|bird|guinea pig|ferret|goldfish)\b/;
const FICTION = /\b(?:novel|screenplay|my character|a character|fictional|for a story|in my story|short story)\b/;

/** A negator within a few words before the match, in the same comma-delimited part ("isnt acting herself, very sleepy" keeps "sleepy" live). */
function isNegated(clause: Clause, index: number): boolean {
  const start = clause.pauses.filter((pause) => pause <= index).pop() ?? 0;
  const before = clause.text.slice(start, index).trim().split(" ").filter(Boolean).slice(-NEGATION_WINDOW);
  return before.some((token) => NEGATORS.has(token));
}

/** An animal as the agent of an injury to a person ("the dog bit my son's face") is not about an animal patient. */
const ANIMAL_AS_AGENT = /\b(?:bit|bitten|bites|attacked|mauled|scratched|gored|kicked|trampled|stung|jumped on|knocked (?:him|her|me|them) over)\b/;

function aboutAnAnimal(clause: string, index: number): boolean {
  const before = clause.slice(Math.max(0, index - 40), index);
  return ANIMAL.test(before) && !ANIMAL_AS_AGENT.test(before);
}

function globalOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
}

/** First live (not negated, not long past, not about an animal) occurrence of any pattern in any clause. */
function findLive(patterns: RegExp[], clauses: Clause[]): string | undefined {
  for (const { text: clause, pauses } of clauses) {
    if (DISTANT_PAST.test(clause)) continue;
    for (const pattern of patterns) {
      for (const m of clause.matchAll(globalOf(pattern))) {
        const index = m.index ?? 0;
        if (!isNegated({ text: clause, pauses }, index) && !aboutAnAnimal(clause, index)) return m[0];
      }
    }
  }
  return undefined;
}

function applyRule(rule: RedFlagRule, clauses: Clause[], whole: string): TriageMatch | undefined {
  const phrase = findLive(rule.when, clauses);
  if (phrase === undefined) return undefined;
  if (rule.and && findLive(rule.and, clauses) === undefined) return undefined;
  if (rule.andAlso && findLive(rule.andAlso, clauses) === undefined) return undefined;
  if (rule.unless?.some((pattern) => pattern.test(whole))) return undefined;
  return { category: rule.category, ruleId: rule.id, phrase };
}

/**
 * A general-knowledge, study or hypothetical question ("what does thunderclap headache
 * mean?", "if someone is having a stroke…", a trainer writing scenarios) that describes no
 * current first-person or "my <someone>" event. Red flags in such a message are not live.
 */
export function isGeneralQuestion(normalized: string): boolean {
  const flat = normalized.replace(/[.!?;,:\n]+/g, " ");
  return GENERAL_FRAMING.some((p) => p.test(flat)) && !CURRENT_EVENT.some((p) => p.test(flat));
}

export interface TriageOptions {
  env?: Record<string, string | undefined>;
}

/** Classifies one user message. `locale` picks the emergency number and crisis line (BCP 47, e.g. en-US). */
export function triage(message: string, locale = "en-US", options: TriageOptions = {}): TriageResult {
  const normalized = normalizeForTriage(message);
  const clauses = FICTION.test(normalized) || isGeneralQuestion(normalized) ? [] : splitClausesWithPauses(normalized);
  const whole = clauses.map((clause) => clause.text).join(" . ");
  const matches: TriageMatch[] = [];
  for (const rule of RED_FLAG_RULES) {
    const match = applyRule(rule, clauses, whole);
    if (match) matches.push(match);
  }
  const categories = [...new Set(matches.map((m) => m.category))];
  const contacts = emergencyContactsFor(locale, options.env);
  const result: TriageResult = { emergency: matches.length > 0, categories, matches, locale: contacts.locale };
  if (result.emergency) result.notice = buildNotice(categories, contacts);
  return result;
}

function buildNotice(categories: TriageCategory[], contacts: EmergencyContacts): EmergencyNotice {
  return {
    categories,
    emergencyNumber: contacts.emergencyNumber,
    crisisLine: contacts.crisisLine,
    crisisLineName: contacts.crisisLineName,
    text: emergencyNoticeText(categories, contacts),
  };
}
