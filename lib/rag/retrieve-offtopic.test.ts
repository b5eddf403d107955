// Off-topic rejection (the IDF coverage floor) and the term statistics it reads, on a
// real PGlite with a small ingested knowledge base.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestSourceDocuments } from "./ingest";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDb, freshDbWith } from "./test-helpers";

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

const MORE: ReturnType<typeof doc>[] = [
  doc(
    "flu-vaccine",
    "Flu vaccine",
    "The flu shot protects against influenza viruses. Common side effects are a sore arm, mild fever and aches for a day or two.",
  ),
  doc(
    "chest-pain",
    "Chest pain",
    "Chest pain can come from the heart, the lungs or the muscles. Sudden chest pain with breathlessness needs emergency care.",
  ),
  doc(
    "sunburn",
    "Sunburn",
    "Sunburn is skin damage from ultraviolet light. Cool the skin, drink water and stay out of the sun while it heals.",
  ),
  doc(
    "heart-failure",
    "Heart failure",
    "In heart failure the heart cannot pump enough blood for the body. Swollen ankles and breathlessness are common.",
  ),
];

/** term_stats as it should be: a recount from chunks.tsv. */
async function recount(h: DbHandle): Promise<Map<string, number>> {
  const rows = rowsOf<{ lexeme: string; n: number | string }>(
    await h.db.execute(
      sql`select lexeme, count(*) as n from (select t.lexeme from chunks c, unnest(c.tsv) t union all select '' from chunks) d group by lexeme`,
    ),
  );
  return new Map(rows.map((r) => [r.lexeme, Number(r.n)]));
}

async function stored(h: DbHandle): Promise<Map<string, number>> {
  const rows = rowsOf<{ lexeme: string; chunks: number }>(await h.db.execute(sql`select lexeme, chunks from term_stats where chunks <> 0`));
  return new Map(rows.map((r) => [r.lexeme, Number(r.chunks)]));
}

describe("off-topic questions", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, [...CONDITIONS, ...MORE]);
  });
  afterAll(() => h.close());

  it("retrieve nothing even when they share ordinary words with a chunk", async () => {
    for (const q of [
      "What is the speed of light in a vacuum?", // "light": migraine, sunburn
      "How do I remove a virus on my laptop?", // "virus": flu vaccine
      "Find a hotel in the heart of the city", // "heart": chest pain, heart failure
      "How do I make cold brew coffee at home?",
      "What is the capital of Australia?",
    ]) {
      expect(await retrieveHybrid(h.db, embedder, q), q).toEqual([]);
    }
  });

  it("short medical queries still retrieve the right document", async () => {
    const expected: [string, string][] = [
      ["gout", "gout"],
      ["asthma inhaler", "asthma"],
      ["flu shot side effects", "flu-vaccine"],
      ["chest pain", "chest-pain"],
    ];
    for (const [q, id] of expected) {
      const results = await retrieveHybrid(h.db, embedder, q);
      expect(results[0]?.documentId, q).toBe(id);
    }
  });

  it("without the coverage floor the shared word alone is enough (the case the floor fixes)", async () => {
    const q = "the heart of the city";
    const text = await retrieveHybrid(h.db, null, q, { mode: "text", minScore: 0, minCoverage: 0 });
    expect(text.map((r) => r.documentId)).toContain("heart-failure");
    expect(await retrieveHybrid(h.db, embedder, q)).toEqual([]);
  });
});

describe("term_stats", () => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDb();
  });
  afterAll(() => h.close());

  it("stays equal to a recount when documents are added, replaced and deleted", async () => {
    await ingestSourceDocuments(h.db, embedder, [...CONDITIONS, ...MORE]);
    expect(await stored(h)).toEqual(await recount(h));
    expect((await stored(h)).get("gout")).toBe(1);

    // Replace: new text for gout (ingestion deletes the old chunks and inserts the new ones).
    const gout2 = doc("gout", "Gout", "Gout attacks come at night. Colchicine and rest help; gout can return.", "Partner");
    const r = await ingestSourceDocuments(h.db, embedder, [gout2]);
    expect(r.updated).toBe(1);
    const afterReplace = await stored(h);
    expect(afterReplace).toEqual(await recount(h));
    expect(afterReplace.get("colchicin")).toBe(1);
    expect(afterReplace.has("urat") || afterReplace.has("uric")).toBe(false); // old text gone

    // Delete a document: its chunks go by cascade.
    await h.db.execute(sql`delete from documents where id = 'sunburn'`);
    expect(await stored(h)).toEqual(await recount(h));
    expect((await stored(h)).get("")).toBe(CONDITIONS.length + MORE.length - 1);

    // A direct update of chunk text (tsv is generated from it).
    await h.db.execute(sql`update chunks set text = 'Migraine aura and photophobia.' where document_id = 'migraine'`);
    expect(await stored(h)).toEqual(await recount(h));
  });
});
