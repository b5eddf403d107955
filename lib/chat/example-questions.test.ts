import { describe, expect, it } from "vitest";
import { envWithSettings, settingsSchema } from "@/lib/admin/settings";
import { DEFAULT_EXAMPLE_QUESTIONS, exampleQuestions } from "./example-questions";

describe("example questions of an empty web chat", () => {
  it("defaults to questions the starter knowledge base answers", () => {
    expect(exampleQuestions({})).toEqual(DEFAULT_EXAMPLE_QUESTIONS);
    expect(exampleQuestions({ CHAT_EXAMPLE_QUESTIONS: "  " })).toEqual(DEFAULT_EXAMPLE_QUESTIONS);
  });

  it("takes the operator's list, bounded, or none", () => {
    expect(exampleQuestions({ CHAT_EXAMPLE_QUESTIONS: " What is gout? | |Is flu vaccine safe in pregnancy?" })).toEqual([
      "What is gout?",
      "Is flu vaccine safe in pregnancy?",
    ]);
    expect(exampleQuestions({ CHAT_EXAMPLE_QUESTIONS: Array.from({ length: 9 }, (_, i) => `Question ${i}?`).join("|") })).toHaveLength(6);
    expect(exampleQuestions({ CHAT_EXAMPLE_QUESTIONS: `${"x".repeat(121)}|Short one?` })).toEqual(["Short one?"]);
    expect(exampleQuestions({ CHAT_EXAMPLE_QUESTIONS: "none" })).toEqual([]);
  });

  it("follows the console's settings over the environment: a list, an empty list (none) or unset (environment)", () => {
    const env = { CHAT_EXAMPLE_QUESTIONS: "From the environment?" } as unknown as NodeJS.ProcessEnv;
    const applied = (exampleQuestionsSetting: unknown) =>
      exampleQuestions(envWithSettings(settingsSchema.parse({ exampleQuestions: exampleQuestionsSetting }), env));
    expect(applied(["What is gout?"])).toEqual(["What is gout?"]);
    expect(applied([])).toEqual([]);
    expect(applied(undefined)).toEqual(["From the environment?"]);
    expect(() => settingsSchema.parse({ exampleQuestions: ["a|b"] })).toThrow(/cannot contain/);
  });
});
