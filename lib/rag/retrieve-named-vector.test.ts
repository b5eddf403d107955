// In a small knowledge base, a message that names documents' subjects ("Is ibuprofen safe during
// pregnancy?") keeps them first in hybrid mode: the vector side breaks ties among the named pages'
// passages only. The default embedder does not know most medicine names, and put the SSRI page —
// whose safety section names ibuprofen and pregnancy — above the ibuprofen page (retrieve.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import type { QueryEmbedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDb } from "./test-helpers";

const IBUPROFEN = doc(
  "ibuprofen",
  "Ibuprofen and other NSAIDs",
  "Ibuprofen eases pain, fever and swelling. It is usually avoided later in pregnancy; ask before using it at any stage of pregnancy.",
);
const SSRI = doc(
  "ssri",
  "SSRI antidepressants",
  "SSRIs treat depression and anxiety. Taken with ibuprofen or aspirin they raise the risk of bleeding. Tell your clinician if you are pregnant or planning a pregnancy.",
);

describe("a named subject and the vector side", () => {
  let h: DbHandle;
  const hashing = createHashingEmbedder();
  // An embedder that, like the default one, reads every "is X safe during pregnancy?" as the SSRI page
  // and does not have the ibuprofen page among its nearest (the real one: not in its 40 of 619 chunks).
  const ssriMinded: QueryEmbedder = {
    dim: hashing.dim,
    embedQuery: () =>
      hashing.embedQuery("SSRI antidepressants treat depression and anxiety. Asthma wheezing airways. Migraine throbbing headache."),
  };
  const few = { k: 3, candidates: 3 };
  beforeAll(async () => {
    h = await freshDb();
    await ingestSourceDocuments(h.db, hashing, [...CONDITIONS, IBUPROFEN, SSRI]);
  });
  afterAll(() => h.close());

  it("the page the message names stays first whatever the vector prefers", async () => {
    const q = "Is ibuprofen safe during pregnancy?";
    expect((await retrieveHybrid(h.db, null, q, { ...few, mode: "text" })).map((r) => r.documentId).slice(0, 2)).toEqual([
      "ibuprofen",
      "ssri",
    ]);
    const nearest = (await retrieveHybrid(h.db, ssriMinded, q, { ...few, mode: "vector", minScore: 0 })).map((r) => r.documentId);
    expect(nearest[0]).toBe("ssri");
    expect(nearest).not.toContain("ibuprofen");
    expect((await retrieveHybrid(h.db, ssriMinded, q, few))[0]?.documentId).toBe("ibuprofen");
  });
});
