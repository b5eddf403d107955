// ggml tensor encodings a GGUF file carries: f32, f16 and the 32-value block formats q8_0 and
// q4_0, byte for byte as ggml's reference quantisers (ggml-quants.c quantize_row_q8_0_ref /
// quantize_row_q4_0_ref) write them, so llama.cpp reads back the values it would have made itself.
import { floatToFp16 } from "../onnx/safetensors";

/** ggml_type ids (ggml.h), for the types this exporter writes. */
export const GGML_TYPE = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 8, MXFP4: 39 } as const;
export type GgmlType = (typeof GGML_TYPE)[keyof typeof GGML_TYPE];

/** Values per quantisation block (QK8_0 = QK4_0 = 32). */
export const QK = 32;

/** Bytes of one row of `n` values: q8_0 = 32 int8 + fp16 scale per block, q4_0 = 16 bytes + fp16 scale. */
export function rowBytes(type: GgmlType, n: number): number {
  switch (type) {
    case GGML_TYPE.F32:
      return 4 * n;
    case GGML_TYPE.F16:
      return 2 * n;
    case GGML_TYPE.Q8_0:
      return (n / QK) * 34;
    case GGML_TYPE.Q4_0:
      return (n / QK) * 18;
    case GGML_TYPE.MXFP4:
      return (n / QK) * 17;
  }
}

/**
 * One checkpoint MXFP4 block (16 bytes, value 2b in the low nibble of byte b, 2b + 1 in the high
 * one) and its E8M0 scale as ggml's block_mxfp4 (scale byte, then qs[j] = value j | value j + 16
 * << 4, q4_0's nibble order), written at `out[o]`: convert_hf_to_gguf's repack, lossless.
 */
export function repackMxfp4Block(blocks: ArrayLike<number>, at: number, scale: number, out: Uint8Array, o: number): void {
  const v = (k: number) => ((blocks[at + (k >> 1)]! | 0) >> ((k & 1) * 4)) & 0x0f;
  out[o] = scale;
  for (let j = 0; j < QK / 2; j++) out[o + 1 + j] = v(j) | (v(j + QK / 2) << 4);
}

/** C's roundf: halves away from zero (Math.round rounds -2.5 to -2). */
function roundAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function quantizeQ8_0(x: Float32Array): Uint8Array {
  const out = new Uint8Array((x.length / QK) * 34);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += QK, o += 34) {
    let amax = 0;
    for (let j = 0; j < QK; j++) amax = Math.max(amax, Math.abs(x[b + j]!));
    const d = Math.fround(amax / 127);
    const id = d ? Math.fround(1 / d) : 0;
    view.setUint16(o, floatToFp16(d), true);
    for (let j = 0; j < QK; j++) view.setInt8(o + 2 + j, roundAway(Math.fround(x[b + j]! * id)));
  }
  return out;
}

function quantizeQ4_0(x: Float32Array): Uint8Array {
  const out = new Uint8Array((x.length / QK) * 18);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += QK, o += 18) {
    // The signed value of largest magnitude maps to -8, so the grid is used on both sides.
    let amax = 0;
    let max = 0;
    for (let j = 0; j < QK; j++) {
      const v = x[b + j]!;
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    const d = Math.fround(max / -8);
    const id = d ? Math.fround(1 / d) : 0;
    view.setUint16(o, floatToFp16(d), true);
    for (let j = 0; j < QK / 2; j++) {
      // Element j in the low nibble, element j + 16 in the high nibble.
      const lo = Math.min(15, Math.trunc(Math.fround(x[b + j]! * id) + 8.5));
      const hi = Math.min(15, Math.trunc(Math.fround(x[b + QK / 2 + j]! * id) + 8.5));
      out[o + 2 + j] = lo | (hi << 4);
    }
  }
  return out;
}

/** Encodes row-major fp32 values (rows of `rowLength`) as `type`; block types need rowLength % 32 = 0. */
export function encodeTensor(type: GgmlType, data: Float32Array, rowLength: number): Uint8Array {
  if ((type === GGML_TYPE.Q8_0 || type === GGML_TYPE.Q4_0) && rowLength % QK !== 0) {
    throw new Error(`ggml type ${type} needs rows that are a multiple of ${QK} values, got ${rowLength}`);
  }
  switch (type) {
    case GGML_TYPE.F32:
      return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    case GGML_TYPE.F16: {
      const out = new Uint8Array(data.length * 2);
      const view = new DataView(out.buffer);
      for (let i = 0; i < data.length; i++) view.setUint16(2 * i, floatToFp16(data[i]!), true);
      return out;
    }
    case GGML_TYPE.Q8_0:
      return quantizeQ8_0(data);
    case GGML_TYPE.Q4_0:
      return quantizeQ4_0(data);
    case GGML_TYPE.MXFP4:
      throw new Error("MXFP4 tensors are written from the checkpoint's blocks (repackMxfp4Block), not quantised from floats");
  }
}
