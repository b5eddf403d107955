// One in-memory PGlite served over the Postgres wire protocol (@electric-sql/pglite-socket)
// so several `pg` pools — several app instances — share one database in a test.
//
// pglite-socket 0.2.17 multiplexes connections per protocol MESSAGE and keeps a connection
// to itself only inside an explicit transaction. node-postgres sends every parameterized
// query as Parse/Bind/Describe/Execute/Sync, so another connection's Bind could replace
// the unnamed portal in between ("portal "" does not exist"). The shim below makes the
// server's queue treat an open extended-protocol batch like a transaction: the connection
// keeps the database until its Sync.
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q' (simple query: a batch of its own)
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

export function holdExtendedBatches(db: PGlite): void {
  let batchOpen = false;
  const exec = db.execProtocolRawStream.bind(db);
  const inTransaction = db.isInTransaction.bind(db);
  db.execProtocolRawStream = (message, options) => {
    const type = message[0];
    if (type === SYNC || type === QUERY) batchOpen = false;
    else if (type !== undefined && EXTENDED.has(type)) batchOpen = true;
    return exec(message, options);
  };
  db.isInTransaction = () => batchOpen || inTransaction();
}

export interface SharedPglite {
  url: string;
  db: PGlite;
  close(): Promise<void>;
}

export async function startSharedPglite(maxConnections = 64): Promise<SharedPglite> {
  const db = await PGlite.create({ extensions: { vector } });
  holdExtendedBatches(db);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    db,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
