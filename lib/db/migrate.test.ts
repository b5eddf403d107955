import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, type DbHandle } from "./client";
import { migrateDb } from "./migrate";
import { chunks, documents, EMBEDDING_DIM } from "./schema";

describe("migrations", () => {
  let handle: DbHandle;
  afterAll(() => handle?.close());

  it("apply to a fresh in-memory PGlite with pgvector and full-text columns", async () => {
    handle = await createDb({ url: "memory://" });
    await migrateDb(handle);
    // Applying twice is a no-op.
    await migrateDb(handle);
    await handle.db.insert(documents).values({ id: "d1", source: "test", title: "Asthma", checksum: "x" });
    const emb = Array.from({ length: EMBEDDING_DIM }, (_, i) => (i === 0 ? 1 : 0));
    await handle.db
      .insert(chunks)
      .values({ id: "d1#0", documentId: "d1", position: 0, text: "Asthma narrows the airways", embedding: emb });
    const rows = await handle.db.execute(
      sql`select id, embedding <=> ${JSON.stringify(emb)}::vector as dist, ts_rank_cd(tsv, websearch_to_tsquery('english', 'airway')) as rank from chunks`,
    );
    const row = (rows as unknown as { rows: { id: string; dist: number; rank: number }[] }).rows[0];
    expect(row.id).toBe("d1#0");
    expect(Number(row.dist)).toBeCloseTo(0, 6);
    expect(Number(row.rank)).toBeGreaterThan(0);
  });
});
