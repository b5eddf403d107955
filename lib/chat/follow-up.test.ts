import { describe, expect, it } from "vitest";
import { followUpContext } from "./follow-up";
import type { HistoryMessage } from "./types";

const history: HistoryMessage[] = [
  { role: "user", text: "My 4 year old has a cold, what can I give her?" },
  { role: "assistant", text: "Rest, fluids and saline drops can ease symptoms. [1]" },
];

describe("followUpContext", () => {
  it("leans a follow-up on the person's previous question", () => {
    for (const text of [
      "how is it treated?",
      "what about honey, is that safe for her?",
      "is it contagious?",
      "and how long does it last",
      "What about at night?",
    ])
      expect(followUpContext(text, history), text).toBe(history[0]!.text);
  });

  it("leaves a message that stands on its own, and a first message, alone", () => {
    expect(followUpContext("What are the symptoms of gout?", history)).toBeNull();
    expect(followUpContext("is it contagious?", [])).toBeNull();
    expect(followUpContext("is it contagious?", [{ role: "assistant", text: "Hello" }])).toBeNull();
    const story =
      "My dad is 70 and was told he has atrial fibrillation after a check up, he takes warfarin and wants to know if he can still drink coffee";
    expect(followUpContext(story, history)).toBeNull();
  });
});
