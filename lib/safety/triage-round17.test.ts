// Round 17's work, through the real triage and the real notice texts: hives alone after a new tablet is no emergency
// (with the airway, the breath or a faint it is), and the number-less notice reads as a native speaker writes it in
// Chinese, Japanese and Arabic — each on sentences written for this test, not taken from a blind set.
import { describe, expect, it } from "vitest";
import { emergencyContactsFor } from "./contacts";
import { emergencyNoticeText } from "./disclaimers";
import { answerWordingFor } from "./answer-texts";
import { crisisAnswerText } from "./notice-texts";
import { triage } from "./triage";

const read = (text: string, previous: string[] = [], locale = "en-US") =>
  triage(text, locale, { env: {}, previousTurns: previous.map((t) => ({ text: t })) });
const fired = (text: string, previous: string[] = []) => read(text, previous).emergency;

describe("hives", () => {
  it.each([
    "hives all over after starting a new tablet",
    "i've come out in hives all over my body since the new antibiotic, itchy as hell",
    "me salieron ronchas por todo el cuerpo después de empezar una pastilla nueva",
    "habis minum obat baru aku biduran di seluruh badan",
    "hives all over after a new tablet, no trouble breathing, lips fine",
  ])("alone, stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it.each([
    "hives all over after a new tablet and my throat feels tight",
    "covered in hives since the new pill and my lips are swelling up",
    "my son has hives all over after peanuts and he's wheezing",
    "hives all over and I feel faint and dizzy",
    "me salieron ronchas por todo el cuerpo con el antibiótico nuevo y me cuesta respirar",
    "ronchas por todo el cuerpo y siento que me voy a desmayar",
    "habis minum obat baru biduran seluruh badan, bibir bengkak dan sesak napas",
  ])("with the airway, the breath or a faint, fires: %s", (text) => expect(fired(text)).toBe(true));
});

describe("the number-less notice (the country is unknown: a bare zh or ar, a region with no number)", () => {
  it("a bare zh or ar names no number", () => {
    for (const language of ["zh", "ar"]) expect(emergencyContactsFor(language, { DEFAULT_LOCALE: "en-US" }).emergencyNumber).toBe("");
  });

  const texts = (language: "zh" | "ja" | "ar") => {
    const contacts = { locale: `${language}-AQ`, emergencyNumber: "", crisisLine: "", crisisLineName: "" };
    const answers = answerWordingFor(language);
    return [
      emergencyNoticeText(["suicidal_self_harm"], contacts, language),
      emergencyNoticeText(["overdose_poisoning"], contacts, language),
      crisisAnswerText(contacts, language),
      answers.disclaimer(contacts),
      answers.noPassage(contacts),
      answers.errors.failed(contacts),
    ];
  };

  it("Chinese and Japanese: no spaces around the phrase, no 'this number' / 'the same number' for a number never named", () => {
    for (const text of texts("zh")) {
      expect(text).not.toMatch(/ 当地|当地急救电话 /u);
      expect(text).not.toContain("这个号码");
    }
    for (const text of texts("ja")) {
      expect(text).not.toMatch(/ お住まいの|救急番号 /u);
      expect(text).not.toContain("同じ番号");
    }
    expect(texts("zh")[0]).toContain("请现在就拨打当地急救电话或心理援助热线");
  });

  it("Arabic: the preposition joined to the phrase ('برقم'), never 'بـ رقم', and no 'the same number'", () => {
    for (const text of texts("ar")) {
      expect(text).not.toContain("بـ رقم");
      expect(text).not.toContain("الرقم نفسه");
    }
    expect(texts("ar")[3]).toContain("اتصل برقم الطوارئ المحلي");
  });

  it("a known number keeps its spaces and its 'بـ'", () => {
    const egypt = emergencyContactsFor("ar-EG", {});
    expect(answerWordingFor("ar").disclaimer(egypt)).toContain("اتصل بـ 123");
    expect(answerWordingFor("zh").disclaimer(emergencyContactsFor("zh-CN", {}))).toContain("请拨打 120");
  });
});

// The five languages blind round 16 brought with no rules (Czech, Persian, Hebrew, Urdu, Bengali), each on sentences
// written for this test (other words and situations than the set's): the core emergencies fire and are answered in the
// message's language; idioms, past events, homework, fiction and pets stay quiet.
const NEW_LANGUAGES: Record<"cs" | "fa" | "he" | "ur" | "bn", { fires: string[]; quiet: string[] }> = {
  cs: {
    fires: [
      "taťka má strašnou bolest na hrudi, vystřeluje mu to do levé ruky a je celý zpocený",
      "mamce spadl koutek a nemůže mluvit, stalo se to najednou",
      "chci se zabít, už nemůžu",
      "syn vypil savo, prosím pomoc",
      "mam hroznou bolest na hrudi a nemuzu dychat",
      "babicka nereaguje a divne chrci",
    ],
    quiet: [
      "umírám nudou, v práci se nic neděje",
      "táta měl infarkt před pěti lety, teď je v pohodě, může jíst vejce?",
      "jaké jsou příznaky mrtvice? potřebuju to do školy na referát",
      "náš pes snědl čokoládu, co mám dělat",
      "v tom filmu hlavní postava nedýchá a pak se probudí",
    ],
  },
  fa: {
    fires: [
      "سینه ام خیلی درد میکنه و تیر میکشه به دست چپم، عرق سرد کردم",
      "نفسم بالا نمیاد کمک",
      "میخوام خودمو بکشم امشب",
      "بچم وایتکس خورده",
      // Typed on an Arabic keyboard (ي, ك) and with "می" apart.
      "پدرم نمي تونه نفس بکشه",
    ],
    quiet: [
      "دارم از گرسنگی میمیرم",
      "پدرم پارسال سکته قلبی کرد، الان خوبه. چه غذاهایی براش خوبه؟",
      "علائم سکته مغزی چیه؟ برای مدرسه میخوام",
      "سگم شکلات خورده چیکار کنم",
    ],
  },
  he: {
    fires: ["יש לי כאב חזק בחזה שמקרין ליד שמאל ואני מזיע", "אבא שלי לא נושם", "אני רוצה למות, אין לי כוח יותר", "הילד בלע סוללה"],
    quiet: [
      "מתתי מצחוק",
      "אבא שלי עבר התקף לב לפני שנה, מה מותר לו לאכול?",
      "מה הסימנים של שבץ? זה לשיעורי בית",
      "הכלב שלי אכל שוקולד, מה לעשות?",
      "בסרט הדמות לא נושמת",
    ],
  },
  ur: {
    fires: [
      "میرے سینے میں شدید درد ہے اور بائیں بازو تک جا رہا ہے، پسینہ آ رہا ہے",
      "میں خودکشی کرنا چاہتا ہوں",
      "میرے بیٹے نے چوہے مار دوا کھا لی",
      "امی کو سانس نہیں آ رہا",
    ],
    quiet: [
      "ہنس ہنس کر مر گیا",
      "میرے ابو کو پچھلے سال دل کا دورہ پڑا تھا، اب وہ ٹھیک ہیں، کیا وہ انڈے کھا سکتے ہیں؟",
      "فالج کی علامات کیا ہیں؟ اسکول کے لیے چاہیے",
      "میری بلی نے چاکلیٹ کھا لی",
    ],
  },
  bn: {
    fires: [
      "আমি আর বাঁচতে চাই না, আজ রাতেই সব শেষ করে দেব",
      "মায়ের মুখ হঠাৎ বেঁকে গেছে, কথা জড়িয়ে যাচ্ছে",
      "আমার ছেলে কীটনাশক খেয়ে ফেলেছে",
      "amar buke khub betha, shash nite parchi na",
    ],
    quiet: [
      "ক্ষুধায় মরে যাচ্ছি",
      "বাবার গত বছর হার্ট অ্যাটাক হয়েছিল, এখন ভালো আছেন, কী খাবেন?",
      "স্ট্রোকের লক্ষণ কী? স্কুলের জন্য লাগবে",
      "আমার কুকুর চকলেট খেয়ে ফেলেছে",
    ],
  },
};

describe.each(Object.entries(NEW_LANGUAGES))("%s", (language, { fires, quiet }) => {
  it.each(fires)("fires, with the notice in the message's language: %s", (text) => {
    const result = read(text);
    expect(result.emergency).toBe(true);
    expect(result.notice?.language).toBe(language);
  });
  it.each(quiet)("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("the new languages' contacts", () => {
  it("Czech and Hebrew name their country's number bare; Persian, Bengali and Urdu (several countries) name none", () => {
    expect(read("nemůže dýchat, pomoc", [], "cs").notice?.text).toContain("Volejte hned 112");
    expect(read("אבא שלי לא נושם", [], "he").notice?.text).toContain("ל-101");
    for (const [text, locale] of [
      ["نفسم بالا نمیاد کمک", "fa"],
      ["امی کو سانس نہیں آ رہا", "ur"],
      ["আমার ছেলে কীটনাশক খেয়ে ফেলেছে", "bn"],
    ]) {
      const notice = read(text, [], locale).notice!;
      expect(notice.emergencyNumber).toBe("");
      expect(notice.text, text).not.toMatch(/\d{3}/);
    }
    expect(read("আমার ছেলে কীটনাশক খেয়ে ফেলেছে", [], "bn-BD").notice?.text).toContain("999 নম্বরে");
    expect(read("אבא שלי לא נושם", [], "he-AQ").notice?.text).toContain("יש להתקשר עכשיו למספר החירום המקומי");
  });
});

describe("a bare 'en' (a browser that sends no region)", () => {
  it("on an en-US deployment: the deployment's country, 911 and 988, with 'or your local emergency number' beside 911", () => {
    const notice = triage("i want to kill myself tonight", "en", { env: { DEFAULT_LOCALE: "en-US" } }).notice!;
    expect(notice.emergencyNumber).toBe("911");
    expect(notice.text).toContain("Call 911 (or your local emergency number) now");
  });

  it("on a deployment for English speakers of several countries (DEFAULT_LOCALE=en): no number at all", () => {
    const env = { DEFAULT_LOCALE: "en" };
    const notice = triage("i want to kill myself tonight", "en", { env }).notice!;
    expect(notice.emergencyNumber).toBe("");
    expect(notice.text).toContain("Call your local emergency number now");
    expect(notice.text).not.toMatch(/911|988/);
    expect(emergencyContactsFor(undefined, env).emergencyNumber).toBe("");
    // A region still gets its own country's numbers, and a bare language with one home its home's.
    expect(emergencyContactsFor("en-GB", env).emergencyNumber).toBe("999");
    expect(emergencyContactsFor(undefined, { DEFAULT_LOCALE: "de" }).emergencyNumber).toBe("112");
  });
});
