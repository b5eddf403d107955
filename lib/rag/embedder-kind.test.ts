import { describe, expect, it } from "vitest";

import { embedderKind } from "./embedder-kind";

describe("embedderKind (MEDCHAT_EMBEDDER, one meaning for the app and the CLIs)", () => {
  it("uses the setting in a CLI, else the gpu-function when GPU_FUNCTION_URL names one, else the in-process model", () => {
    expect(embedderKind({ MEDCHAT_EMBEDDER: "hashing" })).toBe("hashing");
    expect(embedderKind({ MEDCHAT_EMBEDDER: "local", GPU_FUNCTION_URL: "http://gpu:8000" })).toBe("local");
    expect(embedderKind({ MEDCHAT_EMBEDDER: "remote" })).toBe("remote");
    expect(embedderKind({ GPU_FUNCTION_URL: "http://gpu:8000" })).toBe("remote");
    expect(embedderKind({})).toBe("local");
    expect(embedderKind({ MEDCHAT_EMBEDDER: "bogus" })).toBe("local");
  });

  it("in the app: hashing when set so, otherwise the gpu-function (which serves the model 'local' names)", () => {
    expect(embedderKind({ MEDCHAT_EMBEDDER: "hashing" }, "app")).toBe("hashing");
    expect(embedderKind({ MEDCHAT_EMBEDDER: "local" }, "app")).toBe("remote");
    expect(embedderKind({ MEDCHAT_EMBEDDER: "remote" }, "app")).toBe("remote");
    expect(embedderKind({}, "app")).toBe("remote");
  });
});
