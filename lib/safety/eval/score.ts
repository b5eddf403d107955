// Scores triage on the labelled sets in lib/safety/triage-sets/ (and the earlier English
// tuning and held-out sets): precision and recall per language and overall.
import fs from "node:fs";
import path from "node:path";
import { triage } from "../triage";

export interface LabelledMessage {
  text: string;
  emergency: boolean;
  category: string;
  why: string;
}

export interface LabelledConversation {
  turns: { text: string; minutesAgo?: number }[];
  emergency: boolean;
  category: string;
  why: string;
}

export interface SetScore {
  name: string;
  size: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  misses: string[];
  falseAlarms: string[];
}

const SAFETY_DIR = path.join(import.meta.dirname, "..");
/** The seven languages with sets from round 1 on. */
export const FIRST_LANGUAGE_SETS = ["en", "es", "fr", "de", "pt", "it", "nl"] as const;
/** Languages added with round 6 (their sets start there). */
export const ADDED_LANGUAGE_SETS = ["zh", "ja", "ko", "ar", "hi", "ru", "uk", "pl", "tr", "vi", "id", "sv"] as const;
/** Languages added with round 8 (their sets start there). */
export const ROUND8_LANGUAGE_SETS = ["th"] as const;
export const LANGUAGE_SETS = [...FIRST_LANGUAGE_SETS, ...ADDED_LANGUAGE_SETS, ...ROUND8_LANGUAGE_SETS] as const;
/** Blind rounds scored alone too (each written before the fixes it prompted). */
export const BLIND_ROUNDS = [2, 3, 5, 6, 7, 8, 9, 10] as const;
/** Held-out rounds: scored once as the estimate for new text and never tuned on, so kept out of the pooled rows and the tests. Rounds 9 and 10 were held out until the round-11 work tuned on them (their once-scored numbers stay in their READMEs). */
export const HELD_OUT_ROUNDS = [11] as const;

export function loadMessages(file: string): LabelledMessage[] {
  return JSON.parse(fs.readFileSync(path.join(SAFETY_DIR, file), "utf8")) as LabelledMessage[];
}

export function loadConversations(): LabelledConversation[] {
  return JSON.parse(fs.readFileSync(path.join(SAFETY_DIR, "triage-sets/conversations.json"), "utf8")) as LabelledConversation[];
}

/** Triage of a labelled conversation's last turn, the earlier turns given with their times. */
export function triageConversation(conversation: LabelledConversation, locale = "en-US") {
  const now = new Date("2026-01-01T12:00:00Z");
  const at = (minutesAgo = 0) => new Date(now.getTime() - minutesAgo * 60_000);
  const turns = conversation.turns;
  const previous = turns.slice(0, -1).map((t) => ({ text: t.text, at: at(t.minutesAgo) }));
  return triage(turns[turns.length - 1].text, locale, { previousTurns: previous, at: now });
}

function score(name: string, items: { label: boolean; fired: boolean; describe: () => string }[]): SetScore {
  const s: SetScore = { name, size: items.length, tp: 0, fp: 0, fn: 0, tn: 0, precision: 1, recall: 1, misses: [], falseAlarms: [] };
  for (const item of items) {
    if (item.label && item.fired) s.tp++;
    else if (!item.label && item.fired) {
      s.fp++;
      s.falseAlarms.push(item.describe());
    } else if (item.label && !item.fired) {
      s.fn++;
      s.misses.push(item.describe());
    } else s.tn++;
  }
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return s;
}

export function scoreMessages(name: string, cases: LabelledMessage[]): SetScore {
  return score(
    name,
    cases.map((c) => {
      const result = triage(c.text, "en-US");
      return {
        label: c.emergency,
        fired: result.emergency,
        describe: () => `[${c.category}] ${c.text}  ← ${result.matches.map((m) => `${m.ruleId}:${m.phrase}`).join(", ")}`,
      };
    }),
  );
}

export function scoreConversations(cases: LabelledConversation[]): SetScore {
  return score(
    "conversations",
    cases.map((c) => {
      const result = triageConversation(c);
      return {
        label: c.emergency,
        fired: result.emergency,
        describe: () =>
          `[${c.category}] ${c.turns.map((t) => t.text).join(" ⏎ ")}  ← ${result.matches.map((m) => `${m.ruleId}:${m.phrase}`).join(", ")}`,
      };
    }),
  );
}

export function combine(name: string, scores: SetScore[]): SetScore {
  const s = scores.reduce(
    (acc, x) => ({ ...acc, size: acc.size + x.size, tp: acc.tp + x.tp, fp: acc.fp + x.fp, fn: acc.fn + x.fn, tn: acc.tn + x.tn }),
    { name, size: 0, tp: 0, fp: 0, fn: 0, tn: 0, precision: 1, recall: 1, misses: [] as string[], falseAlarms: [] as string[] },
  );
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return s;
}

/** Code-switched messages (several languages in one message), scored as their own rows. */
export const MIXED_SETS = [
  "triage-sets/round6/mixed.json",
  "triage-sets/round7/mixed.json",
  "triage-sets/round8/mixed.json",
  "triage-sets/round9/mixed.json",
];

/** One language's labelled messages: round 1 (before any tuning), rounds 2 and 3 (each written after the previous round's fixes), a benign batch, rounds 5 to 10 (9 and 10 tuned on since round 11), and for Spanish round 4 (the categories beyond the core, written with their rules). */
export function languageSet(language: string): LabelledMessage[] {
  const rounds = [
    "",
    "round2/",
    "round3/",
    "benign/",
    "round5/",
    "round6/",
    "round7/",
    "round8/",
    "round9/",
    "round10/",
    ...(language === "es" ? ["round4/"] : []),
  ];
  return rounds
    .map((dir) => `triage-sets/${dir}${language}.json`)
    .filter((file) => fs.existsSync(path.join(SAFETY_DIR, file)))
    .flatMap(loadMessages);
}

/** Every set: the per-language sets (rounds 1–3), the conversations, their total, and the earlier English sets. */
export function scoreAll(): {
  perLanguage: SetScore[];
  overall: SetScore;
  earlierEnglish: SetScore[];
  rounds: SetScore[];
  heldOut: SetScore[];
} {
  const perLanguage = [
    ...LANGUAGE_SETS.map((lang) => scoreMessages(lang, languageSet(lang))),
    ...MIXED_SETS.filter((file) => fs.existsSync(path.join(SAFETY_DIR, file))).map((file) =>
      scoreMessages(file.replace(/^triage-sets\/|\.json$/g, ""), loadMessages(file)),
    ),
    scoreConversations(loadConversations()),
  ];
  const overall = combine("overall", perLanguage);
  const rounds = BLIND_ROUNDS.flatMap((round) =>
    [...LANGUAGE_SETS, "mixed"]
      .filter((lang) => fs.existsSync(path.join(SAFETY_DIR, `triage-sets/round${round}/${lang}.json`)))
      .map((lang) => scoreMessages(`${lang} round ${round} only`, loadMessages(`triage-sets/round${round}/${lang}.json`))),
  );
  const heldOut = HELD_OUT_ROUNDS.flatMap((round) => {
    const rows = [...LANGUAGE_SETS, "mixed"]
      .filter((lang) => fs.existsSync(path.join(SAFETY_DIR, `triage-sets/round${round}/${lang}.json`)))
      .map((lang) => scoreMessages(`${lang} round ${round}`, loadMessages(`triage-sets/round${round}/${lang}.json`)));
    return [...rows, combine(`all round ${round} (held out)`, rows)];
  });
  const earlierEnglish = [
    scoreMessages("en tuning (triage-cases + extra)", [...loadMessages("triage-cases.json"), ...loadMessages("triage-cases-extra.json")]),
    scoreMessages("en held-out (triage-cases-holdout)", loadMessages("triage-cases-holdout.json")),
  ];
  return { perLanguage, overall, earlierEnglish, rounds, heldOut };
}

/** A message of a blind round written as JSON lines (round 12 on): `lang` is a BCP 47 tag, `history` the earlier user turns. */
export interface BlindMessage {
  id: string;
  lang: string;
  text: string;
  history?: string[];
  emergency: boolean;
  category: string;
  why: string;
}

export function loadBlindRound(file: string): BlindMessage[] {
  return fs
    .readFileSync(path.join(SAFETY_DIR, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as BlindMessage);
}

/** A BCP 47 tag as a row of the scores: its language and script ("hi-Latn"), not its region ("es-MX" → "es"). */
export function languageRow(tag: string): string {
  return tag
    .split("-")
    .filter((part, i) => i === 0 || /^[A-Z][a-z]{3}$/.test(part))
    .join("-");
}

/** A blind round scored per language (its `lang` tags without region, the most frequent first) and overall; history turns are read without times, as a stateless caller sends them. */
export function scoreBlindRound(name: string, messages: BlindMessage[]): SetScore[] {
  const byLanguage = new Map<string, BlindMessage[]>();
  for (const message of messages) {
    const row = languageRow(message.lang);
    byLanguage.set(row, [...(byLanguage.get(row) ?? []), message]);
  }
  const rows = [...byLanguage]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([lang, cases]) =>
      score(
        `${lang} ${name}`,
        cases.map((c) => {
          const result = triage(c.text, "en-US", { previousTurns: (c.history ?? []).map((text) => ({ text })) });
          return {
            label: c.emergency,
            fired: result.emergency,
            describe: () =>
              `${c.id} [${c.category}] ${[...(c.history ?? []), c.text].join(" ⏎ ")}  ← ${result.matches.map((m) => `${m.ruleId}:${m.phrase}`).join(", ")}`,
          };
        }),
      ),
    );
  return [...rows, combine(`all ${name}`, rows)];
}
