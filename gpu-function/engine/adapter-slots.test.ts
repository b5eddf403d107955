import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loraSlotsCovering } from "./adapter-slots";

async function adapterDir(root: string, name: string, config: unknown): Promise<void> {
  await mkdir(path.join(root, name), { recursive: true });
  await writeFile(path.join(root, name, "adapter_config.json"), JSON.stringify(config));
}

describe("loraSlotsCovering", () => {
  it("widens the configured slots to the target modules and rank of adapters found at start", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "slots-"));
    await adapterDir(root, "grounded", { peft_type: "LORA", r: 16, lora_alpha: 32, target_modules: ["q_proj", "k_proj", "down_proj"] });
    await adapterDir(root, "wide", { peft_type: "LORA", r: 128, lora_alpha: 16, target_modules: ["up_proj"] });
    await adapterDir(root, "broken", { peft_type: "PREFIX_TUNING" });
    await mkdir(path.join(root, "not-an-adapter"));
    const slots = await loraSlotsCovering({ maxRank: 64, targetModules: ["q_proj", "v_proj"] }, [root, path.join(root, "missing")]);
    expect(slots.maxRank).toBe(128);
    expect(slots.targetModules.sort()).toEqual(["down_proj", "k_proj", "q_proj", "up_proj", "v_proj"]);
  });

  it("keeps the configured slots when there are no adapters", async () => {
    expect(await loraSlotsCovering({ maxRank: 8, targetModules: ["q_proj"] }, [])).toEqual({ maxRank: 8, targetModules: ["q_proj"] });
  });
});
