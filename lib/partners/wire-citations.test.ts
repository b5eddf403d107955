// The partner API's `citations`: the sources the answer cites, each with its [n], as the web
// chat lists them; snippets as plain text.
import { describe, expect, it } from "vitest";
import type { ChatSource } from "@/lib/chat/types";
import { TurnCollector } from "./wire";

const source = (n: number, title: string, text: string): ChatSource => ({
  n,
  chunkId: `c${n}`,
  documentId: `d${n}`,
  title,
  url: `https://example.org/${n}`,
  headingPath: `${title} > Symptoms`,
  text,
});
const HEART = source(1, "Heart attack warning signs", "Signs include:\n- chest pain or pressure\n- cold sweat");
const RA = source(2, "Rheumatoid arthritis", "See a clinician if you have joint pain and swelling that lasts more than a few weeks.");

function turn(text: string): TurnCollector {
  const c = new TurnCollector();
  c.add({ type: "sources", sources: [HEART, RA] });
  c.add({ type: "text-delta", text });
  return c;
}

describe("partner citations", () => {
  it("list only the sources the answer cites, under their own numbers", () => {
    expect(turn("Chest pain can be a heart attack. [1]").citations.map((c) => c.n)).toEqual([1]);
    expect(turn("Joint pain that lasts needs a clinician. [2]").citations.map((c) => c.n)).toEqual([2]);
  });

  it("list every source for an answer with no marker at all (free text)", () => {
    expect(turn("Please see a clinician.").citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it("carry the chat's plain-text snippet: list items without their Markdown dashes", () => {
    expect(turn("x [1]").citations[0]).toMatchObject({
      n: 1,
      title: "Heart attack warning signs — Symptoms",
      snippet: "Signs include: chest pain or pressure; cold sweat",
      document_id: "d1",
    });
  });
});
