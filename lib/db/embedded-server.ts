// The one owner of an embedded data folder: PGlite (with pgvector) opened on the folder
// and served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, its
// address recorded in the folder's lock file. `npm start` runs this in its own process
// (scripts/db-server.ts) before the app, so restarting the app or the gpu-function does
// not take the database down; the app and every CLI connect with `pg`.
import path from "node:path";
import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { acquireDataFolderLock, DataFolderLockedError, type HeldLock } from "./data-folder-lock";
import { guardExtendedQueryBatches } from "./pglite-batch-guard";
import { embeddedServerUrl, probeAddress } from "./embedded";

export interface EmbeddedServerOptions {
  /** The data folder (MEDCHAT_DATA_DIR): the lock lives here, PGlite's files in <folder>/pglite. */
  folder: string;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  role?: string;
  /** Apply drizzle/ migrations before serving (default true). */
  migrate?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  address: string;
  url: string;
  folder: string;
  /** Stops serving, flushes and closes the database, releases the lock. Never throws: returns whether the flush succeeded. */
  close(): Promise<{ flushed: boolean; error?: string }>;
}

export function pgliteFolder(folder: string): string {
  return path.join(folder, "pglite");
}

export async function openPglite(folder: string | null): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  let dataDir: string | undefined;
  if (folder) {
    dataDir = pgliteFolder(folder);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite({ dataDir, extensions: { vector } });
  await client.waitReady;
  return client;
}

export async function serveEmbeddedDatabase(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const folder = path.resolve(opts.folder);
  const log = opts.log ?? ((line: string) => console.log(line));
  const taken = acquireDataFolderLock(folder, opts.role ?? "MedChat database server", { serves: true });
  if ("heldBy" in taken) {
    const holder = taken.heldBy;
    const reachable = holder.address ? await probeAddress(holder.address) : false;
    throw new DataFolderLockedError(folder, holder, reachable ? "which already serves this database (another npm start?)" : "which does not answer on the database protocol");
  }
  const lock: HeldLock = taken.acquired;
  if (taken.tookOverFrom) log(`[db] took over the data folder from process ${taken.tookOverFrom.pid}, which is gone (stale lock); recovering the database`);
  let pglite: PGlite | undefined;
  try {
    pglite = await openPglite(folder);
    if (opts.migrate !== false) {
      const { drizzle } = await import("drizzle-orm/pglite");
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      const { migrationsFolder } = await import("./migrate");
      await migrate(drizzle(pglite), { migrationsFolder: migrationsFolder() });
    }
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const server = new PGLiteSocketServer({
      db: guardExtendedQueryBatches(pglite),
      host: opts.host ?? "127.0.0.1",
      port: opts.port ?? 0,
      maxConnections: 100,
    });
    await server.start();
    const address = server.getServerConn();
    lock.setAddress(address);
    const db = pglite;
    let closing: Promise<{ flushed: boolean; error?: string }> | undefined;
    return {
      address,
      url: embeddedServerUrl(address),
      folder,
      close() {
        closing ??= (async () => {
          try {
            await server.stop();
            await db.close();
            return { flushed: true };
          } catch (error) {
            return { flushed: false, error: error instanceof Error ? error.message : String(error) };
          } finally {
            lock.release();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => {});
    lock.release();
    throw error;
  }
}
