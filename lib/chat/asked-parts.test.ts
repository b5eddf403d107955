import { describe, expect, it } from "vitest";
import { askedParts, asksWhatItIs, MAX_ASKED_PARTS, namesOwnTopic, partContext } from "./asked-parts";

const texts = (message: string) => askedParts(message).map((p) => p.text);

describe("askedParts", () => {
  it("splits questions joined in one sentence at the clause that opens with a question word", () => {
    expect(texts("What is hemochromatosis and how is it treated?")).toEqual(["What is hemochromatosis", "how is it treated?"]);
    expect(texts("My dad has type 2 diabetes – what are the symptoms of low blood sugar, and can he still eat fruit?")).toEqual([
      "what are the symptoms of low blood sugar",
      "can he still eat fruit?",
    ]);
    expect(texts("How is asthma diagnosed, what are the treatments, and is it inherited?")).toEqual([
      "How is asthma diagnosed",
      "what are the treatments",
      "is it inherited?",
    ]);
    expect(texts("Hi, I have had a cough for three weeks and I was wondering what causes it and when should I see a doctor?")).toEqual([
      "what causes it",
      "when should I see a doctor?",
    ]);
  });

  it("splits separate question sentences, with or without question marks, and keeps the story out", () => {
    expect(texts("What is shingles? Also, is the vaccine safe? Thanks")).toEqual(["What is shingles?", "is the vaccine safe?"]);
    expect(texts("what is shingles. is it contagious")).toEqual(["what is shingles", "is it contagious"]);
    expect(texts("Hemochromatosis treatment? Is it genetic?")).toEqual(["Hemochromatosis treatment?", "Is it genetic?"]);
    expect(texts("My mum is 71.\nShe takes metformin.\nCan she take ibuprofen?\nWhat are the side effects?")).toEqual([
      "Can she take ibuprofen?",
      "What are the side effects?",
    ]);
  });

  it("returns [] for a message that asks one thing, however it is worded", () => {
    for (const message of [
      "What are the symptoms of type 2 diabetes?",
      "What is the difference between type 1 and type 2 diabetes?",
      "My dad, who has diabetes, can he eat fruit?",
      "Should I avoid salt and do exercise?",
      "What causes gout and why?",
      "I have pain and do not know what it is?",
      "Causes and treatment of gout",
      "I was told I have high cholesterol. I take a statin now.",
      "",
      "???",
      "and and and or but",
    ])
      expect(texts(message), message).toEqual([]);
  });

  it("splits a comparison into its two sides, each a part that is searched without the other", () => {
    const sides = (m: string) => askedParts(m).map((p) => (p.compared ? `${p.text}*` : p.text));
    expect(sides("What's the difference between a cold and the flu?")).toEqual(["a cold*", "the flu*"]);
    expect(sides("cold vs flu")).toEqual(["cold*", "flu*"]);
    expect(sides("ibuprofen vs. paracetamol for a headache?")).toEqual(["ibuprofen*", "paracetamol*"]);
    expect(sides("is this a cold or the flu?")).toEqual(["a cold*", "the flu*"]);
    expect(sides("is it a heart attack or a panic attack")).toEqual(["a heart attack*", "a panic attack*"]);
    expect(sides("can I take tylenol or advil?")).toEqual(["tylenol*", "advil*"]);
    expect(sides("What's better for back pain, heat or ice?")).toEqual(["heat*", "ice*"]);
    expect(sides("How is asthma different from COPD?")).toEqual(["asthma*", "COPD*"]);
    expect(sides("Is Crohn's the same as IBS?")).toEqual(["Crohn's*", "IBS*"]);
    expect(sides("compare statins with fish oil")).toEqual(["statins*", "fish oil*"]);
    expect(sides("migraine or tension headache? how do I tell")).toEqual(["migraine*", "tension headache*", "how do I tell"]);
    expect(sides("Difference between heartburn and a heart attack? And when should I go to the ER?")).toEqual([
      "heartburn*",
      "a heart attack*",
      "when should I go to the ER?",
    ]);
    const message = "What's the difference between a cold and the flu?";
    const parts = askedParts(message);
    expect(partContext(message, parts, 0)).not.toContain("flu");
    expect(partContext(message, parts, 1)).not.toContain("cold");
  });

  it("does not take alternatives that compare nothing for a comparison", () => {
    for (const message of [
      "is it contagious or not?",
      "is it bad to drink coffee or tea while pregnant?",
      "should I go to the ER or wait?",
      "Do you think I should rest or go in?",
      "What is the difference between type 1 and type 2 diabetes?",
      "I get headaches or migraines sometimes.",
    ])
      expect(
        askedParts(message).filter((p) => p.compared),
        message,
      ).toEqual([]);
  });

  it("gives spans of the message, drops repeats and keeps at most MAX_ASKED_PARTS", () => {
    const message = "What is gout? what is gout? How is it treated?";
    const parts = askedParts(message);
    expect(parts.map((p) => p.text)).toEqual(["What is gout?", "How is it treated?"]);
    for (const p of parts) expect(message.slice(p.start, p.end)).toBe(p.text);
    const many = Array.from({ length: 10 }, (_, i) => `What is condition number ${i}?`).join(" ");
    expect(askedParts(many)).toHaveLength(MAX_ASKED_PARTS);
  });

  it("does bounded, linear work on hostile text", () => {
    // Long runs that make a backtracking pattern explode: one pass here, whatever the text.
    const hostile = [
      "and ".repeat(1_500),
      "what and how and is it ".repeat(200),
      "?".repeat(4_000),
      `${"a".repeat(3_990)}? b c?`,
      ", , , and , or , ".repeat(300),
      "what is it? ".repeat(400),
    ];
    for (const text of hostile) {
      const parts = askedParts(text);
      expect(parts.length).toBeLessThanOrEqual(MAX_ASKED_PARTS);
      for (const p of parts) expect(p.end).toBeLessThanOrEqual(4_000);
    }
  });
});

describe("partContext", () => {
  it("lends a part the message's topic: the message without later parts and without aspect words", () => {
    const message = "What is hemochromatosis and how is it treated?";
    const parts = askedParts(message);
    expect(partContext(message, parts, 1)).toBe("what is hemochromatosis and how is it");
    // The first part does not borrow the second part's words ("treated").
    expect(partContext(message, parts, 0)).toBe("what is hemochromatosis and");
    const diabetes = "My dad has type 2 diabetes – what are the symptoms of low blood sugar, and can he still eat fruit?";
    const dp = askedParts(diabetes);
    expect(partContext(diabetes, dp, 0)).not.toContain("fruit");
    expect(partContext(diabetes, dp, 0)).toContain("diabetes");
    expect(partContext(diabetes, dp, 1)).toContain("fruit");
  });
});

describe("what a question or part asks", () => {
  it("tells a question asking what something is from one asking about an aspect of it", () => {
    for (const q of ["What is gout?", "what's a migraine", "What are statins?", "Hi! What is high blood pressure exactly?", "What is gout"])
      expect(asksWhatItIs(q), q).toBe(true);
    for (const q of [
      "What are the symptoms of gout?",
      "What is the treatment for gout?",
      "How is gout treated?",
      "What causes gout?",
      "What is",
    ])
      expect(asksWhatItIs(q), q).toBe(false);
  });

  it("tells a part that names a subject of its own from one that leans on the message", () => {
    // "is the vaccine safe?" leans on the message ("the" vaccine it spoke of): "vaccine" and "safe" are both aspect words.
    for (const p of [
      "what can we do?",
      "how is it treated?",
      "is it contagious?",
      "how long does it last?",
      "when should I worry?",
      "is the vaccine safe?",
    ])
      expect(namesOwnTopic(p), p).toBe(false);
    for (const p of ["can he still eat fruit?", "what are the symptoms of low blood sugar", "is the flu vaccine safe?", "What is gout"])
      expect(namesOwnTopic(p), p).toBe(true);
  });
});
