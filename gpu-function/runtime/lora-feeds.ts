// LoRA tensors for one batch. The graph has one LoRA block per fused linear (e.g. q_proj and
// v_proj of one layer share x·A): A [in, T·n·R] holds, for each of the block's T targeted
// modules, the batch's n adapters side by side (R = their largest rank, smaller ranks
// zero-padded); B [T·n·R, N] maps each adapter's rows into its module's output columns (scale
// folded in, zeros elsewhere); one shared `lora_mask` [B, 1, n·R] (tiled T times in the graph)
// keeps each row's own adapter (all zero for rows without one):
//   delta = ((x·A) ⊙ mask)·B
// So x·A is one plain GEMM over the whole batch and block, each adapter is stored once, and
// the stacks depend only on the SET of adapters in the batch: steady decoding reuses them step
// after step (onnxruntime-node reads inputs in place). n·R = 0 when no row has an adapter.
import type { LoraGroup } from "../models/fused-graph";
import type { LoraTarget, PreparedLora } from "../models/types";

export interface LoraBatchFeeds {
  /** [B, 1, cols]: 1 on each row's adapter block. */
  mask: Float32Array;
  /** n·R */
  cols: number;
  /** Per LoRA block: A [in, T·cols], B [T·cols, N]. */
  stacks: Map<string, { a: Float32Array; b: Float32Array }>;
}

interface AdapterLayout {
  aT: Float32Array; // [in, r]
  bScaled: Float32Array; // [r, out]
}

export class LoraFeedBuilder {
  private readonly layouts = new WeakMap<PreparedLora, Map<string, AdapterLayout>>();
  /** Stacks of recent adapter sets (prefill and decode batches may interleave different sets). */
  private readonly recent = new Map<string, { rank: number; cols: number; stacks: LoraBatchFeeds["stacks"] }>();
  private readonly ids = new WeakMap<PreparedLora, number>();
  private nextId = 1;

  constructor(
    private readonly targets: LoraTarget[],
    private readonly maxRank = Infinity,
  ) {}

  /** Checks an adapter against the load's LoRA targets; throws a clear error otherwise. */
  validate(lora: PreparedLora): void {
    if (!Number.isInteger(lora.rank) || lora.rank < 1)
      throw new Error(`adapter "${lora.name}": rank must be a positive integer, got ${lora.rank}`);
    if (lora.rank > this.maxRank) throw new Error(`adapter "${lora.name}": rank ${lora.rank} exceeds this load's maxRank ${this.maxRank}`);
    if (!Number.isFinite(lora.scale)) throw new Error(`adapter "${lora.name}": scale must be a finite number`);
    const byModule = new Map(this.targets.map((t) => [t.module, t]));
    for (const [module, w] of lora.weights) {
      const t = byModule.get(module);
      if (!t)
        throw new Error(
          `adapter "${lora.name}": module "${module}" is not a LoRA target of this model load (targets: ${[...new Set(this.targets.map((x) => x.shortName))].join(", ") || "none"})`,
        );
      if (w.a.length !== lora.rank * t.inFeatures)
        throw new Error(`adapter "${lora.name}": ${module} lora_A has ${w.a.length} values, expected r×in = ${lora.rank}×${t.inFeatures}`);
      if (w.b.length !== t.outFeatures * lora.rank)
        throw new Error(
          `adapter "${lora.name}": ${module} lora_B has ${w.b.length} values, expected out×r = ${t.outFeatures}×${lora.rank}`,
        );
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
  build(rows: (PreparedLora | null)[], groups: LoraGroup[]): LoraBatchFeeds {
    const adapters = [...new Set(rows.filter((r): r is PreparedLora => r !== null))].sort((x, y) => this.idOf(x) - this.idOf(y));
    const key = adapters.map((a) => this.idOf(a)).join(",");
    let stacked = this.recent.get(key);
    if (!stacked) {
      stacked = this.stack(adapters, groups);
      if (this.recent.size >= 4) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, stacked);
    }
    const entryOf = new Map(adapters.map((a, i) => [a, i]));
    const mask = new Float32Array(rows.length * stacked.cols);
    rows.forEach((r, b) => {
      if (r) mask.fill(1, b * stacked.cols + entryOf.get(r)! * stacked.rank, b * stacked.cols + (entryOf.get(r)! + 1) * stacked.rank);
    });
    return { mask, cols: stacked.cols, stacks: stacked.stacks };
  }

  private stack(adapters: PreparedLora[], groups: LoraGroup[]): { rank: number; cols: number; stacks: LoraBatchFeeds["stacks"] } {
    const rank = Math.max(0, ...adapters.map((a) => a.rank));
    const cols = adapters.length * rank;
    const layouts = adapters.map((a) => this.layout(a));
    const stacks = new Map<string, { a: Float32Array; b: Float32Array }>();
    for (const group of groups) {
      const width = group.members.length * cols;
      const a = new Float32Array(group.inFeatures * width);
      const b = new Float32Array(width * group.outFeatures);
      group.members.forEach((member, t) => {
        adapters.forEach((adapter, e) => {
          const l = layouts[e].get(member.module);
          if (!l) return; // this adapter does not touch the module: its block stays zero
          const r = adapter.rank;
          const c0 = t * cols + e * rank;
          for (let k = 0; k < group.inFeatures; k++) a.set(l.aT.subarray(k * r, (k + 1) * r), k * width + c0);
          // Rows r..rank of the block stay zero; columns outside the module stay zero.
          for (let j = 0; j < r; j++)
            b.set(l.bScaled.subarray(j * member.out, (j + 1) * member.out), (c0 + j) * group.outFeatures + member.column);
        });
      });
      stacks.set(group.name, { a, b });
    }
    return { rank, cols, stacks };
  }
}

/** W + scale·B·A folded into a copy of the weight (merged mode). */
export function mergeLoraWeight(
  w: Float32Array,
  out: number,
  inF: number,
  a: Float32Array,
  b: Float32Array,
  rank: number,
  scale: number,
): Float32Array {
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
