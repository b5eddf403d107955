// End-to-end check of `npm run kb` (scripts/kb.ts) in a child process against an
// embedded PGlite folder (MEDCHAT_DATA_DIR), with the model-free hashing embedder.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

describe("kb CLI", () => {
  let dir: string;
  const kb = (...args: string[]) =>
    run(TSX, ["scripts/kb.ts", ...args, "--embedder", "hashing"], {
      cwd: ROOT,
      env: { ...process.env, MEDCHAT_DATA_DIR: path.join(dir, "data"), DATABASE_URL: "" },
    });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-cli-"));
    fs.mkdirSync(path.join(dir, "docs"));
    fs.writeFileSync(
      path.join(dir, "docs", "rows.jsonl"),
      [
        {
          id: "gout-1",
          title: "Gout",
          text: "Gout is arthritis caused by uric acid crystals, often in the big toe.",
          url: "https://example.org/gout",
        },
        {
          id: "asthma-1",
          title: "Asthma",
          text: "Asthma narrows the airways and causes wheezing and coughing.",
          url: "https://example.org/asthma",
        },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    fs.writeFileSync(path.join(dir, "docs", "bad.pdf"), "%PDF-1.4 truncated");
    fs.writeFileSync(
      path.join(dir, "queries.txt"),
      `uric acid in the big toe\n\nwheezing and coughing\n${JSON.stringify({ subject: "wheezing", message: "Coughing and wheezing again.\nIs it asthma?" })}\n`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("ingests a folder, reports the bad file, then searches with --json and --queries", async () => {
    const ingest = await kb("ingest", path.join(dir, "docs"), "--source", "Partner");
    expect(ingest.stderr).toMatch(/added 2, updated 0, unchanged 0/);
    expect(ingest.stderr).toMatch(/skipped .*bad\.pdf: unreadable PDF/);
    const again = await kb("ingest", path.join(dir, "docs"), "--source", "Partner");
    expect(again.stderr).toMatch(/added 0, updated 0, unchanged 2/);

    const search = await kb("search", "What causes gout?", "--k", "2", "--json");
    const results = JSON.parse(search.stdout) as { documentId: string; chunkId: string; title: string; url: string; score: number }[];
    expect(results[0]).toMatchObject({ documentId: "gout-1", chunkId: "gout-1#0", title: "Gout", url: "https://example.org/gout" });
    expect(results[0].score).toBeGreaterThan(0);

    const batch = await kb("search", "--queries", path.join(dir, "queries.txt"), "--k", "1", "--source", "Partner");
    const lines = batch.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { query: string; results: { documentId: string }[] });
    expect(lines.map((l) => [l.query, l.results[0]?.documentId])).toEqual([
      ["uric acid in the big toe", "gout-1"],
      ["wheezing and coughing", "asthma-1"],
      ["wheezing\nCoughing and wheezing again.\nIs it asthma?", "asthma-1"], // a JSON line: subject + message
    ]);
  }, 360_000); // four CLI processes, each starting tsx and PGlite: ~10 s each when quiet, 135 s in all once at load 18

  it("rejects bad arguments with a reason and a non-zero exit", async () => {
    await expect(kb("search", "gout", "--k", "0")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--k must be an integer/),
    });
    await expect(kb("frobnicate")).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown command/) });
  });
});
