// Small deterministic helpers both the app and the gpu-function use: the same input gives
// the same number in every runtime, with no crypto module (not for security).

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units or a sequence of integers (each
 * integer is one unit, e.g. token ids). Used for the MedQuAD held-out split, the lexical
 * hashing embedder and the trainer's checkpoint key.
 */
export function fnv1a32(units: string | Iterable<number>): number {
  let h = FNV_OFFSET_BASIS;
  if (typeof units === "string") {
    for (let i = 0; i < units.length; i++) h = Math.imul(h ^ units.charCodeAt(i), FNV_PRIME);
  } else {
    for (const u of units) h = Math.imul(h ^ u, FNV_PRIME);
  }
  return h >>> 0;
}

/** mulberry32's state increment: advance the uint32 state by this, then read it with mulberry32Output. */
export const MULBERRY32_INCREMENT = 0x6d2b79f5;

/** mulberry32's output for an (already advanced) uint32 state: uniform in [0, 1). */
export function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A seeded uniform [0, 1) generator (mulberry32): a fixed seed gives the same stream everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + MULBERRY32_INCREMENT) >>> 0;
    return mulberry32Output(state);
  };
}
