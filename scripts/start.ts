// `npm start`: brings up the whole product on embedded defaults. Builds the app when
// needed, starts the gpu-function (unless GPU_FUNCTION_URL points at one elsewhere),
// waits for it, starts `next start` wired to it, prints both URLs, and stops
// everything cleanly on Ctrl-C. The helpers are exported for the e2e setup.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
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
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`))));
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

export function startGpuFunction(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(BIN, "tsx"), [path.join(ROOT, "gpu-function", "server.ts")], { cwd: ROOT, env, stdio: "inherit" });
}

export function startNext(port: string, host: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(BIN, "next"), ["start", "-p", port, "-H", host], { cwd: ROOT, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
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
  env.GPU_FUNCTION_TOKEN ||= crypto.randomBytes(24).toString("hex");
  env.GPU_FUNCTION_URL ||= `http://127.0.0.1:${gpuPort}`;
  env.GPU_FUNCTION_PORT = gpuPort;
  // Fine-tuning jobs and their adapters live next to the app's data, so they survive a restart.
  env.FINE_TUNING_DIR ||= path.join(path.resolve(ROOT, env.MEDCHAT_DATA_DIR || ".data"), "fine-tuning");

  let gpu: ChildProcess | undefined;
  let app: ChildProcess | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("[start] stopping…");
    await Promise.all([stopChild(app), stopChild(gpu)]);
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  try {
    if (!external) {
      console.log(`[start] starting the gpu-function on ${env.GPU_FUNCTION_URL}`);
      gpu = startGpuFunction(env);
    }
    // The build and the gpu-function start-up (model load) overlap.
    await buildAppIfNeeded(env);
    if (gpu) await waitForHttp(`${env.GPU_FUNCTION_URL}/healthz`, { timeoutMs: 300_000, child: gpu, name: "the gpu-function" });
    app = startNext(port, host, env);
    await waitForHttp(`http://${host}:${port}/api/health`, { timeoutMs: 120_000, child: app, name: "the app" });
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
    return;
  }
  for (const [name, child] of [["the gpu-function", gpu], ["the app", app]] as const) {
    child?.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`})`);
      void stopAll(1);
    });
  }
  console.log("");
  console.log(`  MedChat app:   http://${host}:${port}`);
  console.log(`  gpu-function:  ${env.GPU_FUNCTION_URL}${external ? " (external)" : ""}`);
  console.log("  Press Ctrl-C to stop.");
  console.log("");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
