// Process-wide database: created once per process (survives Next.js hot reloads through
// globalThis). The embedded database is migrated here; a server database (pg, Neon) is
// migrated by the release step `npm run db:migrate` and only checked here: while its
// schema is behind drizzle/, getDb() fails with SchemaNotCurrentError (503, naming the
// command) and re-checks on later calls, so the app recovers once the migration ran.
import { createDb, type Db, type DbHandle, type DbOptions } from "./client";
import { migrateDb, schemaStatus, SchemaNotCurrentError } from "./migrate";

export type { Db, DbHandle } from "./client";
export { SchemaNotCurrentError } from "./migrate";

const globalKey = Symbol.for("medchat.db");
/** proxy.ts reads this (no database import there) to answer 503 while the schema is behind. */
const schemaProblemKey = Symbol.for("medchat.db.schemaProblem");
type Holder = { [globalKey]?: Promise<DbHandle>; [schemaProblemKey]?: () => string | null };

const RECHECK_MS = 2_000;
let lastProblem: { message: string; at: number } | null = null;

function isServerDatabase(handle: DbHandle): boolean {
  return handle.kind !== "pglite" && !handle.embedded;
}

export function getDbHandle(opts?: DbOptions): Promise<DbHandle> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    const pending = (async () => {
      const handle = await createDb(opts);
      try {
        if (isServerDatabase(handle)) {
          const status = await schemaStatus(handle);
          if (!status.current) throw new SchemaNotCurrentError(status);
        } else {
          await migrateDb(handle);
        }
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
      return handle;
    })();
    // A failed open must not be cached forever: the next request retries.
    pending.then(
      () => (lastProblem = null),
      (error: unknown) => {
        if (holder[globalKey] === pending) delete holder[globalKey];
        lastProblem = error instanceof SchemaNotCurrentError ? { message: error.message, at: Date.now() } : null;
      },
    );
    holder[globalKey] = pending;
  }
  return holder[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * The schema problem to report now (null when none). Synchronous for proxy.ts; when the
 * last check is older than 2 s it starts a re-check in the background, so requests pass
 * again shortly after `npm run db:migrate` ran.
 */
export function currentSchemaProblem(): string | null {
  if (!lastProblem) return null;
  if (Date.now() - lastProblem.at >= RECHECK_MS) {
    lastProblem.at = Date.now();
    getDbHandle().catch(() => {});
  }
  return lastProblem.message;
}
(globalThis as Holder)[schemaProblemKey] = currentSchemaProblem;

/** Closes the process-wide database (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[globalKey];
  delete holder[globalKey];
  if (pending) await (await pending).close();
}
