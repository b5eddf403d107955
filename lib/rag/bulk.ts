// Bulk loads (a whole corpus into a fresh knowledge base): inserting into an HNSW index
// row by row costs several times more than building it once at the end, and the full-text
// GIN index's pending list is flushed again and again (building it at the end: +9 % chunks
// per CPU-second on 3,000 MedQuAD chunks, hashing vectors, interleaved runs). Only for
// offline loads (CLI --bulk, evaluation, benchmark): while suspended, vector and full-text
// search fall back to exact scans for other readers.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

interface IndexDef {
  indexname: string;
  indexdef: string;
}

export async function withSearchIndexesSuspended<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  // The definitions come from the database itself, so they always match the migrations.
  const res = await db.execute(
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'chunks' and (indexdef ilike '%using hnsw%' or indexdef ilike '%using gin%')`,
  );
  const defs = ((res as unknown as { rows: IndexDef[] }).rows ?? []) as IndexDef[];
  for (const d of defs) await db.execute(sql.raw(`drop index if exists "${d.indexname.replace(/"/g, '""')}"`));
  try {
    return await fn();
  } finally {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`);
      for (const d of defs) await tx.execute(sql.raw(d.indexdef));
    });
    // Fresh statistics, so the planner knows the tables are big and picks the indexes.
    await db.execute(sql`analyze documents`);
    await db.execute(sql`analyze chunks`);
  }
}
