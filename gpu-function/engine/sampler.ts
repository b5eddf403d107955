// Next-token selection: penalties (OpenAI frequency/presence on generated tokens,
// HF/vLLM repetition over prompt + generated), then greedy or temperature/top-k/top-p
// sampling from a seeded RNG, so a request with `seed` is reproducible.

export interface SamplingParams {
  /** 0 → greedy. */
  temperature: number;
  /** 1 → off. */
  topP: number;
  /** 0 → off. */
  topK: number;
  seed?: number;
  frequencyPenalty: number;
  presencePenalty: number;
  /** 1 → off. */
  repetitionPenalty: number;
}

export const GREEDY: SamplingParams = { temperature: 0, topP: 1, topK: 0, frequencyPenalty: 0, presencePenalty: 0, repetitionPenalty: 1 };

/** xoshiro128**: small, fast, good statistical quality; seeded through splitmix32. */
export class Rng {
  private s = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Applies penalties in place. `counts` are generated-token counts; `seen` = prompt ∪ generated tokens. */
export function applyPenalties(logits: Float32Array, params: SamplingParams, counts: Map<number, number>, seen: Set<number>): void {
  if (params.repetitionPenalty !== 1) {
    const p = params.repetitionPenalty;
    for (const tok of seen) {
      const v = logits[tok]!;
      logits[tok] = v > 0 ? v / p : v * p;
    }
  }
  if (params.frequencyPenalty !== 0 || params.presencePenalty !== 0) {
    for (const [tok, count] of counts) {
      logits[tok] = logits[tok]! - count * params.frequencyPenalty - (count > 0 ? params.presencePenalty : 0);
    }
  }
}

export function argmax(logits: Float32Array): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    if (logits[i]! > bestValue) {
      bestValue = logits[i]!;
      best = i;
    }
  }
  return best;
}

/** A candidate distribution: token ids with their (unnormalised) probabilities, highest first. */
export interface Candidates {
  ids: number[];
  probs: number[];
}

/**
 * Softmax at `temperature`, then top-k, then top-p (nucleus) — the order HF and vLLM use.
 * Only tokens that can survive are sorted: with top-p, tokens below (1-p)/V probability
 * together weigh less than 1-p, so the nucleus always lies among the rest (exact, not a heuristic).
 */
export function filterCandidates(logits: Float32Array, temperature: number, topK: number, topP: number): Candidates {
  const v = logits.length;
  let max = -Infinity;
  for (let i = 0; i < v; i++) if (logits[i]! > max) max = logits[i]!;
  const probs = new Float64Array(v);
  let sum = 0;
  for (let i = 0; i < v; i++) {
    const e = Math.exp((logits[i]! - max) / temperature);
    probs[i] = e;
    sum += e;
  }
  const floor = topP < 1 ? ((1 - topP) / v) * sum : 0;
  let ids: number[] = [];
  for (let i = 0; i < v; i++) if (probs[i]! > 0 && probs[i]! >= floor) ids.push(i);
  ids.sort((a, b) => probs[b]! - probs[a]! || a - b);
  if (topK > 0 && ids.length > topK) ids = ids.slice(0, topK);
  if (topP < 1) {
    let kept = 0;
    let mass = 0;
    let total = 0;
    for (const id of ids) total += probs[id]!;
    // topP is relative to the mass left after top-k (renormalised), as HF does.
    while (kept < ids.length) {
      mass += probs[ids[kept]!]!;
      kept++;
      if (mass >= topP * total) break;
    }
    ids = ids.slice(0, Math.max(1, kept));
  }
  return { ids, probs: ids.map((id) => probs[id]!) };
}

export function sampleFrom(c: Candidates, rng: Rng): number {
  let total = 0;
  for (const p of c.probs) total += p;
  let r = rng.next() * total;
  for (let i = 0; i < c.ids.length; i++) {
    r -= c.probs[i]!;
    if (r < 0) return c.ids[i]!;
  }
  return c.ids[c.ids.length - 1]!;
}

/** Per-sequence sampler: owns the RNG stream and the token statistics penalties need. */
export class SequenceSampler {
  private readonly rng: Rng;
  private readonly counts = new Map<number, number>();
  private readonly seen: Set<number>;

  constructor(
    readonly params: SamplingParams,
    promptTokens: number[],
  ) {
    this.rng = new Rng(params.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.seen = new Set(params.repetitionPenalty !== 1 ? promptTokens : []);
  }

  /** Picks the next token; `logits` may be modified. */
  next(logits: Float32Array): number {
    applyPenalties(logits, this.params, this.counts, this.seen);
    const token =
      this.params.temperature === 0
        ? argmax(logits)
        : sampleFrom(filterCandidates(logits, this.params.temperature, this.params.topK, this.params.topP), this.rng);
    this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    if (this.params.repetitionPenalty !== 1) this.seen.add(token);
    return token;
  }
}
