import { describe, expect, it } from "vitest";
import type { QueryEmbedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";
import { messageVector, templateQuestions } from "./query-vector";

/** Records what it embeds. */
function recording(): QueryEmbedder & { seen: string[] } {
  const inner = createHashingEmbedder();
  const seen: string[] = [];
  return {
    dim: inner.dim,
    seen,
    embedQuery: (t) => {
      seen.push(t);
      return inner.embedQuery(t);
    },
  };
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("templateQuestions", () => {
  it("asks the subject line the way MedQuAD does: overview, then each aspect the message asks about", () => {
    expect(
      templateQuestions("Gout?\nMy big toe swelled up. What foods should I avoid, and is there a medicine that helps? Thanks"),
    ).toEqual(["What is (are) Gout ?", "What are the treatments for Gout ?", "How to prevent Gout ?"]);
    expect(templateQuestions("shingles pain after rash\nthe area still burns, how long will it last?")).toEqual([
      "What is (are) shingles pain after rash ?",
    ]);
  });

  it("has none without a subject line (one line, or a first line too long to be one)", () => {
    expect(templateQuestions("What foods should I avoid with gout?")).toEqual([]);
    expect(templateQuestions(`${"my story ".repeat(20)}\nwhat should I do?`)).toEqual([]);
    expect(templateQuestions("   \n")).toEqual([]);
  });
});

describe("messageVector", () => {
  it("is the message's own embedding when it has no subject line", async () => {
    const e = recording();
    const text = "What foods should I avoid with gout?";
    expect(await messageVector(e, text)).toEqual(await createHashingEmbedder().embedQuery(text));
    expect(e.seen).toEqual([text]);
  });

  it("adds the template questions' mean to the message's embedding, as a unit vector", async () => {
    const e = recording();
    const text = "Gout\nWhat foods should I avoid? My toe hurts";
    const v = await messageVector(e, text);
    expect(e.seen).toEqual([text, "What is (are) Gout ?", "How to prevent Gout ?"]);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    const h = createHashingEmbedder();
    const own = await h.embedQuery(text);
    const asked = [await h.embedQuery("What is (are) Gout ?"), await h.embedQuery("How to prevent Gout ?")];
    const mean = asked[0].map((x, k) => x + asked[1][k]);
    const n = Math.hypot(...mean);
    const expected = own.map((x, k) => x + mean[k] / n);
    const m = Math.hypot(...expected);
    v.forEach((x, k) => expect(x).toBeCloseTo(expected[k] / m, 6));
    // Closer to the questions than the message alone is.
    expect(dot(v, asked[0])).toBeGreaterThan(dot(own, asked[0]));
  });

  it("embeds the template questions in one call (apart from the longer message) when the embedder takes several", async () => {
    const calls: string[][] = [];
    const h = createHashingEmbedder();
    const batching: QueryEmbedder = {
      dim: h.dim,
      embedQuery: (t) => {
        calls.push([t]);
        return h.embedQuery(t);
      },
      embedQueries: (texts) => {
        calls.push(texts);
        return h.embedQueries!(texts);
      },
    };
    const text = "Gout\nWhat foods should I avoid? My toe hurts";
    const v = await messageVector(batching, text);
    expect(calls).toEqual([[text], ["What is (are) Gout ?", "How to prevent Gout ?"]]);
    expect(v).toEqual(await messageVector(recording(), text));
  });
});
