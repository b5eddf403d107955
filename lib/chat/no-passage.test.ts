import { describe, expect, it } from "vitest";
import { triage } from "@/lib/safety/triage";
import { crisisAnswer, needsCrisisAnswer, noPassageAnswer } from "./no-passage";

const US = { locale: "en-US", emergencyNumber: "911", crisisLine: "988", crisisLineName: "988 Suicide & Crisis Lifeline" };
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
});
