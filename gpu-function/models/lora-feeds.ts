// LoRA tensors for one batch. The fused graph takes, per target module, a STACK of the
// adapters present in the batch, A as [n+1, in, R] and B as [n+1, R, out] (entry 0 is zeros
// = no adapter; scale folded into B), plus `lora_index` [B] saying which entry each row uses;
// the graph gathers per row. A stack depends only on the set of adapters in the batch, so
// steady decoding reuses it step after step (onnxruntime-node reads inputs in place), and
// each adapter is stored once however many rows use it. R is the largest rank present (0 when
// no row has an adapter, which costs almost nothing); smaller ranks are zero-padded (exact).
import type { LoraTarget, PreparedLora } from "./types";

export interface LoraBatchFeeds {
  /** Stack entry per batch row (0 = no adapter). */
  index: BigInt64Array;
  rank: number;
  entries: number;
  stacks: Map<string, { a: Float32Array; b: Float32Array }>;
}

interface AdapterLayout {
  aT: Float32Array; // [in, r]
  bScaled: Float32Array; // [r, out]
}

export class LoraFeedBuilder {
  private readonly layouts = new WeakMap<PreparedLora, Map<string, AdapterLayout>>();
  /** Stacks of recent adapter sets (prefill and decode batches may interleave different sets). */
  private readonly recent = new Map<string, Omit<LoraBatchFeeds, "index">>();
  private readonly ids = new WeakMap<PreparedLora, number>();
  private nextId = 1;

  constructor(private readonly targets: LoraTarget[], private readonly maxRank = Infinity) {}

  /** Checks an adapter against the load's LoRA targets; throws a clear error otherwise. */
  validate(lora: PreparedLora): void {
    if (!Number.isInteger(lora.rank) || lora.rank < 1) throw new Error(`adapter "${lora.name}": rank must be a positive integer, got ${lora.rank}`);
    if (lora.rank > this.maxRank) throw new Error(`adapter "${lora.name}": rank ${lora.rank} exceeds this load's maxRank ${this.maxRank}`);
    if (!Number.isFinite(lora.scale)) throw new Error(`adapter "${lora.name}": scale must be a finite number`);
    const byModule = new Map(this.targets.map((t) => [t.module, t]));
    for (const [module, w] of lora.weights) {
      const t = byModule.get(module);
      if (!t) throw new Error(`adapter "${lora.name}": module "${module}" is not a LoRA target of this model load (targets: ${[...new Set(this.targets.map((x) => x.shortName))].join(", ") || "none"})`);
      if (w.a.length !== lora.rank * t.inFeatures) throw new Error(`adapter "${lora.name}": ${module} lora_A has ${w.a.length} values, expected r×in = ${lora.rank}×${t.inFeatures}`);
      if (w.b.length !== t.outFeatures * lora.rank) throw new Error(`adapter "${lora.name}": ${module} lora_B has ${w.b.length} values, expected out×r = ${t.outFeatures}×${lora.rank}`);
    }
  }

  private layout(lora: PreparedLora): Map<string, AdapterLayout> {
    let m = this.layouts.get(lora);
    if (m) return m;
    this.validate(lora);
    m = new Map();
    const r = lora.rank;
    for (const t of this.targets) {
      const w = lora.weights.get(t.module);
      if (!w) continue;
      const aT = new Float32Array(t.inFeatures * r);
      for (let j = 0; j < r; j++) for (let i = 0; i < t.inFeatures; i++) aT[i * r + j] = w.a[j * t.inFeatures + i];
      const bScaled = new Float32Array(r * t.outFeatures);
      for (let o = 0; o < t.outFeatures; o++) for (let j = 0; j < r; j++) bScaled[j * t.outFeatures + o] = w.b[o * r + j] * lora.scale;
      m.set(t.module, { aT, bScaled });
    }
    this.layouts.set(lora, m);
    return m;
  }

  private idOf(lora: PreparedLora): number {
    let id = this.ids.get(lora);
    if (id === undefined) this.ids.set(lora, (id = this.nextId++));
    return id;
  }

  /** Feeds for a batch (row order = batch order). */
  build(rows: (PreparedLora | null)[], modules: string[]): LoraBatchFeeds {
    const adapters = [...new Set(rows.filter((r): r is PreparedLora => r !== null))].sort((x, y) => this.idOf(x) - this.idOf(y));
    const entryOf = new Map(adapters.map((a, i) => [a, i + 1]));
    const index = BigInt64Array.from(rows, (r) => BigInt(r ? entryOf.get(r)! : 0));
    const key = adapters.map((a) => this.idOf(a)).join(",");
    let stacked = this.recent.get(key);
    if (!stacked) {
      stacked = this.stack(adapters, modules);
      if (this.recent.size >= 4) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, stacked);
    }
    return { index, ...stacked };
  }

  private stack(adapters: PreparedLora[], modules: string[]): Omit<LoraBatchFeeds, "index"> {
    const rank = Math.max(0, ...adapters.map((a) => a.rank));
    const entries = adapters.length + 1;
    const layouts = adapters.map((a) => this.layout(a));
    const stacks = new Map<string, { a: Float32Array; b: Float32Array }>();
    for (const mod of modules) {
      const t = this.targets.find((x) => x.module === mod)!;
      const a = new Float32Array(entries * t.inFeatures * rank);
      const b = new Float32Array(entries * rank * t.outFeatures);
      adapters.forEach((adapter, i) => {
        const l = layouts[i].get(mod);
        if (!l) return; // this adapter does not touch the module: its entry stays zero
        const r = adapter.rank;
        const e = i + 1;
        for (let k = 0; k < t.inFeatures; k++) a.set(l.aT.subarray(k * r, (k + 1) * r), (e * t.inFeatures + k) * rank);
        b.set(l.bScaled, e * rank * t.outFeatures); // rows r..rank stay zero
      });
      stacks.set(mod, { a, b });
    }
    return { rank, entries, stacks };
  }
}

/** W + scale·B·A folded into a copy of the weight (merged mode). */
export function mergeLoraWeight(w: Float32Array, out: number, inF: number, a: Float32Array, b: Float32Array, rank: number, scale: number): Float32Array {
  const merged = Float32Array.from(w);
  for (let o = 0; o < out; o++) {
    for (let j = 0; j < rank; j++) {
      const bj = b[o * rank + j] * scale;
      if (bj === 0) continue;
      for (let i = 0; i < inF; i++) merged[o * inF + i] += bj * a[j * inF + i];
    }
  }
  return merged;
}
