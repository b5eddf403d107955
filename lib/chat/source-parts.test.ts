import { describe, expect, it } from "vitest";
import { labelOfSourcePart, sectionOfSourcePart, snippetOfSourcePart, sourceLabel, sourcePart, sourceSnippet } from "./source-parts";

const source = {
  n: 1,
  chunkId: "t2d#1",
  documentId: "t2d",
  title: "Type 2 diabetes",
  url: "https://medlineplus.gov/diabetestype2.html",
  headingPath: "Type 2 diabetes > Symptoms",
  text: "Symptoms  include\nthirst, frequent urination and tiredness.",
};

describe("source parts", () => {
  it("carries title, link and a snippet of the passage", () => {
    const part = sourcePart(source);
    expect(part).toMatchObject({ type: "source-url", sourceId: "t2d#1", url: source.url, title: "Type 2 diabetes" });
    expect(snippetOfSourcePart(part)).toBe("Symptoms include thirst, frequent urination and tiredness.");
    expect(sourcePart({ ...source, url: null })).toMatchObject({ type: "source-document", mediaType: "text/plain" });
  });

  it("cuts long passages at a word boundary and marks the cut", () => {
    const snippet = sourceSnippet("word ".repeat(100), 50);
    expect(snippet.length).toBeLessThanOrEqual(51);
    expect(snippet.endsWith("word…")).toBe(true);
  });

  it("shows a Markdown list as plain text, without its dashes, numbers or heading marks", () => {
    const passage =
      "## Symptoms\nSigns include:\n- blackheads and whiteheads\n- small red bumps (papules)\n\n1. **oily** skin\nSee a clinician - soon.";
    expect(sourceSnippet(passage)).toBe(
      "Symptoms Signs include: blackheads and whiteheads; small red bumps (papules); oily skin See a clinician - soon.",
    );
  });

  it("reads no snippet from parts stored without one", () => {
    expect(snippetOfSourcePart({})).toBeNull();
  });

  it("reads the section of the page a source quotes, when its heading path names one", () => {
    const meta = (headingPath: unknown) => ({ medchat: { headingPath } });
    expect(sectionOfSourcePart({ title: "Gout", providerMetadata: meta("Gout > Treatment and management") })).toBe(
      "Treatment and management",
    );
    expect(sectionOfSourcePart({ title: "Gout", providerMetadata: meta("Gout") })).toBeNull();
    expect(sectionOfSourcePart({ title: "Gout", providerMetadata: meta(42) })).toBeNull();
    expect(sectionOfSourcePart({})).toBeNull();
  });

  it("names a source as every surface shows it: the page, then the section quoted", () => {
    expect(sourceLabel({ title: "Asthma", headingPath: "Asthma > What it is" })).toBe("Asthma — What it is");
    expect(sourceLabel({ title: "Asthma", headingPath: "Asthma" })).toBe("Asthma");
    expect(sourceLabel({ title: "Asthma", headingPath: "" })).toBe("Asthma");
    // A section named as its page adds nothing; a deeper path names its last section.
    expect(sourceLabel({ title: "Gout", headingPath: "Gout > Gout" })).toBe("Gout");
    expect(sourceLabel({ title: "Gout", headingPath: "Gout > Treatment > Diet" })).toBe("Gout — Diet");
    // A stored part reads the same, and one stored before heading paths were kept reads as its title.
    const part = sourcePart(source);
    expect(labelOfSourcePart(part)).toBe("Type 2 diabetes — Symptoms");
    expect(labelOfSourcePart({ title: "Type 2 diabetes" })).toBe("Type 2 diabetes");
  });
});
