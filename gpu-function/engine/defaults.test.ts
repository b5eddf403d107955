import path from "node:path";
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";

import { adapterRoots, REPO_ROOT, resolveRerankerDir } from "./defaults";

describe("adapterRoots", () => {
  const committed = path.join(REPO_ROOT, "models", "adapters");

  it("scans the committed adapters only for the committed base model they were trained for", () => {
    expect(adapterRoots(undefined, { dir: path.join(REPO_ROOT, "models", "base"), origin: "default" })).toEqual([committed]);
    expect(adapterRoots("extra", { dir: "models/base", origin: "env" })).toEqual([committed, path.join(REPO_ROOT, "extra")]);
  });

  it("leaves them out for any other base (a tiny model, a real checkpoint)", () => {
    expect(adapterRoots(undefined, { dir: path.join(REPO_ROOT, ".data", "models", "tiny"), origin: "cached-tiny" })).toEqual([]);
    expect(adapterRoots("/srv/adapters", { dir: "/srv/gpt-neo-125m", origin: "env" })).toEqual(["/srv/adapters"]);
  });
});

describe("resolveRerankerDir", () => {
  it("RERANKER_MODEL_DIR wins, off/none disable, otherwise models/reranker only when it holds a model", () => {
    expect(resolveRerankerDir("/srv/ms-marco-MiniLM-L-6-v2")).toEqual({ dir: "/srv/ms-marco-MiniLM-L-6-v2", origin: "env" });
    expect(resolveRerankerDir("off")).toBeNull();
    expect(resolveRerankerDir("none")).toBeNull();
    const committed = path.join(REPO_ROOT, "models", "reranker");
    expect(resolveRerankerDir(undefined)).toEqual(
      existsSync(path.join(committed, "model.safetensors")) ? { dir: committed, origin: "default" } : null,
    );
  });
});
