// The owner record of an embedded data folder: `<folder>/medchat.lock`, JSON with the
// owner's process id, its start time (so a reused pid is not mistaken for the owner)
// and, when it serves the database, its address. Taken atomically (O_EXCL); a lock whose
// process is gone is stale and is taken over under a short-lived takeover lock, so two
// openers racing for a stale lock cannot both win.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "medchat.lock";
const TAKEOVER_FILE = "medchat.lock.takeover";
/** A takeover file older than this was left by a process that died mid-takeover. */
const TAKEOVER_STALE_MS = 10_000;

export interface DataFolderLockRecord {
  pid: number;
  /** Process start time from /proc (Linux), to tell a reused pid from the owner. */
  processStart: string | null;
  hostname: string;
  /** host:port where the owner serves the database over the Postgres protocol; null when it does not. */
  address: string | null;
  /** True for an owner that will serve the database (its address appears once it is ready). */
  serves: boolean;
  /** What holds it, for error messages ("npm start database server", "npm run kb", …). */
  role: string;
  startedAt: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: DataFolderLockRecord,
    reason: string,
  ) {
    super(
      `The data folder ${folder} is in use by process ${holder.pid} (${holder.role}${holder.address ? ` at ${holder.address}` : ""}), ${reason}. ` +
        `Nothing was changed. Wait for it to finish or stop it (kill ${holder.pid}), or point MEDCHAT_DATA_DIR at another folder.`,
    );
    this.name = "DataFolderLockedError";
  }
}

export function lockPath(folder: string): string {
  return path.join(folder, LOCK_FILE);
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) counted after the parenthesised command name, which may contain spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** True when the process that wrote `record` is still running on this machine. */
export function holderIsAlive(record: DataFolderLockRecord): boolean {
  if (record.hostname !== os.hostname()) return true; // cannot tell: assume it is
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStartTime(record.pid);
  return !(record.processStart && start && start !== record.processStart);
}

export function readLock(folder: string): DataFolderLockRecord | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath(folder), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const record = JSON.parse(text) as DataFolderLockRecord;
    if (Number.isInteger(record.pid) && record.pid > 0) return record;
  } catch {
    // A torn write: the writer died between create and write (O_EXCL create, then write).
  }
  return { pid: 0, processStart: null, hostname: os.hostname(), address: null, serves: false, role: "unreadable lock", startedAt: "" };
}

function writeExclusive(file: string, record: DataFolderLockRecord): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    fs.writeSync(fd, JSON.stringify(record, null, 2) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

export interface HeldLock {
  folder: string;
  record: DataFolderLockRecord;
  /** Records the address the owner now serves on (atomic replace of the lock file). */
  setAddress(address: string | null): void;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

export type AcquireResult = { acquired: HeldLock; tookOverFrom?: DataFolderLockRecord } | { heldBy: DataFolderLockRecord };

/**
 * Takes the folder's lock for this process, taking over a stale one. Returns the live
 * holder instead when another running process has it (the caller decides: connect or refuse).
 */
export function acquireDataFolderLock(folder: string, role: string, opts: { serves?: boolean } = {}): AcquireResult {
  fs.mkdirSync(folder, { recursive: true });
  const record: DataFolderLockRecord = {
    pid: process.pid,
    processStart: processStartTime(process.pid),
    hostname: os.hostname(),
    address: null,
    serves: opts.serves ?? false,
    role,
    startedAt: new Date().toISOString(),
  };
  const file = lockPath(folder);
  let tookOverFrom: DataFolderLockRecord | undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (writeExclusive(file, record)) return { acquired: heldLock(folder, record), tookOverFrom };
    const current = readLock(folder);
    if (!current) continue; // released meanwhile
    if (current.pid !== 0 && holderIsAlive(current)) return { heldBy: current };
    if (current.pid === 0 && Date.now() - fs.statSync(file).mtimeMs < TAKEOVER_STALE_MS) {
      // Possibly being written right now: give the writer a moment.
      sleepSync(20);
      continue;
    }
    if (takeOverStale(folder, current)) tookOverFrom = current;
  }
  throw new Error(`could not take the lock of ${folder}: it keeps changing hands`);
}

/** Removes a stale lock under the takeover lock; true when this call removed it. */
function takeOverStale(folder: string, stale: DataFolderLockRecord): boolean {
  const takeover = path.join(folder, TAKEOVER_FILE);
  try {
    if (Date.now() - fs.statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(takeover, { force: true });
  } catch {
    // No takeover in progress.
  }
  const mine = { ...stale, pid: process.pid, role: "takeover", startedAt: new Date().toISOString() };
  if (!writeExclusive(takeover, mine)) {
    sleepSync(20);
    return false;
  }
  try {
    const again = readLock(folder);
    // Still the same stale record (nobody took it over between our read and our takeover lock)?
    if (again && again.pid === stale.pid && again.startedAt === stale.startedAt) {
      fs.rmSync(lockPath(folder), { force: true });
      return true;
    }
    return false;
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

function heldLock(folder: string, initial: DataFolderLockRecord): HeldLock {
  let record = initial;
  const file = lockPath(folder);
  const isStillOurs = () => {
    const current = readLock(folder);
    return current !== null && current.pid === record.pid && current.startedAt === record.startedAt;
  };
  return {
    folder,
    get record() {
      return record;
    },
    setAddress(address) {
      record = { ...record, address };
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(record, null, 2) + "\n");
      const fd = fs.openSync(tmp, "r");
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, file);
    },
    release() {
      if (isStillOurs()) fs.rmSync(file, { force: true });
    },
  };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
