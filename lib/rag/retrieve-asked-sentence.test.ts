// A long letter whose story dilutes what it asks below the relevance floor is searched again by
// the sentences it asks ("…?"), each under its own floor (retrieve.ts): the question finds its page,
// and an unrelated question in a long letter still finds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDb } from "./test-helpers";

// Pages that know the story's words, each a few of them: the letter's words are spread over the
// knowledge base, so no passage holds the floor's share of the whole letter.
const EVERYDAY = [
  doc("pets", "Pets and farm animals", "Cats, goats and chickens need clean water, shelter in winter and a vet check every year."),
  doc("music", "Music and singing", "Learning the piano or joining a choir keeps the mind active at any age."),
  doc("holidays", "Holidays by the sea", "A caravan holiday in a village by the harbour is a cheap break; book before the summer."),
  doc("repairs", "Home repairs", "Before winter, check the barn roof; a repainted door lasts longer when the wood is dry."),
  doc(
    "alone",
    "Living alone in later life",
    "Many people over eighty live alone; a grandmother on a farm may need a neighbour to call in.",
  ),
];

const STORY =
  "Hello, I am writing for my grandmother who is eighty and lives alone on a farm with her cats, goats and chickens. " +
  "Last winter she sold her piano, bought a caravan, repainted the barn and joined a choir in the village by the harbour. ";

describe("a long letter is searched by the sentences it asks", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, embedder, [...CONDITIONS, ...EVERYDAY]);
  });
  afterAll(() => h.close());

  it("the question of a long story finds its page", async () => {
    const letter = `${STORY}Since Tuesday she wakes with her big toe hot and swollen. What can cause sudden pain and swelling in the big toe? Thank you, God bless.`;
    for (const mode of ["text", "hybrid"] as const)
      expect((await retrieveHybrid(h.db, mode === "text" ? null : embedder, letter, { mode }))[0]?.documentId, mode).toBe("gout");
  });

  it("an unrelated question in a long letter still finds nothing", async () => {
    const letter = `${STORY}The caravan has a flat tyre and the choir meets on Fridays. How do I change a flat tyre on a caravan? Thank you.`;
    expect(await retrieveHybrid(h.db, embedder, letter)).toEqual([]);
  });
});
