import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  bf16ToFloat,
  floatToBf16,
  floatToFp16,
  fp16ToFloat,
  readSafetensors,
  readSafetensorsFile,
  SafetensorsError,
  writeSafetensors,
} from "./safetensors";
import { readSafetensorsPath } from "./safetensors-lazy";

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
}

/** Builds a file by hand, independent of the writer, to check the reader against the spec. */
function handMade(header: object, data: Uint8Array): Uint8Array {
  const h = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

describe("safetensors", () => {
  it("round-trips fp32 exactly, with metadata, sorted names and an 8-byte aligned data section", () => {
    const a = Float32Array.from([1.5, -2.25, 3e-8, 1e30, 0, -0]);
    const b = Float32Array.from([7]);
    const bytes = writeSafetensors(
      { "z.weight": { dtype: "F32", shape: [2, 3], data: a }, "a.bias": { dtype: "F32", shape: [1], data: b } },
      { format: "pt" },
    );
    const headerLen = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLen) % 8).toBe(0);
    const header = headerOf(bytes);
    expect(Object.keys(header)).toEqual(["__metadata__", "a.bias", "z.weight"]);
    expect(header["a.bias"]).toEqual({ dtype: "F32", shape: [1], data_offsets: [0, 4] });
    expect(header["z.weight"]).toEqual({ dtype: "F32", shape: [2, 3], data_offsets: [4, 28] });
    const file = readSafetensorsFile(bytes);
    expect(file.metadata).toEqual({ format: "pt" });
    expect(Array.from(file.tensors.get("z.weight")!.data)).toEqual(Array.from(a));
    expect(file.tensors.get("z.weight")!.shape).toEqual([2, 3]);
    expect(file.tensors.get("a.bias")!.dtype).toBe("F32");
  });

  it("converts fp16 and bf16 within their precision and keeps the stored dtype", () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.37) * 10 ** ((i % 9) - 4));
    const bytes = writeSafetensors({
      h: { dtype: "F16", shape: [1000], data: values },
      b: { dtype: "BF16", shape: [10, 100], data: values },
    });
    const t = readSafetensors(bytes);
    expect(t.get("h")!.dtype).toBe("F16");
    expect(t.get("b")!.dtype).toBe("BF16");
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const tol16 = Math.max(Math.abs(v) * 2 ** -11, 2 ** -25); // half an ulp, or subnormal spacing
      expect(Math.abs(t.get("h")!.data[i] - v)).toBeLessThanOrEqual(tol16);
      expect(Math.abs(t.get("b")!.data[i] - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -8);
    }
  });

  it("encodes known fp16/bf16 bit patterns (rounding, subnormals, overflow, specials)", () => {
    expect(floatToFp16(1)).toBe(0x3c00);
    expect(floatToFp16(-2)).toBe(0xc000);
    expect(floatToFp16(65504)).toBe(0x7bff);
    expect(floatToFp16(70000)).toBe(0x7c00);
    expect(floatToFp16(2 ** -24)).toBe(0x0001);
    expect(floatToFp16(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(floatToFp16(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(Number.isNaN(fp16ToFloat(floatToFp16(NaN)))).toBe(true);
    expect(fp16ToFloat(0x7c00)).toBe(Infinity);
    expect(fp16ToFloat(0x3555)).toBeCloseTo(0.33325195, 7);
    expect(floatToBf16(1)).toBe(0x3f80);
    expect(bf16ToFloat(0x4049)).toBeCloseTo(3.140625, 7);
    expect(floatToBf16(1 + 2 ** -8)).toBe(0x3f80); // tie → even
    expect(Number.isNaN(bf16ToFloat(floatToBf16(NaN)))).toBe(true);
  });

  it("reads a hand-written file with unaligned offsets and integer dtypes", () => {
    const data = new Uint8Array(2 + 8 + 4);
    const v = new DataView(data.buffer);
    v.setUint16(0, 0x3c00, true); // F16 1.0
    v.setBigInt64(2, -5n, true); // I64 at an unaligned offset
    v.setFloat32(10, 0.25, true);
    const bytes = handMade(
      {
        one: { dtype: "F16", shape: [], data_offsets: [0, 2] },
        ids: { dtype: "I64", shape: [1], data_offsets: [2, 10] },
        q: { dtype: "F32", shape: [1, 1], data_offsets: [10, 14] },
      },
      data,
    );
    const t = readSafetensors(bytes);
    expect(Array.from(t.get("one")!.data)).toEqual([1]);
    expect(Array.from(t.get("ids")!.data)).toEqual([-5]);
    expect(Array.from(t.get("q")!.data)).toEqual([0.25]);
  });

  it("refuses malformed files with a clear error", () => {
    expect(() => readSafetensors(new Uint8Array(3))).toThrow(/shorter than the 8-byte header length/);
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 1000n, true);
    expect(() => readSafetensors(huge)).toThrow(/header length 1000 does not fit/);
    const notJson = new Uint8Array(12);
    new DataView(notJson.buffer).setBigUint64(0, 4n, true);
    notJson.set(new TextEncoder().encode("{{{{"), 8);
    expect(() => readSafetensors(notJson)).toThrow(SafetensorsError);
    expect(() => readSafetensors(handMade({ w: { dtype: "F32", shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4)))).toThrow(
      /needs 8/,
    );
    expect(() => readSafetensors(handMade({ w: { dtype: "F32", shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4)))).toThrow(
      /past the data section/,
    );
    expect(() => readSafetensors(handMade({ w: { dtype: "Q4", shape: [2], data_offsets: [0, 8] } }, new Uint8Array(8)))).toThrow(
      /unsupported dtype/,
    );
    expect(() => readSafetensors(handMade({ w: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }, new Uint8Array(4)))).toThrow(/shape/);
    expect(() => writeSafetensors({ w: { dtype: "F32", shape: [3], data: new Float32Array(2) } })).toThrow(/holds 3 values but data has 2/);
  });

  it("reads from a path tensor by tensor, with the same result and errors as from bytes", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-st-"));
    try {
      const values = Float32Array.from({ length: 300 }, (_, i) => Math.cos(i));
      const bytes = writeSafetensors(
        { a: { dtype: "BF16", shape: [3, 100], data: values }, b: { dtype: "F32", shape: [300], data: values } },
        { note: "x" },
      );
      await writeFile(path.join(dir, "m.safetensors"), bytes);
      const fromPath = await readSafetensorsPath(path.join(dir, "m.safetensors"));
      const fromBytes = readSafetensorsFile(bytes);
      expect(fromPath.metadata).toEqual({ note: "x" });
      for (const name of ["a", "b"]) {
        expect(fromPath.tensors.get(name)!.shape).toEqual(fromBytes.tensors.get(name)!.shape);
        expect(Array.from(fromPath.tensors.get(name)!.data)).toEqual(Array.from(fromBytes.tensors.get(name)!.data));
      }
      await writeFile(path.join(dir, "cut.safetensors"), bytes.subarray(0, bytes.length - 10));
      await expect(readSafetensorsPath(path.join(dir, "cut.safetensors"))).rejects.toThrow(/past the data section/);
      await writeFile(path.join(dir, "tiny.safetensors"), new Uint8Array(3));
      await expect(readSafetensorsPath(path.join(dir, "tiny.safetensors"))).rejects.toThrow(/shorter than the 8-byte header length/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
