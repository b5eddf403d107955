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
    const t = ropeTables({}, 4, 3);
    expect(t.cos[2 * 2 + 1]).toBeCloseTo(Math.cos(2 * 0.01), 12);
    expect(t.sin[1 * 2]).toBeCloseTo(Math.sin(1), 12);
  });
});
