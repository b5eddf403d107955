// A language's own sentences, each written for a test: those that must fire (with the notice in that language) and those
// that must stay quiet (idioms, past events, homework, fiction, pets). Shared by the tests of each round's new languages.
import { describe, expect, it } from "vitest";
import type { TriageLanguage } from "./red-flags/types";
import { triage } from "./triage";

export interface LanguageCases {
  fires: string[];
  quiet: string[];
}

export function describeLanguageCases(cases: Partial<Record<TriageLanguage, LanguageCases>>): void {
  describe.each(Object.entries(cases))("%s", (language, { fires, quiet }) => {
    it.each(fires)("fires, with the notice in the message's language: %s", (text) => {
      const result = triage(text, "en-US", { env: {} });
      expect(result.emergency).toBe(true);
      expect(result.notice?.language).toBe(language);
    });
    it.each(quiet)("stays quiet: %s", (text) => expect(triage(text, "en-US", { env: {} }).emergency).toBe(false));
  });
}
