// The one owner of an embedded data folder: PGlite (with pgvector) opened on the folder
// and served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, its
// address recorded in the folder's lock file. `npm start` runs this in its own process
// (scripts/db-server.ts) before the app, so restarting the app or the gpu-function does
// not take the database down; the app and every CLI connect with `pg`.
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { acquireDataFolderLock, DataFolderLockedError, type HeldLock } from "./data-folder-lock";
import { guardExtendedQueryBatches } from "./pglite-batch-guard";
import { embeddedServerUrl, probeAddress } from "./embedded";
import { openPglite } from "./pglite-open";

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

export async function serveEmbeddedDatabase(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const folder = path.resolve(opts.folder);
  const log = opts.log ?? ((line: string) => console.log(line));
  const taken = acquireDataFolderLock(folder, opts.role ?? "MedChat database server", { serves: true });
  if ("heldBy" in taken) {
    const holder = taken.heldBy;
    const reachable = holder.address ? await probeAddress(holder.address) : false;
    throw new DataFolderLockedError(
      folder,
      holder,
      reachable ? "which already serves this database (another npm start?)" : "which does not answer on the database protocol",
    );
  }
  const lock: HeldLock = taken.acquired;
  if (taken.tookOverFrom)
    log(`[db] took over the data folder from process ${taken.tookOverFrom.pid}, which is gone (stale lock); recovering the database`);
  let pglite: PGlite | undefined;
  try {
    pglite = await openPglite(folder);
    if (opts.migrate !== false) {
      const { handleForPglite } = await import("./client");
      const { migrateDb } = await import("./migrate");
      const { applied } = await migrateDb(await handleForPglite(pglite));
      if (applied.length) log(`[db] applied migrations: ${applied.join(", ")}`);
    }
    const server = await servePglite(pglite, { host: opts.host, port: opts.port });
    const address = server.address;
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

/** Serves an open PGlite over the PostgreSQL protocol (pglite-socket's multiplexer, batches kept whole). */
export async function servePglite(
  pglite: PGlite,
  opts: { host?: string; port?: number } = {},
): Promise<{ address: string; stop(): Promise<void> }> {
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const server = new PGLiteSocketServer({
    db: guardExtendedQueryBatches(pglite),
    host: opts.host ?? "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: 100,
  });
  await server.start();
  return { address: server.getServerConn(), stop: () => server.stop() };
}
