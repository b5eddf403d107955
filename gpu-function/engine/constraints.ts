// Decoding constraints: the scheduler's per-sequence logits-mask stage. A constrained
// sequence's logits are masked to the tokens its constraint allows before sampling
// (penalties, temperature, top-k/top-p and the seeded RNG still apply within the mask);
// a sequence without a constraint skips the stage entirely, so it costs nothing.

export interface LogitsConstraint {
  /**
   * Tokens allowed next, given how many more tokens the sequence may generate (max_tokens
   * and the context). Never empty. One token = forced (the sampler is not consulted).
   */
  allowedTokens(remaining: number): readonly number[];
  /**
   * Records the token chosen from `allowedTokens`; returns tokens the constraint appends
   * right after it without asking the model (e.g. the rest of a quote once only one
   * source sentence can match, and its citation marker). They are fed to the model
   * with the chosen token in the next step (one multi-token row instead of many steps).
   */
  accept(token: number): number[];
}

/** Copies the allowed logits into `out` (resized to the vocabulary) with every other entry at -Infinity. */
export function maskLogits(logits: Float32Array, allowed: readonly number[], out?: Float32Array): Float32Array {
  const masked = out && out.length === logits.length ? out : new Float32Array(logits.length);
  masked.fill(-Infinity);
  for (const t of allowed) masked[t] = logits[t]!;
  return masked;
}
