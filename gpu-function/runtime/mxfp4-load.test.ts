// MXFP4 dequantisation: hand-computed values (nibble order, sign, scale bias, transpose), and a
// gpt-oss checkpoint whose experts are stored as `_blocks`/`_scales` U8 tensors loading to the
// same tensors as its float layout.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafetensors } from "../onnx/safetensors";
import { readHfModel } from "../models/hf-dir";
import { loadModel } from "./load";
import { dequantizeMxfp4, FP4_E2M1_VALUES, unpackMxfp4Tensors } from "../models/mxfp4";
import { maxAbsDiff, mxfp4TestExperts, rawSafetensors, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("mxfp4");
});
afterAll(async () => root.cleanup());

describe("MXFP4 dequantisation", () => {
  it("decodes e2m1 nibbles (low nibble first) times 2^(scale − 127) and transposes to [E, cols, rows]", () => {
    // 1 expert, 2 rows, 1 block of 32 values per row.
    const blocks = new Uint8Array(2 * 16);
    blocks[0] = 0x21; // row 0: value 0 = code 1 (0.5), value 1 = code 2 (1.0)
    blocks[1] = 0xf8; // row 0: value 2 = code 8 (−0), value 3 = code 15 (−6)
    blocks[15] = 0x7a; // row 0: value 30 = code 10 (−1), value 31 = code 7 (6)
    blocks[16] = 0x93; // row 1: value 0 = code 3 (1.5), value 1 = code 9 (−0.5)
    const scales = Uint8Array.of(128, 125); // row 0 ×2, row 1 ×1/4
    const { data, shape } = dequantizeMxfp4(blocks, [1, 2, 1, 16], scales, [1, 2, 1]);
    expect(shape).toEqual([1, 32, 2]);
    const at = (col: number, row: number) => data[col * 2 + row];
    expect([at(0, 0), at(1, 0), at(2, 0), at(3, 0), at(30, 0), at(31, 0)]).toEqual([1, 2, -0, -12, -2, 12]);
    expect([at(0, 1), at(1, 1), at(2, 1)]).toEqual([0.375, -0.125, 0]);
    expect(FP4_E2M1_VALUES).toHaveLength(16);
  });

  it("checks shapes and needs both halves of a pair", () => {
    expect(() => dequantizeMxfp4(new Uint8Array(16), [1, 1, 1, 16], new Uint8Array(2), [1, 2, 1])).toThrow(/do not match blocks/);
    const t = { dtype: "U8" as const, shape: [1, 1, 1, 16], data: new Float32Array(16) };
    expect(() => unpackMxfp4Tensors(new Map([["x.gate_up_proj_blocks", t]]))).toThrow(/no matching "x.gate_up_proj_scales"/);
  });

  it("a gpt-oss checkpoint with MXFP4 experts loads the same expert tensors as the float layout", async () => {
    const dir = await tinyModelDir(root.dir, "oss", { family: "gpt-oss", seed: 41, numLayers: 1 });
    const file = path.join(dir, "model.safetensors");
    const float = readSafetensors(await readFile(file));
    const raw: Parameters<typeof rawSafetensors>[0] = {};
    for (const [name, t] of float)
      raw[name] = { dtype: "F32", shape: t.shape, bytes: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength) };
    // Replace the experts by exactly representable MXFP4 values, keeping the float copy to compare.
    const expected = new Map<string, Float32Array>();
    let seed = 1;
    for (const name of ["model.layers.0.mlp.experts.gate_up_proj", "model.layers.0.mlp.experts.down_proj"]) {
      const [e, inDim, outDim] = float.get(name)!.shape; // HF layout [E, in, out]; stored as [E, out, in/32, 16]
      const { values, blocks, scales } = mxfp4TestExperts(float.get(name)!.shape, () => (seed = (seed * 1103515245 + 12345) >>> 0) % 16);
      expected.set(name, values);
      delete raw[name];
      raw[`${name}_blocks`] = { dtype: "U8", shape: [e, outDim, inDim / 32, 16], bytes: blocks };
      raw[`${name}_scales`] = { dtype: "U8", shape: [e, outDim, inDim / 32], bytes: scales };
    }
    await writeFile(file, rawSafetensors(raw));
    const model = await readHfModel(dir);
    for (const [name, values] of expected) {
      expect(model.tensors.get(name)!.shape).toEqual(float.get(name)!.shape);
      expect(model.tensors.get(name)!.data).toEqual(values);
      expect(model.tensors.has(`${name}_blocks`)).toBe(false);
    }
    expect(model.tensors.get("model.layers.0.self_attn.sinks")!.data).toEqual(float.get("model.layers.0.self_attn.sinks")!.data);

    // Served end to end: the MXFP4 directory gives the logits of a float directory holding the decoded experts.
    const floatDir = path.join(root.dir, "oss-float");
    await cp(dir, floatDir, { recursive: true });
    const floatRaw: Parameters<typeof rawSafetensors>[0] = {};
    for (const [name, t] of float) {
      const data = expected.get(name) ?? t.data;
      floatRaw[name] = { dtype: "F32", shape: t.shape, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    }
    await writeFile(path.join(floatDir, "model.safetensors"), rawSafetensors(floatRaw));
    const [packed, plain] = await Promise.all([loadModel(dir, { maxBatch: 1 }), loadModel(floatDir, { maxBatch: 1 })]);
    try {
      const tokens = seededTokens(6, 2);
      const [a] = await packed.forward([{ tokens, cache: packed.newCache(), lora: null }]);
      const [b] = await plain.forward([{ tokens, cache: plain.newCache(), lora: null }]);
      expect(maxAbsDiff(a, b)).toBe(0);
    } finally {
      await Promise.all([packed.dispose(), plain.dispose()]);
    }
  });
});
