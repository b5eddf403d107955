import { describe, expect, it } from "vitest";

import { citationMarkers, citedSentences, clipToUnits, formatQuotedAnswer, quoteUnits, separatorBetween } from "./quote-units";

const T2D = `Type 2 diabetes often develops slowly, and many people have no symptoms for years. When symptoms appear, the common ones are:
- feeling very thirsty
- blurred vision

See a clinician if you have any of these symptoms, e.g. a dry mouth. Dr. Smith et al. agree with the U.S. guidance. Is it serious? Yes.
## Treatment
Management is planned with a clinician. Key Points
slowly, and this is a fragment that starts in lowercase.
A source citing [2] elsewhere is not quoted.`;

describe("quoteUnits", () => {
  const units = quoteUnits(T2D);
  const texts = units.map((u) => u.text);

  it("gives verbatim sentences and keeps a list with the sentence that introduces it", () => {
    for (const u of units) expect(T2D.slice(u.start, u.end)).toBe(u.text);
    expect(texts).toEqual([
      "Type 2 diabetes often develops slowly, and many people have no symptoms for years.",
      "When symptoms appear, the common ones are:\n- feeling very thirsty\n- blurred vision",
      "See a clinician if you have any of these symptoms, e.g. a dry mouth.",
      "Dr. Smith et al. agree with the U.S. guidance.",
      "Management is planned with a clinician.",
    ]);
  });

  it("leaves out headings, questions, short pieces, fragments and bracketed numbers", () => {
    expect(texts.join("\n")).not.toMatch(/Is it serious|Yes\.|## Treatment|Key Points|fragment|\[2\]/);
  });

  it("splits a list longer than the unit limit into several units, and a list without introduction is one unit", () => {
    const items = Array.from({ length: 80 }, (_, i) => `- item number ${i} of a very long list`).join("\n");
    const long = quoteUnits(`Causes include:\n${items}`);
    expect(long.length).toBeGreaterThan(1);
    expect(long[0]!.text.startsWith("Causes include:\n- item number 0")).toBe(true);
    expect(long.every((u) => u.text.length <= 1200)).toBe(true);
    expect(quoteUnits("- one item here\n- two items here")).toEqual([{ text: "- one item here\n- two items here", start: 0, end: 32 }]);
  });

  it("ends a list at its last item's first sentence when the paragraph after it lost its line break", () => {
    // MedQuAD's MedlinePlus pages: the paragraph after a list is flattened onto the list's last line.
    const fused =
      "Other people at higher risk include\n- African Americans and Asians\n- People with weak immune systems Valley Fever is often mild, with no symptoms. " +
      "Most people get better within several weeks or months. The infection cannot spread from person to person.";
    const texts = quoteUnits(fused).map((u) => u.text);
    expect(texts).toEqual([
      "- African Americans and Asians\n- People with weak immune systems Valley Fever is often mild, with no symptoms.",
      "Most people get better within several weeks or months.",
      "The infection cannot spread from person to person.",
    ]);
    for (const u of quoteUnits(fused)) expect(fused.slice(u.start, u.end)).toBe(u.text);
    // An item of two sentences before another item stays whole; so does a last item of one sentence.
    const items = "Causes include:\n- Soil dust. It holds the spores.\n- Travel to dry areas.";
    expect(quoteUnits(items).map((u) => u.text)).toEqual([items]);
  });

  it("clips a source at a unit boundary", () => {
    const clipped = clipToUnits(T2D, 120);
    expect(clipped).toBe("Type 2 diabetes often develops slowly, and many people have no symptoms for years.");
    expect(clipToUnits("short text.", 100)).toBe("short text.");
    // The unit crossing the limit stays when it starts inside it and ends within the grace.
    const lead = "Type 2 diabetes often develops slowly, and many people have no symptoms for years.";
    const withList = clipToUnits(T2D, 120, 200);
    expect(withList.startsWith(`${lead} When symptoms appear, the common ones are:\n- `)).toBe(true);
    expect(quoteUnits(withList).map((u) => u.text)).toEqual(
      quoteUnits(T2D)
        .slice(0, 2)
        .map((u) => u.text),
    );
    expect(clipToUnits(T2D, 120, 10)).toBe(lead);
  });
});

describe("answers and their citations", () => {
  const sources = [T2D, "Insulin is a hormone made by the pancreas. It lowers blood sugar."];

  it("formats quotes as the engine writes them: marker after each unit, a list is a paragraph of its own", () => {
    const answer = formatQuotedAnswer([
      { text: "Insulin is a hormone made by the pancreas.", source: 2 },
      { text: "When symptoms appear, the common ones are:\n- feeling very thirsty\n- blurred vision", source: 1 },
      { text: "Management is planned with a clinician.", source: 1 },
    ]);
    expect(answer).toBe(
      "Insulin is a hormone made by the pancreas. [2]\n\nWhen symptoms appear, the common ones are:\n- feeling very thirsty\n- blurred vision [1]\n\nManagement is planned with a clinician. [1]",
    );
    const checked = citedSentences(answer, sources);
    expect(checked.map((s) => [s.cites, s.verbatim])).toEqual([
      [[2], true],
      [[1], true],
      [[1], true],
    ]);
  });

  it("starts a list quoted without its introduction on a paragraph of its own, after a sentence as after a list", () => {
    const prevention = "Kidney stones are hard deposits of minerals. They form in the kidneys.\n\n- drink plenty of fluids\n- reduce salt";
    const [lead, , list] = quoteUnits(prevention).map((u) => u.text);
    expect(list).toBe("- drink plenty of fluids\n- reduce salt");
    expect(separatorBetween(lead!, list!)).toBe("\n\n");
    expect(separatorBetween(list!, lead!)).toBe("\n\n");
    expect(separatorBetween(lead!, "They form in the kidneys.")).toBe(" ");
    const answer = formatQuotedAnswer([
      { text: lead!, source: 1 },
      { text: list!, source: 1 },
    ]);
    // Joined with " ", the first item would render inside the sentence's paragraph ("…minerals. [1] - drink…").
    expect(answer).toBe("Kidney stones are hard deposits of minerals. [1]\n\n- drink plenty of fluids\n- reduce salt [1]");
    expect(citedSentences(answer, [prevention]).every((c) => c.verbatim)).toBe(true);
    // A one-line list ("- item" between prose lines) is a list too: " - An A1C…" would render as text.
    const oneItem = "The following tests are used.\n- An A1C test measures your average blood glucose.\nIt needs no fasting.";
    const units = quoteUnits(oneItem).map((u) => u.text);
    expect(units).toEqual(["The following tests are used.", "- An A1C test measures your average blood glucose.", "It needs no fasting."]);
    expect(separatorBetween(units[0]!, units[1]!)).toBe("\n\n");
    expect(separatorBetween(units[1]!, units[2]!)).toBe("\n\n");
  });

  it("flags invented, mis-cited and uncited sentences", () => {
    const checked = citedSentences(
      "Insulin is a hormone made by the pancreas. [1] Diabetes is caused by sugar. [2] It lowers blood sugar. Trust me.",
      sources,
    );
    expect(checked.map((s) => [s.text, s.cites, s.verbatim])).toEqual([
      ["Insulin is a hormone made by the pancreas.", [1], false],
      ["Diabetes is caused by sugar.", [2], false],
      ["It lowers blood sugar.", [], false],
      ["Trust me.", [], false],
    ]);
  });

  it("finds [n] and [n, m] markers without being fooled by other brackets", () => {
    expect(citationMarkers("a [1] b [2, 3] c [x] d [12 e [4]").map((m) => m.numbers)).toEqual([[1], [2, 3], [4]]);
  });
});
