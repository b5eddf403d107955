// Consumer spelling of compound names: people write "pink eye", "chicken pox", "heart burn",
// health pages "pinkeye", "chickenpox", "heartburn". The joined word is searched too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { analyzeQuery, compoundsOf } from "./query-terms";
import { retrieveHybrid } from "./retrieve";
import { doc, freshDbWith } from "./test-helpers";
import { loadVocabulary } from "./vocabulary";

const DOCS = [
  doc(
    "pinkeye",
    "Pinkeye",
    "Pinkeye (conjunctivitis) is redness and swelling of the lining of the eyelid. It can spread easily in schools.",
  ),
  doc("dry-eye", "Dry eye", "Dry eye happens when the eye does not make enough tears. The eye may sting, burn or look pink and red."),
  doc(
    "chickenpox",
    "Chickenpox",
    "Chickenpox is a very contagious disease caused by the varicella-zoster virus. It causes an itchy rash with blisters.",
  ),
  doc("food-safety", "Food safety", "Cook chicken until it is no longer pink inside, and wash your hands after touching raw meat."),
];

describe("compound names written apart", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, DOCS);
  });
  afterAll(() => h.close());

  it("joins adjacent letter words of each part, not across the subject line", () => {
    const kept = (w: string) => w !== "is";
    // "eye" + "is" crosses the subject line; "is" is not a content word; "it" is too short to join.
    expect([...compoundsOf(["pink eye", "is it contagious"], kept).keys()]).toEqual(["pinkeye"]);
    expect(compoundsOf(["heart burn 2 nights"], () => true).get("heartburn")).toEqual(["heart", "burn"]);
    expect(compoundsOf(["heart burn 2 nights"], () => true).has("burn2")).toBe(false);
  });

  it("searches the joined word when the knowledge base knows it", async () => {
    const vocabulary = await loadVocabulary(h.db);
    const a = await analyzeQuery(h.db, vocabulary, "is pink eye contagious?");
    expect(a.terms.find((t) => t.lexeme === "pinkey")?.expandedFrom).toBe("pink eye");
    const none = await analyzeQuery(h.db, vocabulary, "dry eye drops");
    expect(none.terms.some((t) => t.expandedFrom === "dry eye")).toBe(false);
    for (const [question, id] of [
      ["is pink eye contagious? my kids eyes are red", "pinkeye"],
      ["my son has chicken pox, how long is he contagious", "chickenpox"],
    ]) {
      expect((await retrieveHybrid(h.db, null, question, { mode: "text", k: 3 }))[0]?.documentId, question).toBe(id);
      expect((await retrieveHybrid(h.db, embedder, question, { k: 3 }))[0]?.documentId, question).toBe(id);
    }
  });
});
