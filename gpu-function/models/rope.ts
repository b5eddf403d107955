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
    default:
      throw new Error(`config.json: rope_scaling type "${type}" is not supported yet (supported: default, linear, llama3)`);
  }
}

export function ropeTables(config: HfConfig, rotaryDim: number, maxPos: number): RopeTables {
  const inv = ropeInverseFrequencies(config, rotaryDim);
  const half = rotaryDim / 2;
  const cos = new Float64Array(maxPos * half);
  const sin = new Float64Array(maxPos * half);
  for (let p = 0; p < maxPos; p++) {
    for (let i = 0; i < half; i++) {
      cos[p * half + i] = Math.cos(p * inv[i]);
      sin[p * half + i] = Math.sin(p * inv[i]);
    }
  }
  return { cos, sin, rotaryDim };
}
