// `npm run check:deploy`: builds the app as Vercel would (`vercel build`, offline, Vercel
// CLI pinned as a dev dependency; the build command's `npm run db:migrate` runs against a
// throw-away PGlite server) and checks the output: every function under 250 MB unzipped,
// no onnxruntime-node in an app function, `maxDuration` on the streaming routes, and a
// vercel.json cron entry for every scheduled route (app/api/cron/*).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openPglite } from "@/lib/db/pglite-open";
import { servePglite } from "@/lib/db/embedded-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUTPUT = path.join(ROOT, ".vercel", "output");
const LIMIT_BYTES = 250 * 1024 * 1024;
const STREAMING_ROUTES = ["api/chat", "api/v1/chat/completions"];

/** Unzipped size of a function: its files, symlinks followed, each counted once. */
function functionSize(dir: string, seen = new Set<string>()): { bytes: number; files: string[] } {
  let bytes = 0;
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir)) {
    const full = path.join(dir, entry);
    const real = fs.realpathSync(full);
    if (seen.has(real)) continue;
    seen.add(real);
    const stat = fs.statSync(real);
    if (stat.isDirectory()) {
      const inner = functionSize(full, seen);
      bytes += inner.bytes;
      files.push(...inner.files);
    } else {
      bytes += stat.size;
      files.push(full);
    }
  }
  return { bytes, files };
}

/**
 * A function's own files plus those its .vc-config.json maps in from the project
 * (filePathMap: path in the function → path in the project), as Vercel uploads them.
 */
function functionWithMappedFiles(dir: string): { bytes: number; files: string[] } {
  const own = functionSize(dir);
  const config = JSON.parse(fs.readFileSync(path.join(dir, ".vc-config.json"), "utf8")) as { filePathMap?: Record<string, string> };
  let bytes = own.bytes;
  const files = [...own.files];
  for (const [inFunction, inProject] of Object.entries(config.filePathMap ?? {})) {
    const full = path.resolve(ROOT, inProject);
    if (fs.existsSync(full)) bytes += fs.statSync(full).size;
    files.push(path.join(dir, inFunction));
  }
  return { bytes, files };
}

function functionDirs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name.endsWith(".func")) {
      if (!fs.lstatSync(full).isSymbolicLink()) out.push(full);
    } else if (entry.isDirectory()) out.push(...functionDirs(full));
  }
  return out;
}

function cronRoutes(): string[] {
  const dir = path.join(ROOT, "app", "api", "cron");
  if (!fs.existsSync(dir)) return [];
  const routes: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/^route\.tsx?$/.test(e.name)) routes.push(`/${path.relative(path.join(ROOT, "app"), d).split(path.sep).join("/")}`);
    }
  };
  walk(dir);
  return routes;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

/** `vercel build` with the build command's `npm run db:migrate` pointed at a throw-away PGlite server. */
async function vercelBuild(): Promise<void> {
  const pglite = await openPglite(null);
  const server = await servePglite(pglite);
  try {
    await run(path.join(ROOT, "node_modules", ".bin", "vercel"), ["build", "--yes"], {
      ...process.env,
      DATABASE_URL: `postgres://postgres:postgres@${server.address}/postgres`,
      NEXT_TELEMETRY_DISABLED: "1",
      VERCEL_TELEMETRY_DISABLED: "1",
    });
  } finally {
    await server.stop();
    await pglite.close();
  }
}

async function main(): Promise<void> {
  const projectFile = path.join(ROOT, ".vercel", "project.json");
  if (!fs.existsSync(projectFile)) {
    // What `vercel pull` would write; offline there is no project to pull from.
    fs.mkdirSync(path.dirname(projectFile), { recursive: true });
    fs.writeFileSync(
      projectFile,
      JSON.stringify(
        { projectId: "prj_medchat_check", orgId: "team_medchat_check", settings: { framework: "nextjs", nodeVersion: "22.x" } },
        null,
        2,
      ),
    );
  }
  const failures: string[] = [];
  // --skip-build re-checks the last .vercel/output without building again.
  if (!process.argv.includes("--skip-build")) await vercelBuild();

  const functionsDir = path.join(OUTPUT, "functions");
  const funcs = functionDirs(functionsDir);
  if (funcs.length === 0) failures.push("vercel build produced no functions");
  let largest = { name: "", bytes: 0 };
  for (const dir of funcs) {
    const name = path.relative(functionsDir, dir).replace(/\.func$/, "");
    const { bytes, files } = functionWithMappedFiles(dir);
    if (bytes > largest.bytes) largest = { name, bytes };
    if (bytes > LIMIT_BYTES) failures.push(`${name}: ${(bytes / 2 ** 20).toFixed(1)} MB unzipped (limit 250 MB)`);
    const onnx = files.find((f) => f.includes(`${path.sep}onnxruntime-node${path.sep}`));
    if (onnx) failures.push(`${name} carries onnxruntime-node (${path.relative(dir, onnx)}): the app must not bundle the model runtime`);
  }
  for (const route of STREAMING_ROUTES) {
    const config = path.join(functionsDir, `${route}.func`, ".vc-config.json");
    const real = fs.existsSync(config) ? fs.realpathSync(config) : null;
    const maxDuration = real ? (JSON.parse(fs.readFileSync(real, "utf8")) as { maxDuration?: number }).maxDuration : undefined;
    if (!maxDuration) failures.push(`${route}: no maxDuration in its function config (streams would be cut at the platform default)`);
  }
  const vercelJson = JSON.parse(fs.readFileSync(path.join(ROOT, "vercel.json"), "utf8")) as { crons?: { path: string }[] };
  for (const route of cronRoutes()) {
    if (!vercelJson.crons?.some((c) => c.path.split("?")[0] === route)) failures.push(`${route} has no cron entry in vercel.json`);
  }

  console.log(
    `check:deploy: ${funcs.length} functions; largest ${largest.name} ${(largest.bytes / 2 ** 20).toFixed(1)} MB unzipped; cron routes: ${cronRoutes().join(", ") || "none"}`,
  );
  if (failures.length) {
    for (const f of failures) console.error(`check:deploy: ${f}`);
    process.exitCode = 1;
  } else console.log("check:deploy: ok");
}

main().catch((error: unknown) => {
  console.error(`check:deploy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
