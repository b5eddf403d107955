import { describe, expect, it } from "vitest";
import { NOTICE_WORDING } from "@/lib/safety/notice-texts";
import { TRIAGE_LANGUAGES } from "@/lib/safety/red-flags/types";
import { triage } from "@/lib/safety/triage";
import { crisisAnswer, needsCrisisAnswer, noPassageAnswer } from "./no-passage";

const US = { locale: "en-US", emergencyNumber: "911", crisisLine: "988", crisisLineName: "Suicide & Crisis Lifeline" };
const at = new Date("2026-12-05T00:00:00Z");
const said = (text: string) => ({ text, at });

/** Triage of `message` after `before` (the window), and of `message` alone. */
function crisis(before: string[], message: string): boolean {
  return needsCrisisAnswer(triage(message, "en-US", { previousTurns: before.map(said), at }), triage(message, "en-US", { at }));
}

describe("the crisis answer", () => {
  it("answers suicide or self-harm, and what follows it in triage's window unless that is another emergency", () => {
    expect(crisis([], "i dont want to live anymore, i have pills saved up")).toBe(true);
    expect(crisis(["i dont want to live anymore, i have pills saved up"], "how many would it take")).toBe(true);
    expect(crisis(["i dont want to live anymore, i have pills saved up"], "i took 30 pills")).toBe(true);
    expect(crisis(["i dont want to live anymore, i have pills saved up"], "my dad's face is drooping and he can't speak")).toBe(false);
    expect(crisis([], "What is asthma?")).toBe(false);
    expect(crisis([], "crushing chest pain and sweating")).toBe(false);
  });

  it("answers a whole bottle taken by the writer (self-harm until shown otherwise), not one a child swallowed", () => {
    expect(crisis([], "I swallowed a whole bottle of sleeping pills")).toBe(true);
    expect(crisis([], "i took a whole bottle of my sleeping pills an hour ago")).toBe(true);
    expect(crisis([], "my son swallowed a whole bottle of sleeping pills")).toBe(false);
  });

  it("gives the crisis line and the emergency number, and no reading list", () => {
    const text = crisisAnswer(US);
    expect(text).toContain("call or text 988");
    expect(text).toContain("call 911");
    expect(text).not.toMatch(/medlineplus/i);
  });

  it("after any other emergency notice, the no-passage answer points back to it", () => {
    expect(noPassageAnswer(US, { emergency: true })).toMatch(/^Please follow the emergency advice above: call 911/);
    expect(noPassageAnswer(US, { emergency: false })).toMatch(/^I couldn't find this in the MedChat knowledge base/);
  });

  it("speaks the notice's language: the crisis answer and the pointer back to the notice", () => {
    const spanish = triage("quiero suicidarme esta noche", "en-US", { at });
    expect(spanish.notice?.language).toBe("es");
    const crisisText = crisisAnswer(US, spanish.notice?.language);
    expect(crisisText).toMatch(/^No está solo/);
    expect(crisisText).toContain("al 988");
    expect(crisisText).toContain("al 911");
    const french = triage("il ne respire plus et ses lèvres sont bleues", "fr-FR", { at });
    expect(french.notice?.language).toBe("fr");
    const fr = { locale: "fr-FR", emergencyNumber: "112", crisisLine: "3114", crisisLineName: "" };
    expect(noPassageAnswer(fr, french)).toMatch(/^Suivez les conseils d'urgence ci-dessus : appelez maintenant le 112/);
  });

  it("every notice language has both answers, with the numbers, in its own words", () => {
    const numbers = { locale: "xx", emergencyNumber: "EMERGENCY-NUM", crisisLine: "CRISIS-NUM", crisisLineName: "" };
    for (const language of TRIAGE_LANGUAGES) {
      const crisisText = crisisAnswer(numbers, language);
      const back = noPassageAnswer(numbers, { emergency: true, notice: { ...triage("I want to kill myself").notice!, language } });
      expect(crisisText, language).toContain("CRISIS-NUM");
      expect(crisisText, language).toContain("EMERGENCY-NUM");
      expect(back, language).toContain("EMERGENCY-NUM");
      if (language !== "en") {
        expect(crisisText, language).not.toContain("You are not alone");
        expect(back, language).not.toContain("Please follow");
        expect(crisisText, language).toContain(NOTICE_WORDING[language].crisisAnswer.open);
      }
    }
  });
});
