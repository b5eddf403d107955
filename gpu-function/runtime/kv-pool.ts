// KV cache as a slot pool. Per layer one K and one V buffer [maxSlots, kvHeads, capacity, headDim];
// a live sequence owns one slot. A batch's past is a zero-copy view of consecutive slots;
// after each step the runtime writes only the new tokens' keys/values into the slots.
// Slots are kept compact (a released slot is refilled with the last live one), so the usual
// decode batch is exactly slots [0, n). Capacity tracks the longest live sequence (grown in
// 16-token steps by at least 1/8, shrunk when long sequences leave): GroupQueryAttention
// zeroes its present buffer over the whole capacity of each batch row every step (and copies
// the used part), so a tight capacity keeps a step O(context).
// Slot buffers are allocated for the sequences actually live (doubling), not maxBatch up front.
// A capacity or slot-count change re-strides the live data IN PLACE when the buffers are big
// enough (growing a request's capacity 64 → 128 → 192 used to allocate, zero and copy every
// layer's buffers each time: tens of ms per request, hundreds of µs per token amortised); the
// buffers are re-allocated only when too small (doubling: GROW_HEADROOM), or more than
// SHRINK_RATIO times too large with more than `shrinkSlackBytes` to give back. Small pools thus
// keep their buffers between requests: a 32 + 256-token request on models/base re-allocated
// (zeroed, copied, and later garbage-collected) ~6 MB six times, and the next request again
// after the shrink: ~10% of the runtime's per-step JS.

export type KvArray = Float32Array | Uint16Array;

const GRANULE = 16;
/** Least capacity growth per re-stride (bounds how often the live data moves). */
const GROWTH = 1.125;
/** Spare room a re-allocation for growth takes (doubling), so the next re-strides stay in place. */
const GROW_HEADROOM = 2;
const MIN_SLOTS = 4;
/** Buffers more than this many times larger than the layout needs are re-allocated smaller… */
const SHRINK_RATIO = 4;
/** …when that gives back more than this many bytes (all layers' K and V). */
const SHRINK_SLACK_BYTES = 32 * 1024 * 1024;
const roundUp = (n: number, m: number) => Math.ceil(n / m) * m;

export class KvSlotPool {
  keys: KvArray[] = [];
  values: KvArray[] = [];
  capacity: number;
  /** Slots the buffers currently hold (grows by doubling up to maxSlots, shrinks when idle). */
  allocatedSlots: number;
  /** Tokens stored per slot (kept in sync with the owning cache handle). */
  readonly lengths: number[];
  readonly owners: (object | null)[];
  private live = 0;

  constructor(
    readonly numLayers: number,
    readonly maxSlots: number,
    readonly kvHeads: number,
    readonly headDim: number,
    private readonly initialCapacity: number,
    readonly maxCapacity: number,
    private readonly makeArray: (n: number) => KvArray = (n) => new Float32Array(n),
    private readonly shrinkSlackBytes = SHRINK_SLACK_BYTES,
  ) {
    this.capacity = Math.min(initialCapacity, maxCapacity);
    this.initialCapacity = this.capacity;
    this.allocatedSlots = Math.min(MIN_SLOTS, maxSlots);
    this.lengths = new Array<number>(maxSlots).fill(0);
    this.owners = new Array<object | null>(maxSlots).fill(null);
    this.allocate();
  }

  get liveSlots(): number {
    return this.live;
  }

  get slotSize(): number {
    return this.kvHeads * this.capacity * this.headDim;
  }

  /** Elements of one layer's K (or V) buffer the current layout uses. */
  private get layoutElements(): number {
    return this.allocatedSlots * this.slotSize;
  }

  private allocate(n = this.layoutElements): void {
    this.keys = Array.from({ length: this.numLayers }, () => this.makeArray(n));
    this.values = Array.from({ length: this.numLayers }, () => this.makeArray(n));
    this.generation++;
  }

  /**
   * Changes the layout each time the buffers are re-strided or re-allocated: views (and
   * tensors wrapping them) taken under an older generation must not be reused.
   */
  generation = 0;
  /** Makes room for `tokens` positions per slot. */
  ensureCapacity(tokens: number): void {
    if (tokens > this.maxCapacity) throw new Error(`sequence of ${tokens} tokens exceeds the KV cache limit of ${this.maxCapacity}`);
    if (tokens <= this.capacity) return;
    const grown = Math.max(roundUp(tokens, GRANULE), roundUp(Math.ceil(this.capacity * GROWTH), GRANULE));
    this.relayout(Math.min(grown, this.maxCapacity), this.allocatedSlots);
  }

  /** Gives memory (and per-step work) back when sequences are far shorter, or far fewer, than allocated. */
  private maybeShrink(): void {
    let longest = 0;
    for (let s = 0; s < this.live; s++) longest = Math.max(longest, this.lengths[s]);
    const target = Math.max(roundUp(longest + 1, GRANULE), this.initialCapacity);
    const slots = Math.max(MIN_SLOTS, this.live * 2);
    const shrinkCapacity = target * 2 <= this.capacity;
    const shrinkSlots = slots * 2 <= this.allocatedSlots;
    if (shrinkCapacity || shrinkSlots) this.relayout(shrinkCapacity ? target : this.capacity, shrinkSlots ? slots : this.allocatedSlots);
  }

  /** Changes capacity and slot count, keeping each live slot's used positions (in place when the buffers allow). */
  private relayout(capacity: number, slots: number): void {
    const oldCap = this.capacity;
    const need = slots * this.kvHeads * capacity * this.headDim;
    const have = this.keys[0]!.length;
    const slack = (have - need) * 2 * this.numLayers * this.keys[0]!.BYTES_PER_ELEMENT;
    if (need > have || (need * SHRINK_RATIO < have && slack > this.shrinkSlackBytes)) {
      const oldKeys = this.keys;
      const oldValues = this.values;
      this.capacity = capacity;
      this.allocatedSlots = slots;
      const most = this.maxSlots * this.kvHeads * this.maxCapacity * this.headDim;
      this.allocate(need > have ? Math.min(most, Math.max(need, Math.ceil(need * GROW_HEADROOM))) : need);
      this.copyRows(oldCap, (l, from, to, n) => {
        this.keys[l]!.set(oldKeys[l]!.subarray(from, from + n), to);
        this.values[l]!.set(oldValues[l]!.subarray(from, from + n), to);
      });
      return;
    }
    this.capacity = capacity;
    this.allocatedSlots = slots;
    this.generation++;
    if (capacity === oldCap) return;
    // Re-stride in place. Growing moves rows to higher offsets, so the last row goes first;
    // shrinking moves them lower, first row first: no row is overwritten before it moved.
    this.copyRows(
      oldCap,
      (l, from, to, n) => {
        if (from === to) return;
        this.keys[l]!.copyWithin(to, from, from + n);
        this.values[l]!.copyWithin(to, from, from + n);
      },
      capacity > oldCap,
    );
  }

  /** Calls `move` for every live (slot, head) row: its offset under `oldCap`, under the current capacity, and its used length. */
  private copyRows(oldCap: number, move: (layer: number, from: number, to: number, n: number) => void, reverse = false): void {
    const d = this.headDim;
    const rows = this.live * this.kvHeads;
    for (let l = 0; l < this.numLayers; l++) {
      for (let i = 0; i < rows; i++) {
        const r = reverse ? rows - 1 - i : i;
        const n = Math.min(this.lengths[Math.floor(r / this.kvHeads)]!, this.capacity, oldCap) * d;
        if (n > 0) move(l, r * oldCap * d, r * this.capacity * d, n);
      }
    }
  }

  /**
   * Writes a step's new keys/values for `count` tokens of batch row `row` into `slot` starting at
   * position `start`. `src` is [batch, seq, stride]; within a position's row, this layer's keys
   * ([kvHeads·headDim]) start at `at.key` and its values at `at.value` (fused-graph.ts NEW_KV).
   */
  write(
    layer: number,
    slot: number,
    start: number,
    src: KvArray,
    row: number,
    seq: number,
    count: number,
    at: { key: number; value: number; stride: number },
  ): void {
    const d = this.headDim;
    for (let t = 0; t < count; t++) {
      const base = (row * seq + t) * at.stride;
      for (let h = 0; h < this.kvHeads; h++) {
        const dst = ((slot * this.kvHeads + h) * this.capacity + start + t) * d;
        const k = base + at.key + h * d;
        const v = base + at.value + h * d;
        this.keys[layer]!.set(src.subarray(k, k + d), dst);
        this.values[layer]!.set(src.subarray(v, v + d), dst);
      }
    }
  }

  acquire(owner: object): number {
    if (this.live >= this.maxSlots)
      throw new Error(`KV cache is full: ${this.maxSlots} sequences are live (raise maxBatch or release finished caches)`);
    if (this.live >= this.allocatedSlots) this.relayout(this.capacity, Math.min(this.maxSlots, this.allocatedSlots * 2));
    const slot = this.live++;
    this.owners[slot] = owner;
    this.lengths[slot] = 0;
    return slot;
  }

  /** Frees a slot; returns the owner that moved into it (its slot index changed) or null. */
  release(slot: number): object | null {
    const last = --this.live;
    this.owners[slot] = null;
    if (slot === last) {
      this.lengths[slot] = 0;
      this.maybeShrink();
      return null;
    }
    const moved = this.owners[last]!;
    const n = this.slotSize;
    for (let l = 0; l < this.numLayers; l++) {
      // Only the used prefix of each head row matters; copying the whole slot is simpler and still O(slot).
      this.keys[l].copyWithin(slot * n, last * n, (last + 1) * n);
      this.values[l].copyWithin(slot * n, last * n, (last + 1) * n);
    }
    this.owners[slot] = moved;
    this.lengths[slot] = this.lengths[last];
    this.owners[last] = null;
    this.lengths[last] = 0;
    this.maybeShrink();
    return moved;
  }

  /** Zero-copy views of slots [from, from + count) for one layer. */
  view(layer: number, from: number, count: number): { key: KvArray; value: KvArray } {
    const n = this.slotSize;
    return {
      key: this.keys[layer].subarray(from * n, (from + count) * n),
      value: this.values[layer].subarray(from * n, (from + count) * n),
    };
  }

  /** Bytes held by the pool's buffers (for metrics; may exceed the current layout, see SHRINK_RATIO). */
  bytes(): number {
    return 2 * this.numLayers * this.keys[0]!.length * this.keys[0]!.BYTES_PER_ELEMENT;
  }
}
