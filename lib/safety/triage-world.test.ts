// The languages added as phrase lists (red-flags/phrases.ts) and the normalisation they
// rely on: script folding, the phrase compiler's bounded syntax, one emergency and one hard
// negative per language through the real triage, and the notice in the writer's language.
import { describe, expect, it } from "vitest";
import { deobfuscate, undoLeetspeak } from "./text/deobfuscate";
import { replaceLookAlikes } from "./text/confusables";
import { dropSpacesInCjk, foldArabic, foldDevanagari, katakanaToHiragana, simplifyChinese, wordsAndPunctuation } from "./red-flags/scripts";
import { phrasePattern } from "./red-flags/phrases";
import { triage } from "./triage";
import { NOTICE_WORDING } from "./notice-texts";
import { TRIAGE_LANGUAGES } from "./red-flags/types";

describe("script normalisation", () => {
  it("reads katakana as hiragana, traditional Chinese as simplified, and drops spaces inside CJK only", () => {
    expect(katakanaToHiragana("ケイレン")).toBe("けいれん");
    expect(simplifyChinese("發高燒、脖子僵硬")).toBe("发高烧、脖子僵硬");
    expect(dropSpacesInCjk("숨을 못 쉬어요 help me")).toBe("숨을못쉬어요 help me");
  });

  it("folds Arabic letter variants and Devanagari nukta/chandrabindu", () => {
    expect(foldArabic("مستشفى")).toBe("مستشفي");
    expect(foldArabic("حالة")).toBe("حاله");
    expect(foldArabic("ســلام")).toBe("سلام");
    expect(foldDevanagari("तेज़ साँस")).toBe("तेज सांस");
  });

  it("maps other scripts' punctuation and digits", () => {
    expect(wordsAndPunctuation("救命。快来、好痛")).toBe("救命.快来,好痛");
    expect(deobfuscate("اخدت ١٥ حباية").accented).toBe("اخدت 15 حباية");
    expect(deobfuscate("१५ गोली").accented).toBe("15 गोली");
  });

  it("undoes leetspeak only inside Latin words", () => {
    expect(undoLeetspeak("k1ll mys3lf")).toBe("kill myself");
    expect(undoLeetspeak("15錠 15알 3ayez")).toBe("15錠 15알 eayez");
  });

  it("keeps Cyrillic words of a Cyrillic sentence, but still unmasks look-alikes in Latin text", () => {
    expect(replaceLookAlikes("у папы болит рука")).toBe("у папы болит рука");
    expect(replaceLookAlikes("\u0441\u04bb\u0435\u0455t pain")).toBe("chest pain");
    expect(replaceLookAlikes("ch\u0435st")).toBe("chest");
  });

  it("keeps Turkish dotless ı in the accented form and reads it as i in the folded one", () => {
    const text = deobfuscate("nefes alamıyorum");
    expect(text.accented).toBe("nefes alamıyorum");
    expect(text.folded).toBe("nefes alamiyorum");
  });
});

describe("phrase compiler", () => {
  const spaced = { spaced: true, wordStart: true, normalize: wordsAndPunctuation };
  const unspaced = { spaced: false, wordStart: false, normalize: wordsAndPunctuation };

  it("matches stems from a word start, and whole words with '#'", () => {
    const stem = phrasePattern(["bleed"], spaced);
    expect(stem.test("it is bleeding")).toBe(true);
    expect(stem.test("nosebleed")).toBe(false);
    const whole = phrasePattern(["vill do#"], spaced);
    expect(whole.test("jag vill do")).toBe(true);
    expect(whole.test("jag vill dock")).toBe(false);
  });

  it("bounds the '~' gap: three words, or six characters in unspaced scripts", () => {
    const gap = phrasePattern(["pain ~ arm"], spaced);
    expect(gap.test("pain going down my arm")).toBe(true);
    expect(gap.test("pain and then it goes down my arm")).toBe(false);
    const cjk = phrasePattern(["胸~痛"], unspaced);
    expect(cjk.test("胸口好痛")).toBe(true);
    expect(cjk.test("胸口今天早上有一点点痛")).toBe(false);
  });

  it("'@N' is a number from 10 to 999", () => {
    const pills = phrasePattern(["@N tablets"], spaced);
    expect(pills.test("took 15 tablets")).toBe(true);
    expect(pills.test("took 2 tablets")).toBe(false);
    expect(phrasePattern(["@N錠"], unspaced).test("睡眠薬を15錠飲んだ")).toBe(true);
  });

  it("treats regex characters in a phrase literally and refuses over-long phrases", () => {
    const literal = phrasePattern(["a.b (c)+"], { ...spaced, normalize: (t: string) => t });
    expect(literal.test("a.b (c)+")).toBe(true);
    expect(literal.test("axb cc")).toBe(false);
    expect(() => phrasePattern(["x".repeat(81)], spaced)).toThrow(/too long/);
  });
});

// One emergency and one hard negative per added language (from round 6/7 style phrasing),
// and the language the notice must be written in.
const SAMPLES: { language: string; emergency: string; negative: string }[] = [
  { language: "zh", emergency: "我爸胸口压着疼，出冷汗，左手发麻", negative: "心脏病发作有什么症状？" },
  { language: "ja", emergency: "息ができない、苦しい", negative: "胸は痛くないけど、鼻水が止まらない" },
  { language: "ko", emergency: "숨을 못 쉬겠어요", negative: "배고파 죽겠다" },
  { language: "ar", emergency: "أريد أن أنتحر الليلة", negative: "ما هي أعراض الجلطة القلبية؟" },
  { language: "hi", emergency: "मैं आत्महत्या करना चाहता हूँ", negative: "अगर किसी को मिर्गी का दौरा पड़े तो क्या करें?" },
  { language: "ru", emergency: "не могу дышать, задыхаюсь", negative: "эта домашка меня убивает" },
  { language: "uk", emergency: "не хочу жити, сьогодні покінчу з собою", negative: "які симптоми інсульту?" },
  { language: "pl", emergency: "nie mogę oddychać, duszę się", negative: "ta praca domowa mnie zabija" },
  { language: "tr", emergency: "intihar etmek istiyorum", negative: "bu ödev beni öldürüyor" },
  { language: "vi", emergency: "tôi muốn tự tử", negative: "cứ từ từ mà làm, không sao đâu" },
  { language: "id", emergency: "aku pengen bunuh diri malam ini", negative: "apa gejala serangan jantung?" },
  { language: "sv", emergency: "jag kan inte andas", negative: "den här läxan tar livet av mig" },
];

describe("triage in the added languages", () => {
  it.each(SAMPLES)(
    "$language: the emergency fires with a notice in $language, the hard negative does not",
    ({ language, emergency, negative }) => {
      const fired = triage(emergency, "en-US");
      expect(fired.emergency).toBe(true);
      expect(fired.notice?.language).toBe(language);
      expect(fired.notice?.text).toContain("911");
      expect(triage(negative, "en-US").emergency).toBe(false);
    },
  );

  it("the romanised forms people type fire too (pinyin, romaji, Hinglish, Arabizi, unaccented Vietnamese)", () => {
    for (const text of ["wo bu xiang huo le", "mou shinitai", "main mar jaana chahta hoon", "ana 3ayez amoot", "toi khong muon song nua"]) {
      expect(triage(text, "en-US").emergency, text).toBe(true);
    }
  });

  it("the locale picks the numbers: 119 in Japan, 120 in China, 112 in Poland; the words follow the writer", () => {
    expect(triage("息ができない", "ja-JP").notice?.text).toContain("119");
    expect(triage("我呼吸不了，嘴唇发紫", "zh-CN").notice?.emergencyNumber).toBe("120");
    const polish = triage("nie chcę już żyć, dziś się zabiję", "pl-PL").notice;
    expect(polish?.text).toContain("112");
    expect(polish?.text).toContain("116 123");
    expect(polish?.labels.heading).toBe(NOTICE_WORDING.pl.labels.heading);
  });

  it("every language has a notice that names the local emergency number fallback and a crisis sentence", () => {
    const contacts = { locale: "xx", emergencyNumber: "NUM", crisisLine: "CRISIS", crisisLineName: "NAME" };
    for (const language of TRIAGE_LANGUAGES) {
      const wording = NOTICE_WORDING[language];
      expect(wording.emergency(contacts), language).toContain("NUM");
      expect(wording.crisis(contacts), language).toContain("CRISIS");
      expect(wording.closing.length, language).toBeGreaterThan(0);
    }
  });

  it("hostile input in other scripts is triaged in bounded time", () => {
    for (const text of [
      "胸".repeat(20_000),
      "痛い".repeat(10_000) + "息ができない",
      "ال".repeat(20_000),
      "не ".repeat(10_000) + "могу дышать",
      "@N".repeat(10_000),
    ]) {
      const started = performance.now();
      const result = triage(text, "en-US", { previousTurns: [{ text }, { text }] });
      expect(typeof result.emergency).toBe("boolean");
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });
});
