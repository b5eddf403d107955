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

  it("prefers the promoted adapter once the server lists it (asking afresh past a stale listing), else falls back", async () => {
    const models: { id: string; parent?: string | null }[] = [
      { id: "medchat-base", parent: null },
      { id: "first-loaded", parent: "medchat-base" },
    ];
    const server = await startFakeGpuFunction({ deltas: [], models });
    try {
      const config = gpuFunctionConfig({ GPU_FUNCTION_URL: server.url });
      expect(await resolveModelId(config, undefined, { active: null })).toBe("first-loaded");
      // Promoted after the listing was cached: the listing is asked again, not served stale for a minute.
      models.push({ id: "promoted-v2", parent: "medchat-base" });
      expect(await resolveModelId(config, undefined, { active: "promoted-v2" })).toBe("promoted-v2");
      // Rolled back to an adapter listed earlier than the newest.
      expect(await resolveModelId(config, undefined, { active: "first-loaded" })).toBe("first-loaded");
      // An active adapter the server does not have (e.g. a replica that missed the push): the listing decides.
      expect(await resolveModelId(config, undefined, { active: "missing" })).toBe("first-loaded");
      // Nothing promoted (the first promotion rolled back): an adapter retraining produced is never the
      // fallback, although it is still listed; the server's own adapter or its base is.
      expect(await resolveModelId(config, undefined, { active: null, retraining: ["promoted-v2"] })).toBe("first-loaded");
      expect(await resolveModelId(config, undefined, { active: null, retraining: ["first-loaded", "promoted-v2"] })).toBe("medchat-base");
      expect(
        await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: server.url, CHAT_MODEL: "pinned" }), undefined, {
          active: "promoted-v2",
        }),
      ).toBe("pinned");
    } finally {
      await server.close();
    }
  });
});
