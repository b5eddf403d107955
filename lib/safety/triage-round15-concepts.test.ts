// The generalisation work before blind round 15 and its fixes (through the real triage). First the weak
// points found with probes written before round 15 was read: a negation reaching across "and" into a new
// statement, someone who cannot be woken, a wish to die told of someone else, a knock to the head with
// vomiting and drowsiness. Then round 15's situations (concepts/lexicons/everyday-accounts.ts) and its
// false alarms, each on sentences written for this test in other words than the set's.
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fired = (text: string, previous: string[] = []) =>
  triage(text, "en-US", { previousTurns: previous.map((t) => ({ text: t })) }).emergency;

describe("a negation does not reach past 'and' starting a new statement", () => {
  it.each([
    "he came off his bike, no helmet and keeps asking me the same question again and again",
    "my 5 week old has no fever and she's really floppy, not feeding",
    "no allergies that we know of and now her tongue and lips are swelling after the prawns",
    "sin casco y ahora no me reconoce, se cayó de la moto y se golpeó la cabeza",
    "no seatbelt and went through the windshield, now she doesn't know where she is",
    "she wasn't wearing a helmet and now she's vomiting and very sleepy",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "no chest pain and no shortness of breath, just a blocked nose",
    "he didn't fall and hit his head, he only tripped on the step and he's fine",
    "no fever and she's eating and playing normally",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("someone who cannot be woken", () => {
  it.each([
    "my husband is on the sofa and i cant wake him, he's snoring weirdly",
    "no consigo despertarla, mi mamá está en la cama y no reacciona",
    "não consigo acordar meu avô",
    "ich krieg meinen Vater nicht wach",
    "non riesco a svegliarla, mia nonna è sul letto",
    "je n'arrive pas à la réveiller",
    "ik krijg haar niet wakker",
    "nie mogę jej obudzić",
    "не можем его разбудить",
    "δεν μπορώ να την ξυπνήσω",
    "nu reușesc să o trezesc pe mama",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "i cant wake up in the mornings, any tips for a morning person?",
    "no consigo despertarme temprano para ir al trabajo",
    "ich kann morgens nicht aufwachen ohne drei Wecker",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("a wish to die told of someone else", () => {
  it.each([
    "my daughter told me she doesn't want to live anymore",
    "mi hermana se quiere quitar la vida",
    "minha amiga quer se matar, o que eu faço",
    "mon copain veut mettre fin à ses jours",
    "mio figlio dice che vuole ammazzarsi",
    "мой сын не хочет жить",
    "sora mea vrea să se sinucidă",
    "η φίλη μου θέλει να αυτοκτονήσει",
    "arkadaşım kendini öldürmek istiyor",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "se va a matar con esa moto un día, va rapidísimo",
    "ele vai se matar de trabalhar desse jeito",
    "my son doesnt want to live with his dad anymore, how do we arrange custody",
    "i'd rather die than go to that wedding lol",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("a knock to the head with its warning signs", () => {
  it.each([
    "my son banged his head on the tiles and now he keeps throwing up and can't keep his eyes open",
    ["grandad fell off the ladder", "now he's confused and doesn't recognise me"],
    "se cayó del tejado, vomita y está muy adormilado",
    "Papa ist von der Leiter gefallen und erkennt mich nicht",
  ])("%s", (text) => expect(typeof text === "string" ? fired(text) : fired(text[1], [text[0]])).toBe(true));

  it.each(["she bumped her head on the table, cried straight away and is now playing and eating normally"])("stays quiet: %s", (text) =>
    expect(fired(text)).toBe(false),
  );
});

describe("round 15: a heart attack told by the jaw, the arm and a sweat, in every language", () => {
  it.each([
    "moja mama ma ból w lewej ręce i w żuchwie, jest blada",
    "annemin çenesinde ve sol kolunda ağrı var, soğuk terliyor",
    "ο πατέρας μου έχει πόνο στο αριστερό χέρι και κρύο ιδρώτα",
    "mama are o durere în maxilar și brațul stâng, transpiră rece",
    "у отца боль в челюсти и левой руке, холодный пот",
    "pappa har ont i käken och vänster arm och kallsvettas",
    "ayah saya nyeri di rahang dan lengan kiri, keringat dingin",
    "mama ana maumivu ya taya na mkono wa kushoto, jasho baridi",
    "爸爸下巴和左臂疼，一直出冷汗",
    "gran is diabetic, feels sick and clammy with a pressure in her upper stomach",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each(["the pressure in my upper stomach after a big dinner, is it indigestion?", "my jaw hurts after the dentist"])(
    "stays quiet: %s",
    (text) => expect(fired(text)).toBe(false),
  );
});

describe("round 15: violence going on now, a silent choking child, a place to jump from with a farewell", () => {
  it.each([
    "my dad is beating my mum right now, i'm in my room and she's screaming",
    "my ex is banging on the door, he's threatening to kill me",
    "my son choked on a sweet, he's grabbing his throat and not making a sound",
    "estoy en el puente, ya me despedí de todos",
    "je suis sur le toit, j'ai écrit une lettre d'adieu",
    "sono sul ponte, ho scritto una lettera di addio a tutti",
    "nandito ako sa tulay, paalam na sa inyo",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "my mum is going to kill me when she sees this mess haha",
    "my toddler keeps hitting his head on the floor when he screams, is that normal?",
    "we walked across the bridge today, thanks for everything you told me about blisters",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));
});

describe("round 15: child ingestions, near drowning, eclampsia, traditional Chinese, Arabizi", () => {
  it.each([
    "mia figlia ha morsicato una capsula della lavatrice",
    "mi hija mordió una pastilla del lavavajillas",
    "meine Tochter ist in den Pool gefallen, ich hab sie rausgezogen, sie ist ganz schlapp",
    "ich bin schwanger und hatte gerade einen Krampfanfall, starke Kopfschmerzen",
    "我已經寫好遺書，今晚就結束",
    "3andi el 7obob kolaha w ha5odhom el leila",
  ])("%s", (text) => expect(fired(text)).toBe(true));
});

describe("round 15's false alarms stay quiet, in other words", () => {
  it.each([
    ["my son fainted at church!!", "he came round straight away, he's sitting up talking and his colour is back"],
    ["minha filha desmaiou", "ela já acordou e está conversando normal"],
  ])("%s ⏎ %s", (first, second) => expect(fired(second, [first])).toBe(false));

  it.each([
    "my labrador was bitten by a snake, where's an emergency vet?",
    "watching an episode where someone has a stroke, is it true the face droops?",
    "痛みはないです。息苦しさもありません",
    "벌에 쏘였는데 쏘인 곳만 부었어요",
    "met qua muon chet luon",
  ])("%s", (text) => expect(fired(text)).toBe(false));
});
