import { describe, expect, it } from "vitest";
import { sectionOfSourcePart, snippetOfSourcePart, sourcePart, sourceSnippet } from "./source-parts";

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
});
