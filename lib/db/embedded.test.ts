// The embedded data folder's owner rules with real processes: the lock file, a CLI
// reaching the recorded address, a live holder that cannot be reached (immediate clear
// error, nothing changed), a killed owner's stale lock taken over with its data, and
// concurrent connections whose big extended-query batches must not interleave.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { acquireDataFolderLock, DataFolderLockedError, LOCK_FILE, readLock } from "./data-folder-lock";
import { serveEmbeddedDatabase } from "./embedded-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const children: ChildProcess[] = [];
let dir: string;

function startOwner(folder: string, mode: "direct" | "serve"): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/db/folder-owner.test-helper.ts"), folder, mode], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("ready"));
      if (line) resolve({ child, line });
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.once("exit", (code) => reject(new Error(`owner exited ${code}: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-folder-"));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

describe("embedded data folder lock", () => {
  it("is taken atomically: one of two takers wins, the other sees the holder", () => {
    const first = acquireDataFolderLock(dir, "first");
    const second = acquireDataFolderLock(dir, "second");
    expect("acquired" in first).toBe(true);
    expect(second).toMatchObject({ heldBy: { pid: process.pid, role: "first", address: null } });
    if ("acquired" in first) first.acquired.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("a CLI on a served folder connects to the recorded address and sees the owner's data", async () => {
    const { line } = await startOwner(dir, "serve");
    const address = line.split(" ")[1];
    expect(readLock(dir)).toMatchObject({ address, role: "test database server" });
    const writer = await createDb({ dataDir: dir, role: "test cli" });
    expect(writer).toMatchObject({ kind: "pg", embedded: { folder: dir, mode: "served" } });
    await writer.db.execute(sql`insert into documents (id, source, title, checksum) values ('from-cli', 'test', 'From the CLI', 'x')`);
    await writer.close();
    const reader = await createDb({ dataDir: dir });
    const rows = await reader.db.execute(sql`select id from documents`);
    expect((rows as unknown as { rows: { id: string }[] }).rows).toEqual([{ id: "from-cli" }]);
    await reader.close();
  });

  it("a live holder that does not answer stops the opener at once with the folder and pid, changing nothing", async () => {
    // A process that is alive, and an address that accepts connections but never answers (a hung owner).
    const sleeper = spawn("sleep", ["60"]);
    children.push(sleeper);
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const address = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const lock = {
      pid: sleeper.pid,
      processStart: null,
      hostname: os.hostname(),
      address,
      serves: true,
      role: "hung owner",
      startedAt: "2026-01-01T00:00:00Z",
    };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(lock));
    const before = fs.readdirSync(dir);
    const started = Date.now();
    const error = await createDb({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    silent.close();
    expect(error).toBeInstanceOf(DataFolderLockedError);
    expect((error as Error).message).toContain(
      `The data folder ${dir} is in use by process ${sleeper.pid} (hung owner at ${address}), which does not answer`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fs.readdirSync(dir)).toEqual(before);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toEqual(lock);
  });

  it("a folder opened directly by a live process is refused; once that process is killed its stale lock is taken over and its data recovered", async () => {
    const { child } = await startOwner(dir, "direct");
    await expect(createDb({ dataDir: dir })).rejects.toThrow(
      /in use by process \d+ \(test direct owner\), which opened the database itself and does not share it/,
    );
    const stalePid = child.pid;
    await killed(child);
    expect(readLock(dir)?.pid).toBe(stalePid);
    const lines: string[] = [];
    const handle = await createDb({ dataDir: dir, role: "after the crash", log: (l) => lines.push(l) });
    expect(lines.join("\n")).toContain(`took over ${dir} from process ${stalePid}, which is gone`);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, role: "after the crash" });
    const rows = await handle.db.execute(sql`select id from documents`);
    expect((rows as unknown as { rows: { id: string }[] }).rows).toEqual([{ id: "written-before-kill" }]);
    await handle.close();
    expect(readLock(dir)).toBeNull();
  });
});

describe("embedded database server", () => {
  it("keeps each connection's extended-query batch whole under concurrent big inserts", async () => {
    const server = await serveEmbeddedDatabase({ folder: dir, log: () => {} });
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      await pool.query("create table t (id int primary key, v text)");
      // Big batches arrive in several TCP reads; small ones from other connections come in between.
      const big = "z".repeat(300_000);
      const wrong: string[] = [];
      await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          try {
            if (i % 4 === 0) {
              const r = await pool.query("insert into t values ($1, $2) returning id, length(v) as n", [i, big + i]);
              if (r.rows[0].id !== i || r.rows[0].n !== big.length + String(i).length) wrong.push(`insert ${i}`);
            } else {
              const r = await pool.query("select $1::text as b, $2::int as c", [`y${i}`, i]);
              if (r.rows[0].b !== `y${i}` || r.rows[0].c !== i) wrong.push(`select ${i}`);
            }
          } catch (error) {
            wrong.push(`${i}: ${(error as Error).message.slice(0, 80)}`);
          }
        }),
      );
      expect(wrong).toEqual([]);
      expect((await pool.query("select count(*)::int as n from t")).rows[0].n).toBe(30);
      // A transaction on one connection is not interleaved with another connection's statements.
      const a = await pool.connect();
      await a.query("begin");
      await a.query("insert into t values (1000, 'in tx')");
      const outside = pool.query("select count(*)::int as n from t where id = 1000");
      await a.query("rollback");
      a.release();
      expect((await outside).rows[0].n).toBe(0);
    } finally {
      await pool.end();
      expect(await server.close()).toEqual({ flushed: true });
    }
    expect(readLock(dir)).toBeNull();
  });
});
