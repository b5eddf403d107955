import { describe, expect, it } from "vitest";
import { checkCitations, citedSourceNumbers } from "./citations";

describe("citedSourceNumbers", () => {
  it("lists the sources an answer cites, in order of first citation, once each", () => {
    expect(citedSourceNumbers("Asthma narrows the airways. [2] It is common. [1] Inhalers help. [2, 1]", 2)).toEqual([2, 1]);
  });

  it("leaves out numbers naming no source, and finds none in an answer without markers", () => {
    expect(citedSourceNumbers("Chest pain can be a heart attack. [1] See [7].", 2)).toEqual([1]);
    expect(citedSourceNumbers("I couldn't find this in the MedChat knowledge base.", 2)).toEqual([]);
  });

  it("agrees with the server's citation check: what the check keeps is what is cited", () => {
    const text = checkCitations("Gout is arthritis. [1] It hurts. [3]", 2);
    expect(citedSourceNumbers(text, 2)).toEqual([1]);
  });
});
