// KV cache as a slot pool. Per layer one K and one V buffer [maxSlots, kvHeads, capacity, headDim];
// a live sequence owns one slot. GroupQueryAttention reads the past from and writes the new
// token into the SAME buffer (past and present share memory, bound as pre-allocated outputs),
// so a decode step copies nothing: the batch tensor is a zero-copy view of consecutive slots.
// Slots are kept compact (a released slot is refilled with the last live one), so the usual
// decode batch is exactly slots [0, n). Capacity grows by doubling, so short chats do not pay
// for the maximum context up front; growth copies once, amortised O(1) per token.

export type KvArray = Float32Array | Uint16Array;

export class KvSlotPool {
  keys: KvArray[] = [];
  values: KvArray[] = [];
  capacity: number;
  /** Tokens stored per slot (kept in sync with the owning cache handle). */
  readonly lengths: number[];
  readonly owners: (object | null)[];
  private live = 0;

  constructor(
    readonly numLayers: number,
    readonly maxSlots: number,
    readonly kvHeads: number,
    readonly headDim: number,
    initialCapacity: number,
    readonly maxCapacity: number,
    private readonly makeArray: (n: number) => KvArray = (n) => new Float32Array(n),
  ) {
    this.capacity = Math.min(initialCapacity, maxCapacity);
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

  private allocate(): void {
    const n = this.maxSlots * this.slotSize;
    this.keys = Array.from({ length: this.numLayers }, () => this.makeArray(n));
    this.values = Array.from({ length: this.numLayers }, () => this.makeArray(n));
  }

  /** Makes room for `tokens` positions per slot (doubling, capped at maxCapacity). */
  ensureCapacity(tokens: number): void {
    if (tokens > this.maxCapacity) throw new Error(`sequence of ${tokens} tokens exceeds the KV cache limit of ${this.maxCapacity}`);
    if (tokens <= this.capacity) return;
    const oldCap = this.capacity;
    const oldKeys = this.keys;
    const oldValues = this.values;
    let cap = oldCap;
    while (cap < tokens) cap *= 2;
    this.capacity = Math.min(cap, this.maxCapacity);
    this.allocate();
    const rowLen = this.headDim;
    for (let l = 0; l < this.numLayers; l++) {
      for (let s = 0; s < this.live; s++) {
        for (let h = 0; h < this.kvHeads; h++) {
          const from = (s * this.kvHeads + h) * oldCap * rowLen;
          const to = (s * this.kvHeads + h) * this.capacity * rowLen;
          const n = this.lengths[s] * rowLen;
          this.keys[l].set(oldKeys[l].subarray(from, from + n), to);
          this.values[l].set(oldValues[l].subarray(from, from + n), to);
        }
      }
    }
  }

  acquire(owner: object): number {
    if (this.live >= this.maxSlots) throw new Error(`KV cache is full: ${this.maxSlots} sequences are live (raise maxBatch or release finished caches)`);
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
    return moved;
  }

  /** Zero-copy views of slots [from, from + count) for one layer. */
  view(layer: number, from: number, count: number): { key: KvArray; value: KvArray } {
    const n = this.slotSize;
    return { key: this.keys[layer].subarray(from * n, (from + count) * n), value: this.values[layer].subarray(from * n, (from + count) * n) };
  }

  /** Bytes held by the pool (for metrics). */
  bytes(): number {
    return 2 * this.numLayers * this.maxSlots * this.slotSize * this.keys[0].BYTES_PER_ELEMENT;
  }
}
