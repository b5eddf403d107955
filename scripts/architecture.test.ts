// `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs over the real tree.
// This runs the same rules over scripts/architecture-fixture/, a tiny tree that breaks
// them on purpose, and checks that each break is reported (and that lint's reporter fails),
// while the imports the architecture allows are not.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "scripts", "architecture-fixture");
const DEPCRUISE = path.join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");
const run = promisify(execFile);

async function cruise(outputType: "json" | "err"): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      [DEPCRUISE, "--config", CONFIG, "--output-type", outputType, "app", "components", "lib", "gpu-function"],
      { cwd: FIXTURE },
    );
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? "" };
  }
}

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe("architecture rules (dependency-cruiser)", () => {
  it("report every deliberate break in the fixture and nothing it is allowed to do", async () => {
    const { stdout } = await cruise("json");
    const violations = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
    const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^(\.\.\/)+/, "")}`).sort();
    // Exactly these: the allowed imports (app → gpu-function/shared and lib/chat, pipeline → safety and db,
    // partners → partners) are not reported.
    expect(found).toEqual(
      [
        "app-not-into-gpu-function: app/page.ts -> gpu-function/runtime/load.ts",
        "components-no-database: components/answer-view.ts -> lib/db/client.ts",
        "gpu-function-no-database: gpu-function/jobs/store.ts -> node_modules/drizzle-orm/index.d.ts",
        "gpu-function-not-into-app: gpu-function/server.ts -> lib/db/client.ts",
        "graph-builder-knows-no-family: gpu-function/onnx/graph.ts -> gpu-function/models/llama.ts",
        "lower-lib-not-into-pipeline: lib/safety/triage.ts -> lib/chat/pipeline.ts",
        "no-circular: gpu-function/models/family.ts -> gpu-function/models/fused-ops.ts",
        "no-circular: lib/chat/pipeline.ts -> lib/safety/triage.ts",
        "safety-knows-no-pipeline: lib/safety/triage.ts -> lib/chat/pipeline.ts",
        "surfaces-independent: lib/widget/sites.ts -> lib/partners/keys.ts",
      ].sort(),
    );
  });

  it("fail the lint reporter (non-zero exit) on the fixture", async () => {
    const { code, stdout } = await cruise("err");
    expect(code).toBeGreaterThan(0);
    expect(stdout).toContain("no-circular");
  });
});

// Folders the surfaces landing now will add; docs/architecture.md names them ahead of time.
const LANDING = new Set([
  "app/embed/",
  "app/api/widget/",
  "public/",
  "lib/widget/",
  "components/widget/",
  "app/api/v1/",
  "lib/partners/",
  "app/admin/",
  "app/api/admin/",
  "lib/admin/",
  "components/admin/",
  "app/api/cron/",
]);

describe("docs/architecture.md", () => {
  const doc = readFileSync(path.join(ROOT, "docs", "architecture.md"), "utf8");
  const dirs = (parent: string) =>
    readdirSync(path.join(ROOT, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith(".") && d.name !== "node_modules")
      .map((d) => `${parent}/${d.name}/`);

  it("names every part of the tree (app routes, lib, components, gpu-function folders)", () => {
    const parts = [...dirs("app"), ...dirs("app/api"), ...dirs("lib"), ...dirs("components"), ...dirs("gpu-function")].filter(
      (d) => d !== "app/api/",
    );
    expect(parts.filter((p) => !doc.includes(`\`${p}`))).toEqual([]);
  });

  it("names only paths that exist (or are about to land)", () => {
    const roots = /^(app|components|lib|gpu-function|scripts|bench|e2e|docs|public)\//;
    const gpuFolders = /^(shared|onnx|models|runtime|engine|data|train|http|jobs)\//;
    const named = [...doc.matchAll(/`([^`\s*]+)`/g)].map((m) => m[1]).filter((p) => roots.test(p) || gpuFolders.test(p));
    const missing = named.filter((p) => {
      if ([...LANDING].some((l) => p.startsWith(l))) return false;
      return !existsSync(path.join(ROOT, p)) && !(gpuFolders.test(p) && existsSync(path.join(ROOT, "gpu-function", p)));
    });
    expect(missing).toEqual([]);
  });
});
