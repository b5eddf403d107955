import path from "node:path";
import { describe, expect, it } from "vitest";
import { adapterRoots, REPO_ROOT } from "./defaults";

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
