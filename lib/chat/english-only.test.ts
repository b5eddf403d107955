// A question in any language triage reads but English (Spanish … Dutch by function words; Polish,
// Turkish, Vietnamese, Indonesian, Swedish, Tagalog, Swahili, Romanian too; Chinese, Japanese,
// Korean, Arabic, Hindi, Russian, Ukrainian, Greek and Thai by their script) that is not an emergency
// gets a fixed answer in its language saying the knowledge base answers in English (no
// retrieval, no model); triage still runs first, so an emergency in any language keeps its
// notice. Through the real chat pipeline behind the partner API's HTTP server (a real
// knowledge base in PGlite, a fake model that must not be called for the English-only answer).
// And no English question of the repository's question sets is taken for another language.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_WORDING } from "@/lib/safety/answer-texts";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { client, newKey, startPartnerFixture, type PartnerFixture } from "@/lib/partners/partner-fixture.test-helper";
import { ENGLISH_ONLY_WORDING, nonEnglishLanguageOf, type EnglishOnlyLanguage } from "./english-only";

const US = emergencyContactsFor("en-US");

/** Everyday questions (none an emergency), in each language with an English-only answer. */
const QUESTIONS: [EnglishOnlyLanguage, string][] = [
  ["es", "¿Qué puedo tomar para el dolor de cabeza?"],
  ["es", "Tengo asma desde hace años, ¿qué inhalador es mejor?"],
  ["es", "mi hijo tiene fiebre, qué hago"],
  ["fr", "J'ai mal à la gorge depuis trois jours"],
  ["fr", "Comment soigner un coup de soleil ?"],
  ["de", "Ich habe seit Tagen Kopfschmerzen"],
  ["de", "Was hilft gegen Sodbrennen?"],
  ["pt", "Meu filho está com febre, o que faço?"],
  ["pt", "Tenho dor nas costas há uma semana"],
  ["it", "Cosa posso prendere per il mal di gola?"],
  ["it", "Ho la febbre e la tosse"],
  ["nl", "Wat kan ik doen tegen hoofdpijn?"],
  ["pl", "Mam katar i boli mnie gardło od trzech dni"],
  ["pl", "Co mogę wziąć na ból głowy?"],
  ["tr", "Oğlumun ateşi var, ne yapmalıyım?"],
  ["tr", "Baş ağrısı için ne alabilirim?"],
  ["vi", "Tôi bị đau đầu ba ngày rồi, tôi nên uống thuốc gì?"],
  ["id", "Anak saya demam sejak kemarin, apa yang harus saya lakukan?"],
  ["sv", "Vad kan jag ta mot huvudvärk?"],
  ["tl", "Masakit ang ulo ko, ano ang dapat kong inumin?"],
  ["sw", "Mtoto wangu ana homa, nifanye nini?"],
  ["ro", "Mă doare capul de trei zile, ce pot lua?"],
  ["zh", "我头疼三天了，应该吃什么药？"],
  ["ja", "三日前から頭が痛いです。何を飲めばいいですか？"],
  ["ko", "아이가 열이 나요. 어떻게 해야 하나요?"],
  ["ar", "عندي صداع منذ ثلاثة أيام، ماذا آخذ؟"],
  ["hi", "मुझे तीन दिन से सिरदर्द है, क्या लूँ?"],
  ["ru", "У меня три дня болит голова, что можно выпить?"],
  ["uk", "У мене три дні болить голова, що можна випити?"],
  ["el", "Έχω πονοκέφαλο τρεις μέρες, τι να πάρω;"],
  ["th", "ปวดหัวมาสามวันแล้ว ควรกินยาอะไรดี"],
];

const readQuestions = (file: string, text: (o: Record<string, string>) => string) =>
  fs
    .readFileSync(path.join(process.cwd(), "lib/rag/eval-sets", file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => text(JSON.parse(l) as Record<string, string>));

describe("which language a question is clearly written in", () => {
  it.each(QUESTIONS)("%s: %s", (language, question) => {
    expect(nonEnglishLanguageOf(question)).toBe(language);
  });

  it("reads no English question of the repository's sets as another language", () => {
    const english = [
      ...readQuestions("starter-first-questions.jsonl", (o) => o.q),
      ...readQuestions("starter-first-questions-2.jsonl", (o) => o.q),
      ...readQuestions("consumer-questions-final4.jsonl", (o) => `${o.subject}\n${o.message}`),
      ...readQuestions("consumer-questions.jsonl", (o) => `${o.subject}\n${o.message}`),
      ...readQuestions("consumer-questions-final3.jsonl", (o) => `${o.subject}\n${o.message}`),
    ];
    expect(english.length).toBeGreaterThan(400);
    expect(english.filter((q) => nonEnglishLanguageOf(q) !== null)).toEqual([]);
  });

  it("leaves a single word, a brand name or a mixed message alone", () => {
    for (const q of [
      "gripe",
      "Tylenol",
      "asthma inhaler",
      "is dolor the Spanish for pain?",
      "",
      "what does 糖尿病 mean",
      "I take Ибупрофен for my back",
    ])
      expect(nonEnglishLanguageOf(q)).toBeNull();
  });
});

describe("the English-only answer over HTTP", () => {
  let fx: PartnerFixture;
  let key: { key: string; id: string };
  beforeAll(async () => {
    fx = await startPartnerFixture({ deltas: ["Asthma is a long-term condition in which the airways narrow and swell. [1]"] });
    key = await newKey(fx.db);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each(QUESTIONS.filter((_, i) => i % 2 === 0))("%s: %s", async (language, question) => {
    const calls = fx.gpu.requests.length;
    const answer = await client(fx.app, key.key).chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: question }],
    });
    const extra = answer as unknown as { disclaimer: string; emergency: unknown; citations: unknown[] };
    expect(answer.choices[0]!.message.content).toBe(ENGLISH_ONLY_WORDING[language](US));
    expect(answer.choices[0]!.message.content).toContain("911");
    expect(extra.disclaimer).toBe(ANSWER_WORDING[language].disclaimer(US));
    expect(extra.emergency).toBeNull();
    expect(extra.citations).toEqual([]);
    expect(fx.gpu.requests.length).toBe(calls);
  });

  it("an emergency in Spanish still gets the emergency notice first, not the English-only answer", async () => {
    const answer = await client(fx.app, key.key).chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: "me duele mucho el pecho y no puedo respirar" }],
    });
    const extra = answer as unknown as { emergency: { language: string } | null };
    expect(extra.emergency?.language).toBe("es");
    expect(answer.choices[0]!.message.content).not.toBe(ENGLISH_ONLY_WORDING.es(US));
  });

  it("an English question is answered from the knowledge base as before", async () => {
    const calls = fx.gpu.requests.length;
    const answer = await client(fx.app, key.key).chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: "What is asthma?" }],
    });
    expect(answer.choices[0]!.message.content).toMatch(/^Asthma is a long-term condition/);
    expect(fx.gpu.requests.length).toBe(calls + 1);
  });
});
