// How every command-line tool opens the database: the same factory as the app (an
// embedded folder served by `npm start` is reached over the wire, one nobody holds is
// opened directly under its lock), migrated, and closed cleanly on Ctrl-C so a direct
// PGlite owner flushes before it exits.
import { createDb, type DbHandle, type DbOptions } from "./client";
import { migrateDb } from "./migrate";

export async function openDatabaseForCli(role: string, opts: Omit<DbOptions, "role"> = {}): Promise<DbHandle> {
  const handle = await createDb({ ...opts, role });
  try {
    await migrateDb(handle);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  let closed = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closed) return;
    closed = true;
    void handle.close().then(
      () => {
        if (handle.embedded?.mode === "direct") console.error(`[db] ${signal}: database flushed and closed (${handle.embedded.folder})`);
        process.exit(130);
      },
      (error: unknown) => {
        console.error(`[db] ${signal}: the database could not be flushed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    ...handle,
    close: async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
