// A separate process that owns an embedded data folder, for the lock tests: opens it
// directly ("direct", like a CLI) or serves it ("serve", like npm start's database
// server), writes one row, prints "ready" and waits to be killed.
//   node --import tsx lib/db/folder-owner.test-helper.ts <folder> direct|serve
import { sql } from "drizzle-orm";
import { createDb } from "./client";
import { serveEmbeddedDatabase } from "./embedded-server";
import { migrateDb } from "./migrate";

const [folder, mode] = process.argv.slice(2);
if (mode === "serve") {
  const server = await serveEmbeddedDatabase({ folder, role: "test database server", log: () => {} });
  console.log(`ready ${server.address}`);
} else {
  const handle = await createDb({ dataDir: folder, role: "test direct owner" });
  await migrateDb(handle);
  await handle.db.execute(
    sql`insert into documents (id, source, title, checksum) values ('written-before-kill', 'test', 'Before the kill', 'x')`,
  );
  console.log("ready");
}
setInterval(() => {}, 60_000);
