// The residuals left by round 13 and the fixes of blind round 14 (through the real triage), each shown on
// messages written for this test in other words than the ones the rules were tuned on: the tired idiom
// "could sleep forever" against a wish to; a sauna's hot dry skin against heat stroke; a diabetic's mild,
// treated hypo against one that does not come up; a handful of pills counted roughly ("se tomó unas 5"),
// told in one message or two; and Arabizi spelled every way (digits for letters, vowels left out).
// Then blind round 14's situations (concepts/lexicons/acute-signs.ts), Greek and Romanian (new rules, notice
// and answer texts), and the false alarms it showed (a correction to a double dose, a sting's local swelling,
// hyperbole), each on sentences written for this test after the fixes.
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

describe("blind round 14's situations, told in other words", () => {
  it.each([
    "i gave my guitar to my brother and wrote letters to everyone. tonight is the night",
    "it feels like someone is sitting on my chest and i'm drenched in cold sweat",
    "sudden ripping pain through to my back, worst ever, feel faint",
    "my stool has been jet black and tarry for two days and i nearly fainted in the shower",
    "the whole family has headaches since we turned on the old gas heater and my son is really confused",
    "im 34 weeks pregnant and seeing flashing lights with a bad headache",
    "bleeding a lot since giving birth yesterday, soaking pads every hour, feel faint",
    "got bitten by a snake on the hike and my leg is swelling fast",
    "my son (9) has dengue, day 5, fever gone but his hands and feet are cold and his gums are bleeding",
    "my husband got an electric shock from the mains and is not responding",
    "we pulled my daughter out of the pool, she is coughing and very drowsy and floppy",
    "my brother says the voices are telling him to jump off the roof",
    "grandad is on warfarin and hit his head this morning, he has vomited twice",
    "my son fell off his bike and hit his head and keeps asking the same questions over and over",
    "mi hermana regaló su perro y sus cosas, dice que ya no aguanta más",
    "mon frère a donné son chien, il n'en peut plus",
    "ma fille a avalé des pastilles pour le lave-vaisselle",
    "meine Mutter sagt, es fühlt sich an wie ein Elefant auf der Brust, sie ist grau und schwitzt kalt",
    "mia moglie sanguina moltissimo dal parto di ieri ed è pallida",
    "у мужа живот твердый как доска и боль невыносимая",
    "anak saya kena DBD, sekarang kakinya dingin dan gusinya berdarah",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "gave my old guitar to my nephew, he loves it",
    "we gave the dog chocolate and now he is vomiting and shaking",
    "i'm on warfarin, can i drink cranberry juice?",
    "he had a tearing pain in his hamstring at football",
    "my mum's gas boiler broke and she has a headache from the stress",
    "black stool after iron tablets, is that normal? i feel fine",
    "what are the warning signs of dengue?",
    "my husband is going to have a heart attack when he sees the new car",
    "mi suegra me va a matar si llego tarde jaja",
    "¿cuántas pastillas de paracetamol son una sobredosis? es para saberlo",
    "writing a crime novel, how fast does someone lose consciousness from carbon monoxide?",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it.each([
    [["i took too many pills"], "sorry, i mean i took 2 of my allergy tablets instead of 1 this morning"],
    [["me tomé muchas pastillas"], "perdón, quise decir que tomé 2 ibuprofenos en vez de 1"],
    [["ho preso troppe pastiglie"], "scusa, ne ho prese due invece di una"],
    [["my mum collapsed!!"], "sorry to scare you, the paramedics checked her and it was just a faint"],
  ])("a correction or an all-clear stands down: %s … %s", (previous, text) => expect(fired(text, previous)).toBe(false));

  it("a correction that still counts an overdose keeps the notice", () =>
    expect(fired("sorry i mean i took 30 sleeping pills instead of 1", ["i took too many pills"])).toBe(true));

  it.each([
    ["me pico una avispa y solo se hinchó alrededor, nada más", false],
    ["me picó una avispa y se me hincha la garganta", true],
    ["arı soktu, sadece soktuğu yer şişti", false],
  ] as const)("a sting: %s", (text, emergency) => expect(fired(text)).toBe(emergency));
});

describe("Greek and Romanian", () => {
  it.each([
    "ο άντρας μου έχει πόνο στο στήθος που πάει στο αριστερό χέρι και ιδρώνει",
    "η μαμά μου δεν μπορεί να αναπνεύσει και τα χείλη της μελάνιασαν",
    "θέλω να πεθάνω απόψε",
    "η γιαγιά μου λιποθύμησε και δεν αντιδρά",
    "ο γιος μου ήπιε χλωρίνη",
    "tatăl meu are o durere în piept care merge în braț și transpiră rece",
    "bunica nu mai respiră, am găsit-o pe jos",
    "vreau să mă sinucid în seara asta",
    "fetița mea de 2 ani a înghițit o baterie",
    "soțul meu are gura strâmbă și nu poate vorbi",
    "mama mea a căzut și nu mai răspunde",
  ])("%s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "πέρσι ο παππούς μου είχε εγκεφαλικό, τι διατροφή να κάνει;",
    "ποια είναι τα συμπτώματα του εμφράγματος;",
    "πεθαίνω από τα γέλια",
    "mor de râs",
    "care sunt simptomele unui infarct?",
    "bunicul a avut un accident vascular acum 3 ani, ce să mănânce?",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it("the notice is written in Greek or Romanian with 112", () => {
    const greek = triage("ο πατέρας μου δεν αναπνέει", "el-GR").notice!;
    expect(greek.language).toBe("el");
    expect(greek.text).toContain("Καλέστε τώρα το 112");
    const romanian = triage("tata nu mai respiră", "ro-RO").notice!;
    expect(romanian.language).toBe("ro");
    expect(romanian.text).toContain("Sunați acum la 112");
  });
});
