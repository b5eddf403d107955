// The full-text index after writes. A GIN index takes new rows into a "pending list" that
// every search reads from end to end (up to gin_pending_list_limit, 4 MB); Postgres merges it
// into the index in VACUUM or autoanalyze, which PGlite never runs. Left there after an
// ingestion, it made each term's GIN lookup ~25× slower (1.5 vs 0.06 ms per term on the
// 50k-chunk benchmark knowledge base; docs/retrieval-eval.md). Merging it is cheap.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/** Merges the pending lists of the chunks table's GIN indexes; returns the pages merged (0 when nothing was pending). */
export async function mergeFullTextPendingLists(db: Db): Promise<number> {
  const indexes = rowsOf<{ indexname: string }>(
    await db.execute(
      sql`select indexname from pg_indexes where schemaname = current_schema() and tablename = 'chunks' and indexdef ilike '%using gin%'`,
    ),
  );
  let pages = 0;
  for (const { indexname } of indexes) {
    try {
      const [row] = rowsOf<{ pages: number | string }>(
        await db.execute(sql`select gin_clean_pending_list(quote_ident(${indexname})::regclass) as pages`),
      );
      pages += Number(row?.pages ?? 0);
    } catch {
      // Not the index's owner (a read-only role): the database's own autovacuum merges it.
    }
  }
  return pages;
}
