// The family-agnostic runtime behind LoadedModel: one onnxruntime session over a family's
// fused graph, a KV slot pool, and per-row LoRA feeds. forward() accepts any mix of rows:
// decode rows (one new token each, whatever their cache lengths) run together in one batch;
// new prompts run together right-padded; a prompt continuing a cache runs on its own.
import * as ort from "onnxruntime-node";

import { KvSlotPool, type KvArray } from "./kv-pool";
import { ATTN_BIAS, loraAName, loraBName, NEW_KV, newKvOffsets, pastKeyName, pastValueName, type LoraGroup } from "../models/fused-graph";
import { LoraFeedBuilder } from "./lora-feeds";
import type { LoraTarget, ModelDims, PreparedLora } from "../models/types";
import type { ForwardRow, KvCacheHandle, LoadedModel } from "./types";

class SlotCache implements KvCacheHandle {
  slot = -1;
  released = false;
  constructor(
    private readonly pool: KvSlotPool,
    readonly owner: OrtCausalLm,
  ) {}

  get length(): number {
    return this.slot < 0 ? 0 : this.pool.lengths[this.slot];
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.owner.freeSlot(this);
  }

  /** Returns the slot to the pool (the runtime defers this while a forward pass uses the pool). */
  freeNow(): void {
    if (this.slot < 0) return;
    const moved = this.pool.release(this.slot) as SlotCache | null;
    if (moved) moved.slot = this.slot;
    this.slot = -1;
  }
}

/**
 * Initial KV positions per slot. GroupQueryAttention clears and scans the whole capacity of
 * every batch row each step, so a tight start (the pool grows in 16-token granules, ≥1/8 at a
 * time) keeps short chats cheap: at 16 streams of ~60 tokens GQA took 5.4–6.2 instead of
 * 7.4–8.5 ms of a 24 ms step with 256.
 */
const DEFAULT_KV_CAPACITY = 64;

/** Padded tokens per batched prefill run (bounds the attention scratch of one run). */
const PREFILL_TOKEN_BUDGET = 4096;

/** Splits fresh prompts into runs over consecutive slots within the padded-token budget. */
function prefillGroups(fresh: number[], caches: SlotCache[], rows: ForwardRow[]): number[][] {
  const sorted = [...fresh].sort((a, b) => caches[a].slot - caches[b].slot);
  const groups: number[][] = [];
  let group: number[] = [];
  let longest = 0;
  for (const i of sorted) {
    const n = rows[i].tokens.length;
    const last = group[group.length - 1];
    const contiguous = last === undefined || caches[i].slot === caches[last].slot + 1;
    if (group.length > 0 && (!contiguous || (group.length + 1) * Math.max(longest, n) > PREFILL_TOKEN_BUDGET)) {
      groups.push(group);
      group = [];
      longest = 0;
    }
    group.push(i);
    longest = Math.max(longest, n);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** A batch row that sits a step out: one token (id 0) with no past. */
const DUMMY_ROW = [0];

/** A run's per-row inputs (besides the KV cache and LoRA), with the tensors wrapping them. */
interface DecodeInputs {
  count: number;
  ids: BigInt64Array;
  positions: BigInt64Array | null;
  seqlens: Int32Array;
  logitRows: BigInt64Array;
  total: Int32Array;
  tensors: Record<string, ort.Tensor>;
  /** In-place decode attention bias (decodeMask), for `biasCapacity`. */
  bias?: Float32Array;
  biasCapacity?: number;
  mask?: Record<string, ort.Tensor>;
}

/** Which of the optional per-run inputs the graph declares (each costs a run ~2.4 CPU µs, docs/engine-profile.md). */
interface GraphInputs {
  positions: boolean;
  /** `seqlens_k` and `total_sequence_length`: graphs whose GQA runs only in prefill derive them. */
  lengths: boolean;
}

function newInputs(count: number, seq: number, has: GraphInputs): DecodeInputs {
  const ids = new BigInt64Array(count * seq);
  const positions = has.positions ? new BigInt64Array(count * seq) : null;
  const seqlens = new Int32Array(count);
  const logitRows = new BigInt64Array(count);
  const total = new Int32Array(1);
  const tensors: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor("int64", ids, [count, seq]),
    logit_rows: new ort.Tensor("int64", logitRows, [count]),
  };
  if (has.lengths) {
    tensors.seqlens_k = new ort.Tensor("int32", seqlens, [count]);
    tensors.total_sequence_length = new ort.Tensor("int32", total, []);
  }
  if (positions) tensors.position_ids = new ort.Tensor("int64", positions, [count, seq]);
  return { count, ids, positions, seqlens, logitRows, total, tensors };
}

export interface RuntimeParts {
  session: ort.InferenceSession;
  dims: ModelDims;
  maxSequenceLength: number;
  maxBatch: number;
  loraTargets: LoraTarget[];
  /** LoRA blocks of the fused graph (FusedGraph.loraGroups). */
  loraGroups: LoraGroup[];
  loraMaxRank?: number;
  kvType: "float32" | "float16";
  weightBytes: number;
  kvInitialCapacity?: number;
}

export class OrtCausalLm implements LoadedModel {
  readonly dims: ModelDims;
  readonly maxSequenceLength: number;
  readonly loraTargets: LoraTarget[];
  private readonly session: ort.InferenceSession;
  private readonly pool: KvSlotPool;
  private readonly lora: LoraFeedBuilder;
  private readonly loraGroups: LoraGroup[];
  private readonly graphInputs: GraphInputs;
  /** The graph reads the pool in place on decode runs (fused-ops.ts inPlaceDecode) and needs ATTN_BIAS. */
  private readonly inPlaceDecode: boolean;
  private readonly kvType: "float32" | "float16";
  private readonly bytes: number;
  /** Serialises forward calls: the pool is shared state. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private readonly deferredFrees: SlotCache[] = [];
  /** Per-layer I/O names, built once (not per step). */
  private readonly names: { pastKey: string[]; pastValue: string[]; fetches: string[] };
  /** Each layer's place in the NEW_KV output. */
  private readonly newKvAt: ReturnType<typeof newKvOffsets>[];
  /**
   * The past K/V tensors of the last run: views of the pool that stay valid until the pool's
   * layout changes, so steady decoding reuses them instead of building 2·layers views and
   * tensors per step (onnxruntime-node reads feeds in place).
   */
  private pastFeeds: { from: number; count: number; generation: number; tensors: Record<string, ort.Tensor> } | null = null;
  /**
   * Decode runs (one token per row) of the last batch size: their small inputs' buffers and
   * tensors, refilled in place each step instead of allocated (onnxruntime-node reads feeds
   * during the synchronous run only; runs are serialised).
   */
  private decodeInputs: DecodeInputs | null = null;
  /** Tensors over the LoRA stacks of recent adapter sets (the stacks are cached by LoraFeedBuilder). */
  private readonly loraTensors = new WeakMap<object, Record<string, ort.Tensor>>();

  constructor(p: RuntimeParts) {
    this.session = p.session;
    this.dims = p.dims;
    this.maxSequenceLength = p.maxSequenceLength;
    this.loraTargets = p.loraTargets;
    this.kvType = p.kvType;
    this.bytes = p.weightBytes;
    this.lora = new LoraFeedBuilder(p.loraTargets, p.loraMaxRank);
    this.loraGroups = p.loraGroups;
    const names = this.session.inputNames;
    this.graphInputs = { positions: names.includes("position_ids"), lengths: names.includes("seqlens_k") };
    this.inPlaceDecode = this.session.inputNames.includes(ATTN_BIAS);
    const layers = Array.from({ length: p.dims.numLayers }, (_, l) => l);
    this.names = {
      pastKey: layers.map(pastKeyName),
      pastValue: layers.map(pastValueName),
      fetches: ["logits", NEW_KV],
    };
    this.newKvAt = layers.map((l) => newKvOffsets(l, p.dims.numLayers, p.dims.numKvHeads * p.dims.headDim));
    const makeArray = p.kvType === "float16" ? (n: number) => new Uint16Array(n) : (n: number) => new Float32Array(n);
    this.pool = new KvSlotPool(
      p.dims.numLayers,
      p.maxBatch,
      p.dims.numKvHeads,
      p.dims.headDim,
      Math.min(p.kvInitialCapacity ?? DEFAULT_KV_CAPACITY, p.maxSequenceLength),
      p.maxSequenceLength,
      makeArray,
    );
  }

  newCache(): KvCacheHandle {
    return new SlotCache(this.pool, this);
  }

  weightBytes(): number {
    return this.bytes;
  }

  /** KV cache bytes currently allocated (for metrics and the benchmark). */
  cacheBytes(): number {
    return this.pool.bytes();
  }

  forward(rows: ForwardRow[]): Promise<Float32Array[]> {
    const run = this.queue.then(async () => {
      this.running = true;
      try {
        return await this.forwardNow(rows);
      } finally {
        this.running = false;
        for (const c of this.deferredFrees.splice(0)) c.freeNow();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Slots move when another is freed, so frees wait until no forward pass holds slot indices. */
  freeSlot(cache: SlotCache): void {
    if (this.running) this.deferredFrees.push(cache);
    else cache.freeNow();
  }

  private async forwardNow(rows: ForwardRow[]): Promise<Float32Array[]> {
    const caches = rows.map((r, i) => this.checkRow(r, i));
    if (new Set(caches).size !== caches.length) throw new Error("forward: the same cache appears in two rows");
    const out: Float32Array[] = new Array(rows.length);
    const fresh: number[] = [];
    const chunked: number[] = [];
    const decode: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const past = caches[i].length;
      if (caches[i].slot < 0) caches[i].slot = this.pool.acquire(caches[i]);
      if (rows[i].tokens.length === 1) decode.push(i);
      else (past === 0 ? fresh : chunked).push(i);
    }
    const runGroup = async (group: number[]) => {
      const slots = group.map((i) => caches[i].slot);
      const lo = Math.min(...slots);
      const logits = await this.runSlots(lo, Math.max(...slots) - lo + 1, new Map(group.map((i) => [caches[i].slot, i])), rows);
      for (const i of group) out[i] = logits[caches[i].slot - lo];
    };
    // New prompts get consecutive slots: prefill them together, right-padded (one weight pass for all).
    for (const group of prefillGroups(fresh, caches, rows)) await runGroup(group);
    // A prompt continuing a non-empty cache runs alone (GQA's chunked prefill needs equal lengths).
    for (const i of chunked) await runGroup([i]);
    // Slots are compact, so decode rows usually cover [0, n) exactly; gaps become dummy rows.
    if (decode.length > 0) await runGroup(decode);
    return out;
  }

  private checkRow(row: ForwardRow, index: number): SlotCache {
    const cache = row.cache as SlotCache;
    if (!(cache instanceof SlotCache) || cache.owner !== this) throw new Error(`forward: row ${index} has a cache from another model`);
    if (cache.released) throw new Error(`forward: row ${index} uses a released cache`);
    if (row.tokens.length === 0) throw new Error(`forward: row ${index} has no tokens`);
    for (const t of row.tokens) {
      if (!Number.isInteger(t) || t < 0 || t >= this.dims.vocabSize)
        throw new Error(`forward: row ${index} has token id ${t} outside [0, ${this.dims.vocabSize})`);
    }
    if (cache.length + row.tokens.length > this.maxSequenceLength) {
      throw new Error(
        `forward: row ${index} would reach ${cache.length + row.tokens.length} tokens, over the context limit of ${this.maxSequenceLength}`,
      );
    }
    if (row.lora) {
      if (this.loraTargets.length === 0)
        throw new Error(`forward: adapter "${row.lora.name}" given but the model was loaded without LoRA slots`);
      this.lora.validate(row.lora);
    }
    return cache;
  }

  /**
   * One session run over slots [from, from + count). Rows not in `rowOfSlot` are dummies (a
   * live sequence that sits this step out): one token with no past, nothing written back.
   */
  private async runSlots(from: number, count: number, rowOfSlot: Map<number, number>, rows: ForwardRow[]): Promise<Float32Array[]> {
    let seq = 1;
    for (const i of rowOfSlot.values()) seq = Math.max(seq, rows[i].tokens.length);
    const inputs = seq === 1 ? this.decodeInputsFor(count) : newInputs(count, seq, this.graphInputs);
    const { ids, positions, seqlens, logitRows } = inputs;
    let total = 0;
    const loraRows = this.loraGroups.length > 0 ? new Array<PreparedLora | null>(count) : null;
    for (let b = 0; b < count; b++) {
      const slot = from + b;
      const i = rowOfSlot.get(slot);
      const past = i === undefined ? 0 : this.pool.lengths[slot];
      const tokens = i === undefined ? DUMMY_ROW : rows[i].tokens;
      if (tokens.length !== seq && past > 0) throw new Error("internal: only fresh prompts may be right-padded");
      for (let s = 0; s < seq; s++) {
        ids[b * seq + s] = BigInt(s < tokens.length ? tokens[s] : 0);
        if (positions) positions[b * seq + s] = BigInt(past + s);
      }
      seqlens[b] = past + tokens.length - 1;
      logitRows[b] = BigInt(b * seq + tokens.length - 1);
      total = Math.max(total, past + tokens.length);
      if (loraRows) loraRows[b] = i === undefined ? null : rows[i].lora;
    }
    inputs.total[0] = total;
    this.pool.ensureCapacity(total);
    const feeds: Record<string, ort.Tensor> = { ...this.pastTensors(from, count), ...inputs.tensors };
    if (this.inPlaceDecode) Object.assign(feeds, this.decodeMask(from, count, rowOfSlot, seq));
    if (loraRows) Object.assign(feeds, this.loraFeeds(loraRows));
    const result = await this.session.run(feeds, this.names.fetches);
    const newKv = result[NEW_KV]!.data as KvArray;
    for (let b = 0; b < count; b++) {
      const i = rowOfSlot.get(from + b);
      if (i === undefined) continue;
      const slot = from + b;
      const n = rows[i].tokens.length;
      for (let l = 0; l < this.dims.numLayers; l++) this.pool.write(l, slot, this.pool.lengths[slot]!, newKv, b, seq, n, this.newKvAt[l]!);
      this.pool.lengths[slot] += n;
    }
    const logits = result.logits.data as Float32Array;
    const v = this.dims.vocabSize;
    // Views, not copies: the fetched buffer is fresh per run and each row owns its range
    // (the sampler may modify its row in place). Saves count × vocab floats per step.
    return Array.from({ length: count }, (_, b) => logits.subarray(b * v, (b + 1) * v));
  }

  /**
   * ATTN_BIAS for a run over slots [from, from + count): on decode runs (seq = 1) each row sees
   * its used past (dummy rows: none) and its new token; other runs do not read it (the graph's
   * If takes GQA) and get a placeholder.
   */
  private decodeMask(from: number, count: number, rowOfSlot: Map<number, number>, seq: number): Record<string, ort.Tensor> {
    if (seq !== 1) {
      return { [ATTN_BIAS]: new ort.Tensor("float32", new Float32Array(count), [count, 1, 1, 1]) };
    }
    const cap = this.pool.capacity;
    const inputs = this.decodeInputsFor(count);
    if (inputs.biasCapacity !== cap) {
      inputs.bias = new Float32Array(count * (cap + 1));
      inputs.biasCapacity = cap;
      inputs.mask = { [ATTN_BIAS]: new ort.Tensor("float32", inputs.bias, [count, 1, 1, cap + 1]) };
    }
    const bias = inputs.bias!;
    bias.fill(-Infinity);
    for (let b = 0; b < count; b++) {
      const used = rowOfSlot.has(from + b) ? this.pool.lengths[from + b]! : 0;
      bias.fill(0, b * (cap + 1), b * (cap + 1) + used);
      bias[b * (cap + 1) + cap] = 0;
    }
    return inputs.mask!;
  }

  /** The reused decode inputs for `count` rows (re-made when the batch size changes). */
  private decodeInputsFor(count: number): DecodeInputs {
    if (this.decodeInputs?.count !== count) this.decodeInputs = newInputs(count, 1, this.graphInputs);
    return this.decodeInputs;
  }

  /** LoRA feeds for a batch: the mask is made per step, the stacks' tensors once per adapter set. */
  private loraFeeds(loraRows: (PreparedLora | null)[]): Record<string, ort.Tensor> {
    const lora = this.lora.build(loraRows, this.loraGroups);
    let stacks = this.loraTensors.get(lora.stacks);
    if (!stacks) {
      stacks = {};
      for (const group of this.loraGroups) {
        const f = lora.stacks.get(group.name)!;
        const width = group.members.length * lora.cols;
        stacks[loraAName(group.name)] = new ort.Tensor("float32", f.a, [group.inFeatures, width]);
        stacks[loraBName(group.name)] = new ort.Tensor("float32", f.b, [width, group.outFeatures]);
      }
      this.loraTensors.set(lora.stacks, stacks);
    }
    return { ...stacks, lora_mask: new ort.Tensor("float32", lora.mask, [loraRows.length, 1, lora.cols]) };
  }

  /** Past K/V feeds for slots [from, from + count): zero-copy pool views, rebuilt only when the range or the pool layout changed. */
  private pastTensors(from: number, count: number): Record<string, ort.Tensor> {
    const generation = this.pool.generation;
    const cached = this.pastFeeds;
    if (cached && cached.from === from && cached.count === count && cached.generation === generation) return cached.tensors;
    const dims = [count, this.dims.numKvHeads, this.pool.capacity, this.dims.headDim];
    const tensors: Record<string, ort.Tensor> = {};
    for (let l = 0; l < this.dims.numLayers; l++) {
      const v = this.pool.view(l, from, count);
      tensors[this.names.pastKey[l]!] = new ort.Tensor(this.kvType, v.key, dims);
      tensors[this.names.pastValue[l]!] = new ort.Tensor(this.kvType, v.value, dims);
    }
    this.pastFeeds = { from, count, generation, tensors };
    return tensors;
  }

  async dispose(): Promise<void> {
    await this.queue;
    await this.session.release();
  }
}
