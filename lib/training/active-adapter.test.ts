import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { adapters } from "@/lib/db/schema";
import { GET } from "@/app/api/internal/adapters/active/route";
import { gpuFunctionConfig, resolveModelId } from "@/lib/chat/model";
import { startFakeGpuFunction } from "@/lib/chat/fake-gpu-function.test-helper";
import { activeAdapterName } from "./active-adapter";

const TOKEN = "internal-test-token";

describe("GET /api/internal/adapters/active", () => {
  beforeAll(() => {
    process.env.DATABASE_URL = "memory://";
    process.env.GPU_FUNCTION_TOKEN = TOKEN;
  });
  afterAll(() => closeDb());

  const call = (token?: string) =>
    GET(new Request("http://127.0.0.1/api/internal/adapters/active", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

  it("refuses callers without the gpu-function token", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("wrong")).status).toBe(401);
  });

  it("answers 204 when no adapter is active, then the newest active adapter in the POST /v1/adapters shape", async () => {
    expect((await call(TOKEN)).status).toBe(204);
    const db = await getDb();
    const config = { peft_type: "LORA", r: 8, lora_alpha: 16, target_modules: ["q_proj", "v_proj"] };
    await db.insert(adapters).values([
      { name: "old", status: "retired", adapterConfig: config, weights: Buffer.from([9]) },
      { name: "grounded-v2", status: "active", adapterConfig: config, weights: Buffer.from([1, 2, 3]), promotedAt: new Date() },
    ]);
    const res = await call(TOKEN);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ name: "grounded-v2", adapter_config: config, adapter_model_base64: Buffer.from([1, 2, 3]).toString("base64") });
  });

  it("the public chat serves the promoted adapter (the pointer), falling back to the listed adapter when the server lacks it", async () => {
    const db = await getDb();
    expect(await activeAdapterName(db)).toBe("grounded-v2");
    const gpu = await startFakeGpuFunction({
      deltas: [],
      models: [
        { id: "medchat-base", parent: null },
        { id: "grounded", parent: "medchat-base" },
        { id: "grounded-v2", parent: "medchat-base" },
      ],
    });
    try {
      const config = gpuFunctionConfig({ GPU_FUNCTION_URL: gpu.url });
      expect(await resolveModelId(config, undefined, { active: "grounded-v2" })).toBe("grounded-v2");
      expect(await resolveModelId(config, undefined, { active: "not-pushed-here" })).toBe("grounded");
      expect(await resolveModelId(config, undefined, { active: null })).toBe("grounded");
      expect(
        await resolveModelId(gpuFunctionConfig({ GPU_FUNCTION_URL: gpu.url, CHAT_MODEL: "pinned" }), undefined, { active: "grounded-v2" }),
      ).toBe("pinned");
    } finally {
      await gpu.close();
    }
  });
});
