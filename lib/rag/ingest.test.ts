import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { chunks, documents } from "@/lib/db/schema";
import type { Embedder } from "./embed";
import { createHashingEmbedder } from "./embed-hashing";
import { ingestDocuments, ingestSourceDocuments } from "./ingest";
import { CONDITIONS, doc, freshDb } from "./test-helpers";

/** Counts calls and can be told to fail on a marker, to prove failures are isolated. */
function spyEmbedder(failOn?: string): Embedder & { calls: number; texts: number } {
  const base = createHashingEmbedder();
  const spy = {
    ...base,
    calls: 0,
    texts: 0,
    async embedDocuments(texts: string[]) {
      spy.calls++;
      spy.texts += texts.length;
      if (failOn && texts.some((t) => t.includes(failOn))) throw new Error("GPU out of memory");
      return base.embedDocuments(texts);
    },
  };
  return spy;
}

async function chunkRows(h: DbHandle, documentId: string) {
  const rows = await h.db
    .select()
    .from(chunks)
    .where(sql`${chunks.documentId} = ${documentId}`)
    .orderBy(chunks.position);
  return rows.map((r) => ({ id: r.id, text: r.text, dims: r.embedding?.length }));
}

describe("ingestDocuments", () => {
  let h: DbHandle;
  beforeEach(async () => {
    h = await freshDb();
  });
  afterEach(() => h.close());

  it("writes documents and embedded chunks, and re-ingesting unchanged content is a no-op", async () => {
    const embedder = spyEmbedder();
    const first = await ingestSourceDocuments(h.db, embedder, CONDITIONS, { embedderId: embedder.id });
    expect(first).toMatchObject({ added: 5, updated: 0, unchanged: 0, chunksWritten: 5, failed: [] });
    expect(await chunkRows(h, "asthma")).toEqual([{ id: "asthma#0", text: CONDITIONS[0].sections[0].text, dims: 256 }]);
    const [row] = await h.db
      .select()
      .from(documents)
      .where(sql`${documents.id} = 'gout'`);
    expect(row).toMatchObject({ source: "Partner", title: "Gout", status: "active", metadata: { embedder: "hashing-256" } });

    const callsBefore = embedder.calls;
    const again = await ingestSourceDocuments(h.db, embedder, CONDITIONS, { embedderId: embedder.id });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5, chunksWritten: 0 });
    expect(embedder.calls).toBe(callsBefore); // nothing re-embedded

    // Another embedder's vectors cannot be queried with this one: the same content is re-embedded.
    const other = { ...createHashingEmbedder(), id: "other-model" };
    const switched = await ingestSourceDocuments(h.db, other, CONDITIONS, { embedderId: other.id });
    expect(switched).toMatchObject({ updated: 5, unchanged: 0 });
  });

  it("leaves no entries in the full-text index's pending list (searches read it whole; PGlite never vacuums)", async () => {
    const pending = async () => {
      const r = (await h.db.execute(sql`select gin_clean_pending_list('chunks_tsv_gin_idx'::regclass) as pages`)) as unknown as {
        rows: { pages: number | string }[];
      };
      return Number(r.rows[0].pages);
    };
    await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS);
    expect(await pending()).toBe(0);
    // What an older version left behind is merged by the next ingestion, even one that writes nothing.
    await h.db.execute(
      sql`insert into chunks (id, document_id, position, heading_path, text) values ('gout#9', 'gout', 9, 'Gout', 'uric acid crystals')`,
    );
    await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS);
    expect(await pending()).toBe(0);
  });

  it("replaces the chunks of a changed document and leaves the others alone", async () => {
    const embedder = spyEmbedder();
    const long = doc("long", "Long", Array.from({ length: 30 }, (_, i) => `Fact ${i} about the long topic.`).join(" "));
    await ingestSourceDocuments(h.db, embedder, [long, CONDITIONS[0]], { chunk: { maxChars: 200, overlapChars: 40 } });
    expect((await chunkRows(h, "long")).length).toBeGreaterThan(3);
    const shorter = doc("long", "Long", "Now the document is one short paragraph about the long topic.");
    const r = await ingestSourceDocuments(h.db, embedder, [shorter, CONDITIONS[0]], { chunk: { maxChars: 200, overlapChars: 40 } });
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(await chunkRows(h, "long")).toEqual([{ id: "long#0", text: shorter.sections[0].text, dims: 256 }]);
  });

  it("keeps the old version intact when writing the new one fails (one transaction)", async () => {
    const embedder = spyEmbedder();
    await ingestSourceDocuments(h.db, embedder, [CONDITIONS[0]]);
    const before = await chunkRows(h, "asthma");
    // A vector of the wrong dimension makes the chunk insert fail after the delete ran.
    const broken: Embedder = { ...embedder, embedDocuments: async (t) => t.map(() => [1, 0, 0]) };
    const changed = doc("asthma", "Asthma", "Completely rewritten asthma text that must not be half-written.");
    const r = await ingestSourceDocuments(h.db, broken, [changed]);
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatchObject({ documentId: "asthma", reason: expect.stringContaining("database write failed") });
    expect(await chunkRows(h, "asthma")).toEqual(before);
    const [row] = await h.db
      .select()
      .from(documents)
      .where(sql`${documents.id} = 'asthma'`);
    expect(row.title).toBe("Asthma");
  });

  it("reports and skips a bad file or a failed embedding without stopping the run", async () => {
    const embedder = spyEmbedder("POISON");
    const results = [
      { ok: true as const, file: "a.md", document: CONDITIONS[0] },
      { ok: false as const, file: "bad.pdf", reason: "unreadable PDF: Invalid PDF structure" },
      { ok: true as const, file: "poison.md", document: doc("poison", "Poison", "POISON text that the embedder rejects.") },
      { ok: true as const, file: "dup.md", document: CONDITIONS[0] },
      { ok: true as const, file: "b.md", document: CONDITIONS[1] },
    ];
    const progress: number[] = [];
    const r = await ingestDocuments(h.db, embedder, results, { batchDocuments: 10, onProgress: (p) => progress.push(p.files) });
    expect(r.added).toBe(2);
    expect(r.failed.map((f) => [f.file, f.reason.split(":")[0]])).toEqual([
      ["bad.pdf", "unreadable PDF"],
      ["dup.md", "duplicate document id in this ingestion"],
      ["poison.md", "embedding failed"],
    ]);
    expect(progress.at(-1)).toBe(5);
    const ids = (await h.db.select({ id: documents.id }).from(documents)).map((d) => d.id).sort();
    expect(ids).toEqual(["asthma", "diabetes-2"]);
    expect(await chunkRows(h, "poison")).toEqual([]);
  });

  it("bulk mode suspends the HNSW and full-text indexes and rebuilds the same ones at the end", async () => {
    const indexDefs = async () =>
      (
        (await h.db.execute(
          sql`select indexdef from pg_indexes where tablename = 'chunks' and (indexdef ilike '%hnsw%' or indexdef ilike '%gin%') order by 1`,
        )) as unknown as {
          rows: { indexdef: string }[];
        }
      ).rows.map((r) => r.indexdef);
    const before = await indexDefs();
    expect(before).toHaveLength(2);
    const r = await ingestSourceDocuments(h.db, createHashingEmbedder(), CONDITIONS, { bulk: true });
    expect(r).toMatchObject({ added: 5, chunksWritten: 5, failed: [] });
    expect(await indexDefs()).toEqual(before);
  });
});
