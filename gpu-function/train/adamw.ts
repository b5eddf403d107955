// AdamW (Loshchilov & Hutter) with decoupled weight decay, as torch.optim.AdamW:
// p ← p − lr·wd·p, then the Adam update with bias-corrected moments. Runs in place on
// Float32Arrays. Measured on this shared 2-core box: ~40 ns per parameter (185 ms for the
// 4.7 M-parameter default model under load), 2–4 % of a training step; doing it as graph
// ops would add moment tensors to every session run's inputs and outputs for no gain.
export interface AdamWOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export interface AdamWState {
  step: number;
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
}

export function newAdamWState(params: Map<string, Float32Array>): AdamWState {
  const m = new Map<string, Float32Array>();
  const v = new Map<string, Float32Array>();
  for (const [name, p] of params) {
    m.set(name, new Float32Array(p.length));
    v.set(name, new Float32Array(p.length));
  }
  return { step: 0, m, v };
}

/**
 * One update. `decay(name)` says whether weight decay applies (matrices yes; norms and
 * biases no, as nanoGPT). `gradScale` multiplies every gradient (clipping).
 */
export function adamwStep(
  params: Map<string, Float32Array>,
  grads: Map<string, Float32Array>,
  state: AdamWState,
  lr: number,
  o: AdamWOptions,
  decay: (name: string) => boolean,
  gradScale = 1,
): void {
  state.step += 1;
  const bc1 = 1 - o.beta1 ** state.step;
  const bc2 = 1 - o.beta2 ** state.step;
  const stepSize = lr / bc1;
  const sqrtBc2 = Math.sqrt(bc2);
  for (const [name, p] of params) {
    const g = grads.get(name);
    if (!g) continue;
    const m = state.m.get(name)!;
    const v = state.v.get(name)!;
    const shrink = decay(name) ? 1 - lr * o.weightDecay : 1;
    const { beta1, beta2, eps } = o;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i] * gradScale;
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      p[i] = p[i] * shrink - (stepSize * m[i]) / (Math.sqrt(v[i]) / sqrtBc2 + eps);
    }
  }
}

/** Global L2 norm over all gradients (for max-grad-norm clipping). */
export function globalNorm(grads: Map<string, Float32Array>): number {
  let sum = 0;
  for (const g of grads.values()) for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  return Math.sqrt(sum);
}
