// Decoding constraints: the scheduler's per-sequence logits-mask stage. A constrained
// sequence's logits are masked to the tokens its constraint allows before sampling
// (penalties, temperature, top-k/top-p and the seeded RNG still apply within the mask),
// optionally with a prior added to the allowed logits; a sequence without a constraint
// skips the stage entirely, so it costs nothing.

export interface LogitsConstraint {
  /**
   * Tokens allowed next, given how many more tokens the sequence may generate (max_tokens
   * and the context). Never empty. One token = forced (the sampler is not consulted).
   */
  allowedTokens(remaining: number): readonly number[];
  /**
   * Optional prior for the tokens the last `allowedTokens` call returned (same order): an
   * offset in nats added to each one's logit before sampling (quote mode: toward the
   * top-ranked source and reading order), or null for none. A model that prefers another
   * allowed token by more than the difference still gets it.
   */
  allowedBias?(): readonly number[] | null;
  /**
   * Records the token chosen from `allowedTokens`; returns tokens the constraint appends
   * right after it without asking the model (e.g. the rest of a quote once only one
   * source sentence can match, and its citation marker). They are fed to the model
   * with the chosen token in the next step (one multi-token row instead of many steps).
   */
  accept(token: number): number[];
}

/**
 * Copies the allowed logits into `out` (resized to the vocabulary) with every other entry at
 * -Infinity; `bias[i]`, when given, is added to the logit of `allowed[i]`.
 */
export function maskLogits(
  logits: Float32Array,
  allowed: readonly number[],
  out?: Float32Array,
  bias?: readonly number[] | null,
): Float32Array {
  const masked = out && out.length === logits.length ? out : new Float32Array(logits.length);
  masked.fill(-Infinity);
  if (bias) for (let i = 0; i < allowed.length; i++) masked[allowed[i]!] = logits[allowed[i]!]! + bias[i]!;
  else for (const t of allowed) masked[t] = logits[t]!;
  return masked;
}
