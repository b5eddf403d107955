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
  it("round16 (blind, JSON lines): every emergency found, no false alarm", () => {
    const all = scoreBlindRound("round16", loadBlindRound("triage-sets/round16/messages.jsonl")).at(-1)!;
    expect(all.misses).toEqual([]);
    expect(all.falseAlarms).toEqual([]);
  });

  it("conversations: split emergencies found, stale and informational ones not", () => {
    const score = scoreConversations(loadConversations());
    expect(score.misses).toEqual([]);
    expect(score.falseAlarms).toEqual([]);
  });
});
