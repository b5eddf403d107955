import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDbHandle } from "./index";

describe("process-wide database", () => {
  afterAll(() => closeDb());

  it("is created and migrated once, then shared by every caller", async () => {
    const [a, b] = await Promise.all([getDbHandle({ url: "memory://" }), getDbHandle({ url: "memory://" })]);
    expect(a).toBe(b);
    const result = await a.db.execute(sql`select count(*)::int as n from conversations`);
    expect((result as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });

  it("opens a fresh one after closeDb", async () => {
    const first = await getDbHandle({ url: "memory://" });
    await closeDb();
    const second = await getDbHandle({ url: "memory://" });
    expect(second).not.toBe(first);
  });
});
