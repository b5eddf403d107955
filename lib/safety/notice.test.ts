import { describe, expect, it } from "vitest";
import { BUILT_IN_LOCALES, crisisLineLabel, emergencyContactsFor } from "./contacts";
import { buildNotice, noticeCategories, type NoticeEvidence } from "./notice";
import { NOTICE_WORDING } from "./notice-texts";
import { TRIAGE_LANGUAGES, type TriageLanguage } from "./red-flags/types";
import { triage } from "./triage";

const at = new Date("2026-12-05T00:00:00Z");
const said = (text: string) => ({ text, at });
const after = (before: string[], message: string, locale = "en-US") => triage(message, locale, { previousTurns: before.map(said), at });
const env = {};

describe("the notice's language follows the message just sent", () => {
  it("an English question after Spanish and English turns gets an English notice with the locale's numbers", () => {
    const result = after(
      ["me duele mucho el pecho y estoy sudando frío", "what is a heart attack?"],
      // A question that still speaks to the emergency ("now"): a question about something else leaves it behind (left-behind.ts).
      "can I take an aspirin now?",
    );
    expect(result.emergency).toBe(true);
    expect(result.notice?.language).toBe("en");
    expect(result.notice?.text).toMatch(/^This could be a medical emergency\. Call 911/);
    expect(result.notice?.labels.heading).toBe("Possible emergency");
  });

  it("a Spanish message after an English emergency gets a Spanish notice; a French one in France a French notice with 112 and 3114", () => {
    const spanish = after(["I want to kill myself"], "¿qué hago ahora? no sé qué hacer");
    expect(spanish.notice?.language).toBe("es");
    expect(spanish.notice?.text).toMatch(/Llame ahora al 911/);
    expect(spanish.notice?.text).toContain("988");
    const french = after(["j'ai mal à la tête"], "je veux me suicider ce soir", "fr-FR");
    expect(french.notice?.language).toBe("fr");
    expect(french.notice?.text).toMatch(/Appelez maintenant le 112/);
    expect(french.notice?.text).toContain("3114");
  });

  it("a message whose language is unclear keeps the language of the turn that triggered", () => {
    expect(after(["quiero suicidarme esta noche"], "???").notice?.language).toBe("es");
  });
});

describe("the categories the notice names", () => {
  it("an earlier chest pain that fired on its own is not repeated into a crisis notice", () => {
    const result = after(["I have crushing chest pain and I'm sweating", "ok it passed now"], "I want to kill myself");
    expect(result.categories).toEqual(expect.arrayContaining(["cardiac", "suicidal_self_harm"])); // detection unchanged
    expect(result.notice?.categories).toEqual(["suicidal_self_harm"]);
    expect(result.notice?.text).not.toContain(NOTICE_WORDING.en.advice.cardiac);
    const two = after(["crushing chest pain and sweating", "my dad's face is drooping and he can't speak"], "i want to end my life");
    expect(two.notice?.categories).toEqual(["suicidal_self_harm"]);
    expect(two.notice?.text).not.toContain(NOTICE_WORDING.en.advice.stroke);
  });

  it("an emergency told over two turns still shows, naming what the two together indicate", () => {
    const first = triage("I took a lot of my mum's pills", "en-US", { at });
    const second = after(["I took a lot of my mum's pills"], "like 30 of them, about an hour ago");
    expect(second.emergency).toBe(true);
    expect(second.notice?.categories).toContain("overdose_poisoning");
    expect(second.notice?.text).toContain(NOTICE_WORDING.en.advice.overdose_poisoning);
    // Whether or not the first turn fired on its own, the second names the overdose.
    expect(first.categories.every((c) => second.notice?.categories.includes(c))).toBe(true);
  });

  it("a turn that brings nothing new keeps the earlier notice whole", () => {
    const result = after(["I want to kill myself"], "what now?");
    expect(result.notice?.categories).toEqual(["suicidal_self_harm"]);
    expect(result.notice?.crisisLine).toBe("988");
  });

  it("the rule: what this turn brings (alone or by completing an earlier turn); suicide stays while in the window", () => {
    expect(noticeCategories(["cardiac", "suicidal_self_harm"], ["suicidal_self_harm"], ["cardiac"])).toEqual(["suicidal_self_harm"]);
    expect(noticeCategories(["overdose_poisoning"], [], [])).toEqual(["overdose_poisoning"]);
    expect(noticeCategories(["cardiac"], [], ["cardiac"])).toEqual(["cardiac"]);
    expect(noticeCategories(["cardiac", "stroke"], ["cardiac"], ["cardiac"])).toEqual(["cardiac", "stroke"]);
    expect(noticeCategories(["cardiac", "stroke"], ["stroke"], ["cardiac"])).toEqual(["stroke"]);
    expect(noticeCategories(["suicidal_self_harm", "cardiac"], ["cardiac"], ["suicidal_self_harm"])).toEqual([
      "suicidal_self_harm",
      "cardiac",
    ]);
  });
});

/** The notice for a suicide message in `language` under `locale`, as triage builds it. */
function crisisNotice(locale: string, language: TriageLanguage) {
  const finding = { categories: ["suicidal_self_harm" as const], matchLanguages: [language] };
  const evidence: NoticeEvidence = {
    window: finding,
    current: finding,
    earlier: { categories: [], matchLanguages: [] },
    currentText: "",
    currentLanguages: new Set([language]),
    windowText: "",
  };
  return buildNotice(evidence, emergencyContactsFor(locale, env), locale, env);
}

function maxBracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") max = Math.max(max, ++depth);
    else if (ch === ")" || ch === "）") depth--;
  }
  return max;
}

describe("the crisis line as every locale's notice writes it", () => {
  it.each(BUILT_IN_LOCALES)("%s: no doubled number, no nested brackets, no name in another language", (locale) => {
    const contacts = emergencyContactsFor(locale, env);
    const [own, region] = locale.split("-");
    // The number as a whole, however it is spaced ("9-8-8"), not inside a longer one ("0800-0113" holds 113).
    const digits = contacts.crisisLine.replace(/\D/g, "");
    const number = new RegExp(`(?<!\\d)${digits.split("").join("[\\s.-]?")}(?!\\d)`);
    for (const language of TRIAGE_LANGUAGES) {
      const notice = crisisNotice(locale, language);
      const where = `${locale} in ${language}`;
      expect(notice.language, where).toBe(language);
      expect(notice.text, where).toContain(contacts.crisisLine);
      expect(notice.text, where).toContain(contacts.emergencyNumber);
      expect(maxBracketDepth(notice.text), where).toBeLessThanOrEqual(1);
      // What follows the number in brackets never repeats it ("988 (988 …)").
      for (const [, inside] of notice.text.matchAll(/[(（]([^)）]*)[)）]/g)) {
        expect(number.test(inside), `${where}: ${inside}`).toBe(false);
      }
      // The locale's line name appears only in its own language, or where the same line has that name in the language.
      const sibling = emergencyContactsFor(`${language}-${region}`, env);
      const sameName = sibling.locale === `${language}-${region}` && sibling.crisisLineName === contacts.crisisLineName;
      if (language !== own && !sameName) expect(notice.text, where).not.toContain(contacts.crisisLineName);
    }
  });

  it("the US notice names the 988 Lifeline once, and its Spanish name in Spanish", () => {
    expect(crisisNotice("en-US", "en").text).toContain("call or text 988 (Suicide & Crisis Lifeline) now");
    expect(crisisNotice("en-US", "es").text).toContain("al 988 (Lifeline, opción 2 para español)");
    expect(crisisNotice("en-US", "fr").text).toContain("appelez maintenant le 988. ");
    expect(crisisNotice("fr-FR", "en").text).toContain("call or text 3114 now");
    expect(crisisNotice("zh-CN", "zh").text).toContain("12356（全国心理援助热线）");
  });

  it("a configured name that repeats the number or has brackets is cleaned", () => {
    expect(crisisLineLabel({ crisisLine: "988", crisisLineName: "988 Suicide & Crisis Lifeline (call or text)" })).toBe(
      "988 (Suicide & Crisis Lifeline, call or text)",
    );
    expect(crisisLineLabel({ crisisLine: "988", crisisLineName: "9-8-8" })).toBe("988");
    expect(crisisLineLabel({ crisisLine: "116 123", crisisLineName: "Samaritans" })).toBe("116 123 (Samaritans)");
    const configured = {
      EMERGENCY_CONTACTS: JSON.stringify({
        "en-GB": { emergencyNumber: "999", crisisLine: "116 123", crisisLineName: "116 123 (Samaritans)" },
      }),
    };
    const notice = triage("I want to kill myself", "en-GB", { env: configured }).notice;
    expect(notice?.text).toContain("call or text 116 123 (Samaritans) now");
  });
});

describe("an overdose notice", () => {
  it("adds the crisis line (an overdose may have been taken on purpose), said once where it is the emergency number", () => {
    const us = triage("I took a whole bottle of sleeping pills an hour ago", "en-US", { at });
    expect(us.notice?.categories).toContain("overdose_poisoning");
    expect(us.notice?.text).toContain("Call 911");
    expect(us.notice?.text).toContain("If you are thinking about suicide or hurting yourself, you are not alone: call or text 988");
    const spanish = triage("me tomé un frasco entero de pastillas para dormir", "es-ES", { at });
    expect(spanish.notice?.categories).toContain("overdose_poisoning");
    expect(spanish.notice?.text).toMatch(/suicidio/);
    // A chest-pain notice does not get it.
    expect(triage("crushing chest pain spreading to my left arm", "en-US", { at }).notice?.text).not.toContain("suicide");
  });
});

describe("the language of the texts around an answer", () => {
  it("a short message keeps the locale's language (a guess from a few words is noise); a longer one its own", () => {
    for (const text of ["Is eczema contagious?", "gout treatment", "metformin side effects", "eczema contagious?"])
      expect(triage(text, "en-US", { at }).language, text).toBe("en");
    expect(triage("¿Es contagioso el eccema? Mi hija lo tiene desde ayer", "en-US", { at }).language).toBe("es");
    expect(triage("l'eczéma est-il contagieux ?", "en-US", { at }).language).toBe("fr");
    expect(triage("¿Es contagioso el eccema?", "es-ES", { at }).language).toBe("es");
  });
});
