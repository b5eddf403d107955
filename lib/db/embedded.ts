// Opening an embedded data folder from any process (app, CLI, test): connect to its
// owner's recorded address when it is served (npm start), open PGlite directly under
// the folder's lock when nobody holds it, and stop at once with a clear error when a
// live process holds it that cannot be reached. A stale lock (owner killed) is taken over.
import net from "node:net";
import { acquireDataFolderLock, DataFolderLockedError, holderIsAlive, readLock, type DataFolderLockRecord } from "./data-folder-lock";

/** How long an opener waits for an owner that is still starting (opening PGlite, migrating) to serve. */
const OWNER_START_WAIT_MS = 120_000;

export type EmbeddedOpening =
  | { mode: "served"; url: string; holder: DataFolderLockRecord }
  | { mode: "direct"; release: () => void; tookOverFrom?: DataFolderLockRecord };

/** True when something answers the PostgreSQL protocol at host:port within `timeoutMs`. */
export async function probeAddress(address: string, timeoutMs = 3_000): Promise<boolean> {
  const [host, port] = address.split(/:(?=\d+$)/);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => {
      // SSLRequest: a PostgreSQL server answers one byte, 'S' or 'N'.
      socket.write(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
    });
    socket.once("data", (data) => done(data[0] === 0x4e || data[0] === 0x53));
  });
}

/**
 * Decides how this process reaches the folder's database. `role` names this process in
 * the lock (shown to others in the lock error).
 */
export async function resolveEmbeddedFolder(folder: string, role: string): Promise<EmbeddedOpening> {
  const taken = acquireDataFolderLock(folder, role);
  if ("acquired" in taken) {
    const lock = taken.acquired;
    const onExit = () => lock.release();
    process.once("exit", onExit);
    return {
      mode: "direct",
      tookOverFrom: taken.tookOverFrom,
      release: () => {
        process.off("exit", onExit);
        lock.release();
      },
    };
  }
  let holder = taken.heldBy;
  const deadline = Date.now() + OWNER_START_WAIT_MS;
  while (holder.serves && !holder.address && holderIsAlive(holder) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = readLock(folder);
    if (!current) return resolveEmbeddedFolder(folder, role); // it stopped: try again
    holder = current;
  }
  if (!holderIsAlive(holder)) return resolveEmbeddedFolder(folder, role); // died while starting: take over
  if (holder.serves && !holder.address) throw new DataFolderLockedError(folder, holder, "which has not started serving it");
  if (!holder.address) throw new DataFolderLockedError(folder, holder, "which opened the database itself and does not share it");
  if (!(await probeAddress(holder.address)))
    throw new DataFolderLockedError(folder, holder, "which does not answer on the database protocol");
  return { mode: "served", url: embeddedServerUrl(holder.address), holder };
}

export function embeddedServerUrl(address: string): string {
  const [host, port] = address.split(/:(?=\d+$)/);
  return `postgres://postgres:postgres@${host}:${port}/postgres`;
}
