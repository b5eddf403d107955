// Rotary position embedding tables from an HF config (rope_theta, rope_scaling). Computed in
// double; both the fused graph (GroupQueryAttention's cos/sin caches, [maxPos, D/2]) and the
// plain graph use the same tables so they agree exactly.
import type { HfConfig } from "./types";

export interface RopeTables {
  cos: Float64Array; // [maxPos, rotaryDim/2]
  sin: Float64Array;
  rotaryDim: number;
}

export function ropeInverseFrequencies(config: HfConfig, rotaryDim: number): Float64Array {
  const theta = typeof config.rope_theta === "number" ? config.rope_theta : 10000;
  const half = rotaryDim / 2;
  const inv = Float64Array.from({ length: half }, (_, i) => 1 / theta ** ((2 * i) / rotaryDim));
  const scaling = config.rope_scaling as Record<string, unknown> | null | undefined;
  if (!scaling) return inv;
  const type = String(scaling.rope_type ?? scaling.type ?? "default");
  const factor = typeof scaling.factor === "number" ? scaling.factor : 1;
  switch (type) {
    case "default":
      return inv;
    case "linear":
      // Positions divided by factor ≡ frequencies divided by factor.
      return inv.map((f) => f / factor);
    case "llama3": {
      // Llama 3.1: long wavelengths are slowed by `factor`, short ones kept, smooth blend between.
      const low = Number(scaling.low_freq_factor ?? 1);
      const high = Number(scaling.high_freq_factor ?? 4);
      const original = Number(scaling.original_max_position_embeddings ?? 8192);
      const lowWavelen = original / low;
      const highWavelen = original / high;
      return inv.map((f) => {
        const wavelen = (2 * Math.PI) / f;
        if (wavelen < highWavelen) return f;
        if (wavelen > lowWavelen) return f / factor;
        const smooth = (original / wavelen - low) / (high - low);
        return (1 - smooth) * (f / factor) + smooth * f;
      });
    }
    case "yarn":
      return yarnFrequencies(config, scaling, rotaryDim, inv, factor);
    default:
      throw new Error(`config.json: rope_scaling type "${type}" is not supported yet (supported: default, linear, llama3, yarn)`);
  }
}

/**
 * YaRN (gpt-oss, long-context Qwen): frequencies whose wavelength fits the original context
 * many times keep their value (extrapolation), long ones are divided by `factor`
 * (interpolation), with a linear ramp between the beta_fast / beta_slow correction dims.
 */
function yarnFrequencies(config: HfConfig, scaling: Record<string, unknown>, dim: number, inv: Float64Array, factor: number): Float64Array {
  const base = typeof config.rope_theta === "number" ? config.rope_theta : 10000;
  const original = Number(scaling.original_max_position_embeddings ?? config.max_position_embeddings ?? 4096);
  const betaFast = Number(scaling.beta_fast ?? 32);
  const betaSlow = Number(scaling.beta_slow ?? 1);
  const correctionDim = (rotations: number) => (dim * Math.log(original / (rotations * 2 * Math.PI))) / (2 * Math.log(base));
  const truncate = scaling.truncate !== false;
  let low = correctionDim(betaFast);
  let high = correctionDim(betaSlow);
  if (truncate) {
    low = Math.floor(low);
    high = Math.ceil(high);
  }
  low = Math.max(low, 0);
  high = Math.min(high, dim - 1);
  if (low === high) high += 0.001;
  return inv.map((f, i) => {
    const ramp = Math.min(1, Math.max(0, (i - low) / (high - low)));
    const extrapolation = 1 - ramp;
    return (f / factor) * (1 - extrapolation) + f * extrapolation;
  });
}

/** YaRN scales cos/sin (hence attention logits) by an "attention factor"; 1 for other rope types. */
export function ropeAttentionFactor(config: HfConfig): number {
  const scaling = config.rope_scaling as Record<string, unknown> | null | undefined;
  if (!scaling || String(scaling.rope_type ?? scaling.type) !== "yarn") return 1;
  if (typeof scaling.attention_factor === "number") return scaling.attention_factor;
  const factor = Number(scaling.factor ?? 1);
  const mscale = (scale: number, m = 1) => (scale <= 1 ? 1 : 0.1 * m * Math.log(scale) + 1);
  if (typeof scaling.mscale === "number" && typeof scaling.mscale_all_dim === "number" && scaling.mscale && scaling.mscale_all_dim) {
    return mscale(factor, scaling.mscale) / mscale(factor, scaling.mscale_all_dim);
  }
  return mscale(factor);
}

export function ropeTables(config: HfConfig, rotaryDim: number, maxPos: number): RopeTables {
  if (typeof config.partial_rotary_factor === "number" && config.partial_rotary_factor !== 1) {
    throw new Error(`config.json: partial_rotary_factor ${config.partial_rotary_factor} is not supported (rotary over the whole head only)`);
  }
  const inv = ropeInverseFrequencies(config, rotaryDim);
  const scale = ropeAttentionFactor(config);
  const half = rotaryDim / 2;
  const cos = new Float64Array(maxPos * half);
  const sin = new Float64Array(maxPos * half);
  for (let p = 0; p < maxPos; p++) {
    for (let i = 0; i < half; i++) {
      cos[p * half + i] = Math.cos(p * inv[i]) * scale;
      sin[p * half + i] = Math.sin(p * inv[i]) * scale;
    }
  }
  return { cos, sin, rotaryDim };
}
