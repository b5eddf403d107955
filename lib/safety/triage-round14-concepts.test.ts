// The residuals left by round 13 and the fixes of blind round 14 (through the real triage), each shown on
// messages written for this test in other words than the ones the rules were tuned on: the tired idiom
// "could sleep forever" against a wish to; a sauna's hot dry skin against heat stroke; a diabetic's mild,
// treated hypo against one that does not come up; a handful of pills counted roughly ("se tomó unas 5"),
// told in one message or two; and Arabizi spelled every way (digits for letters, vowels left out).
import { describe, expect, it } from "vitest";
import { triage } from "./triage";
import { arabiziWordSource } from "./text/arabizi";

const fired = (text: string, previous: string[] = []) =>
  triage(text, "en-US", { previousTurns: previous.map((t) => ({ text: t })) }).emergency;

describe("sleeping forever: a wish, not the tired idiom", () => {
  it.each([
    "i'm so done, i want to go to sleep forever and not wake up",
    "i just wanna sleep forever, nobody would notice",
    "ojalá pudiera dormir para siempre y que todo acabe",
    "j'aimerais m'endormir pour toujours",
    "vorrei dormire per sempre e non pensare più a niente",
    "quero dormir pra sempre",
    "ich will einfach für immer schlafen",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "this week was brutal, could sleep forever honestly",
    "after two night shifts i could literally sleep forever lol",
    "estoy tan cansada que podria dormir para siempre jaja",
    "je pourrais dormir pour toujours après cette semaine",
    "ich könnte für immer schlafen nach dieser woche",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("a sauna or hot tub: hot dry skin is expected there", () => {
  it.each([
    "sat in the steam room too long, skin feels hot and dry now",
    "my dad went into the sauna for 20 min, his skin is red hot and dry, normal?",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it.each(["my husband passed out in the sauna and is talking nonsense", "mi abuelo se desmayó en la sauna y no responde"])(
    "a collapse or confusion there is heat stroke: %s",
    (text) => expect(fired(text)).toBe(true),
  );
});

describe("a diabetic's low sugar: treated, or not coming up", () => {
  it.each([
    "i'm type 1, feeling a bit shaky and sweaty, just had some glucose tabs",
    "diabetic here, shaky, gonna eat something",
    "soy diabetico y estoy temblando un poco, voy a comer algo",
    "type 1 here, bit shaky, my sugar is 3.8, having a biscuit",
  ])("a mild hypo the person treats stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it.each([
    "my son is type 1 and shaky, we gave him juice twice and his sugar is still dropping",
    "my diabetic mum is shaky and her sugar isnt coming up even with juice",
    "mi madre es diabética, le dimos zumo y el azúcar sigue bajando",
    "ma mère est diabétique, on lui a donné du sucre mais sa glycémie ne remonte pas",
    "mein sohn hat diabetes, zittert und der zucker geht nicht hoch trotz saft",
    "mio padre è diabetico, ha mangiato zucchero ma la glicemia non sale",
    "mijn vader heeft diabetes, zijn suiker blijft laag ondanks limonade",
    "my type 1 husband is shaky and sweaty and now he's confused",
  ])("%s", (text) => expect(fired(text)).toBe(true));
});

describe("a handful of pills counted", () => {
  it.each([
    "el nene agarró el frasco de la abuela, se tomó como 6 pastillas de la presión",
    "creo que mi hermano se tomo unas 7 de mis pastillas para dormir",
    "minha filha pegou os comprimidos da avó e engoliu uns 6",
    "mon fils a avalé environ 6 cachets de ma mère",
    "mia figlia ha ingoiato circa 6 compresse della nonna",
    "meine tochter hat so 6 tabletten von oma geschluckt",
    "my toddler got into my bag and swallowed like 6 of my tablets",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    [["mi hijo de 3 años encontró mis pastillas para dormir"], "se tomó unas 5, qué hago"],
    [["meu filho achou o remédio de dormir da avó"], "acho que tomou umas 6"],
    [["ha trovato le pastiglie del nonno"], "ne ha prese tipo 5"],
    [["il a trouvé mes somnifères dans mon sac"], "il en a pris à peu près 6"],
  ])("told in two messages: %s … %s", (previous, text) => expect(fired(text, previous)).toBe(true));

  it.each([
    "tomo unas 6 pastillas diferentes cada día, es normal?",
    "me tome 5 gotas de paracetamol para el dolor",
    "i take about 6 tablets a day for my heart, can i have grapefruit?",
    "se tomó unas 5 cervezas anoche y hoy le duele la cabeza",
  ])("a regimen, drops or another count stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("Arabizi spelled every way", () => {
  it.each([
    "ana ta3bana kteer w msh 2adra etnafas",
    "mesh 2ader atnafas",
    "bdi mout, ma 3ad fiyi",
    "sadri byewja3ni w 3ar2an kteer",
    "qalbi biwja3ni kteer",
    "ibni 3ando 7arara w byetshanaj",
    "baba oghmi 3aleh w mish biyrod",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "ana ta3ban shwaya mn el shoghl",
    "shu a3rad el sakari? bas bade a3ref",
    "habibi enta ktir ta3ban, nam shwaya",
    "i am so tired lol 2day was long",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it("a phrase word's pattern is bounded and widens only words of two consonants or more", () => {
    expect(arabiziWordSource("2awi")).toBe("(?<![a-z0-9])2awi");
    const source = arabiziWordSource("atnafas");
    expect(source).not.toMatch(/[*+]/);
    expect(new RegExp(source).test("etnaffes")).toBe(true);
    expect(new RegExp(arabiziWordSource("byewja3ni")).test("b" + "aeiou23".repeat(50) + "x")).toBe(false);
  });
});
