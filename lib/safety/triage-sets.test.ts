// The per-language labelled sets (lib/safety/triage-sets/, written before the rules were
// tuned): recall 1.0 on every language and high precision. `npm run eval:triage` prints
// the same numbers with every miss and false alarm.
import { describe, expect, it } from "vitest";
import { LANGUAGE_SETS, languageSet, loadConversations, loadMessages, scoreConversations, scoreMessages } from "./eval/score";

describe("triage on the per-language labelled sets", () => {
  it.each(LANGUAGE_SETS)("%s: every emergency found, precision at least 0.95", (language) => {
    const score = scoreMessages(language, languageSet(language));
    expect(score.misses).toEqual([]);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("Spanish has a set at least as large as the English one", () => {
    expect(loadMessages("triage-sets/es.json").length).toBeGreaterThanOrEqual(loadMessages("triage-sets/en.json").length);
  });

  it("conversations: split emergencies found, stale and informational ones not", () => {
    const score = scoreConversations(loadConversations());
    expect(score.misses).toEqual([]);
    expect(score.falseAlarms).toEqual([]);
  });
});
