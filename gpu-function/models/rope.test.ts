import { describe, expect, it } from "vitest";

import { ropeInverseFrequencies, ropeTables } from "./rope";

describe("rotary tables", () => {
  it("follow rope_theta and the linear / llama3 scaling rules", () => {
    const base = ropeInverseFrequencies({ rope_theta: 10000 }, 8);
    expect(Array.from(base)).toEqual([1, 10000 ** -0.25, 10000 ** -0.5, 10000 ** -0.75]);
    const linear = ropeInverseFrequencies({ rope_theta: 10000, rope_scaling: { type: "linear", factor: 4 } }, 8);
    linear.forEach((f, i) => expect(f).toBeCloseTo(base[i] / 4, 15));
    // llama3: wavelengths shorter than original/high_freq_factor keep their frequency, longer than original/low are divided by factor.
    const scaling = { rope_type: "llama3", factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 64 };
    const l3 = ropeInverseFrequencies({ rope_theta: 10000, rope_scaling: scaling }, 8);
    expect(l3[0]).toBe(base[0]); // wavelength 2π < 16
    expect(l3[3]).toBeCloseTo(base[3] / 8, 15); // wavelength ≈ 6283 > 64
    expect(() => ropeInverseFrequencies({ rope_scaling: { rope_type: "dynamic", factor: 2 } }, 8)).toThrow(/rope_scaling type "dynamic" is not supported/);
    expect(() => ropeTables({ partial_rotary_factor: 0.5 }, 8, 4)).toThrow(/partial_rotary_factor 0.5 is not supported/);
    const t = ropeTables({}, 4, 3);
    expect(t.cos[2 * 2 + 1]).toBeCloseTo(Math.cos(2 * 0.01), 12);
    expect(t.sin[1 * 2]).toBeCloseTo(Math.sin(1), 12);
  });

  it("YaRN keeps high frequencies, interpolates low ones and scales cos/sin by its attention factor", () => {
    const config = { rope_theta: 150000, max_position_embeddings: 131072, rope_scaling: { rope_type: "yarn", factor: 32, beta_fast: 32, beta_slow: 1, original_max_position_embeddings: 4096 } };
    const dim = 64;
    const base = ropeInverseFrequencies({ rope_theta: 150000 }, dim);
    const yarn = ropeInverseFrequencies(config, dim);
    expect(yarn[0]).toBe(base[0]);
    expect(yarn[dim / 2 - 1]).toBeCloseTo(base[dim / 2 - 1] / 32, 15);
    for (let i = 1; i < dim / 2; i++) expect(yarn[i] / base[i]).toBeLessThanOrEqual(yarn[i - 1] / base[i - 1] + 1e-12); // monotone ramp
    const t = ropeTables(config, dim, 2);
    expect(t.cos[0]).toBeCloseTo(0.1 * Math.log(32) + 1, 12);
  });
});
