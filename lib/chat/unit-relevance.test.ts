import { describe, expect, it } from "vitest";
import { quoteUnits } from "@/gpu-function/shared/quote-units";
import { aspectsOfQuestion, partsRelevance, speaksOfSubject, stem, unitRelevance } from "./unit-relevance";

const COLD =
  "The common cold is a mild viral infection of the nose and throat. Many different viruses can cause it, most often rhinoviruses. " +
  "Colds spread through droplets in the air and by touching surfaces or hands that carry the virus and then touching your eyes, nose or mouth. " +
  "Adults typically have a few colds each year and young children have more. A cold usually lasts about a week to ten days, although a cough can linger longer.";
const TREATMENT =
  "There is no cure for the common cold, and antibiotics do not help because colds are caused by viruses. " +
  "Rest, drinking plenty of fluids, warm drinks, saltwater gargles and saline nose sprays can ease symptoms.";

/** The text of the most relevant unit of source `n` (1-based) for the question. */
function best(sources: string[], question: string, n = 1): string {
  const weights = unitRelevance(sources, () => question)[n - 1]!;
  return quoteUnits(sources[n - 1]!)[weights.indexOf(Math.max(...weights))]!.text;
}

describe("unitRelevance", () => {
  it("finds the sentence that answers what is asked, not the page's lead", () => {
    expect(best([COLD], "How long does a cold last?")).toMatch(/^A cold usually lasts about a week/);
    expect(best([COLD], "how do colds spread")).toMatch(/^Colds spread through droplets/);
    expect(best([COLD], "Is a cold contagious?")).toMatch(/^Colds spread through droplets/);
    expect(best([COLD], "What causes a cold?")).toMatch(/^Many different viruses can cause it/);
    expect(best([COLD, TREATMENT], "What can I take for a cold?", 2)).toMatch(/^Rest, drinking plenty of fluids/);
  });

  it("reads a span written with ordinals ('until about the sixteenth to twentieth week') as saying how long", () => {
    const pregnancy =
      "Feeling sick and being sick are very common in early pregnancy. Despite the name, morning sickness can happen at any time of day. " +
      "It usually starts between the fourth and seventh week of pregnancy and lasts until about the sixteenth to twentieth week.";
    const stomachBug = "The most frequent cause is a stomach bug, which usually settles within a day or two.";
    const weights = unitRelevance([pregnancy, stomachBug], () => "how long does morning sickness last");
    expect(best([pregnancy, stomachBug], "how long does morning sickness last")).toMatch(/^It usually starts between the fourth/);
    expect(Math.max(...weights[0]!)).toBeGreaterThanOrEqual(Math.max(...weights[1]!));
  });

  it("takes a sentence that uses the very word asked as answering it ('contagious', 'triggers')", () => {
    const pox =
      "Chickenpox is a very contagious illness caused by the varicella-zoster virus. It spreads through the air and through contact with fluid from the blisters.";
    expect(best([pox], "Is chickenpox contagious?")).toMatch(/^Chickenpox is a very contagious illness/);
    const sores =
      "Cold sores are small blisters on or around the lips caused by the herpes simplex virus. After the first infection the virus stays in the body and can wake up to cause a new cold sore. " +
      "Triggers include colds and other illnesses, strong sunlight, tiredness and stress. Cold sores are contagious from the first tingle until they have fully healed.";
    expect(best([sores], "What triggers cold sores?")).toMatch(/^Triggers include/);
  });

  it("answers a question asking two aspects at once with the unit on both, clearly above one on either", () => {
    const pox =
      "Chickenpox is a very contagious illness caused by the varicella-zoster virus. It spreads through the air and through contact with fluid from the blisters. " +
      "Someone with chickenpox is contagious from a day or two before the rash appears until all the blisters have crusted over.";
    const weights = unitRelevance([pox], () => "How long is chickenpox contagious?")[0]!;
    expect(weights[2]).toBe(1);
    // Clearly (the engine's focusMargin, 0.25) above the lead, which says "contagious" but no time.
    expect(weights[2]! - weights[0]!).toBeGreaterThan(0.25);
  });

  it("weighs each source's units against the question it answers (an asked part's own words)", () => {
    const parts = (n: number) => (n === 1 ? "how long does it last" : "what can I take for it");
    const weights = unitRelevance([COLD, TREATMENT], parts);
    expect(weights[0]!.indexOf(1)).toBe(4); // the duration sentence
    expect(weights[1]![1]).toBeGreaterThan(weights[1]![0]!);
  });

  it("weighs 0..1 with the best unit at 1, and sends nothing when the question tells no unit apart", () => {
    const weights = unitRelevance([COLD, TREATMENT], () => "How long does a cold last?").flat();
    expect(Math.max(...weights)).toBe(1);
    expect(weights.every((w) => w >= 0 && w <= 1)).toBe(true);
    expect(unitRelevance([COLD], () => "hello there")).toEqual([[]]);
    expect(unitRelevance(["Too short."], () => "How long does a cold last?")).toEqual([[]]);
  });

  it("leaves a page's lead to a question asking what something is, and weighs a question's words alone less than an aspect", () => {
    expect(unitRelevance([COLD], () => "What is a cold?")).toEqual([[]]);
    // No aspect: "rhinoviruses" singles out one sentence, which weighs WORDS_ONLY_SHARE (0.5), not 1.
    const words = unitRelevance([COLD], () => "rhinoviruses and colds")[0]!;
    expect(Math.max(...words)).toBe(0.5);
    expect(quoteUnits(COLD)[words.indexOf(0.5)]!.text).toMatch(/rhinoviruses/);
  });

  it("reads the aspect from how people ask", () => {
    expect(aspectsOfQuestion("how long does mono last")).toContain("duration");
    expect(aspectsOfQuestion("Can I get scabies from my dog?")).toEqual(["spread"]);
    expect(aspectsOfQuestion("What is gout?")).toEqual([]);
    expect(aspectsOfQuestion("how do people get hepatitis A?")).toContain("spread");
    expect(aspectsOfQuestion("What can I take for a sore throat?")).toContain("treatment");
    expect(aspectsOfQuestion("When should I see a doctor about diarrhea?")).toContain("care");
    expect(aspectsOfQuestion("Do warts go away on their own?")).toContain("course");
    expect(aspectsOfQuestion("Can children get whooping cough?")).toContain("people");
    // Whom the message is about is not what it asks: "my child has a fever" asks what to do.
    expect(aspectsOfQuestion("my child has a fever, what should I do")).toEqual(["treatment"]);
    expect(aspectsOfQuestion("Can my baby get chickenpox?")).toContain("people");
    expect(stem("spreads")).toBe(stem("spread"));
    expect(stem("lasts")).toBe("last");
  });

  it("reads who gets it, the course, what to do and prevention however they are put, and 'get sick' is not 'get it from'", () => {
    expect(aspectsOfQuestion("Who usually gets fibromyalgia?")).toEqual(["people"]);
    expect(aspectsOfQuestion("Does everyone who gets West Nile virus get sick?")).not.toContain("people");
    // "get really sick from it" asks who gets ill, not how it is passed on.
    expect(aspectsOfQuestion("Which babies get really sick from it?")).toEqual(["people"]);
    expect(aspectsOfQuestion("does bipolar disorder ever go away or is it for life?")).toEqual(["course"]);
    expect(aspectsOfQuestion("can sarcoidosis go away by itself without treatment?")).toEqual(["course"]);
    expect(aspectsOfQuestion("What can my husband do to snore less?")).toEqual(["treatment"]);
    expect(aspectsOfQuestion("keep getting athlete's foot. how do i stop getting it")).toEqual(["prevention"]);
  });

  it("weighs who gets it by who is named, the course by what it says of the course, not by passing words", () => {
    const cts =
      "Carpal tunnel syndrome occurs when the median nerve is pressed at the wrist. People might have difficulty with tasks such as driving. " +
      "The disorder usually occurs only in adults.";
    expect(best([cts], "can kids get carpal tunnel syndrome?")).toMatch(/^The disorder usually occurs only in adults/);
    const bipolar =
      "They go from very happy and active to very sad and hopeless, and then back again. The illness usually lasts a lifetime. " +
      "Researchers continue to look for new and better treatments.";
    expect(best([bipolar], "does bipolar disorder ever go away or is it for life?")).toMatch(/^The illness usually lasts a lifetime/);
  });
});

describe("unitRelevance: words against the asked aspect", () => {
  it("does not let a lower-ranked source win on the question's words alone when a source answers what is asked", () => {
    // Retrieval's second source for "can my kids get roundworms from our new puppy?" was a breast-cancer page whose
    // "new treatments" shares the word "new": its sentences answer nothing asked, the roundworm page's one does.
    const worms =
      "Most infected people do not have any symptoms. Humans or other animals can be infected by accidentally ingesting Toxocara eggs. " +
      "Once in the environment, it takes 2 to 4 weeks for the eggs to become infectious.";
    const trials =
      "There are different types of treatment for patients with breast cancer. A treatment clinical trial is a research study meant to obtain information on new treatments.";
    const [w, t] = unitRelevance([worms, trials], () => "can my kids get roundworms from our new puppy?");
    // The engine opens in source 2 only when its best unit is sourceMargin (0.5) more relevant than all of source 1's.
    expect(Math.max(...t!) - Math.max(...w!)).toBeLessThan(0.5);
  });
});

describe("partsRelevance", () => {
  const CANKER =
    "Canker sores are small, round sores in your mouth. They can be quite painful. Canker sores aren't contagious. " +
    "They may happen if you have a viral infection.";

  it("weighs a source that answers several asked parts by the part each unit answers best", () => {
    const parts = ["can i still kiss my girlfriend", "or will she catch it"];
    // The first part alone tells no unit apart; the second singles out the contagion sentence.
    expect(unitRelevance([CANKER], () => parts[0]!)).toEqual([[]]);
    const weights = partsRelevance([CANKER], () => parts)[0]!;
    expect(quoteUnits(CANKER)[weights.indexOf(1)]!.text).toBe("Canker sores aren't contagious.");
  });

  it("keeps the reading of a part that asks what something is, and one question is unitRelevance", () => {
    expect(partsRelevance([CANKER], () => ["What are canker sores?", "are they contagious?"])).toEqual([[]]);
    expect(partsRelevance([COLD], () => ["How long does a cold last?"])).toEqual(unitRelevance([COLD], () => "How long does a cold last?"));
  });
});

describe("speaksOfSubject", () => {
  const gout = "Gout is a type of inflammatory arthritis. Limit alcohol and cut down on red meat.";
  const poisoning = "Food poisoning is illness caused by eating something bad. Avoid unpasteurised milk and undercooked eggs.";
  it("tells the sources that speak of the conversation's subject from those that only share the follow-up's words", () => {
    expect(speaksOfSubject([gout, poisoning], "what is gout?")).toEqual([true, false]);
    expect(speaksOfSubject([poisoning, gout], "My son has gout, what is it?")).toEqual([false, true]);
  });
  it("keeps every source when the subject tells none apart (no source, or every source, holds its words)", () => {
    expect(speaksOfSubject([gout, poisoning], "what is asthma?")).toEqual([true, true]);
    expect(speaksOfSubject([gout, `${poisoning} Gout is not caused by it.`], "what is gout?")).toEqual([true, true]);
  });
});
