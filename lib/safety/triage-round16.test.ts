// Round 16's work, through the real triage: Greeklish (Greek in Latin letters), an infant's age told without "old",
// romanised Hindi/Urdu, Arabizi and toneless pinyin for the common emergencies, then blind round 16's kinds of miss and
// false alarm — each on sentences written for this test in other words than the set's.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const read = (text: string, previous: string[] = []) =>
  triage(text, "en-US", { env: {}, previousTurns: previous.map((t) => ({ text: t })) });
const fired = (text: string, previous: string[] = []) => read(text, previous).emergency;

describe("Greeklish is read by the Greek rules", () => {
  it.each([
    "ponaei poly to sti8os mou kai den mporw na anapneusw",
    "o mpampas mou den anapneei, voithia",
    "exw ponous sto stithos pou pane sto aristero xeri kai idrwnw",
    "thelw na pethanw, den antexw allo",
    "tha aftoktonisw apopse",
    "h giagia mou stravwse to stoma ksafnika kai den mporei na milisei",
    "to moro mou einai 3 evdomadwn kai exei pureto 38.5",
    "pire ola ta xapia tis mamas tou",
    "h mama mou lipothimise kai den antidra",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it("answers a Greeklish emergency with the Greek notice", () => {
    expect(read("o mpampas mou den anapneei, voithia").notice?.language).toBe("el");
  });

  it.each([
    "pws mporw na kanw to stithos mou pio dynato sto gym",
    "i kardia mou ponaei apo agapi lol",
    "ti einai to emfragma? grafw ergasia gia to sxoleio",
    "o skylos mou exei pureto ti na kanw",
    "ponaei to kefali mou ligo apo to proi",
    // Latin-letter messages of other languages are not taken for Greeklish.
    "i have a mild headache since this morning",
    "tengo un poco de tos desde ayer",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("an infant's age without 'old'", () => {
  it.each([
    "my baby is 6 weeks and has a fever of 38.5",
    "baby is 3 wks, temp 38.2",
    "she's 5 weeks and burning up, 38.6",
    "my daughter is 2 months and has a fever of 38.4",
    "our 7 week son has a temperature of 38.1",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it("after a general first turn", () => {
    expect(fired("my son is 4 weeks and has a fever of 38.3", ["how often should a baby feed at night?"])).toBe(true);
  });

  it.each([
    "my baby is 6 months and has a fever of 38.5",
    "my baby is 6 weeks and has a runny nose",
    "i am 6 weeks pregnant and have a fever of 38",
    "my son is 2 weeks late for his vaccines, is that ok",
    "she is 3 days post op and has a fever of 38",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("romanised Hindi/Urdu, Arabizi and toneless pinyin", () => {
  it.each([
    "dil karta hai mar jaun, ab aur nahi jeena",
    "abbu behosh ho gaye hain, saans nahi le rahe",
    "ammi ke seene mein shadeed dard hai aur saans phool rahi hai",
    "ana bfakker entehir",
    "khayye akhad kteer 7obob",
    "baba wa23 w ma 3am yrod",
    "el bebe sokhneh 39 w 3omro shahren",
    "ta he le yi zheng ping an mian yao",
    "wo ba ba xiong kou teng de li hai",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "khudkushi ke baare mein essay likhna hai school ke liye",
    "zi sha de bi li shi duo shao",
    "3am fakker eshtre sayyara jdide",
    // "mar jaunga" (I'll die of …) is an idiom; the wish is "mar jaun" (if only I died).
    "kal ke paper ki tension se mar jaungi yaar",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("blind round 16's kinds of miss", () => {
  it.each([
    // At a high place, on the tracks, or with the means at hand, and unable to go on.
    ["he's standing on the roof of the car park and says he can't go on"],
    ["estoy en el puente y ya no aguanto más"],
    ["ich stehe auf der brücke, ich kann nicht mehr"],
    ["я на мосту, больше не могу"],
    ["我在楼顶上，撑不下去了"],
    ["sono sul tetto e non ce la faccio più"],
    ["ho preparato la corda, volevo salutare tutti"],
    ["comprei veneno e hoje eu acabo com isso"],
    ["elimde jilet var, dayanamıyorum"],
    // A car in a garage with the engine running.
    ["my dad is sitting in his car in the garage and the engine is running"],
    // A farewell, then silence.
    ["he messaged 'tell dad im sorry' and now he isn't answering", ["my brother has been so low lately"]],
    // Violence going on now.
    ["he punched the wall and says i'm next, i've locked myself in the bathroom"],
    // Carbon monoxide with the alarm sounding, a pet before a new subject.
    ["the dog is sleepy and the co alarm is going off, we all have headaches"],
    // A mouth turned to one side; someone who cannot be roused.
    ["grandad's mouth has gone to one side and he's talking nonsense"],
    ["found him on the floor and i can't get any response out of him"],
    // A belly hard as a stone with fever (pt); a toddler dehydrated (id).
    ["a barriga dela está dura que nem pedra e ela está com febre"],
    ["anak saya umur 1 tahun, matanya cekung dan belum pipis dari pagi"],
  ])("%s", (text, previous?: string[]) => expect(fired(text, previous)).toBe(true));
});

describe("blind round 16's kinds of false alarm", () => {
  it.each([
    ["my lip is still numb from the dentist, when will it wear off"],
    ["a wasp stung my foot, it's swollen up to the ankle but i feel fine"],
    ["in fortnite my character keeps bleeding out, how do i heal faster"],
    ["my psychologist wants me to make a safety plan for when i feel suicidal, i'm okay right now"],
    ["ma mère a eu un AVC l'an dernier, peut-elle conduire ?"],
    ["meu filho comeu um bocadinho de bolo e está com dor de barriga"],
    ["давление 150/90, таблетки принимаю, чувствую себя хорошо"],
    ["Entwarnung, es war nur ein Bonbon, sie hat es ausgehustet", ["Meine Tochter hat etwas verschluckt!"]],
    ["yok, içmemiş, şişe kapalıymış", ["oğlum çamaşır suyu içti galiba"]],
    ["sorry, i've calmed down now, it's just my anxiety", ["i think i'm having a heart attack"]],
    ["we're in the garage with the engine running to charge the battery, how long does it take"],
  ])("stays quiet: %s", (text, previous?: string[]) => expect(fired(text, previous)).toBe(false));
});
