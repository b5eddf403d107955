// pglite-socket's multiplexer runs the messages of all connections one at a time on
// the one PGlite session, and keeps other connections out only while PGlite reports an
// open transaction. An extended-query batch (Parse/Bind/Describe/Execute … Sync) is not
// a transaction, so when a big batch (an ingestion insert with embeddings) reaches the
// server in several TCP reads, another connection's Parse could run between this one's
// Parse and Bind and the Bind would bind the other statement (reproduced: wrong rows and
// "invalid input syntax" errors under concurrent load; lib/db/embedded-server.test.ts).
// This wrapper reports "in transaction" from the first message of a batch until its Sync,
// so the multiplexer keeps the batch's connection in charge until the batch is complete.
import type { PGlite } from "@electric-sql/pglite";

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q' (simple query: a batch of its own)
const TERMINATE = 0x58; // 'X'
const FLUSH = 0x48; // 'H' (the client waits for the replies so far)
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

type RawStreamOptions = Parameters<PGlite["execProtocolRawStream"]>[1];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Also runs each batch as ONE call into PGlite (its messages are held until the Sync or
 * Flush that ends it; a client sends the whole batch before reading replies), instead of
 * one call and one file-system sync per message.
 */
export function guardExtendedQueryBatches(db: PGlite): PGlite {
  let batchOpen = false;
  let held: Uint8Array[] = [];
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (prop === "execProtocolRawStream") {
        return async (message: Uint8Array, options: RawStreamOptions) => {
          const type = message[0];
          // Startup (type byte 0), Sync, simple Query and Terminate end a batch; Flush runs what is held.
          if (type !== 0 && type !== SYNC && type !== QUERY && type !== TERMINATE && type !== FLUSH) {
            held.push(message);
            batchOpen = true;
            return;
          }
          const batch = held.length ? concat([...held, message]) : message;
          held = [];
          batchOpen = type === FLUSH;
          return target.execProtocolRawStream(batch, options);
        };
      }
      if (prop === "exec") {
        // The multiplexer rolls back a disconnected client's transaction with exec("ROLLBACK"):
        // first drop its unfinished batch and end it, so the rollback does not run inside it.
        return async (query: string, ...rest: unknown[]) => {
          if (batchOpen) {
            batchOpen = false;
            held = [];
            await target.execProtocolRaw(SYNC_MESSAGE);
            if (!target.isInTransaction() && /^\s*rollback\s*;?\s*$/i.test(query)) return [];
          }
          return (target.exec as (q: string, ...r: unknown[]) => unknown)(query, ...rest);
        };
      }
      // Read with the target as receiver: PGlite's getters use private fields.
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
