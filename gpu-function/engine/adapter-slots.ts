// LoRA slots are fixed when the base model loads (A/B are graph inputs per target module),
// so the slots must cover the adapters the server will load at start: the configured
// target modules plus those named by each adapter_config.json under the adapter roots.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePeftConfig } from "./peft";

export interface LoraSlots {
  maxRank: number;
  targetModules: string[];
}

export async function loraSlotsCovering(configured: LoraSlots, adapterRoots: string[]): Promise<LoraSlots> {
  const modules = new Set(configured.targetModules);
  let maxRank = configured.maxRank;
  for (const root of adapterRoots) {
    const entries = await readdir(root).catch(() => [] as string[]);
    for (const entry of entries) {
      const raw = await readFile(path.join(root, entry, "adapter_config.json"), "utf8").catch(() => null);
      if (raw === null) continue;
      try {
        const cfg = parsePeftConfig(JSON.parse(raw));
        // A regex target_modules cannot be expanded without the model; the registry reports it if it does not fit.
        if (Array.isArray(cfg.target_modules)) cfg.target_modules.forEach((m) => modules.add(m));
        maxRank = Math.max(maxRank, cfg.r);
      } catch {
        // Invalid configs are refused, with their reason, when the registry loads them.
      }
    }
  }
  return { maxRank, targetModules: [...modules] };
}
