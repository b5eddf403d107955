// Round 17's work, through the real triage and the real notice texts: hives alone after a new tablet is no emergency
// (with the airway, the breath or a faint it is), and the number-less notice reads as a native speaker writes it in
// Chinese, Japanese and Arabic — each on sentences written for this test, not taken from a blind set.
import { describe, expect, it } from "vitest";
import { emergencyContactsFor } from "./contacts";
import { emergencyNoticeText } from "./disclaimers";
import { answerWordingFor } from "./answer-texts";
import { crisisAnswerText } from "./notice-texts";
import { triage } from "./triage";
import { describeLanguageCases, type LanguageCases } from "./language-cases.test-helper";

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
const NEW_LANGUAGES: Record<"cs" | "fa" | "he" | "ur" | "bn", LanguageCases> = {
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

describeLanguageCases(NEW_LANGUAGES);

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

// Blind round 17's kinds of miss and false alarm, on sentences written for this test in other words than the set's.
describe("blind round 17's kinds", () => {
  it.each([
    // Carbon monoxide: a heater, stove or generator indoors and the household unwell.
    "everybody in the flat has a pounding headache and my dad is kind of confused, we had the paraffin heater on all evening",
    "evde soba yanıyor, hepimizin başı çok ağrıyor, babam bayılacak gibi",
    // A heart patient suddenly breathless and grey or sick; a heavy feeling with clammy grey skin.
    "my grandad has stents and he's suddenly really short of breath and feeling sick",
    "mon père a des stents, il est d'un coup essoufflé et tout pâle",
    "dad says there's a heavy feeling in his chest after digging, he's grey and clammy",
    // Coughing up blood while out of breath.
    "I've been short of breath since yesterday and just coughed up blood",
    // A bone through the skin; a fall from a height with legs that cannot be felt; the cord out.
    "my son fell off his bike and the bone is sticking out of his arm",
    "mijn vader is van het dak gevallen en voelt zijn benen niet meer",
    "she is 39 weeks, waters went and now the cord is coming out",
    // Wild mushrooms, then vomiting or drowsiness.
    "we had wild mushrooms from the woods for lunch and now my wife keeps vomiting",
    // A swollen neck or tongue with the breath going, whatever the cause.
    "after the dentist his neck is swollen up and it's getting hard for him to breathe",
    // Violence now (Turkish), a plan with the means ready (Indonesian, Hindi), Malay signs.
    "kocam şu an kapıyı kırmaya çalışıyor, bıçağı var, odaya kilitlendim",
    "aku udah gak kuat, racun serangga udah aku siapin",
    "मैं और नहीं जीना चाहता, फंदा तैयार है",
    "ayah saya ada kencing manis, sekarang dia tak sedarkan diri",
    // Urdu: a burn in a fire with the face burnt (Arabic's "مسلسل", a TV series, no longer frames the turn away).
    "گھر میں آگ لگ گئی، بھائی مسلسل کھانس رہا ہے اور چہرہ جل گیا ہے",
  ])("fires: %s", (text) => expect(fired(text)).toBe(true));

  it.each([
    ["i think i'm having a stroke, my face is drooping", "update: the gp says it's bell's palsy, nothing else is affected"],
    ["my chest hurts and i can't breathe", "sorry i panicked, it was a stitch from running, breathing totally normal now"],
    ["tengo un dolor horrible en el pecho", "ya se me pasó con el antiácido, es la acidez de siempre"],
    ["mon bébé ne respire plus !", "pardon, j'ai paniqué, il a repris tout seul et il tète bien"],
    ["息子がけいれんしています！", "2分くらいでおさまって、今は目を開けて話しています"],
    ["मुझे लगता है हार्ट अटैक आ रहा है", "डॉक्टर ने ईसीजी किया, सब नॉर्मल आया"],
    ["הבת שלי לא נושמת טוב", "נרגעתי, זה היה האף, עכשיו היא נושמת רגיל"],
  ])("a withdrawn first turn stays quiet: %s / %s", (first, text) => expect(fired(text, [first])).toBe(false));

  it.each([
    "Paramedic exam q: pt presents with crushing chest pain and diaphoresis, what's first? I keep getting these questions wrong",
    "burnt my finger on the kettle, one small blister the size of a pea, do I need a plaster?",
    "سؤال امتحان: ماذا تفعل مع شخص فاقد الوعي؟",
    "救急救命士国家試験の問題です。アナフィラキシーの初期対応は？",
    "nel mio giallo il colpevole avvelena la zia con il cianuro, che sintomi avrebbe?",
    "j'ai fait un malaise il y a 2 semaines, tout était normal aux examens, je peux refaire du sport ?",
    "chán muốn chết, cuối tuần này làm gì cho vui",
    "I've come out in hives all over after the new tablets, no swelling, breathing fine",
    "we picked wild mushrooms this morning, how do I tell if they are safe to eat?",
    "my neck is a bit swollen from a cold, breathing fine",
    "kalbim çok hızlı vuruyor, kahve yüzünden mi?",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

// Hungarian, added after blind round 17 brought it with no rules (sentences written for this test).
describe("hu", () => {
  it.each([
    "apám mellkasa nagyon fáj, a bal karjába sugárzik és hideg verejtékes",
    "anyukám szája hirtelen lefittyedt és nem tud beszélni",
    "meg akarom ölni magam ma este",
    "a kisfiam megitta a hypot",
  ])("fires, with the Hungarian notice: %s", (text) => {
    const result = read(text);
    expect(result.emergency).toBe(true);
    expect(result.notice?.language).toBe("hu");
  });
  it.each([
    "unalomba halok bele",
    "apám tavaly infarktust kapott, most jól van, ehet tojást?",
    "mik a stroke tünetei? házi feladathoz kell",
    "a kutyám megevett egy csokit",
    "ittam egy kis vodkát tegnap, fáj a fejem",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
  it("a bare hu names Hungary's 112", () => {
    expect(read("meg akarom ölni magam ma este", [], "hu").notice?.text).toContain("Hívja most a 112 számot");
  });
});
