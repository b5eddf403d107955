import { describe, expect, it } from "vitest";
import { rewriteEverydayPhrases } from "./everyday-phrases";
import { asksHowToPrevent, asksIfSafe, asksWhatToDo, asksWhenToSeekCare, nameNumbers, words } from "./query-terms";
import { rewriteAges } from "./ages";

describe("everyday phrases read as a health page's words", () => {
  it("reads blood pressure numbers as a reading, only in a message about blood pressure", () => {
    expect(rewriteEverydayPhrases("my blood pressure is 150 over 95 is that bad")).toBe("my blood pressure is reading is that bad");
    expect(rewriteEverydayPhrases("is my BP 150/95 too high")).toBe("is my BP reading too high");
    expect(rewriteEverydayPhrases("my vision is 20/20")).toBe("my vision is 20/20");
  });

  it("reads 'coming back' as 'again' and 'take care of' as 'care for'", () => {
    expect(rewriteEverydayPhrases("how do i stop them coming back")).toBe("how do i stop them again");
    expect(rewriteEverydayPhrases("it came back after a week")).toBe("it again after a week");
    expect(rewriteEverydayPhrases("how do I take care of a burn")).toBe("how do I care for a burn");
    expect(rewriteEverydayPhrases("my back hurts")).toBe("my back hurts");
  });

  it("reads a child's age told after the child ('my daughter is 4')", () => {
    expect(rewriteAges("my daughter is 4 and has a fever")).toBe("my daughter is a child and has a fever");
    expect(rewriteAges("my son is 15 and has acne")).toBe("my son is 15 and has acne");
    expect(rewriteAges("my daughter is 12 weeks pregnant")).toBe("my daughter is 12 weeks pregnant");
  });
});

describe("what a question asks, in everyday words", () => {
  const ws = (text: string) => words(rewriteEverydayPhrases(text));
  it("reads stopping a problem that recurs as prevention, not treatment", () => {
    expect(asksHowToPrevent(ws("I keep getting UTIs, how do I stop them"))).toBe(true);
    expect(asksHowToPrevent(ws("my kid has nits again, how do i stop them coming back"))).toBe(true);
    expect(asksHowToPrevent(ws("how can I stop getting migraines"))).toBe(true);
    expect(asksHowToPrevent(ws("how do I stop a nosebleed"))).toBe(false);
    expect(asksHowToPrevent(ws("how do i stop smoking"))).toBe(false);
    expect(asksHowToPrevent(ws("how do I stop it getting worse"))).toBe(false);
  });

  it("reads taking someone to the doctor as when to seek care, not whether a medicine is safe", () => {
    const q = ws("When should I take her to the doctor?");
    expect(asksWhenToSeekCare(q)).toBe(true);
    expect(asksIfSafe(q)).toBe(false);
    expect(asksIfSafe(ws("can I take ibuprofen with my blood pressure pills"))).toBe(true);
  });

  it("reads getting a sting out and what to eat as treatment", () => {
    expect(asksWhatToDo(ws("how do i get the sting out"))).toBe(true);
    expect(asksWhatToDo(ws("diabetic and shaky, what should i eat"))).toBe(true);
    expect(asksWhatToDo(ws("how did i get this rash"))).toBe(false);
  });

  it("keeps a number that names something, not a duration or a count", () => {
    expect([...nameNumbers(words("type 2 diabetes")).keys()]).toEqual(["2"]);
    expect([...nameNumbers(words("period 2 weeks late")).keys()]).toEqual([]);
    expect([...nameNumbers(words("peeing 3 times a night")).keys()]).toEqual([]);
  });
});
