// Triage mends after round 11 (through the real triage): a leading "no" that answers someone
// is not a negation of the sign after it; confusion about a topic is not confusion as a sign;
// a person who barely responds is an emergency in every language; early pregnancy told as
// "estoy de 7 semanas"; a substance named alone (a button-battery toy, bleach for cleaning) is
// no event in Japanese and Korean. Messages written for this test, not taken from a labelled round.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fired = (text: string) => triage(text).emergency;

describe("a leading 'no' answers someone: the sign after it stays live", () => {
  it.each([
    "no he cant breathe",
    "no he can't breathe",
    "no my dad cant breathe",
    "no, she's not breathing",
    "no she wont wake up",
    "no, no puede respirar",
    "no mi papa no respira",
    "nein er atmet nicht",
    "nein, er kann nicht atmen",
    "non il ne respire pas",
    "nee hij ademt niet",
    "нет он не дышит",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["he has no chest pain", "no chest pain, no trouble breathing", "she doesnt have chest pain"])(
    "a negation of the sign itself stays a negation: %s",
    (text) => expect(fired(text)).toBe(false),
  );
});

describe("confusion about a topic is not confusion as a sign", () => {
  it.each([
    "i'm confused about my insulin dose",
    "im type 1 diabetic and confused about when to take my insulin",
    "soy diabetica y estoy confundida con la dosis de insulina",
    "je suis diabétique et un peu confuse sur la dose d'insuline",
    "ich bin diabetiker und verwirrt über die insulindosis",
    "sou diabética e estou confusa sobre a dose de insulina",
    "sono diabetico e sono confuso sulla dose di insulina",
    "ik ben diabeet en een beetje in de war over mijn insuline",
    "jag är diabetiker och förvirrad över insulindosen",
    "saya diabetes dan bingung soal dosis insulin",
    "インスリンの量について混乱しています、糖尿病です",
    "당뇨가 있는데 인슐린 용량에 대해 혼란스러워요",
    "şekerim var, insülin dozu konusunda kafam karışık",
  ])("%s", (text) => expect(fired(text)).toBe(false));

  it.each([
    "my dad is diabetic and he is confused and sweaty",
    "my mum is diabetic, she's confused, what do i do",
    "my nan is diabetic and confused about where she is",
    "mi mama es diabetica y esta confundida",
    "mein vater ist diabetiker und total verwirrt",
    "mijn vader is diabeet en is helemaal verward",
  ])("confusion as a sign still fires: %s", (text) => expect(fired(text)).toBe(true));
});

describe("a person who barely responds", () => {
  it.each([
    ["nl", "mijn opa lag de hele nacht buiten in de kou, hij is ijskoud en reageert nauwelijks"],
    ["nl", "oma reageert amper"],
    ["en", "my grandad is barely responsive"],
    ["en", "she keeps drifting in and out"],
    ["es", "mi abuelo apenas responde"],
    ["fr", "ma mère répond à peine"],
    ["de", "mein vater reagiert kaum"],
    ["pt", "meu avô mal responde"],
    ["it", "mio nonno risponde a malapena"],
    ["pl", "dziadek ledwo reaguje"],
    ["sv", "morfar reagerar knappt"],
    ["tr", "dedem yarı baygın"],
    ["id", "kakek setengah sadar"],
    ["zh", "爷爷反应很迟钝"],
    ["ar", "جدي بالكاد يستجيب"],
  ])("%s: %s", (_language, text) => expect(fired(text)).toBe(true));
});

describe("early pregnancy told by its weeks (ectopic signs)", () => {
  it.each([
    "estoy de 7 semanas y tengo un dolor horrible en un lado de la panza y me mareo, sangro un poco",
    "estou de 7 semanas, dor forte de um lado da barriga e tontura",
    "sono di 6 settimane, dolore fortissimo su un lato della pancia e mi gira la testa",
    "im 6 weeks along, really bad pain on one side and i feel faint",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it("weeks of something else are not a pregnancy", () => {
    expect(fired("estoy de baja hace 2 semanas y me duele un lado")).toBe(false);
  });
});

describe("a substance named alone is no event (Japanese, Korean); swallowed, it is", () => {
  it.each([
    "ボタン電池のおもちゃは何歳から大丈夫？",
    "漂白剤と酢を混ぜても大丈夫？",
    "農薬の保管方法を教えて",
    "スマホ中毒を治したい",
    "락스 사용법 알려줘",
    "스마트폰 중독",
  ])("quiet: %s", (text) => expect(fired(text)).toBe(false));
  it.each([
    "子どもがボタン電池を口に入れたかも",
    "娘が農薬を口に入れた",
    "子供が漂白剤を飲んだ",
    "아이가 락스를 마셨어요",
    "애가 버튼전지를 삼켰어요",
    "아기가 건전지를 입에 넣었어",
  ])("fires: %s", (text) => expect(fired(text)).toBe(true));
});
