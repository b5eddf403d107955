// One in-memory PGlite served over the Postgres wire protocol (@electric-sql/pglite-socket)
// so several `pg` pools — several app instances — share one database in a test. The
// database is wrapped in lib/db's extended-query batch guard, as `npm start`'s embedded
// server is, so concurrent connections cannot interleave inside each other's batches.
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { guardExtendedQueryBatches } from "@/lib/db/pglite-batch-guard";

export interface SharedPglite {
  url: string;
  close(): Promise<void>;
}

export async function startSharedPglite(maxConnections = 64): Promise<SharedPglite> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db: guardExtendedQueryBatches(db), host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
