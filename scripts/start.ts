// `npm start`: brings up the whole product on embedded defaults. Starts the embedded
// database server first (the one owner of MEDCHAT_DATA_DIR, unless DATABASE_URL names a
// server), builds the app when needed, starts the gpu-function (unless GPU_FUNCTION_URL
// points at one elsewhere), waits for it, starts `next start` wired to it, prints the
// URLs, restarts any of them that crashes (with back-off; the app keeps answering "model
// unavailable" while the gpu-function is down), and on Ctrl-C stops the app and the
// gpu-function first and the database last. The helpers are exported for the e2e setup.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { withHugePages } from "../gpu-function/runtime/huge-pages";
import { holderIsAlive, readLock } from "../lib/db/data-folder-lock";
import { probeAddress } from "../lib/db/embedded";
import { supervise, type Supervised } from "./supervise";

export const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const IGNORED_DIRS = new Set(["node_modules", ".next", ".data", "starter-kb"]);

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (IGNORED_DIRS.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when there is no production build or a source file changed after it. */
export function buildIsStale(root = ROOT): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function buildAppIfNeeded(env: NodeJS.ProcessEnv, log = console.log): Promise<void> {
  if (!buildIsStale()) return;
  log("[start] building the app (next build)…");
  await run(path.join(BIN, "next"), ["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
}

/** Polls a URL until it answers 2xx; fails early if `child` exits. */
export async function waitForHttp(url: string, opts: { timeoutMs: number; child?: ChildProcess; name: string }): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let exited: string | undefined;
  opts.child?.once("exit", (code, signal) => (exited = signal ?? `exit ${code}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${opts.name} stopped while starting (${exited})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${opts.name} did not answer ${url} within ${Math.round(opts.timeoutMs / 1000)} s`);
}

/** Runs a TypeScript entry point in one node process (no tsx wrapper), so the child's pid is the server's. */
function spawnTs(file: string, env: NodeJS.ProcessEnv, extra: { detached?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", file], { cwd: ROOT, env, stdio: "inherit", detached: extra.detached });
}

/** The gpu-function server, its weights in transparent huge pages (gpu-function/runtime/huge-pages.ts). */
export function startGpuFunction(env: NodeJS.ProcessEnv): ChildProcess {
  return spawnTs(path.join(ROOT, "gpu-function", "server.ts"), withHugePages(env));
}

/**
 * The embedded database server (scripts/db-server.ts). In its own process group, so the
 * terminal's Ctrl-C reaches the supervisor, which stops it last, after the app.
 */
export function startDbServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawnTs(path.join(ROOT, "scripts", "db-server.ts"), { ...env, MEDCHAT_DB_SUPERVISED: "1" }, { detached: true });
}

/** Waits until `child` serves the data folder (its address in the folder's lock answers). */
export async function waitForDbServer(folder: string, child: ChildProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once("exit", (code, signal) => (exited = signal ?? `exit ${code}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the database server stopped while starting (${exited})`);
    const lock = readLock(folder);
    if (lock && lock.pid === child.pid && lock.address && holderIsAlive(lock) && (await probeAddress(lock.address))) return lock.address;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the database server did not serve ${folder} within ${Math.round(timeoutMs / 1000)} s`);
}

/** A port that was free a moment ago (the database server keeps it across restarts). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function startNext(port: string, host: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(BIN, "next"), ["start", "-p", port, "-H", host], {
    cwd: ROOT,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
}

/** SIGTERM, then SIGKILL after `graceMs` if the process is still there. */
export function stopChild(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function loadDotEnv(): void {
  const file = path.join(ROOT, ".env");
  const load = (process as { loadEnvFile?: (p: string) => void }).loadEnvFile;
  if (fs.existsSync(file) && load) load(file);
}

async function main(): Promise<void> {
  loadDotEnv();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const port = env.PORT || "3000";
  // Not HOST: some shells export HOST as the machine name.
  const host = env.MEDCHAT_HOST || "127.0.0.1";
  const gpuPort = env.GPU_FUNCTION_PORT || "8000";
  const external = Boolean(env.GPU_FUNCTION_URL);
  const dataDir = path.resolve(ROOT, env.MEDCHAT_DATA_DIR || ".data");
  const embeddedDb = !env.DATABASE_URL;
  env.MEDCHAT_DATA_DIR = dataDir;
  const tokenGiven = Boolean(env.GPU_FUNCTION_TOKEN);
  env.GPU_FUNCTION_TOKEN ||= crypto.randomBytes(24).toString("hex");
  env.GPU_FUNCTION_URL ||= `http://127.0.0.1:${gpuPort}`;
  env.GPU_FUNCTION_PORT = gpuPort;
  // Fine-tuning jobs and their adapters live next to the app's data, so they survive a restart.
  env.FINE_TUNING_DIR ||= path.join(dataDir, "fine-tuning");
  // A gpu-function (re)started while the app runs pulls the promoted adapter from it.
  env.APP_URL ||= `http://${host}:${port}`;

  let db: Supervised | undefined;
  let gpu: Supervised | undefined;
  let app: Supervised | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("[start] stopping…");
    // The app first (it may still be saving answers), then the database.
    await Promise.all([app?.stop((c) => stopChild(c)), gpu?.stop((c) => stopChild(c))]);
    await db?.stop((c) => stopChild(c, 30_000));
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  const fatal = (name: string) => (code: number | null) => {
    console.error(`[start] ${name} cannot run (exit ${code}); stopping`);
    void stopAll(1);
  };

  try {
    if (embeddedDb) {
      env.MEDCHAT_DB_PORT ||= String(await freePort());
      console.log(`[start] starting the database server for ${dataDir}`);
      // Exit 3: the folder is held by another live process (e.g. a second npm start): not retried.
      db = supervise({
        name: "the database server",
        start: () => startDbServer(env),
        fatalExitCodes: [3],
        onFatal: fatal("the database server"),
      });
      await waitForDbServer(dataDir, db.child, 300_000);
    }
    if (!external) {
      console.log(`[start] starting the gpu-function on ${env.GPU_FUNCTION_URL}`);
      gpu = supervise({
        name: "the gpu-function",
        start: () => startGpuFunction(env),
        // The first restart waits this long (then doubles up to 30 s); tests lengthen it to observe the outage.
        initialBackoffMs: Number(env.GPU_FUNCTION_RESTART_DELAY_MS) || undefined,
        onStart: (child, attempt) => console.log(`[start] gpu-function pid ${child.pid}${attempt > 1 ? ` (restart ${attempt - 1})` : ""}`),
      });
    }
    // The build and the gpu-function start-up (model load) overlap.
    await buildAppIfNeeded(env);
    if (gpu) await waitForHttp(`${env.GPU_FUNCTION_URL}/healthz`, { timeoutMs: 300_000, child: gpu.child, name: "the gpu-function" });
    app = supervise({
      name: "the app",
      start: () => startNext(port, host, env),
      onStart: (child) => console.log(`[start] app pid ${child.pid}`),
    });
    await waitForHttp(`http://${host}:${port}/api/health`, { timeoutMs: 120_000, child: app.child, name: "the app" });
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
    return;
  }
  console.log("");
  console.log(`  MedChat app:   http://${host}:${port}`);
  console.log(`  gpu-function:  ${env.GPU_FUNCTION_URL}${external ? " (external)" : ""}`);
  // The README's gpu-function examples send $GPU_FUNCTION_TOKEN; a made-up one is never printed.
  if (!tokenGiven)
    console.log("                 (its token is random for this run: start with GPU_FUNCTION_TOKEN set to call it yourself)");
  if (embeddedDb) console.log(`  database:      ${dataDir} (served on 127.0.0.1:${env.MEDCHAT_DB_PORT} while npm start runs)`);
  console.log("  Press Ctrl-C to stop.");
  console.log("");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
