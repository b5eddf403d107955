import { describe, expect, it } from "vitest";
import { formatQuotedAnswer, quoteUnits } from "@/gpu-function/shared/quote-units";
import { listLeadIn, NOTHING_TO_QUOTE, passagePosition, passageText, withoutPointers } from "./passage-text";
import { numberSources } from "./prompt";
import type { RetrievedChunk } from "./types";

const passage = (headingPath: string, text: string, position = 0): RetrievedChunk => ({
  chunkId: `${headingPath.split(" > ")[0]}#${position}`,
  documentId: headingPath.split(" > ")[0]!,
  title: headingPath.split(" > ")[0]!,
  url: null,
  headingPath,
  text,
  score: 1,
  source: "test",
});

const SYMPTOMS =
  "- sudden, intense pain in a joint, often at night\n- swelling, warmth and redness over the joint\n\nOver years, repeated attacks can damage the joint.";

describe("a list that opens a passage gets its section heading as lead-in", () => {
  it("reads the heading path as an introduction", () => {
    expect(listLeadIn("Gout > Symptoms", "Gout")).toBe("Symptoms of Gout:");
    expect(listLeadIn("Type 2 diabetes > Treatment and management", "Type 2 diabetes")).toBe(
      "Treatment and management of Type 2 diabetes:",
    );
    expect(listLeadIn("Gout > When to seek care", "Gout")).toBe("When to seek care (Gout):");
    expect(listLeadIn("Lyme disease > Prevention", "Lyme disease")).toBe("Prevention of Lyme disease:");
    expect(listLeadIn("Ibuprofen and other NSAIDs > Safety and interactions", "Ibuprofen and other NSAIDs")).toBe(
      "Safety and interactions of Ibuprofen and other NSAIDs:",
    );
    expect(listLeadIn("Renal Artery Stenosis > Symptoms", "Renal Artery Stenosis: Symptoms")).toBe("Symptoms of Renal Artery Stenosis:");
    expect(listLeadIn("ADHD (attention deficit hyperactivity disorder) > Symptoms", "ADHD")).toBe(
      "Symptoms of ADHD (attention deficit hyperactivity disorder):",
    );
    // A heading that is a question (MedQuAD with its questions) or no section at all: the topic.
    expect(listLeadIn("Gout > What are the symptoms of gout?", "Gout")).toBe("Gout:");
    expect(listLeadIn("", "Kidney stones")).toBe("Kidney stones:");
    // A section the topic already names: not "Symptoms of Heart attack warning signs:".
    expect(listLeadIn("Heart attack warning signs > Symptoms", "Heart attack warning signs")).toBe("Heart attack warning signs:");
  });

  it("makes the list and its lead-in one quote unit, so the answer never shows bare bullets", () => {
    const text = passageText(passage("Gout > Symptoms", SYMPTOMS));
    expect(text).toBe(`Symptoms of Gout:\n${SYMPTOMS}`);
    const units = quoteUnits(text).map((u) => u.text);
    expect(units[0]).toBe(
      "Symptoms of Gout:\n- sudden, intense pain in a joint, often at night\n- swelling, warmth and redness over the joint",
    );
    expect(formatQuotedAnswer([{ text: units[0]!, source: 1 }])).toMatch(/^Symptoms of Gout:\n- sudden/);
    // A passage that opens with prose is shown as it is.
    const prose = passage("Gout > What it is", "Gout is a type of inflammatory arthritis.");
    expect(passageText(prose)).toBe(prose.text);
  });

  it("leaves a starter page's 'Other names:' line out of what a source shows and quote mode can quote", () => {
    const lead = "Hand, foot and mouth disease is a common viral illness of young children.";
    const text = passageText(passage("Hand, foot and mouth disease > What it is", `${lead}\nOther names: HFMD, coxsackie virus.`));
    expect(text).toBe(lead);
    expect(quoteUnits(text).map((u) => u.text)).toEqual([lead]);
    // A passage that is nothing but the line keeps it (a source is never empty).
    const only = "Other names: HFMD.";
    expect(passageText(passage("Hand, foot and mouth disease > What it is", only))).toBe(only);
  });

  it("shows the lead-in in the numbered source, also for a passage joined to another of its page", () => {
    const [source] = numberSources([
      passage("Gout > What it is", "Gout is a type of arthritis.", 0),
      passage("Gout > Symptoms", SYMPTOMS, 1),
    ]);
    expect(source!.text).toBe(`Gout is a type of arthritis.\n…\nSymptoms of Gout:\n${SYMPTOMS}`);
  });
});

describe("the passages of one page, for a question asking what something is", () => {
  const symptoms = passage("High blood pressure > Symptoms", "Most people with high blood pressure have no symptoms at all.", 1);
  const lead = passage("High blood pressure > What it is", "High blood pressure means the pressure in the arteries stays too high.", 0);

  it("follow the page's order with leadFirst, and retrieval's order otherwise", () => {
    const [asked] = numberSources([symptoms, lead], { leadFirst: true });
    expect(asked!.text.startsWith(lead.text)).toBe(true);
    expect(asked!.headingPath).toBe("High blood pressure > What it is");
    const [ranked] = numberSources([symptoms, lead]);
    expect(ranked!.text.startsWith(symptoms.text)).toBe(true);
  });

  it("reads a passage's position from its chunk id, unknown last", () => {
    expect(passagePosition({ chunkId: "medquad:GHR/0001#3" })).toBe(3);
    expect(passagePosition({ chunkId: "no-position" })).toBe(Number.MAX_SAFE_INTEGER);
    expect(passagePosition({ chunkId: "doc#x" })).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("withoutPointers", () => {
  it("cuts the units that only point to other resources, as whole units, and keeps the rest verbatim", () => {
    const links =
      "These resources address the diagnosis or management of Alport syndrome:\n- Gene Review: Alport Syndrome\n- Genetic Testing Registry: Alport syndrome";
    expect(withoutPointers(links)).toBe(NOTHING_TO_QUOTE);
    expect(quoteUnits(NOTHING_TO_QUOTE)).toEqual([]);
    const symptoms =
      "The Human Phenotype Ontology provides the following list of signs and symptoms for Alport syndrome. " +
      "If the information is available, the table below includes how often the symptom is seen in people with this condition. " +
      "You can use the MedlinePlus Medical Dictionary to look up the definitions for these medical terms. Most people have hearing loss.";
    const kept = withoutPointers(symptoms);
    expect(quoteUnits(kept).map((u) => u.text)).toEqual([
      "The Human Phenotype Ontology provides the following list of signs and symptoms for Alport syndrome.",
      "Most people have hearing loss.",
    ]);
    const plain = "Gout is a type of arthritis. It causes sudden attacks of joint pain.";
    expect(withoutPointers(plain)).toBe(plain);
  });
});
