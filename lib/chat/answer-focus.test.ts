// What a quoted answer opens with, for everyday questions on the starter knowledge base's own pages:
// the real page (importer, chunker), the passages as retrieval returned them in the product (which
// sections, in which order) and the real prompt (passage text, clip, the relevance weights it sends).
// The engine (gpu-function/engine/quote-prior.ts, DEFAULT_QUOTE_PRIOR) opens source 1 at its most
// relevant unit when that weighs `focusMargin` (0.25) more than its first, and opens another source
// only when that source's best unit weighs `sourceMargin` (0.5) more than all of source 1's: so the
// answer opens with the unit these tests name (app tests do not import the engine's internals).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quoteUnits } from "@/gpu-function/shared/quote-units";
import { chunkDocument } from "@/lib/rag/chunk";
import { importMarkdown } from "@/lib/rag/importers/markdown";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { triage } from "@/lib/safety/triage";
import { buildPrompt, numberSources } from "./prompt";
import type { RetrievedChunk } from "./types";
import { aspectsOfQuestion } from "./unit-relevance";

/** A starter page's passages (as ingestion chunks it) under the section `heading`. */
function passages(page: string, heading: string): RetrievedChunk[] {
  const file = path.join(process.cwd(), "lib", "rag", "starter-kb", `${page}.md`);
  const doc = importMarkdown(fs.readFileSync(file, "utf8"), { relPath: `${page}.md` });
  const found = chunkDocument(doc)
    .filter((c) => c.headingPath.endsWith(` > ${heading}`))
    .map((c) => ({
      chunkId: `${doc.id}#${c.position}`,
      documentId: doc.id,
      title: doc.title,
      url: doc.url ?? null,
      text: c.text,
      headingPath: c.headingPath,
      score: 1,
      source: doc.source,
    }));
  if (found.length === 0) throw new Error(`no section ${heading} in ${page}`);
  return found;
}

/** The engine's margins (DEFAULT_QUOTE_PRIOR in gpu-function/engine/quote-prior.ts). */
const FOCUS_MARGIN = 0.25;
const SOURCE_MARGIN = 0.5;

/**
 * The unit the answer opens with by the weights the prompt sends (sources numbered as retrieval ranked the passages):
 * source 1's most relevant unit when it clearly outweighs the first, with no other source clearly above it.
 */
function opening(question: string, retrieved: RetrievedChunk[]): string {
  const sources = numberSources(retrieved);
  const prompt = buildPrompt(
    { question, history: [], sources, triage: triage(question), contacts: emergencyContactsFor("en-US", {}) },
    1,
    "quote",
  );
  const [first, ...others] = prompt.quoteSources.map((s) => ({ units: quoteUnits(s.text), weights: s.relevance ?? [] }));
  const best = Math.max(...first!.weights);
  const unit = first!.units[first!.weights.indexOf(best)]!.text;
  if (first!.weights.indexOf(best) > 0)
    expect(best - first!.weights[0]!, `"${unit}" clearly above source 1's first unit`).toBeGreaterThanOrEqual(FOCUS_MARGIN);
  for (const o of others) expect(Math.max(0, ...o.weights) - best, "no other source clearly above").toBeLessThan(SOURCE_MARGIN);
  return unit;
}

describe("what a quoted answer opens with (starter pages, real prompt and prior)", () => {
  it("answers 'what should I do' with what to do, not with the one unit naming the condition asked about (the symptom list)", () => {
    // Retrieval's passages for it in the product: the stomach-bug page's treatment section, then its symptom list
    // (joined into source 1), then food poisoning's treatment section.
    const retrieved = [
      ...passages("gastroenteritis", "Treatment and management"),
      ...passages("gastroenteritis", "Symptoms"),
      ...passages("food-poisoning", "Treatment and management"),
    ];
    expect(opening("my toddler has diarrhea, what should I do?", retrieved)).toMatch(/^Drink plenty of fluids in small, frequent sips/);
  });

  it("answers 'what triggers…' with the triggers, not the condition's cause nor a list that mentions a trigger in one item", () => {
    expect(aspectsOfQuestion("what triggers cold sores?")).toEqual(["trigger"]);
    expect(aspectsOfQuestion("what sets off a migraine attack?")).toEqual(["trigger"]);
    expect(aspectsOfQuestion("What causes cold sores?")).toEqual(["cause"]);
    const retrieved = [
      ...passages("cold-sores", "What it is"),
      ...passages("cold-sores", "Prevention"),
      ...passages("asthma", "What it is"),
    ];
    expect(opening("what triggers cold sores?", retrieved)).toMatch(/^Triggers include colds and other illnesses/);
    // What causes them is still the virus.
    expect(opening("What causes cold sores?", retrieved)).toMatch(/^Cold sores are small blisters .* caused by the herpes simplex virus/);
  });

  it("reads 'how do I get rid of…' as what to do, not how it is caught, and does not take the page's other names for the answer", () => {
    expect(aspectsOfQuestion("how do I get rid of a canker sore?")).toEqual(["treatment"]);
    expect(aspectsOfQuestion("how do you get impetigo?")).toEqual(["spread"]);
    const retrieved = [...passages("mouth-ulcers", "Treatment and management"), ...passages("cold-sores", "Treatment and management")];
    // What helps mouth ulcers (gels, mouthwash, salt-water rinses), not the cold-sore page's creams nor "Other names: canker sores".
    expect(opening("how do I get rid of a canker sore?", retrieved)).toMatch(
      /^(Rinse with salt water|A pharmacist can suggest a protective gel)/,
    );
  });
});
