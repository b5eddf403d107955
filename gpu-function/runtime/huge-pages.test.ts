// The huge-page environment for the serving and benchmark processes, and the check that a
// process started with it really holds the model's weights in huge pages.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { anonHugePageBytes, withHugePages } from "./huge-pages";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("withHugePages", () => {
  it("adds glibc's malloc hugetlb tunable", () => {
    expect(withHugePages({ A: "1" })).toEqual({ A: "1", GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" });
  });

  it("keeps other tunables, colon-separated", () => {
    expect(withHugePages({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" }).GLIBC_TUNABLES).toBe(
      "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1",
    );
  });

  it("leaves an explicit choice alone (hugetlb=0 turns it off)", () => {
    const env = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=0" };
    expect(withHugePages(env)).toBe(env);
  });
});

// Where THP is available in madvise mode (this host, most distributions), a process started
// with the tunable holds a large onnxruntime session's buffers in huge pages; one without, none.
const thp = existsSync("/sys/kernel/mm/transparent_hugepage/enabled")
  ? readFileSync("/sys/kernel/mm/transparent_hugepage/enabled", "utf8")
  : "";
describe.skipIf(!thp.includes("[madvise]"))("a process started withHugePages", () => {
  const script = `
    import * as ort from "onnxruntime-node";
    import { anonHugePageBytes } from "./gpu-function/runtime/huge-pages.ts";
    // 64 MB of weights: MatMul of a [1, 4096] input by a constant [4096, 4096] initializer, built as ONNX bytes.
    const { GraphBuilder } = await import("./gpu-function/onnx/graph.ts");
    const g = new GraphBuilder("thp");
    g.input("x", "float32", [1, 4096]);
    const w = g.initializer("w", { dtype: "float32", dims: [4096, 4096], data: new Float32Array(4096 * 4096).fill(0.001) });
    g.output(g.op("MatMul", ["x", w]), "float32", [1, 4096]);
    const s = await ort.InferenceSession.create(g.toBytes(), { intraOpNumThreads: 1 });
    await s.run({ x: new ort.Tensor("float32", new Float32Array(4096).fill(1), [1, 4096]) });
    console.log(anonHugePageBytes());
  `;
  const run = (env: NodeJS.ProcessEnv) =>
    Number(
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, env, encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1),
    );

  it("has its weights in huge pages; without, it has none of them there", { timeout: 60_000 }, () => {
    const base = { ...process.env };
    delete base.GLIBC_TUNABLES;
    expect(run(withHugePages(base))).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(run(base)).toBeLessThan(32 * 1024 * 1024);
  });
});

it("anonHugePageBytes reads this process's figure on Linux", () => {
  const v = anonHugePageBytes();
  if (process.platform === "linux") expect(v).toBeGreaterThanOrEqual(0);
  else expect(v).toBeNull();
});
