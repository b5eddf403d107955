// (In lib/chat: it checks the chat's texts and call buttons as well as lib/safety's.)
// A browser region the product has no built-in locale for: its own country's number, or — where that is not known —
// a notice and answer texts that name no number at all ("call your local emergency number"), in every notice
// language. Before, the language fallback lent another country's number: es-CO got Spain's 112, en-ZA the US 911,
// ar-MA Egypt's 123.
import { describe, expect, it } from "vitest";
import { emergencyActions } from "./emergency-actions";
import { englishOnlyAnswer } from "./english-only";
import { userMessageFor } from "./errors";
import { answerWordingFor } from "@/lib/safety/answer-texts";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { answerDisclaimer, bannerText, consentText, emergencyNoticeText } from "@/lib/safety/disclaimers";
import { LOCAL_NUMBER_WORDING } from "@/lib/safety/local-number";
import { crisisAnswerText, wordingFor } from "@/lib/safety/notice-texts";
import { compactSystemPolicy, systemPolicy } from "@/lib/safety/policy";
import { TRIAGE_LANGUAGES } from "@/lib/safety/red-flags/types";
import { triage } from "@/lib/safety/triage";

const env = {};

describe("a region without a built-in locale gets its own country's number", () => {
  it.each([
    ["es-CO", "123"],
    ["en-ZA", "10177"],
    ["ar-MA", "15"],
    ["pt-AO", undefined],
    ["fr-SN", undefined],
    ["en-SG", "995"],
    ["es-AR", "107"],
    ["de-LU", "112"],
    ["en-NO", "113"],
  ])("%s → %s", (locale, number) => {
    const contacts = emergencyContactsFor(locale, env);
    expect(contacts.emergencyNumber).toBe(number ?? "");
    // No crisis line is guessed: the emergency number stands in for it (or nothing, when the number is unknown).
    expect(contacts.crisisLine).toBe(contacts.emergencyNumber);
  });

  it("the notice names that number and no other", () => {
    const result = triage("me duele mucho el pecho y no puedo respirar, sudo frío", "es-CO", { env });
    expect(result.notice?.text).toContain("123");
    expect(result.notice?.text).not.toMatch(/112|911/);
    expect(emergencyActions(result.notice!).map((a) => a.href)).toEqual(["tel:123"]);
  });

  it("another language in a country with a built-in locale takes that locale's numbers (en-ES → 112 and 024)", () => {
    expect(emergencyContactsFor("en-ES", env)).toMatchObject({ emergencyNumber: "112", crisisLine: "024" });
    expect(emergencyContactsFor("zh-Hans-CN", env)).toMatchObject({ emergencyNumber: "120" });
  });
});

describe("a bare language names a country only where its countries share a number", () => {
  it.each([
    ["en", "911"],
    ["ja", "119"],
    ["de", "112"],
    ["pl", "112"],
    ["es", ""],
    ["fr", ""],
    ["pt", ""],
    ["ar", ""],
    ["zh", ""],
  ])("%s → %s", (locale, number) => expect(emergencyContactsFor(locale, env).emergencyNumber).toBe(number));

  it("the deployment's own language keeps its default locale (DEFAULT_LOCALE=es-MX: es → 911)", () => {
    expect(emergencyContactsFor("es", { DEFAULT_LOCALE: "es-MX" }).emergencyNumber).toBe("911");
  });
});

describe("an unknown region: no number named anywhere", () => {
  const unknown = emergencyContactsFor("es-419", env);

  it("has no number", () => expect(unknown).toMatchObject({ emergencyNumber: "", crisisLine: "" }));

  it("the notice says to call the local emergency number, in the message's language, with no call button", () => {
    const result = triage("quiero suicidarme esta noche", "es-419", { env });
    expect(result.notice?.text).toContain("número de emergencias de su zona");
    expect(result.notice?.text).not.toMatch(/\d/);
    expect(emergencyActions(result.notice!)).toEqual([]);
  });

  it.each(TRIAGE_LANGUAGES)("%s: notice, crisis answer, answer after a notice, footer and error texts name no number", (language) => {
    const local = LOCAL_NUMBER_WORDING[language];
    const notice = emergencyNoticeText(["suicidal_self_harm", "cardiac", "overdose_poisoning"], unknown, language);
    expect(notice.startsWith(local.emergency)).toBe(true);
    const answers = answerWordingFor(language);
    const texts = [
      notice,
      crisisAnswerText(unknown, language),
      wordingFor(language).afterNotice(unknown),
      answers.disclaimer(unknown),
      answers.noPassage(unknown),
      answers.errors.unavailable(unknown),
      answers.errors.timeout(unknown),
      answers.errors.failed(unknown),
      userMessageFor("model_unavailable", "", language),
    ];
    for (const text of texts) {
      expect(text, text).not.toMatch(/\d/);
      expect(text, text).not.toMatch(/\s[.,)]|\(\s|\s{2}/);
    }
    expect(answers.disclaimer(unknown)).toContain(local.phrase);
  });

  it("the English texts around the chat, the model's instructions and the English-only answers", () => {
    for (const text of [
      consentText(unknown),
      bannerText(unknown),
      systemPolicy(unknown),
      compactSystemPolicy(unknown),
      answerDisclaimer(unknown, "en"),
      englishOnlyAnswer(unknown, "de"),
    ]) {
      expect(text, text).toMatch(/local emergency number|örtliche Notrufnummer/);
      expect(text, text).not.toMatch(/\b(?:911|112|999|988)\b|call\s+\.|call\s+\(/);
    }
  });
});
