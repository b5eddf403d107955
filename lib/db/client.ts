// One client factory for every deployment, chosen from DATABASE_URL: an embedded data
// folder (MEDCHAT_DATA_DIR; served by its owner under `npm start`, reached with `pg`, or
// opened directly with PGlite under the folder's lock), in-memory PGlite ("memory://"),
// Neon (serverless driver) or any Postgres via `pg`. Every caller gets the same drizzle API.
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool as PgPool } from "pg";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "neon" | "pg";
  /** For embedded data folders: whether this process owns it ("direct") or reaches its owner ("served"). */
  embedded?: { folder: string; mode: "direct" | "served" };
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… / a Neon URL / "memory://" (in-memory PGlite) / "pglite://<folder>". Empty → the embedded data folder. */
  url?: string;
  /** Folder for the embedded database; default MEDCHAT_DATA_DIR or .data/. */
  dataDir?: string;
  /** Names this process in the folder's lock (shown to others when they find it busy). */
  role?: string;
  /** Log line sink for notable events (stale lock taken over). */
  log?: (line: string) => void;
}

export function isNeonUrl(url: string): boolean {
  return /\.neon\.tech\b|neon\.build\b/.test(url) || url.startsWith("neon://");
}

/** node-postgres pool with the hygiene a long-lived or serverless process needs. */
export async function createPgPool(connectionString: string, opts: { max?: number } = {}): Promise<PgPool> {
  const { Pool } = await import("pg");
  const pool = new Pool({ connectionString, max: opts.max ?? 10, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000 });
  // An idle client whose server went away (restart, owner stopped) emits `error` on the pool;
  // without a listener that is an uncaught exception. The next query reconnects.
  pool.on("error", (error) => console.error(`[db] connection lost: ${error.message} (the next query reconnects)`));
  return pool;
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
    return pgHandle(url);
  }
  if (url === "memory://") return pgliteHandle(null);
  const folder = url.startsWith("pglite://") ? path.resolve(url.slice("pglite://".length)) : (opts.dataDir ? path.resolve(opts.dataDir) : embeddedDataDir());
  const { resolveEmbeddedFolder } = await import("./embedded");
  const opening = await resolveEmbeddedFolder(folder, opts.role ?? processRole());
  if (opening.mode === "served") {
    const handle = await pgHandle(opening.url, 4);
    return { ...handle, embedded: { folder, mode: "served" } };
  }
  if (opening.tookOverFrom) (opts.log ?? console.error)(`[db] took over ${folder} from process ${opening.tookOverFrom.pid}, which is gone (stale lock)`);
  try {
    const handle = await pgliteHandle(folder);
    return {
      ...handle,
      embedded: { folder, mode: "direct" },
      close: async () => {
        try {
          await handle.close();
        } finally {
          opening.release();
        }
      },
    };
  } catch (error) {
    opening.release();
    throw error;
  }
}

async function pgHandle(url: string, max?: number): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = await createPgPool(url, { max });
  return { db: drizzle(pool, { schema }) as unknown as Db, kind: "pg", close: () => pool.end() };
}

async function pgliteHandle(folder: string | null): Promise<DbHandle> {
  const { openPglite } = await import("./embedded-server");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await openPglite(folder);
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

function processRole(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : "node";
  return process.env.NEXT_RUNTIME ? "the MedChat app" : `${script} ${process.argv.slice(2, 4).join(" ")}`.trim();
}

/** Folder for embedded data (PGlite files, uploaded adapters): MEDCHAT_DATA_DIR, default .data/. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_DATA_DIR || ".data");
}
