// Concept co-occurrence triage (lib/safety/concepts/): a body part or situation with an
// acuity sign fires in any wording of the language; a word alone, a question about numbers
// or a resolved event does not. Typo tolerance works on lexicon words, never on user regexes.
import { describe, expect, it } from "vitest";
import { editDistance, typoCorrector } from "./concepts/typos";
import { triage } from "./triage";

const fires = (text: string, locale = "en-US") => triage(text, locale).emergency;

describe("concept co-occurrence", () => {
  it("fires on combinations no phrase list spells out, in several languages", () => {
    // Written for this test, not taken from the labelled sets.
    for (const text of [
      "la sangre de la herida en la pierna no para, ya empapé dos toallas",
      "mon grand-père a la bouche toute de travers depuis ce matin, d'un coup",
      "opa hat heftigen druck in der brust und kalten schweiss auf der stirn",
      "minha vó tomou a caixa inteira dos comprimidos da pressão",
      "妹妹全身抽搐，叫她一直没反应",
      "아이가 젤리가 목에 걸려서 숨을 못 쉬어요",
      "мой сын выпил средство для чистки труб",
      "bebeğim 2 aylık, ateşi 39 ve emmiyor",
      "แม่เลือดออกไม่หยุด โดนมีดบาดแขน",
    ]) {
      expect(fires(text), text).toBe(true);
    }
  });

  it("stays quiet on everyday questions that share the words", () => {
    for (const text of [
      "my chest hurts when I cough with a cold, what helps?",
      "how do I help a friend who is depressed",
      "what is the suicide rate",
      "¿cuál es la tasa de suicidio entre adolescentes?",
      "quelle est la statistique des crises cardiaques par an ?",
      "wie viele menschen sterben pro jahr an einem schlaganfall?",
      "dziecko miało krwotok z nosa, już przestał, czy to normalne?",
      "my baby is floppy when sleeping, is that normal? she wakes and feeds fine",
      "il mio cane ha le convulsioni e non risponde",
      "ma grand-mère a eu un stroke il y a 10 ans, c'est héréditaire ?",
    ]) {
      expect(fires(text), text).toBe(false);
    }
  });

  it("reads an English red flag inside another language's sentence", () => {
    const result = triage("ayuda, mi hermano tiene chest pain y le suda todo, left arm dormido", "es-MX");
    expect(result.emergency).toBe(true);
    expect(result.notice?.emergencyNumber).toBe("911");
    expect(triage("mijn moeder heeft een seizure en reageert niet").emergency).toBe(true);
  });
});

describe("Thai", () => {
  it("shows the notice in Thai with Thailand's numbers (1669, 1323)", () => {
    const result = triage("พ่อเจ็บหน้าอกมาก ร้าวไปแขนซ้าย เหงื่อแตก", "th-TH");
    expect(result.emergency).toBe(true);
    expect(result.categories).toContain("cardiac");
    expect(result.notice).toMatchObject({ language: "th", emergencyNumber: "1669", crisisLine: "1323" });
    expect(result.notice?.text).toContain("1669");
    const crisis = triage("ไม่อยากตื่นขึ้นมาอีกแล้ว", "th-TH");
    expect(crisis.categories).toContain("suicidal_self_harm");
    expect(crisis.notice?.text).toContain("1323");
  });

  it("stays quiet on a Thai statistics question and a question about symptoms", () => {
    expect(fires("อัตราการฆ่าตัวตายในไทยเท่าไหร่", "th-TH")).toBe(false);
    expect(fires("อาการของโรคหลอดเลือดสมองคืออะไร", "th-TH")).toBe(false);
  });
});

describe("typo tolerance", () => {
  it("computes a bounded edit distance", () => {
    expect(editDistance("presure", "pressure", 1)).toBe(1);
    expect(editDistance("sangrnado", "sangrando", 2)).toBe(1);
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
  });

  it("corrects towards lexicon words only, never a known word, a short word or a different first letter", () => {
    const correct = typoCorrector(["pressure", "sangrando", "breathing"], ["pressing"]);
    expect(correct("crushing presure")).toBe("crushing pressure");
    expect(correct("esta sangarndo")).toBe("esta sangrando");
    expect(correct("pressing")).toBe("pressing");
    expect(correct("breatj breathinh")).toBe("breatj breathing");
    expect(correct("dreathing")).toBe("dreathing");
  });

  it("lets a misspelt red flag through the concept rules", () => {
    expect(fires("me corte con el cuchillo y la sangre no parra, sale a chorrros")).toBe(true);
    expect(fires("beim opa hängt der mundwinkell runter, ganz plötzlich")).toBe(true);
  });
});
