// A document written a moment ago is searched by its own words at once: the vocabulary the retriever caches (and
// re-checks only every few seconds) is dropped by every write in this process — an admin's upload, a re-ingest with
// as many chunks as before, a delete. Before, a question asked right after an upload ("How is zorblax syndrome
// managed?") was read with the old vocabulary, where "zorblax" is no word, and got "I couldn't find this".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDbWith } from "./test-helpers";

describe("search right after a write", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, CONDITIONS);
  });
  afterAll(() => h.close());

  const firstTitle = async (q: string) => (await retrieveHybrid(h.db, null, q, { mode: "text", k: 3 }))[0]?.title;

  it("finds a document uploaded after the vocabulary was cached, by its own new word", async () => {
    expect(await firstTitle("What is gout?")).toBe("Gout"); // the vocabulary is cached now
    const zorblax = doc("zorblax", "Zorblax syndrome", "Zorblax syndrome is managed with rest, fluids and a check-up with the nurse.");
    expect((await ingestSourceDocuments(h.db, embedder, [zorblax])).failed).toEqual([]);
    expect(await firstTitle("How is zorblax syndrome managed?")).toBe("Zorblax syndrome");
  });

  it("reads a document rewritten with as many chunks as before by its new words", async () => {
    const rewritten = doc("zorblax", "Zorblax syndrome", "Zorblax syndrome is managed with quindle tea and a check-up with the nurse.");
    expect((await ingestSourceDocuments(h.db, embedder, [rewritten])).failed).toEqual([]);
    expect(await firstTitle("does quindle tea help")).toBe("Zorblax syndrome");
  });
});
