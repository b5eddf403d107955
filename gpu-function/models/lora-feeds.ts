// Per-row LoRA tensors for one batch. The fused graph takes, per target module, A as
// [B, in, R] and B as [B, R, out] with the adapter scale folded into B; rows without an
// adapter are zeros. R is the largest rank present in the batch (0 when no row has an
// adapter, which costs almost nothing); smaller ranks are zero-padded, which is exact.
import type { LoraTarget, PreparedLora } from "./types";

interface AdapterLayout {
  aT: Float32Array; // [in, r]
  bScaled: Float32Array; // [r, out]
}

export class LoraFeedBuilder {
  private readonly layouts = new WeakMap<PreparedLora, Map<string, AdapterLayout>>();
  /** Small cache: steady decode reuses the same batch layout step after step (prefill batches interleave). */
  private readonly recent = new Map<string, Map<string, { a: Float32Array; b: Float32Array; rank: number }>>();
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

  /** Feeds for a batch (row order = batch order); reused while the batch's adapter layout is unchanged. */
  build(rows: (PreparedLora | null)[], modules: string[]): Map<string, { a: Float32Array; b: Float32Array; rank: number }> {
    const key = rows.map((r) => (r ? this.idOf(r) : 0)).join(",");
    const cached = this.recent.get(key);
    if (cached) return cached;
    const rank = Math.max(0, ...rows.map((r) => (r ? r.rank : 0)));
    const layouts = rows.map((r) => (r ? this.layout(r) : null));
    const feeds = new Map<string, { a: Float32Array; b: Float32Array; rank: number }>();
    const batch = rows.length;
    for (const mod of modules) {
      const t = this.targets.find((x) => x.module === mod)!;
      const a = new Float32Array(batch * t.inFeatures * rank);
      const b = new Float32Array(batch * rank * t.outFeatures);
      rows.forEach((row, i) => {
        const l = layouts[i]?.get(mod);
        if (!row || !l) return;
        const r = row.rank;
        for (let k = 0; k < t.inFeatures; k++) a.set(l.aT.subarray(k * r, (k + 1) * r), (i * t.inFeatures + k) * rank);
        b.set(l.bScaled, i * rank * t.outFeatures); // rows r..rank stay zero
      });
      feeds.set(mod, { a, b, rank });
    }
    if (this.recent.size >= 4) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(key, feeds);
    return feeds;
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
