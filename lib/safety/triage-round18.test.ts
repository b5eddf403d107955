// Round 18: the five languages blind round 17 brought (Amharic, Hausa, Punjabi, Tamil, Yoruba), the neighbour languages
// read by another language's rules (Danish and Norwegian by Swedish; Marathi, Nepali, Gujarati, Telugu by Hindi; Finnish,
// Somali, Igbo, Zulu by English), blind round 18's kinds, a whole bottle taken alone answered as self-harm, and an emergency
// left behind by a question about something else. Every sentence is written for this test, not taken from a blind set.
import { describe, expect, it } from "vitest";
import { emergencyContactsFor } from "./contacts";
import { triage } from "./triage";
import { describeLanguageCases, type LanguageCases } from "./language-cases.test-helper";

const read = (text: string, previous: string[] = [], locale = "en-US") =>
  triage(text, locale, { env: {}, previousTurns: previous.map((t) => ({ text: t })) });
const fired = (text: string, previous: string[] = []) => read(text, previous).emergency;

const NEW_LANGUAGES: Record<"am" | "ha" | "pa" | "ta" | "yo", LanguageCases> = {
  am: {
    fires: ["ባሌ መተንፈስ አቃተው", "ራሴን ማጥፋት እፈልጋለሁ", "ልጄ በረኪና ጠጣ", "እናቴ ራሷን ሳተች፣ መልስ አትሰጥም"],
    quiet: ["በረሃብ ልሞት ነው", "አባቴ ባለፈው ዓመት ስትሮክ ያዘው፣ አሁን ደህና ነው", "ውሻዬ መርዝ በላ"],
  },
  ha: {
    fires: [
      "mahaifiyata ba ta numfashi",
      "zan kashe kaina yau da dare",
      "kirjina yana ciwo sosai kuma ina gumi",
      "jini ba ya tsayawa daga kafarsa",
    ],
    quiet: ["yunwa za ta kashe ni", "menene alamomin ciwon zuciya? aikin gida ne", "karena ya ci guba"],
  },
  pa: {
    fires: [
      "ਮੰਮੀ ਨੂੰ ਸਾਹ ਨਹੀ ਆ ਰਿਹਾ",
      "ਮੈਂ ਖੁਦਕੁਸ਼ੀ ਕਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ",
      "ਪਾਪਾ ਦੀ ਛਾਤੀ ਵਿੱਚ ਦਰਦ ਹੈ ਤੇ ਪਸੀਨਾ ਆ ਰਿਹਾ",
      "mere bhra di chhati vich dard te bahut paseena",
    ],
    quiet: ["ਭੁੱਖ ਨਾਲ ਮਰ ਰਿਹਾ ਹਾਂ", "ਮੇਰਾ ਇੱਕ ਸਾਲ ਦਾ ਪੁੱਤ ਅਜੇ ਬੋਲ ਨਹੀਂ ਸਕਦਾ", "ਕੁੱਤੇ ਨੇ ਜ਼ਹਿਰ ਖਾ ਲਿਆ"],
  },
  ta: {
    fires: ["அம்மாவுக்கு மூச்சு விட முடியல", "நான் தற்கொலை செய்யப் போறேன்", "அப்பாவுக்கு நெஞ்சு வலி, ரொம்ப வியர்க்குது", "தம்பி பூச்சி மருந்து குடிச்சிட்டான்"],
    quiet: ["பசியில செத்துடுவேன் போல", "போன வருஷம் தாத்தாவுக்கு மாரடைப்பு வந்தது, இப்போ நல்லா இருக்கார்", "என் நாய் விஷம் சாப்பிட்டுச்சு"],
  },
  yo: {
    fires: ["iya mi ko le mi", "mo fe pa ara mi", "aya baba mi n dun gidigidi, lagun si n bo", "omo mi ko dahun, o n gbon"],
    quiet: ["ebi n pa mi gan", "ebi fe pa mi", "aja mi je majele"],
  },
};

describeLanguageCases(NEW_LANGUAGES);

describe("the new languages' numbers", () => {
  it("a bare tag names no number; a known region its country's (Nigeria 112, India 112 with Tele-MANAS, Sri Lanka 1990)", () => {
    expect(read("zan kashe kaina yau da dare", [], "ha").notice?.text).not.toMatch(/\d{3}/);
    expect(read("zan kashe kaina yau da dare", [], "ha-NG").notice?.text).toContain("Kira 112");
    expect(read("நான் தற்கொலை செய்யப் போறேன்", [], "ta-IN").notice?.text).toContain("14416");
    expect(read("அம்மாவுக்கு மூச்சு விட முடியல", [], "ta-LK").notice?.text).toContain("1990 எண்ணை");
    expect(read("iya mi ko le mi", [], "yo").notice?.text).toContain("nọ́mbà pàjáwìrì agbègbè yín");
  });

  it("an Urdu or Tamil speaker in India is not given the Hindi name of the crisis line", () => {
    expect(emergencyContactsFor("ur-IN", {}).crisisLineName).toBe("ٹیلی مانس");
    expect(emergencyContactsFor("ta-IN", {}).crisisLineName).toBe("Tele-MANAS");
    expect(read("میں خودکشی کرنا چاہتا ہوں", [], "ur-IN").notice?.crisisLineName).toBe("ٹیلی مانس");
  });
});

describe("neighbour languages read by another language's rules", () => {
  it.each([
    ["farmor trækker ikke vejret", "sv"],
    ["bestefar er bevisstløs og våkner ikke", "sv"],
    ["jeg vil ta livet av meg i kveld", "sv"],
    ["बाबांना श्वास घेता येत नाही", "hi"],
    ["म अब बाँच्न चाहन्न", "hi"],
    ["મારા દાદા બેભાન છે", "hi"],
    ["అమ్మ స్పృహ లేదు, పలకట్లేదు", "hi"],
    ["äiti on tajuton eikä herää", "en"],
    ["umfowethu uyopha kakhulu", "en"],
  ])("fires: %s (notice in %s)", (text, language) => {
    const result = read(text);
    expect(result.emergency).toBe(true);
    expect(result.notice?.language).toBe(language);
  });
  it.each(["mitkä ovat aivoinfarktin oireet? kysyn tenttiä varten", "hvad er symptomerne på en blodprop? det er til en opgave"])(
    "stays quiet: %s",
    (text) => expect(fired(text)).toBe(false),
  );
});

describe("blind round 18's kinds", () => {
  it.each([
    // A limb suddenly cold and pale with numbness or after an injury.
    "since this morning my dad's left leg is cold and white and he can't feel his toes",
    "sie ist gestürzt, jetzt ist die hand eiskalt und blass und sie spürt die finger nicht",
    // Green vomit in a baby or child.
    "my 5 week old has been sick twice and it was bright green",
    "mi bebé de 2 meses está vomitando verde",
    // An unborn baby moving less.
    "I'm 34 weeks and haven't felt the baby move since yesterday",
    // A venomous bite or sting with signs of its venom.
    "my son was stung by a scorpion and now he's sweating and vomiting",
    // Confusion at altitude.
    "we are at base camp and my friend is confused and staggering",
    // Back pain with numbness between the legs or urinary retention.
    "bad back pain for a week and now I'm numb between my legs and can't pee",
    // A blow to a child's belly, then pallor and drowsiness.
    "she hit her tummy on the handlebar an hour ago and now she's very pale and drowsy",
    // Fast fluid loss, no urine, too weak to stand.
    "he has had watery diarrhoea all night, hasn't passed urine since yesterday and can't stand up",
    // A snake that may be venomous, even with no symptom yet.
    "just got bitten on the hand by a brown snake, feel ok so far",
    // A threat to kill with the attacker at the door.
    "he's banging on the door and said he's going to kill me",
    // Egyptian Arabic suicide intent; a Korean farewell with affairs in order; a Russian farewell.
    "أخويا بيقول هيموت نفسه دلوقتي",
    "아빠가 통장 비밀번호 알려주고 연락이 안 돼요",
  ])("fires: %s", (text) => expect(fired(text)).toBe(true));

  it.each([
    "my feet are always cold in winter, is that normal?",
    "the baby threw up a bit of milk, she's 3 months old",
    "what are the red flags of cauda equina? for my physio exam",
    "I have back pain after moving house, ibuprofen helps a bit",
    "my pet corn snake bit me on the finger, it's bleeding a little",
    "my boss is gonna kill me if I'm late again",
    "USMLE q: patient with tearing chest pain to the back, next best step?",
    "sınavdan önce resmen kalp krizi geçiriyordum, neyse geçti",
    "Na-stroke ang lola ko noong 2019, okay na siya ngayon",
  ])("stays quiet: %s", (text) => expect(fired(text)).toBe(false));

  it.each([
    ["aiuto mio padre non respira!", "scusate il panico, stava solo russando e adesso sta benissimo"],
    ["我女儿好像吞了硬币！", "找到了，硬币在地上，她没吞"],
    ["my son swallowed something from the cabinet", "found it, it was just a sweet"],
  ])("a withdrawn first turn stays quiet: %s / %s", (first, text) => expect(fired(text, [first])).toBe(false));

  it("a joke after laughter ('ㅋㅋ') takes back what came before it in the same message", () => {
    expect(fired("시험 망해서 죽고 싶다 ㅋㅋ 아 농담이고 공부 팁 좀")).toBe(false);
  });
});

describe("a whole bottle taken alone is answered as self-harm", () => {
  it("the writer's own whole bottle: overdose and self-harm (so the crisis answer: lib/chat/no-passage.test.ts)", () => {
    const result = read("I swallowed a whole bottle of sleeping pills");
    expect(result.categories).toEqual(expect.arrayContaining(["overdose_poisoning", "suicidal_self_harm"]));
  });
  it("someone else's (a child, a husband): an overdose, not the crisis answer", () => {
    for (const text of ["my son swallowed a whole bottle of sleeping pills", "my husband took a whole pack of paracetamol"]) {
      const result = read(text);
      expect(result.emergency).toBe(true);
      expect(result.categories).not.toContain("suicidal_self_harm");
    }
  });
});

describe("an emergency left behind by a question about something else", () => {
  const stroke = "my mum's face is drooping on one side and she can't lift her arm";
  it("a question about something else after the stroke notice: no notice again", () => {
    expect(fired("what foods are high in iron?", [stroke])).toBe(false);
    expect(fired("¿qué alimentos tienen mucho hierro?", ["a mi madre se le cayó la cara de un lado y no puede mover el brazo"])).toBe(
      false,
    );
  });
  it("a question about the emergency, or one pointing back to it, keeps the notice", () => {
    expect(fired("should I give her an aspirin?", [stroke])).toBe(true);
    expect(fired("how long until the ambulance gets here?", [stroke])).toBe(true);
    expect(fired("she is worse now, what do I do", [stroke])).toBe(true);
  });
  it("a crisis stays while in the window, and an emergency told across turns still fires", () => {
    expect(fired("what foods are high in iron?", ["I want to kill myself"])).toBe(true);
    expect(fired("like 30 of them, about an hour ago", ["I took a lot of my mum's pills"])).toBe(true);
    expect(fired("now her face is drooping, is that bad?", ["my mum seems a bit off today"])).toBe(true);
  });
});
