// Registry of loaded LoRA adapters. Adapters are graph inputs, not baked weights, so loading,
// replacing or unloading one never touches the base model; sequences already running keep
// the PreparedLora object they started with until they finish.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

import { readSafetensors } from "../onnx/safetensors";
import type { LoraTarget, PreparedLora } from "../models/types";
import { loadPeftAdapter, PeftAdapterError, preparePeftLora } from "./peft";

export interface AdapterInfo {
  name: string;
  rank: number;
  scale: number;
  modules: number;
  loadedAt: number;
  source: string;
}

export interface AdapterRegistryOptions {
  /** Rank slots the runtime was loaded with; larger adapters cannot be served. */
  maxRank?: number;
  maxAdapters?: number;
  /** Names adapters may not take (the base model id). */
  reservedNames?: string[];
}

export class AdapterRegistry {
  private adapters = new Map<string, { lora: PreparedLora; info: AdapterInfo }>();

  constructor(
    private readonly targets: LoraTarget[],
    private readonly opts: AdapterRegistryOptions = {},
  ) {}

  get(name: string): PreparedLora | undefined {
    return this.adapters.get(name)?.lora;
  }

  has(name: string): boolean {
    return this.adapters.has(name);
  }

  list(): AdapterInfo[] {
    return [...this.adapters.values()].map((a) => a.info);
  }

  get size(): number {
    return this.adapters.size;
  }

  /** Loads (or replaces) an adapter from a PEFT directory. */
  async loadDir(name: string, dir: string): Promise<{ replaced: boolean; info: AdapterInfo }> {
    this.checkName(name);
    const lora = await loadPeftAdapter(dir, name, this.targets);
    return this.put(lora, dir);
  }

  /** Loads (or replaces) an adapter from its config object and safetensors bytes (HTTP upload). */
  loadBytes(name: string, config: unknown, safetensors: Uint8Array, source = "upload"): { replaced: boolean; info: AdapterInfo } {
    this.checkName(name);
    let tensors;
    try {
      tensors = readSafetensors(safetensors);
    } catch (err) {
      throw new PeftAdapterError(`adapter '${name}': adapter_model.safetensors is unreadable: ${(err as Error).message}`);
    }
    return this.put(preparePeftLora(name, config, tensors, this.targets), source);
  }

  unload(name: string): boolean {
    return this.adapters.delete(name);
  }

  /** Loads every adapter directory under `root` (each subdirectory holding adapter_config.json); returns errors per name. */
  async loadAllUnder(root: string): Promise<{ loaded: string[]; failed: Array<{ name: string; error: string }> }> {
    const loaded: string[] = [];
    const failed: Array<{ name: string; error: string }> = [];
    let entries: string[];
    try {
      entries = await readdir(root);
    } catch {
      return { loaded, failed };
    }
    for (const entry of entries.sort()) {
      const dir = path.join(root, entry);
      const isAdapter = await stat(path.join(dir, "adapter_config.json")).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!isAdapter) continue;
      try {
        await this.loadDir(entry, dir);
        loaded.push(entry);
      } catch (err) {
        failed.push({ name: entry, error: (err as Error).message });
      }
    }
    return { loaded, failed };
  }

  private checkName(name: string): void {
    if (this.opts.reservedNames?.includes(name)) throw new PeftAdapterError(`adapter name '${name}' is the base model id`);
  }

  private put(lora: PreparedLora, source: string): { replaced: boolean; info: AdapterInfo } {
    if (this.opts.maxRank !== undefined && lora.rank > this.opts.maxRank) {
      throw new PeftAdapterError(
        `adapter '${lora.name}': rank ${lora.rank} exceeds this server's LoRA rank limit ${this.opts.maxRank} (LORA_MAX_RANK)`,
      );
    }
    const replaced = this.adapters.has(lora.name);
    if (!replaced && this.opts.maxAdapters !== undefined && this.adapters.size >= this.opts.maxAdapters) {
      throw new PeftAdapterError(`cannot load '${lora.name}': ${this.opts.maxAdapters} adapters already loaded (unload one first)`);
    }
    const info: AdapterInfo = {
      name: lora.name,
      rank: lora.rank,
      scale: lora.scale,
      modules: lora.weights.size,
      loadedAt: Date.now(),
      source,
    };
    this.adapters.set(lora.name, { lora, info });
    return { replaced, info };
  }
}
