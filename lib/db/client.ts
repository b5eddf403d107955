// One client factory for every deployment: PGlite (embedded default, persisted under
// MEDCHAT_DATA_DIR or in memory), Neon (serverless driver) or any Postgres via `pg`,
// chosen from DATABASE_URL. Every caller gets the same drizzle API.
import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "neon" | "pg";
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… / a Neon URL / "memory://" (in-memory PGlite). Empty → PGlite on disk. */
  url?: string;
  /** Folder for the embedded database (PGlite); default MEDCHAT_DATA_DIR or .data/. */
  dataDir?: string;
}

export function isNeonUrl(url: string): boolean {
  return /\.neon\.tech\b|neon\.build\b/.test(url) || url.startsWith("neon://");
}

export async function createDb(opts: DbOptions = {}): Promise<DbHandle> {
  const url = opts.url ?? process.env.DATABASE_URL ?? "";
  if (url && url !== "memory://" && !url.startsWith("pglite://")) {
    if (isNeonUrl(url)) {
      const { Pool } = await import("@neondatabase/serverless");
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      const pool = new Pool({ connectionString: url.replace(/^neon:\/\//, "postgres://") });
      return { db: drizzle(pool, { schema }) as unknown as Db, kind: "neon", close: () => pool.end() };
    }
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: url });
    return { db: drizzle(pool, { schema }) as unknown as Db, kind: "pg", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  const { drizzle } = await import("drizzle-orm/pglite");
  let dataDir: string | undefined;
  if (url !== "memory://") {
    const base = url.startsWith("pglite://") ? url.slice("pglite://".length) : (opts.dataDir ?? embeddedDataDir());
    dataDir = path.join(base, "pglite");
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite({ dataDir, extensions: { vector } });
  await client.waitReady;
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** Folder for embedded data (PGlite files, uploaded adapters): MEDCHAT_DATA_DIR, default .data/. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_DATA_DIR || ".data");
}
