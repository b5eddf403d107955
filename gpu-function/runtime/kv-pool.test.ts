// The slot pool's bookkeeping: compaction on release, capacity growth and shrink keep every
// live sequence's keys/values intact.
import { describe, expect, it } from "vitest";

import { KvSlotPool } from "./kv-pool";

/**
 * Writes `n` tokens for a sequence, key = id·1000 + position·10 + head and value = key + 0.5,
 * in the runtime's packed layout (per position: keys of all heads, then values).
 */
function append(pool: KvSlotPool, slot: number, id: number, n: number): void {
  const start = pool.lengths[slot];
  pool.ensureCapacity(start + n);
  const width = pool.kvHeads * pool.headDim;
  const data = new Float32Array(n * 2 * width);
  for (let t = 0; t < n; t++)
    for (let h = 0; h < pool.kvHeads; h++) {
      const at = t * 2 * width + h * pool.headDim;
      data.fill(id * 1000 + (start + t) * 10 + h, at, at + pool.headDim);
      data.fill(id * 1000 + (start + t) * 10 + h + 0.5, at + width, at + width + pool.headDim);
    }
  for (let l = 0; l < pool.numLayers; l++) pool.write(l, slot, start, data, 0, n, n, { key: 0, value: width, stride: 2 * width });
  pool.lengths[slot] += n;
}

function check(pool: KvSlotPool, slot: number, id: number): void {
  for (let l = 0; l < pool.numLayers; l++) {
    const { key, value } = pool.view(l, slot, 1);
    for (let h = 0; h < pool.kvHeads; h++) {
      for (let t = 0; t < pool.lengths[slot]; t++) {
        const at = (h * pool.capacity + t) * pool.headDim;
        expect(key[at]).toBe(id * 1000 + t * 10 + h);
        expect(value[at + pool.headDim - 1]).toBe(id * 1000 + t * 10 + h + 0.5);
      }
    }
  }
}

describe("KvSlotPool", () => {
  it("allocates slots as sequences arrive (doubling), not maxBatch up front", () => {
    const pool = new KvSlotPool(1, 16, 1, 2, 8, 64);
    expect(pool.allocatedSlots).toBe(4);
    const owners = Array.from({ length: 9 }, (_, id) => ({ id }));
    owners.forEach((o, id) => append(pool, pool.acquire(o), id, 3));
    expect(pool.allocatedSlots).toBe(16);
    owners.forEach((_, id) => check(pool, id, id));
    for (let i = 0; i < 7; i++) pool.release(pool.liveSlots - 1);
    expect(pool.allocatedSlots).toBe(4);
    check(pool, 0, 0);
    check(pool, 1, 1);
  });

  it("keeps data through compaction, growth and shrink", () => {
    const pool = new KvSlotPool(2, 3, 2, 4, 8, 1024, undefined, 0);
    const owners = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const slots = owners.map((o) => pool.acquire(o));
    expect(slots).toEqual([0, 1, 2]);
    append(pool, 0, 1, 5);
    append(pool, 1, 2, 3);
    append(pool, 2, 3, 300); // grows 8 → 304 (16-token granules)
    expect(pool.capacity).toBe(304);
    [1, 2, 3].forEach((id, s) => check(pool, s, id));
    expect(() => pool.acquire({})).toThrow(/KV cache is full: 3 sequences/);

    // Releasing slot 0 moves the last live sequence (id 3) into it.
    expect(pool.release(0)).toBe(owners[2]);
    expect(pool.liveSlots).toBe(2);
    check(pool, 0, 3);
    check(pool, 1, 2);
    // Releasing the long sequence shrinks the capacity back to the longest live one.
    expect(pool.release(0)).toBe(owners[1]);
    expect(pool.capacity).toBe(16);
    expect(pool.bytes()).toBe(2 * 2 * 3 * 2 * 16 * 4 * 4); // layers·K/V · slots · heads · capacity · dim · fp32
    check(pool, 0, 2);
    append(pool, 0, 2, 4);
    check(pool, 0, 2);
    expect(() => pool.ensureCapacity(1025)).toThrow(/exceeds the KV cache limit of 1024/);
  });

  it("re-strides in place when the buffers are big enough (no allocation per capacity change)", () => {
    const pool = new KvSlotPool(2, 4, 2, 4, 64, 1024);
    const owners = [{ id: 1 }, { id: 2 }, { id: 3 }];
    owners.forEach((o) => pool.acquire(o));
    append(pool, 0, 1, 20);
    append(pool, 1, 2, 30);
    append(pool, 2, 3, 120); // grows to 128: the buffers are re-allocated (with a quarter spare)
    const buffers = [...pool.keys, ...pool.values];
    const generation = pool.generation;
    [1, 2, 3].forEach((id, s) => check(pool, s, id));

    pool.release(2); // longest left is 30: capacity 128 → 64, within the same buffers
    expect(pool.capacity).toBe(64);
    [1, 2].forEach((id, s) => check(pool, s, id));
    append(pool, 0, 1, 60); // 80 tokens: 64 → 80, in place again
    expect(pool.capacity).toBe(80);
    [1, 2].forEach((id, s) => check(pool, s, id));
    expect([...pool.keys, ...pool.values].every((b, i) => b === buffers[i])).toBe(true);
    expect(pool.generation).toBeGreaterThan(generation); // views taken before must not be reused
    expect(pool.bytes()).toBe(2 * 2 * 4 * 2 * 256 * 4 * 4); // what the buffers hold (128 positions, doubled), not the layout
  });

  it("keeps small buffers between requests (re-allocates smaller only when that frees a lot)", () => {
    const pool = new KvSlotPool(2, 4, 2, 4, 16, 1024);
    const owner = {};
    pool.acquire(owner);
    append(pool, 0, 1, 300);
    const buffers = [...pool.keys, ...pool.values];
    pool.release(0); // capacity back to 16, but only ~80 kB would be freed: the buffers stay
    expect(pool.capacity).toBe(16);
    pool.acquire(owner);
    append(pool, 0, 7, 300); // the same request again: re-strides only, no allocation
    check(pool, 0, 7);
    expect([...pool.keys, ...pool.values].every((b, i) => b === buffers[i])).toBe(true);
    // With no slack allowed, the same release re-allocates to the layout.
    const tight = new KvSlotPool(2, 4, 2, 4, 16, 1024, undefined, 0);
    tight.acquire(owner);
    append(tight, 0, 1, 300);
    tight.release(0);
    expect(tight.bytes()).toBe(2 * 2 * 4 * 2 * 16 * 4 * 4);
  });
});
