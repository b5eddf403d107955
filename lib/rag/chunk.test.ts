import { describe, expect, it } from "vitest";
import { chunkSections, embeddingTextOf } from "./chunk";

const sentence = (i: number) => `Sentence number ${i} explains one more fact about the condition.`;

describe("chunkSections", () => {
  it("keeps sections apart and records their heading path", () => {
    const chunks = chunkSections(
      [
        { headingPath: ["Asthma", "Symptoms"], text: "Wheezing, coughing and a tight chest are the usual signs of asthma." },
        { headingPath: ["Asthma", "Prevention"], text: "Avoid known triggers such as smoke and dust; keep using preventer inhalers." },
      ],
      { minChars: 10 },
    );
    expect(chunks.map((c) => c.headingPath)).toEqual(["Asthma > Symptoms", "Asthma > Prevention"]);
    expect(chunks.map((c) => c.position)).toEqual([0, 1]);
    expect(chunks[1].text).not.toContain("Wheezing");
  });

  it("splits long sections under the size limit with overlap between consecutive chunks", () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkSections([{ headingPath: ["Doc"], text }], { maxChars: 300, overlapChars: 80 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(300);
    for (let i = 1; i < chunks.length; i++) {
      const prevTail = chunks[i - 1].text.slice(-40);
      expect(chunks[i].text).toContain(prevTail.slice(prevTail.indexOf(" ") + 1));
    }
    // Nothing is lost: every sentence appears in some chunk.
    for (let i = 0; i < 40; i++) expect(chunks.some((c) => c.text.includes(sentence(i)))).toBe(true);
  });

  it("cuts a single enormous word run at word boundaries", () => {
    const text = Array.from({ length: 500 }, () => "word").join(" ");
    const chunks = chunkSections([{ headingPath: ["Doc"], text }], { maxChars: 100, overlapChars: 0 });
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(100);
    expect(
      chunks
        .map((c) => c.text)
        .join(" ")
        .split(" "),
    ).toHaveLength(500);
  });

  it("merges a tiny section into its next sibling, labelled", () => {
    const chunks = chunkSections(
      [
        { headingPath: ["Flu", "Overview"], text: "Short." },
        { headingPath: ["Flu", "Symptoms"], text: "Fever, cough, sore throat, aches and tiredness that start suddenly." },
      ],
      { minChars: 20 },
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toBe("Overview: Short.\n\nFever, cough, sore throat, aches and tiredness that start suddenly.");
  });

  it("rejects nonsensical limits and skips empty sections", () => {
    expect(() => chunkSections([], { maxChars: 10 })).toThrow(/maxChars/);
    expect(() => chunkSections([], { maxChars: 100, overlapChars: 60 })).toThrow(/overlapChars/);
    expect(chunkSections([{ headingPath: ["A"], text: "   " }])).toEqual([]);
  });

  it("embeds headings with the text", () => {
    expect(embeddingTextOf("Asthma", { position: 0, headingPath: "Asthma > Symptoms", text: "Wheeze." })).toBe(
      "Asthma > Symptoms\nWheeze.",
    );
  });
});
