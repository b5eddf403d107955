// A message whose subject line names what the knowledge base covers ("MRSA") above a story in
// words it does not know gets the passages on that subject: the coverage floor alone weighs the
// story against the subject and returned nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDb } from "./test-helpers";

const MRSA = doc(
  "mrsa",
  "Methicillin-resistant Staphylococcus aureus",
  "MRSA is a staph infection that common antibiotics cannot treat. It spreads by skin contact and shared towels; covering the wound and washing hands prevent spreading it.",
);
const STORY = "MRSA\nI have a boil on my leg and the doctor said it. can I give it to my grandchildren at the picnic on sunday?";

describe("subject line", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, createHashingEmbedder(), [...CONDITIONS, MRSA]);
  });
  afterAll(() => h.close());

  it("a story under a subject line the knowledge base knows finds the subject's passages", async () => {
    for (const mode of ["text", "hybrid"] as const) {
      const found = await retrieveHybrid(h.db, mode === "text" ? null : createHashingEmbedder(), STORY, { mode, k: 3 });
      expect(found[0]?.documentId).toBe(MRSA.id);
    }
    // The same story without its subject line stays below the coverage floor.
    expect(await retrieveHybrid(h.db, null, STORY.split("\n")[1], { mode: "text", k: 3 })).toEqual([]);
  });

  it("a subject line the knowledge base does not know decides nothing", async () => {
    for (const q of ["Taxes\nhow do I file my taxes late this year?", "Bicycle tyre\nhow do I fix a puncture on the road?"])
      expect(await retrieveHybrid(h.db, null, q, { mode: "text", k: 3 })).toEqual([]);
  });
});
