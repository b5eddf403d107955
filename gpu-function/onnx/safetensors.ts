// Safetensors reader/writer (https://github.com/huggingface/safetensors format):
// 8-byte little-endian header length N, N bytes of JSON header (name → {dtype, shape,
// data_offsets:[begin,end]} relative to the data section, plus optional `__metadata__`
// string map), then the raw little-endian tensor bytes. Everything is converted to fp32
// on read because the graph builder and trainer work in fp32; the raw dtype is kept so
// a writer can round-trip it. Reading from a path (eagerly or lazily) is in safetensors-lazy.ts.

export type SafetensorsDType = "F64" | "F32" | "F16" | "BF16" | "I64" | "I32" | "I16" | "I8" | "U8" | "BOOL";
export type WritableDType = "F32" | "F16" | "BF16";

export interface SafeTensor {
  dtype: SafetensorsDType;
  shape: number[];
  data: Float32Array;
}

export interface SafetensorsFile {
  tensors: Map<string, SafeTensor>;
  metadata: Record<string, string>;
}

export class SafetensorsError extends Error {
  constructor(message: string) {
    super(`safetensors: ${message}`);
    this.name = "SafetensorsError";
  }
}

export const BYTES_PER_ELEMENT: Record<SafetensorsDType, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/** Largest header we accept; real checkpoints stay far below (the reference impl caps at 100 MB). */
export const MAX_HEADER_BYTES = 100_000_000;

/** Reads a safetensors file; tensors become fp32 (`dtype` keeps what was stored). */
export function readSafetensors(bytes: Uint8Array): Map<string, SafeTensor> {
  return readSafetensorsFile(bytes).tensors;
}

export function readSafetensorsFile(bytes: Uint8Array): SafetensorsFile {
  const { dataStart, entries, metadata } = parseHeader(bytes, bytes.byteLength);
  const tensors = new Map<string, SafeTensor>();
  for (const e of entries)
    tensors.set(e.name, {
      dtype: e.dtype,
      shape: e.shape,
      data: decode(e.dtype, bytes.subarray(dataStart + e.begin, dataStart + e.end), e.count),
    });
  return { tensors, metadata };
}

export interface HeaderEntry {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  begin: number;
  end: number;
  count: number;
}

/** Parses and validates the header; `head` holds at least the first 8 + N bytes of a `fileSize`-byte file. */
export function parseHeader(
  head: Uint8Array,
  fileSize: number,
): { dataStart: number; entries: HeaderEntry[]; metadata: Record<string, string> } {
  if (fileSize < 8) throw new SafetensorsError(`file is ${fileSize} bytes, shorter than the 8-byte header length`);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen > MAX_HEADER_BYTES || 8 + headerLen > fileSize) {
    throw new SafetensorsError(`header length ${headerLen} does not fit in a ${fileSize}-byte file`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(8, 8 + headerLen)));
  } catch (e) {
    throw new SafetensorsError(`header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) throw new SafetensorsError("header is not a JSON object");

  const dataStart = 8 + headerLen;
  const dataLen = fileSize - dataStart;
  const entries: HeaderEntry[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      metadata = parseMetadata(entry);
      continue;
    }
    const { dtype, shape, begin, end } = parseEntry(name, entry);
    const count = shape.reduce((a, b) => a * b, 1);
    if (end - begin !== count * BYTES_PER_ELEMENT[dtype]) {
      throw new SafetensorsError(
        `tensor "${name}": data_offsets span ${end - begin} bytes but ${dtype}${JSON.stringify(shape)} needs ${count * BYTES_PER_ELEMENT[dtype]}`,
      );
    }
    if (end > dataLen) throw new SafetensorsError(`tensor "${name}": data_offsets end ${end} is past the data section (${dataLen} bytes)`);
    entries.push({ name, dtype, shape, begin, end, count });
  }
  return { dataStart, entries, metadata };
}

function parseMetadata(entry: unknown): Record<string, string> {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry))
    throw new SafetensorsError("__metadata__ must be an object of strings");
  for (const [k, v] of Object.entries(entry)) {
    if (typeof v !== "string") throw new SafetensorsError(`__metadata__["${k}"] must be a string`);
  }
  return entry as Record<string, string>;
}

function parseEntry(name: string, entry: unknown): { dtype: SafetensorsDType; shape: number[]; begin: number; end: number } {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof e !== "object" || e === null) throw new SafetensorsError(`tensor "${name}": entry is not an object`);
  if (typeof e.dtype !== "string" || !(e.dtype in BYTES_PER_ELEMENT))
    throw new SafetensorsError(`tensor "${name}": unsupported dtype ${JSON.stringify(e.dtype)}`);
  const isDims = (v: unknown): v is number[] => Array.isArray(v) && v.every((d) => Number.isSafeInteger(d) && d >= 0);
  if (!isDims(e.shape)) throw new SafetensorsError(`tensor "${name}": shape must be an array of non-negative integers`);
  if (!isDims(e.data_offsets) || e.data_offsets.length !== 2 || e.data_offsets[0] > e.data_offsets[1]) {
    throw new SafetensorsError(`tensor "${name}": data_offsets must be [begin, end] with begin ≤ end`);
  }
  return { dtype: e.dtype as SafetensorsDType, shape: e.shape, begin: e.data_offsets[0], end: e.data_offsets[1] };
}

/**
 * Raw little-endian tensor bytes → fp32. `owned`: `raw` is a fresh buffer of exactly this
 * tensor (byteOffset 0) that the caller gives up, so it is decoded in place of a copy.
 */
export function decode(dtype: SafetensorsDType, raw: Uint8Array, count: number, owned = false): Float32Array {
  // Copy to a fresh aligned buffer: tensor offsets in the file need not be aligned to the element
  // size, and `raw` may be a Node Buffer whose slice() is a view of the whole file.
  const buf =
    owned && raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? (raw.buffer as ArrayBuffer) : new Uint8Array(raw).buffer;
  const view = new DataView(buf);
  const out = new Float32Array(count);
  switch (dtype) {
    case "F32":
      return new Float32Array(buf);
    case "F64":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, true);
      return out;
    case "F16": {
      const table = fp16Table();
      for (let i = 0; i < count; i++) out[i] = table[view.getUint16(i * 2, true)];
      return out;
    }
    case "BF16":
      for (let i = 0; i < count; i++) out[i] = bf16ToFloat(view.getUint16(i * 2, true));
      return out;
    case "I64":
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      return out;
    case "I32":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
      return out;
    case "I16":
      for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
      return out;
    case "I8":
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      return out;
    case "U8":
    case "BOOL":
      for (let i = 0; i < count; i++) out[i] = view.getUint8(i);
      return out;
  }
}

/** Writes tensors (sorted by name, as the reference implementation does) with 8-byte aligned data. */
export function writeSafetensors(
  tensors: Record<string, { dtype: WritableDType; shape: number[]; data: Float32Array }>,
  metadata?: Record<string, string>,
): Uint8Array {
  const names = Object.keys(tensors).sort();
  const header: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const name of names) {
    if (name === "__metadata__") throw new SafetensorsError('"__metadata__" is reserved and cannot name a tensor');
    const t = tensors[name];
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new SafetensorsError(`tensor "${name}": shape ${JSON.stringify(t.shape)} holds ${count} values but data has ${t.data.length}`);
    if (!(t.dtype === "F32" || t.dtype === "F16" || t.dtype === "BF16"))
      throw new SafetensorsError(`tensor "${name}": cannot write dtype ${String(t.dtype)}`);
    const size = count * BYTES_PER_ELEMENT[t.dtype];
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  // Pad the header with spaces so the data section starts 8-byte aligned (the format allows trailing whitespace).
  let json = JSON.stringify(header);
  const pad = (8 - ((8 + Buffer.byteLength(json)) % 8)) % 8;
  json += " ".repeat(pad);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.byteLength + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.byteLength), true);
  out.set(headerBytes, 8);
  let pos = 8 + headerBytes.byteLength;
  for (const name of names) {
    const t = tensors[name];
    if (t.dtype === "F32") {
      out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), pos);
      pos += t.data.byteLength;
    } else {
      const enc = t.dtype === "F16" ? floatToFp16 : floatToBf16;
      for (let i = 0; i < t.data.length; i++, pos += 2) view.setUint16(pos, enc(t.data[i]), true);
    }
  }
  return out;
}

// --- half-precision conversions (IEEE 754 binary16 and bfloat16), round-to-nearest-even ---

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function bf16ToFloat(h: number): number {
  u32[0] = h << 16;
  return f32[0];
}

export function floatToBf16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) | 0x40) & 0xffff; // NaN stays a quiet NaN
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

let FP16_TABLE: Float32Array | null = null;

/** fp16ToFloat of every bit pattern (exact in fp32): a 256 KB table instead of a pow per element. */
function fp16Table(): Float32Array {
  if (!FP16_TABLE) {
    FP16_TABLE = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) FP16_TABLE[h] = fp16ToFloat(h);
  }
  return FP16_TABLE;
}

export function fp16ToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

export function floatToFp16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow → ±0
    mant |= 0x800000; // make the implicit bit explicit, then shift into subnormal range
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

/** fp32 → fp16 bit patterns (for fp16 initializers on the CUDA EP). */
export function toFp16Bits(data: Float32Array): Uint16Array {
  const out = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = floatToFp16(data[i]);
  return out;
}
