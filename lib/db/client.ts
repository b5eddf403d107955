// One client factory for every deployment, chosen from DATABASE_URL: an embedded data
// folder (MEDCHAT_DATA_DIR; served by its owner under `npm start`, reached with `pg`, or
// opened directly with PGlite under the folder's lock), in-memory PGlite ("memory://"),
// Neon (serverless driver) or any Postgres via `pg`. Every caller gets the same drizzle API.
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool as PgPool } from "pg";
import type { PGlite } from "@electric-sql/pglite";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "neon" | "pg";
  /** For embedded data folders: whether this process owns it ("direct") or reaches its owner ("served"). */
  embedded?: { folder: string; mode: "direct" | "served" };
  /** Server databases: runs `fn` on one pooled connection (a session: advisory locks, migrations). */
  withSession<T>(fn: (client: SessionClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A single pooled connection of pg or Neon (both speak node-postgres's client API). */
export interface SessionClient {
  query(text: string): Promise<unknown>;
  release(): void;
}

interface ConnectablePool {
  connect(): Promise<SessionClient>;
}

function sessionRunner(pool: ConnectablePool): DbHandle["withSession"] {
  return async (fn) => {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
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
    if (isNeonUrl(url)) return neonHandle(url.replace(/^neon:\/\//, "postgres://"));
    return pgHandle(url);
  }
  if (url === "memory://") return pgliteHandle(null);
  if (process.env.VERCEL) throw new MissingDatabaseUrlError();
  const folder = url.startsWith("pglite://")
    ? path.resolve(/*turbopackIgnore: true*/ url.slice("pglite://".length))
    : opts.dataDir
      ? path.resolve(/*turbopackIgnore: true*/ opts.dataDir)
      : embeddedDataDir();
  const { resolveEmbeddedFolder } = await import("./embedded");
  const opening = await resolveEmbeddedFolder(folder, opts.role ?? processRole());
  if (opening.mode === "served") {
    const handle = await pgHandle(opening.url, 4);
    return { ...handle, embedded: { folder, mode: "served" } };
  }
  if (opening.tookOverFrom)
    (opts.log ?? console.error)(`[db] took over ${folder} from process ${opening.tookOverFrom.pid}, which is gone (stale lock)`);
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
  await attachToVercel(pool);
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "pg",
    withSession: sessionRunner(pool as unknown as ConnectablePool),
    close: () => pool.end(),
  };
}

/**
 * Neon's serverless driver over WebSockets (its Pool: the project needs transactions).
 * Node 20 has no global WebSocket, so `ws` is the constructor there. NEON_LOCAL_PROXY
 * (host:port of a Neon-style WebSocket proxy, e.g. local-neon-http-proxy or the tests'
 * helper) routes connections to a local Postgres without TLS, as Neon documents for local development.
 */
async function neonHandle(url: string): Promise<DbHandle> {
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  if (typeof globalThis.WebSocket === "undefined" && !neonConfig.webSocketConstructor) {
    const { default: WebSocket } = await import("ws");
    neonConfig.webSocketConstructor = WebSocket as unknown as typeof neonConfig.webSocketConstructor;
  }
  const localProxy = process.env.NEON_LOCAL_PROXY;
  if (localProxy) {
    neonConfig.wsProxy = () => `${localProxy}/v1`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url, max: 10, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000 });
  pool.on("error", (error: Error) => console.error(`[db] connection lost: ${error.message} (the next query reconnects)`));
  await attachToVercel(pool);
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "neon",
    withSession: sessionRunner(pool as unknown as ConnectablePool),
    close: () => pool.end(),
  };
}

/** On Vercel (Fluid compute), lets the platform close idle pool clients before an instance is suspended. */
async function attachToVercel(pool: object): Promise<void> {
  if (!process.env.VERCEL) return;
  const { attachDatabasePool } = await import("@vercel/functions");
  attachDatabasePool(pool as Parameters<typeof attachDatabasePool>[0]);
}

/** Thrown when the app runs on Vercel without a server database: an embedded one would live on an ephemeral disk. */
export class MissingDatabaseUrlError extends Error {
  constructor() {
    super(
      "DATABASE_URL is not set. On Vercel MedChat needs a server database (Neon's pooled connection string, or any Postgres with pgvector); the embedded database would be lost with the function's ephemeral filesystem. Set DATABASE_URL in the project's environment variables.",
    );
    this.name = "MissingDatabaseUrlError";
  }
}

async function pgliteHandle(folder: string | null): Promise<DbHandle> {
  const { openPglite } = await import("./pglite-open");
  return handleForPglite(await openPglite(folder));
}

/** A DbHandle over an open PGlite instance (closing the handle closes it). */
export async function handleForPglite(client: PGlite): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const withSession: DbHandle["withSession"] = (fn) =>
    // PGlite is one session already. The simple-query protocol (exec), as pg's client.query(text) uses.
    fn({
      query: async (text) => {
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
      release: () => {},
    });
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", withSession, close: () => client.close() };
}

function processRole(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : "node";
  return process.env.NEXT_RUNTIME ? "the MedChat app" : `${script} ${process.argv.slice(2, 4).join(" ")}`.trim();
}

/** Folder for embedded data (PGlite files, uploaded adapters): MEDCHAT_DATA_DIR, default .data/. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_DATA_DIR || ".data");
}
