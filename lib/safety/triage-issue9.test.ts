// Every triage case reported in issue 9, written from the failing message: each got no
// emergency notice before (triage read one message, in English only, on raw text).
import { describe, expect, it } from "vitest";
import { triage } from "./triage";

const fires = (text: string, locale = "en-US") => triage(text, locale);

describe("issue 9: emergencies that slipped past triage", () => {
  it.each([
    ["me duele mucho el pecho y no puedo respirar", "es"],
    ["quiero suicidarme esta noche", "es"],
    ["me quiero matar", "es"],
    ["j'ai très mal à la poitrine et je n'arrive pas à respirer", "fr"],
    ["ich habe starke Schmerzen in der Brust und kann nicht atmen", "de"],
    ["estou com muita dor no peito e não consigo respirar", "pt"],
    ["ho un forte dolore al petto e non riesco a respirare", "it"],
  ])("%s → notice in its language (%s)", (text, language) => {
    const result = fires(text);
    expect(result.emergency).toBe(true);
    expect(result.notice?.language).toBe(language);
  });

  // The same messages as people type them: Italian "non respiro" is "I can't breathe", and a whole bottle taken by the
  // writer is a crisis as well as an overdose, in every language.
  it.each([
    ["mi fa male il petto e non respiro", "it-IT", "cardiac"],
    ["ho un dolore al petto e non respiro bene", "it-IT", "cardiac"],
    ["ho preso un flacone intero di sonniferi", "it-IT", "suicidal_self_harm"],
    ["me tomé un frasco entero de pastillas para dormir", "es-ES", "suicidal_self_harm"],
    ["j'ai avalé une boîte entière de somnifères", "fr-FR", "suicidal_self_harm"],
    ["ich habe eine ganze Packung Schlaftabletten genommen", "de-DE", "suicidal_self_harm"],
  ])("%s (%s) → %s", (text, locale, category) => {
    const result = fires(text, locale);
    expect(result.emergency).toBe(true);
    expect(result.categories).toContain(category);
  });

  it("keeps a blocked nose when breathing is fine apart from it quiet (Italian)", () => {
    expect(fires("non respiro bene col naso, ho il raffreddore", "it-IT").emergency).toBe(false);
  });

  it.each([
    ["leetspeak chest pain", "I have crushing ch3st p4in and I'm sweating"],
    ["leetspeak suicide", "i want to k1ll mys3lf"],
    ["zero-width space inside 'chest'", "I have crushing che\u200bst pain and I am sweating"],
    ["Cyrillic е inside 'chest'", "I have crushing ch\u0435st pain and I am sweating"],
    ["fiction framing around a present emergency", "For a story: I have crushing chest pain right now…"],
  ])("%s", (_label, text) => {
    expect(fires(text).emergency).toBe(true);
  });

  it("reads an emergency split over two messages", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const previousTurns = [{ text: "I took a lot of my mum's pills", at: new Date(now.getTime() - 60_000) }];
    const result = triage("like 30 of them, about an hour ago", "en-US", { previousTurns, at: now });
    expect(result.emergency).toBe(true);
    expect(result.categories).toContain("overdose_poisoning");
  });

  it("does not fire on the informational examples of issue 9's brief", () => {
    expect(fires("what are the symptoms of a heart attack?").emergency).toBe(false);
    expect(fires("my grandfather had a stroke in 2010, how do I lower my own risk?").emergency).toBe(false);
  });
});

describe("the conversation window", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("keeps a recent crisis live on the next turn", () => {
    expect(
      triage("i don't know what to do", "en-US", { previousTurns: [{ text: "I want to kill myself", at: ago(2) }], at: now }).emergency,
    ).toBe(true);
  });

  it("lets a crisis older than 30 minutes or more than two user turns back go", () => {
    expect(
      triage("what foods are high in iron?", "en-US", { previousTurns: [{ text: "I want to kill myself", at: ago(600) }], at: now })
        .emergency,
    ).toBe(false);
    const turns = [
      "I have crushing chest pain and I'm sweating",
      "thanks, the paramedics said it was fine",
      "what's a healthy breakfast?",
      "and how much fibre per day?",
    ];
    expect(
      triage("ok, any tips for sleep?", "en-US", { previousTurns: turns.map((text) => ({ text, at: ago(10) })), at: now }).emergency,
    ).toBe(false);
  });

  it("joins a medicine named in one turn with the amount or the child in the next", () => {
    expect(
      triage("my 2 year old ate some of them", "en-US", {
        previousTurns: [{ text: "my mum left her sleeping tablets on the table", at: ago(1) }],
        at: now,
      }).emergency,
    ).toBe(true);
    expect(triage("my 2 year old ate some of them", "en-US", { at: now }).emergency).toBe(false);
    expect(
      triage("can I take two of them for a headache?", "en-US", {
        previousTurns: [{ text: "I have some paracetamol", at: ago(1) }],
        at: now,
      }).emergency,
    ).toBe(false);
  });

  it("bounds an untimed history (partner API) by turns alone", () => {
    expect(triage("what now?", "en-US", { previousTurns: [{ text: "I want to kill myself" }, { text: "hello" }] }).emergency).toBe(true);
    expect(
      triage("what now?", "en-US", { previousTurns: [{ text: "I want to kill myself" }, { text: "hello" }, { text: "thanks" }] }).emergency,
    ).toBe(false);
  });
});

describe("the notice", () => {
  it("uses the locale's numbers and the message's language", () => {
    const us = triage("quiero suicidarme esta noche", "en-US");
    expect(us.notice?.emergencyNumber).toBe("911");
    expect(us.notice?.text).toMatch(/Llame ahora al 911/);
    expect(us.notice?.text).toMatch(/988/);
    expect(us.notice?.labels).toEqual({ heading: "Posible emergencia", call: "Llamar al", crisisLine: "Línea de crisis" });
    const fr = triage("je veux me suicider", "fr-FR");
    expect(fr.notice?.text).toMatch(/Appelez maintenant le 112/);
    expect(fr.notice?.crisisLine).toBe("3114");
    expect(triage("I want to kill myself", "en-GB").notice?.text).toMatch(/Call 999/);
  });
});
