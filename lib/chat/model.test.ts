import { describe, expect, it } from "vitest";
import { gpuFunctionConfig, resolveModelId } from "./model";
import { closedPortUrl, startFakeGpuFunction } from "./fake-gpu-function.test-helper";

describe("gpu-function configuration", () => {
  it("reads the environment with defaults", () => {
    const c = gpuFunctionConfig({ GPU_FUNCTION_URL: "http://gpu.example:9000/v1/", GPU_FUNCTION_TOKEN: "t", CHAT_MAX_TOKENS: "abc" });
    expect(c.url).toBe("http://gpu.example:9000");
    expect(c.token).toBe("t");
    expect(c.maxOutputTokens).toBe(384);
    expect(gpuFunctionConfig({ GPU_FUNCTION_PORT: "8123" }).url).toBe("http://127.0.0.1:8123");
  });

  it("uses CHAT_MODEL, else the listed adapter, else the first chat model, never the embedder", async () => {
    const withAdapter = await startFakeGpuFunction({
      deltas: [],
      models: [{ id: "medchat-embedder" }, { id: "medchat-base", parent: null }, { id: "grounded", parent: "medchat-base" }],
    });
    const baseOnly = await startFakeGpuFunction({ deltas: [], models: [{ id: "medchat-embedder" }, { id: "medchat-base", parent: null }] });
    try {
      expect(await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: withAdapter.url, CHAT_MODEL: "pinned" }))).toBe("pinned");
      expect(await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: withAdapter.url }))).toBe("grounded");
      expect(await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: baseOnly.url }))).toBe("medchat-base");
      expect(await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: await closedPortUrl() }))).toBe("default");
    } finally {
      await withAdapter.close();
      await baseOnly.close();
    }
  });
});
