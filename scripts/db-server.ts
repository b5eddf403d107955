// The embedded database server `npm start` runs first: owns MEDCHAT_DATA_DIR, serves
// it over the PostgreSQL protocol on MEDCHAT_DB_HOST:MEDCHAT_DB_PORT (0 = any free
// port) and records the address in the folder's lock file, where the app and the
// CLIs find it. SIGINT/SIGTERM (or its supervisor going away) flush and close it.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DataFolderLockedError } from "@/lib/db/data-folder-lock";
import { serveEmbeddedDatabase } from "@/lib/db/embedded-server";

async function main(): Promise<void> {
  const folder = path.resolve(process.env.MEDCHAT_DATA_DIR || ".data");
  let server;
  try {
    server = await serveEmbeddedDatabase({
      folder,
      host: process.env.MEDCHAT_DB_HOST || "127.0.0.1",
      port: Number(process.env.MEDCHAT_DB_PORT || 0),
      role: "npm start database server",
    });
  } catch (error) {
    console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    // 3 = the folder is held by someone else: the supervisor must not retry.
    process.exit(error instanceof DataFolderLockedError ? 3 : 1);
  }
  console.log(`[db] serving ${folder} on ${server.address} (pid ${process.pid})`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    const result = await server.close();
    if (result.flushed) console.log(`[db] ${why}: database flushed and closed (${folder})`);
    else
      console.error(
        `[db] ${why}: the database could NOT be flushed cleanly (${result.error}); PGlite recovers from its write-ahead log on the next start`,
      );
    process.exit(result.flushed ? 0 : 1);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // Under npm start the supervisor stops the app first and this last; if the supervisor
  // itself dies (kill -9), stop too instead of holding the folder forever.
  const parent = process.ppid;
  if (process.env.MEDCHAT_DB_SUPERVISED === "1") {
    setInterval(() => {
      if (process.ppid !== parent) void stop("supervisor gone");
    }, 1_000).unref();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
