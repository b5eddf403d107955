// Process-wide database: created and migrated once per process (survives Next.js
// hot reloads through globalThis). On-disk PGlite can only be opened by one process.
import { createDb, type Db, type DbHandle, type DbOptions } from "./client";
import { migrateDb } from "./migrate";

export type { Db, DbHandle } from "./client";

const globalKey = Symbol.for("medchat.db");
type Holder = { [globalKey]?: Promise<DbHandle> };

export function getDbHandle(opts?: DbOptions): Promise<DbHandle> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    const pending = (async () => {
      const handle = await createDb(opts);
      await migrateDb(handle);
      return handle;
    })();
    // A failed open must not be cached forever: the next request retries.
    pending.catch(() => {
      if (holder[globalKey] === pending) delete holder[globalKey];
    });
    holder[globalKey] = pending;
  }
  return holder[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide database (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[globalKey];
  delete holder[globalKey];
  if (pending) await (await pending).close();
}
