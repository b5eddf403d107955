// Applies the committed SQL migrations in drizzle/ (whatever drizzle/meta/_journal.json
// lists). On a server database (pg, Neon) this is a release step, `npm run db:migrate`,
// run under a Postgres advisory lock so concurrent runs wait for each other instead of
// failing on each other's half-applied changes; app instances only check that the schema
// is current (schemaStatus). The embedded database keeps migrating at start.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

/** Arbitrary 64-bit key for pg_advisory_lock, shared by every MedChat migrator ("medchat_migrate"). */
export const MIGRATION_LOCK_KEY = 0x6d6564636861n; // "medcha"

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_MIGRATIONS_DIR || path.join(process.cwd(), "drizzle"));
}

interface JournalEntry {
  tag: string;
  when: number;
}

export function journalEntries(folder = migrationsFolder()): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  const migrationsFolderPath = migrationsFolder();
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
    return;
  }
  // One session holds the advisory lock and runs the migrations: drizzle over that one client.
  await handle.withSession(async (client) => {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      if (handle.kind === "neon") {
        const { drizzle } = await import("drizzle-orm/neon-serverless");
        const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
        await migrate(drizzle(client as never), { migrationsFolder: migrationsFolderPath });
      } else {
        const { drizzle } = await import("drizzle-orm/node-postgres");
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(drizzle(client as never), { migrationsFolder: migrationsFolderPath });
      }
    } finally {
      await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
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
  const expected = entries.length;
  const newest = Math.max(0, ...entries.map((e) => e.when));
  let applied = 0;
  let newestApplied = 0;
  try {
    const result = await handle.db.execute(sql`select count(*)::int as n, coalesce(max(created_at), 0)::bigint as newest from drizzle.__drizzle_migrations`);
    const row = (result as unknown as { rows: { n: number; newest: string | number }[] }).rows[0];
    applied = Number(row.n);
    newestApplied = Number(row.newest);
  } catch (error) {
    // 42P01 undefined_table / 3F000 invalid_schema_name: nothing applied yet.
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "42P01" && code !== "3F000") throw error;
  }
  return { current: newestApplied >= newest && applied >= expected, applied, expected };
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
