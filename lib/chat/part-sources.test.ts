import { describe, expect, it } from "vitest";
import { numberPartSources, retrievePerPart } from "./part-sources";
import { buildPrompt, groundingParts, numberSources, sourcesShown } from "./prompt";
import type { RetrievedChunk } from "./types";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { triage } from "@/lib/safety/triage";

const chunk = (
  documentId: string,
  section: string,
  text = `${section} of ${documentId} is described in this sentence here.`,
): RetrievedChunk => ({
  chunkId: `${documentId}#${section}`,
  documentId,
  title: documentId,
  url: null,
  headingPath: `${documentId} > ${section}`,
  text,
  score: 1,
  source: "test",
});
const GOUT = chunk("gout", "What it is");
const GOUT_TREATMENT = chunk("gout", "Treatment");
const GOUT_PREVENTION = chunk("gout", "Prevention");
const PNEUMONIA = chunk("pneumonia", "Treatment");
const ACNE = chunk("acne", "Treatment");
const heading = (s: { headingPath: string }) => s.headingPath;

describe("numberPartSources", () => {
  it("is numberSources, with no parts, for a question that asks one thing", () => {
    const whole = [GOUT, GOUT_TREATMENT, PNEUMONIA];
    expect(numberPartSources(whole, [])).toEqual({ sources: numberSources(whole), parts: [] });
    // One part that found something is one part.
    expect(numberPartSources(whole, [[GOUT], []])).toEqual({ sources: numberSources(whole), parts: [] });
  });

  it("makes each part's best passage a source of its own, in the order asked, then the message's other pages", () => {
    const { sources, parts } = numberPartSources([GOUT, PNEUMONIA, ACNE], [[GOUT], [GOUT_TREATMENT, PNEUMONIA]]);
    // Two sections of one page are two sources (numberSources would join them and cut the second off).
    expect(sources.map(heading)).toEqual(["gout > What it is", "gout > Treatment", "pneumonia > Treatment", "acne > Treatment"]);
    expect(sources.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    expect(parts).toMatchObject([{ sources: [1] }, { sources: [2, 3] }]);
  });

  it("gives a part that ranks an earlier part's passage first its next passage of that page, when the message ranks it too", () => {
    // "What is gout and how is it treated?": both searches rank the overview first.
    const moved = numberPartSources([GOUT, GOUT_TREATMENT, PNEUMONIA], [[GOUT], [GOUT, GOUT_TREATMENT, PNEUMONIA]]);
    expect(moved.sources.map(heading).slice(0, 2)).toEqual(["gout > What it is", "gout > Treatment"]);
    expect(moved.parts).toMatchObject([{ sources: [1] }, { sources: [2, 3] }]);
    // Not when only the part ranks it (the prevention section is no answer the message found),
    // nor a passage of another page: then the parts share the passage.
    const shared = numberPartSources([GOUT, PNEUMONIA], [[GOUT], [GOUT, GOUT_PREVENTION, PNEUMONIA]]);
    expect(shared.sources.map(heading)).toEqual(["gout > What it is", "pneumonia > Treatment"]);
    expect(shared.parts).toMatchObject([{ sources: [1] }, { sources: [1, 2] }]);
  });

  it("never lists another part's best source among a part's further sources", () => {
    const { parts } = numberPartSources(
      [GOUT, PNEUMONIA],
      [
        [GOUT, PNEUMONIA],
        [PNEUMONIA, GOUT],
      ],
    );
    expect(parts).toMatchObject([{ sources: [1] }, { sources: [2] }]);
  });
});

describe("prompt sources for parts", () => {
  it("shows each part's best source even past the level's number, and sends the parts for what is shown", () => {
    expect(sourcesShown(2, [])).toBe(2);
    expect(sourcesShown(2, [{ sources: [1] }, { sources: [2] }, { sources: [3] }])).toBe(3);
    expect(sourcesShown(0, [{ sources: [1] }, { sources: [2] }, { sources: [3] }])).toBe(0);
    expect(groundingParts([{ sources: [1, 4] }, { sources: [2, 3] }], 2)).toEqual([{ sources: [1] }, { sources: [2] }]);
    // A single part left is no multi-part answer.
    expect(groundingParts([{ sources: [1] }, { sources: [3] }], 2)).toEqual([]);

    const { sources, parts } = numberPartSources([GOUT, PNEUMONIA, ACNE], [[GOUT], [GOUT_TREATMENT], [chunk("gout", "Outlook")]]);
    const contacts = emergencyContactsFor("en-US", {});
    const prompt = buildPrompt(
      { question: "q", history: [], sources, parts, triage: triage("What is gout?", "en-US"), contacts },
      1,
      "quote",
    );
    expect(prompt.quoteSources.map((s) => s.id)).toEqual(["1", "2", "3"]);
    expect(prompt.quoteParts).toEqual([{ sources: [1] }, { sources: [2] }, { sources: [3] }]);
    const single = buildPrompt({ question: "q", history: [], sources, triage: triage("What is gout?", "en-US"), contacts }, 1, "quote");
    expect(single.quoteSources).toHaveLength(2);
    expect(single.quoteParts).toEqual([]);
  });
});

describe("retrievePerPart", () => {
  it("searches each asked part with the message's topic, and nothing for a single question", async () => {
    const calls: Array<[string, string | undefined]> = [];
    const retriever = async (query: string, _signal?: AbortSignal, options?: { context?: string }) => {
      calls.push([query, options?.context]);
      if (query.startsWith("how")) throw new Error("search failed");
      return [GOUT];
    };
    expect(await retrievePerPart(retriever, "What is gout?")).toEqual([]);
    expect(calls).toEqual([]);
    // A part whose search fails has no passages; the others keep theirs.
    expect(await retrievePerPart(retriever, "What is gout and how is it treated?")).toEqual([[GOUT], []]);
    expect(calls).toEqual([
      ["What is gout", "what is gout and"],
      ["how is it treated?", "what is gout and how is it"],
    ]);
  });
});

describe("numberPartSources keeps a part on the message's subject", () => {
  it("drops a part's passages from a page neither the message's results nor its words name", () => {
    const TINNITUS = chunk("tinnitus", "Overview");
    const RING = { ...chunk("ring-chromosome-20", "Treatment"), title: "Ring chromosome 20 syndrome" };
    const HEARING = chunk("hearing-loss", "Overview");
    const message = "I have a constant ringing in my ears after a concert. Will it go away?? What is tinnitus caused by";
    // "Will it go away??" found the ring chromosome page first: its next passage on the subject is taken instead…
    const kept = numberPartSources([TINNITUS, HEARING], [[RING, TINNITUS], [TINNITUS]], message);
    expect(kept.sources.map(heading)).not.toContain("ring-chromosome-20 > Treatment");
    // …and with nothing else on the subject the part has no passage of its own (a single-part answer).
    expect(numberPartSources([TINNITUS, HEARING], [[RING], [TINNITUS]], message)).toEqual({
      sources: numberSources([TINNITUS, HEARING]),
      parts: [],
    });
    // A page the message names by its title's words counts ("eat" names "Eating well").
    const EATING = { ...chunk("eating-well", "What it is"), title: "Eating well" };
    const diabetes = numberPartSources([GOUT], [[GOUT], [EATING]], "what is gout and can he still eat well");
    expect(diabetes.parts).toMatchObject([{ sources: [1] }, { sources: [2] }]);
    // Each part carries what it asks, so its sources' sentences are weighed against its own words (unit-relevance.ts).
    expect(diabetes.parts.map((p) => p.asks)).toEqual(["what is gout", "can he still eat well"]);
  });
});

describe("numberPartSources for parts that lean on the message", () => {
  const at = (documentId: string, section: string, position: number): RetrievedChunk => ({
    ...chunk(documentId, section),
    chunkId: `${documentId}#${position}`,
  });

  it("keeps a part that names nothing of its own on the message's subject, not on another page the message found", () => {
    const DEMENTIA = at("Dementia", "What it is", 0);
    const DEMENTIA_CARE = at("Dementia", "Treatment and management", 4);
    const ADHD = { ...at("ADHD (attention deficit hyperactivity disorder)", "Symptoms", 1), title: "ADHD" };
    const EPILEPSY = at("Epilepsy", "When to seek care", 2);
    const message = "My mom is 70 and keeps forgetting where she put her keys. Is this dementia and what can we do?";
    // "what can we do?" found the ADHD symptoms (a page the whole message found, third): not on its subject…
    const single = numberPartSources([DEMENTIA, EPILEPSY, ADHD], [[DEMENTIA], [ADHD]], message);
    expect(single.parts).toEqual([]);
    expect(single.sources.map(heading)).toEqual(numberSources([DEMENTIA, EPILEPSY, ADHD]).map(heading));
    // …so it takes the message's next passage on the subject, when there is one.
    const PREVENTION = at("Dementia", "Prevention", 3);
    const fallback = numberPartSources([PREVENTION, DEMENTIA, EPILEPSY, ADHD], [[DEMENTIA, PREVENTION], [ADHD]], message);
    expect(fallback.sources.map(heading).slice(0, 2)).toEqual(["Dementia > What it is", "Dementia > Prevention"]);
    expect(fallback.parts).toMatchObject([{ sources: [1] }, { sources: [2] }]);
    // A passage of the dementia page is on the subject.
    const both = numberPartSources([DEMENTIA, EPILEPSY, ADHD], [[DEMENTIA], [ADHD, DEMENTIA_CARE]], message);
    expect(both.sources.map(heading).slice(0, 2)).toEqual(["Dementia > What it is", "Dementia > Treatment and management"]);
    expect(both.parts).toMatchObject([{ sources: [1] }, { sources: [2] }]);
    // A part that names its own subject may still use another page the message found ("can he still eat fruit?").
    const named = numberPartSources([DEMENTIA, EPILEPSY, ADHD], [[DEMENTIA], [ADHD]], "Is this dementia and what are ADHD symptoms?");
    expect(named.parts).toMatchObject([{ sources: [1] }, { sources: [2] }]);
  });

  it("answers a part asking what something is from its page's lead when the part found it", () => {
    const SYMPTOMS = at("gout", "Symptoms", 1);
    const LEAD = at("gout", "What it is", 0);
    const TREATMENT = at("gout", "Treatment", 4);
    const { sources, parts } = numberPartSources(
      [SYMPTOMS, TREATMENT, LEAD],
      [[SYMPTOMS, LEAD], [TREATMENT]],
      "What is gout and how is it treated?",
    );
    expect(sources.map(heading).slice(0, 2)).toEqual(["gout > What it is", "gout > Treatment"]);
    expect(parts[0]).toMatchObject({ sources: [1] });
    // The same part asking for symptoms keeps retrieval's order.
    const asked = numberPartSources(
      [SYMPTOMS, TREATMENT, LEAD],
      [[SYMPTOMS, LEAD], [TREATMENT]],
      "What are the symptoms of gout and how is it treated?",
    );
    expect(asked.sources[0]!.headingPath).toBe("gout > Symptoms");
  });

  it("orders a single question's page from its lead when it asks what something is", () => {
    const SYMPTOMS = at("hbp", "Symptoms", 1);
    const LEAD = at("hbp", "What it is", 0);
    expect(numberPartSources([SYMPTOMS, LEAD], [], "What is high blood pressure?").sources[0]!.headingPath).toBe("hbp > What it is");
    expect(numberPartSources([SYMPTOMS, LEAD], [], "What are the symptoms of high blood pressure?").sources[0]!.headingPath).toBe(
      "hbp > Symptoms",
    );
  });
});
