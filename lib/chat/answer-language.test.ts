// The texts the server writes around an answer speak the language of the message they answer:
// the nothing-found answer and the footer, through the real chat pipeline behind the partner
// API's HTTP server (a real knowledge base in PGlite, a fake model that must not be called);
// the messages of a failed answer; and a locale whose crisis line is its emergency number
// (ru-RU, tr-TR: 112) names the number once in the notice, its buttons and the crisis answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_WORDING } from "@/lib/safety/answer-texts";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { NOTICE_WORDING, oneNumber, wordingFor } from "@/lib/safety/notice-texts";
import { TRIAGE_LANGUAGES } from "@/lib/safety/red-flags/types";
import { triage } from "@/lib/safety/triage";
import { client, newKey, startPartnerFixture, type PartnerFixture } from "@/lib/partners/partner-fixture.test-helper";
import { emergencyActions } from "./emergency-actions";
import { userMessageFor } from "./errors";
import { ENGLISH_ONLY_WORDING } from "./english-only";
import { crisisAnswer, noPassageAnswer } from "./no-passage";

let fx: PartnerFixture;
let key: { key: string; id: string };

beforeAll(async () => {
  fx = await startPartnerFixture({ deltas: ["Invented text [1]."] });
  key = await newKey(fx.db);
});

afterAll(async () => {
  await fx?.close();
});

const US = emergencyContactsFor("en-US");

describe("the nothing-found answer over HTTP, in the question's language", () => {
  // A question clearly written in another language gets the English-only answer instead of the
  // nothing-found answer (english-only.ts) — in scripts other than Latin too — with the footer in
  // its language, and no English in either.
  it.each([
    ["es", "¿Cómo cambio las pastillas de freno de mi bicicleta de montaña?", /^La base de conocimientos de MedChat está en inglés/],
    ["fr", "Comment changer les plaquettes de frein de mon vélo ?", /^La base de connaissances de MedChat est en anglais/],
    ["de", "Wie wechsle ich die Bremsbeläge an meinem Fahrrad?", /^Die Wissensbasis von MedChat ist auf Englisch/],
    ["ru", "Как поменять тормозные колодки на велосипеде?", /^База знаний MedChat написана на английском/],
    ["ja", "自転車のブレーキパッドはどうやって交換しますか？", /^MedChat の知識ベースは英語で書かれているため/],
    ["ar", "كيف أغير فرامل دراجتي الهوائية؟", /^قاعدة معارف MedChat مكتوبة باللغة الإنجليزية/],
  ])("%s, clearly: the English-only answer", async (language, question, opening) => {
    const calls = fx.gpu.requests.length;
    const answer = await client(fx.app, key.key).chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: question }],
    });
    const text = answer.choices[0]!.message.content!;
    expect(text).toMatch(opening);
    expect(text).toBe(ENGLISH_ONLY_WORDING[language as "es"](US));
    expect(text).toContain("911");
    const disclaimer = (answer as unknown as { disclaimer: string }).disclaimer;
    expect(disclaimer).toBe(ANSWER_WORDING[language as "es"].disclaimer(US));
    expect(`${text} ${disclaimer}`).not.toMatch(/knowledge base|not medical advice|In an emergency/);
    expect(fx.gpu.requests.length).toBe(calls);
  });

  it("an English question keeps the English answer", async () => {
    const answer = await client(fx.app, key.key).chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: "How do I replace the brake pads on my bicycle?" }],
    });
    expect(answer.choices[0]!.message.content).toMatch(/^I couldn't find this in the MedChat knowledge base/);
    expect((answer as unknown as { disclaimer: string }).disclaimer).toMatch(/^MedChat gives general educational information/);
  });
});

describe("every answer text exists in every notice language", () => {
  it("the footer, the nothing-found answer and the error messages carry the number and are not English", () => {
    const numbers = { emergencyNumber: "EMERGENCY-NUM" };
    for (const language of TRIAGE_LANGUAGES) {
      const w = ANSWER_WORDING[language];
      const texts = [
        w.disclaimer(numbers),
        w.noPassage(numbers),
        userMessageFor("model_unavailable", "EMERGENCY-NUM", language),
        userMessageFor("timeout", "EMERGENCY-NUM", language),
        userMessageFor("model_error", "EMERGENCY-NUM", language),
      ];
      for (const text of texts) expect(text, language).toContain("EMERGENCY-NUM");
      if (language !== "en") {
        expect(userMessageFor("stream_interrupted", "", language), language).not.toBe(ANSWER_WORDING.en.errors.interrupted);
        for (const text of texts) expect(text, language).not.toMatch(/answer service|knowledge base|In an emergency/);
      }
    }
  });

  it("the message's language is on the triage result, with or without an emergency", () => {
    expect(triage("¿Cuánto tiempo dura la gripe normalmente?").language).toBe("es");
    expect(triage("Wie lange dauert eine Grippe normalerweise?").language).toBe("de");
    expect(triage("How long does the flu usually last?").language).toBe("en");
    expect(triage("me duele mucho el pecho y no puedo respirar").language).toBe("es");
  });

  it("one helper picks the notice wording, English when the language is unknown", () => {
    expect(wordingFor("pl")).toBe(NOTICE_WORDING.pl);
    expect(wordingFor(undefined)).toBe(NOTICE_WORDING.en);
    expect(noPassageAnswer(US, { emergency: true }, "it")).toBe(NOTICE_WORDING.it.afterNotice(US));
  });
});

describe("an overdose notice names the crisis line, and offers it as a call", () => {
  it("en-US: the notice's 988 is a button beside 911 (it was named in the text but not offered)", () => {
    const result = triage("I took a whole bottle of sleeping pills 20 minutes ago", "en-US");
    // A whole bottle taken by the writer is a crisis as well as an overdose (lib/safety/concepts/rules.ts).
    expect(result.notice?.categories).toEqual(["overdose_poisoning", "suicidal_self_harm"]);
    expect(result.notice!.text).toContain("988");
    expect(emergencyActions(result.notice!).map((a) => [a.kind, a.href])).toEqual([
      ["emergency", "tel:911"],
      ["crisis_line", "tel:988"],
    ]);
  });

  it("ru-RU: one number for both, named once, one button", () => {
    const result = triage("я выпил целую упаковку снотворного", "ru-RU");
    expect(result.notice?.categories).toContain("overdose_poisoning");
    expect(emergencyActions(result.notice!).map((a) => a.number)).toEqual(["112"]);
  });

  it("a poisoning-free emergency offers only the emergency number", () => {
    const result = triage("I have crushing chest pain and I'm sweating", "en-US");
    expect(emergencyActions(result.notice!).map((a) => a.kind)).toEqual(["emergency"]);
  });
});

describe("a crisis line that is the emergency number is named once", () => {
  const count = (text: string, number: string) => text.split(number).length - 1;

  it.each([
    ["ru-RU", "я хочу покончить с собой сегодня", "112"],
    ["tr-TR", "bu gece kendimi öldürmek istiyorum", "112"],
    ["vi-VN", "tôi muốn tự tử tối nay", "115"],
    ["ar-EG", "عايز انتحر الليلة", "123"],
  ])("%s: the notice, its buttons and the crisis answer", (locale, message, number) => {
    const result = triage(message, locale);
    expect(oneNumber(emergencyContactsFor(locale))).toBe(true);
    expect(result.notice?.categories).toContain("suicidal_self_harm");
    expect(count(result.notice!.text, number)).toBe(1);
    expect(result.notice!.text).toContain(wordingFor(result.notice!.language).crisisOne);
    expect(emergencyActions(result.notice!).map((a) => a.kind)).toEqual(["emergency"]);
    const answer = crisisAnswer(emergencyContactsFor(locale), result.language);
    expect(count(answer, number)).toBe(1);
  });

  it("two numbers are both given (en-US 911 and 988), in the notice, its buttons and the crisis answer", () => {
    const result = triage("I want to kill myself tonight", "en-US");
    expect(result.notice!.text).toContain("988");
    expect(result.notice!.text).toMatch(/immediate danger, call 911/);
    expect(emergencyActions(result.notice!).map((a) => a.number)).toEqual(["911", "988"]);
    expect(crisisAnswer(US, "en")).toMatch(/988.*911/);
  });
});
