// The per-language labelled sets (lib/safety/triage-sets/, written before the rules were
// tuned): recall 1.0 on every language and high precision. `npm run eval:triage` prints
// the same numbers with every miss and false alarm.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  LANGUAGE_SETS,
  languageSet,
  loadBlindRound,
  loadConversations,
  loadMessages,
  MIXED_SETS,
  scoreBlindRound,
  scoreConversations,
  scoreMessages,
} from "./eval/score";

describe("triage on the per-language labelled sets", () => {
  it.each(LANGUAGE_SETS)("%s: every emergency found, precision at least 0.95", (language) => {
    const score = scoreMessages(language, languageSet(language));
    expect(score.misses).toEqual([]);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(MIXED_SETS.filter((file) => fs.existsSync(path.join(import.meta.dirname, file))))(
    "%s (code-switched): every emergency found, no false alarm",
    (file) => {
      const score = scoreMessages(file, loadMessages(file));
      expect(score.misses).toEqual([]);
      expect(score.falseAlarms).toEqual([]);
    },
  );

  it("Spanish has a set at least as large as the English one", () => {
    expect(loadMessages("triage-sets/es.json").length).toBeGreaterThanOrEqual(loadMessages("triage-sets/en.json").length);
  });

  // The blind rounds written as JSON lines, tuned on since they were scored (their before-fix numbers: docs/triage-eval.md).
  it.each(["round12", "round13", "round14", "round15"])(
    "%s (blind, JSON lines): every emergency found, precision at least 0.95",
    (round) => {
      const all = scoreBlindRound(round, loadBlindRound(`triage-sets/${round}/messages.jsonl`)).at(-1)!;
      expect(all.misses).toEqual([]);
      expect(all.recall).toBe(1);
      expect(all.precision).toBeGreaterThanOrEqual(0.95);
    },
  );

  // Round 16 brought five languages triage had no rules for (Bengali, Czech, Persian, Hebrew, Urdu); round 17 added them.
  // (The combined row counts; the missed and falsely alarmed messages are listed on the per-language rows.)
  it("round16 (blind, JSON lines): every emergency found, no false alarm", () => {
    const all = scoreBlindRound("round16", loadBlindRound("triage-sets/round16/messages.jsonl")).at(-1)!;
    expect(all.fn).toBe(0);
    expect(all.fp).toBe(0);
  });

  // Round 17 brought Amharic, Hausa, Punjabi, Tamil and Yoruba with no rules and two kinds unread (a cold, pale leg; a baby's
  // green vomit): all read since round 18's work (seen when it was written, so this is coverage).
  it("round17 (blind, JSON lines): every emergency found, no false alarm", () => {
    const all = scoreBlindRound("round17", loadBlindRound("triage-sets/round17/messages.jsonl")).at(-1)!;
    expect(all.fn).toBe(0);
    expect(all.fp).toBe(0);
  });

  // Round 18 brought thirteen languages with no rules; eight are read now (Danish and Norwegian by the Swedish rules; Marathi,
  // Nepali, Gujarati, Telugu by the Hindi ones; Finnish, Somali, Igbo, Zulu by the English ones). Its misses are only the
  // three scripts still unread (Khmer, Burmese, Sinhala) and a compartment syndrome told in Danish, with no false alarm.
  it("round18 (blind, JSON lines): no false alarm, and misses only in the unread scripts and the kind named", () => {
    const rows = scoreBlindRound("round18", loadBlindRound("triage-sets/round18/messages.jsonl"));
    expect(rows.at(-1)!.fp).toBe(0);
    const known = ["r18-004", "r18-258", "r18-246", "r18-222"];
    const missed = rows.slice(0, -1).flatMap((row) => row.misses.map((miss) => miss.split(" ")[0]));
    expect(missed.filter((id) => !known.includes(id))).toEqual([]);
    expect(rows.at(-1)!.fn).toBe(missed.length);
  });

  it("conversations: split emergencies found, stale and informational ones not", () => {
    const score = scoreConversations(loadConversations());
    expect(score.misses).toEqual([]);
    expect(score.falseAlarms).toEqual([]);
  });
});
