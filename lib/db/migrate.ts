// Applies the committed SQL migrations in drizzle/ (whatever drizzle/meta/_journal.json
// lists). On a server database (pg, Neon) this is a release step, `npm run db:migrate`,
// run under a Postgres advisory lock so concurrent runs wait for each other instead of
// failing on each other's half-applied changes; app instances only check that the schema
// is current (schemaStatus). The embedded database keeps migrating at start (same code).
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";
import { migrationsFolder } from "./migrations-folder";

export { migrationsFolder };

/** Arbitrary 64-bit key for pg_advisory_lock, shared by every MedChat migrator ("medchat_migrate"). */
export const MIGRATION_LOCK_KEY = 0x6d6564636861n; // "medcha"

interface JournalEntry {
  tag: string;
  when: number;
}

export function journalEntries(folder = migrationsFolder()): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

/**
 * Applies every migration of drizzle/ that the database has not recorded, in journal
 * order, in ONE transaction that first takes a transaction-level advisory lock: concurrent
 * runs queue behind it and then find nothing left to do. Records go to drizzle's own
 * table (drizzle.__drizzle_migrations: hash, created_at = the journal's "when"), so
 * databases migrated by drizzle's migrator before carry on. A migration counts as applied
 * when its "when" is recorded — not only when it is newer than the newest record — so
 * migrations written by hand on parallel branches (out of "when" order) are not skipped.
 */
export async function migrateDb(handle: DbHandle): Promise<{ applied: string[] }> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const folder = migrationsFolder();
  const files = readMigrationFiles({ migrationsFolder: folder });
  const tags = journalEntries(folder).map((e) => e.tag);
  return handle.withSession(async (client) => {
    const applied: string[] = [];
    await client.query("begin");
    try {
      await client.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await client.query("create schema if not exists drizzle");
      await client.query(
        "create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)",
      );
      const result = (await client.query("select created_at from drizzle.__drizzle_migrations")) as {
        rows: { created_at: string | number }[];
      };
      const done = new Set(result.rows.map((r) => Number(r.created_at)));
      for (const [i, migration] of files.entries()) {
        if (done.has(migration.folderMillis)) continue;
        for (const statement of migration.sql) if (statement.trim()) await client.query(statement);
        await client.query(
          `insert into drizzle.__drizzle_migrations (hash, created_at) values ('${migration.hash.replace(/'/g, "''")}', ${Number(migration.folderMillis)})`,
        );
        applied.push(tags[i] ?? String(migration.folderMillis));
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    }
    return { applied };
  });
}

export interface SchemaStatus {
  current: boolean;
  applied: number;
  expected: number;
}

/** Whether every migration in drizzle/ has been applied (read-only; for app start on a server database). */
export async function schemaStatus(handle: DbHandle): Promise<SchemaStatus> {
  const entries = journalEntries();
  let recorded = new Set<number>();
  try {
    const result = await handle.db.execute(sql`select created_at from drizzle.__drizzle_migrations`);
    recorded = new Set((result as unknown as { rows: { created_at: string | number }[] }).rows.map((r) => Number(r.created_at)));
  } catch (error) {
    // 42P01 undefined_table / 3F000 invalid_schema_name: nothing applied yet.
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "42P01" && code !== "3F000") throw error;
  }
  const applied = entries.filter((e) => recorded.has(e.when)).length;
  return { current: applied === entries.length, applied, expected: entries.length };
}

export class SchemaNotCurrentError extends Error {
  readonly status = 503;
  constructor(readonly schema: SchemaStatus) {
    super(
      `The database schema is not current (${schema.applied} of ${schema.expected} migrations applied). ` +
        "Run `npm run db:migrate` against this DATABASE_URL (the Vercel build runs it before `next build`), then retry.",
    );
    this.name = "SchemaNotCurrentError";
  }
}
