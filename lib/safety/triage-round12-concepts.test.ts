// The concepts added after blind round 12 (through the real triage), each shown on messages
// written for this test in other words than the round's: a decision to die told without the
// word (ending it, cannot go on, the means made ready, a farewell), a child who swallowed
// tablets, a thunderclap headache, a clinician's all-clear that takes back an earlier alarm,
// and past events a week or more ago. Controls are the everyday sentences that share the words.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fired = (text: string, previous: string[] = []) =>
  triage(text, "en-US", { previousTurns: previous.map((t) => ({ text: t })) }).emergency;

describe("a decision to die told without the word", () => {
  it.each([
    "i cant go on, i got the rope ready",
    "i'm done with everything, wrote goodbye letters to my kids, going to end it all",
    "ya no aguanto más, tengo todo preparado para acabar con todo",
    "je n'en peux plus, tout est prêt, je vais en finir",
    "ich kann nicht mehr, habe alles vorbereitet",
    "não aguento mais, já juntei os comprimidos... juntei remedios pra hoje",
    "non ce la faccio più, stasera la faccio finita",
    "ik kan niet meer, ik wil er een einde aan maken",
    "orkar inte mer, allt är förberett",
    "mam dość życia, sznur już mam",
    "сил больше нет, верёвка уже готова",
    "більше не можу, сьогодні все скінчиться",
    "artık dayanamıyorum, ipi hazırladım",
    "aku gak kuat lagi, mau mengakhiri semuanya",
    "không chịu nổi nữa, tôi muốn kết thúc tất cả",
    "撑不下去了，绳子准备好了",
    "もう限界。全部終わりにします",
    "더는 못 버티겠어, 다 끝내려고",
    "ما عاد فيني، جهزت كل شي",
    "ab aur nahi, rassi le aaya hoon",
    "ไม่ไหวแล้ว เตรียมเชือกไว้แล้ว",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "i cant take this heat anymore",
    "i want to end it with my boyfriend tonight",
    "ich kann nicht mehr, die arbeit ist zu viel",
    "no aguanto más este dolor de muelas",
    "je n'en peux plus de ce bruit",
  ])("everyday words stay quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("a small child who swallowed tablets", () => {
  it.each([
    "my toddler swallowed some of nana's heart tablets",
    "mi hijo de 3 años se tragó unas pastillas de su abuelo",
    "mein sohn hat tabletten von oma verschluckt",
    "o meu filho engoliu comprimidos da avó",
    "мой сын проглотил мамины таблетки",
    "anak saya menelan obat neneknya",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["my son took his antibiotics this morning, can he eat?", "can my 8 year old swallow pills whole?"])(
    "a dose stays quiet: %s",
    (text) => expect(fired(text)).toBe(false),
  );
});

describe("a thunderclap headache", () => {
  it.each([
    "my mum has the worst headache of her life, it came on suddenly",
    "dolor de cabeza como un trueno, la peor de mi vida",
    "mal de tête comme un coup de tonnerre",
    "kopfschmerzen wie ein donnerschlag",
    "头痛像炸开一样",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it("a bad week is not a headache sign", () => {
    expect(fired("i have a headache, worst week of my life at work")).toBe(false);
  });
});

describe("a clinician's all-clear takes back what came before it", () => {
  it("an earlier alarm, then the paramedics' verdict", () => {
    expect(
      fired("they checked his heart, ecg was normal, they said it was a panic attack", ["my husband has chest pain and is sweating"]),
    ).toBe(false);
  });
  it("a past seizure, checked and sent home", () => {
    expect(fired("she had a seizure on sunday, the hospital sent us home, can she go to school?")).toBe(false);
  });
  it("a sign told after the all-clear still fires", () => {
    expect(fired("they sent us home yesterday and now he is not breathing")).toBe(true);
    expect(fired("the ecg was normal but now he has crushing chest pain and is sweating")).toBe(true);
  });
  it("a negated all-clear is none", () => {
    expect(fired("they did not send us home, he is still not breathing well")).toBe(true);
  });
  it("a continuation ('i mean…') keeps an emergency told in parts", () => {
    expect(fired("i mean like 30 of them an hour ago", ["i took too many pills"])).toBe(true);
  });
});

describe("events a month or more ago, and idioms", () => {
  it.each([
    "minha filha teve uma convulsão mês passado, o que faço se acontecer de novo?",
    "geçen ay bayıldım, doktor kansızlık dedi",
    "в прошлом месяце у него был приступ, что делать если повторится?",
    "đói muốn chết, ăn gì bây giờ",
    "my epipen is out of date, can i still use it?",
    "what should i do if someone is having a seizure? my sister has epilepsy, want to be ready",
  ])("%s", (text) => expect(fired(text)).toBe(false));
});

describe("Tagalog (added after round 12 brought it)", () => {
  it.each([
    "biglang tumabingi ang mukha ni tatay at hindi niya maigalaw ang braso niya",
    "hindi humihinga si lola, tulungan niyo po ako",
    "nangingisay ang anak ko at hindi magising",
    "gusto ko nang mamatay ngayong gabi",
    "nakainom ng zonrox ang anak ko",
    "buntis ako at dumudugo nang sobrang dami",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "ano ang mga sintomas ng atake sa puso? para sa assignment ko",
    "masakit ang ulo ko dahil sa puyat",
    "buntis ako, ano ang dapat kainin?",
  ])("quiet: %s", (text) => expect(fired(text)).toBe(false));

  it("the notice is in Tagalog, and in the Philippines names 911 once", () => {
    const result = triage("gusto ko nang mamatay", "tl-PH");
    expect(result.notice?.language).toBe("tl");
    expect(result.notice?.text).toMatch(/^Maaaring medical emergency ito\. Tumawag ngayon sa 911/);
    expect(result.notice!.text.split("911").length - 1).toBe(1);
  });
});

describe("Swahili (added after round 12 brought it)", () => {
  it.each([
    "baba yangu ana maumivu ya kifua na jasho baridi, mkono wa kushoto unauma",
    "bibi yangu ghafla uso umepinda na hawezi kuongea vizuri",
    "kaka yangu hapumui, tafadhali nisaidie",
    "mwanangu amemeza vidonge vya bibi",
    "nimechoka na maisha, nimeandaa kila kitu",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["dalili za kiharusi ni zipi? kwa ajili ya kazi ya shule", "nina homa kidogo, nifanye nini?"])("quiet: %s", (text) =>
    expect(fired(text)).toBe(false),
  );

  it("the notice is in Swahili, and in Kenya names 999 once", () => {
    const result = triage("nataka kujiua", "sw-KE");
    expect(result.notice?.language).toBe("sw");
    expect(result.notice!.text.split("999").length - 1).toBe(1);
  });
});
