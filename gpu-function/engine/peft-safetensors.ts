// The small slice of the safetensors format that adapters need: decode F32/F16/BF16 to fp32,
// encode fp32. Kept local to the engine so adapter I/O does not depend on the model loader.
export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

const BYTES_PER: Record<string, number> = { F32: 4, F16: 2, BF16: 2 };

export function decodeSafetensors(bytes: Uint8Array): Map<string, NamedTensor> {
  if (bytes.length < 8) throw new Error("safetensors: file shorter than its 8-byte header length");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen > bytes.length - 8) throw new Error("safetensors: header length exceeds file size");
  let header: Record<string, HeaderEntry | Record<string, string>>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLen)));
  } catch {
    throw new Error("safetensors: header is not valid JSON");
  }
  const dataStart = 8 + headerLen;
  const out = new Map<string, NamedTensor>();
  for (const [name, raw] of Object.entries(header)) {
    if (name === "__metadata__") continue;
    const entry = raw as HeaderEntry;
    const width = BYTES_PER[entry.dtype];
    if (!width) throw new Error(`safetensors: tensor '${name}' has dtype ${entry.dtype}; adapters must be F32, F16 or BF16`);
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const [begin, end] = entry.data_offsets;
    if (end - begin !== count * width || dataStart + end > bytes.length) {
      throw new Error(`safetensors: tensor '${name}' byte range does not match its shape [${entry.shape.join(", ")}]`);
    }
    out.set(name, { name, shape: entry.shape, data: toFloat32(bytes.subarray(dataStart + begin, dataStart + end), entry.dtype, count) });
  }
  return out;
}

function toFloat32(raw: Uint8Array, dtype: string, count: number): Float32Array {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(count);
  if (dtype === "F32") {
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  } else if (dtype === "BF16") {
    const tmp = new DataView(new ArrayBuffer(4));
    for (let i = 0; i < count; i++) {
      tmp.setUint32(0, view.getUint16(i * 2, true) << 16);
      out[i] = tmp.getFloat32(0);
    }
  } else {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  }
  return out;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

export function encodeSafetensors(tensors: NamedTensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`safetensors: '${t.name}' has ${t.data.length} values for shape [${t.shape.join(", ")}]`);
    header[t.name] = { dtype: "F32", shape: t.shape, data_offsets: [offset, offset + count * 4] };
    offset += count * 4;
  }
  let headerText = JSON.stringify(header);
  // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
  headerText += " ".repeat((8 - ((8 + Buffer.byteLength(headerText)) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(headerText);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let pos = 8 + headerBytes.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, pos += 4) view.setFloat32(pos, t.data[i]!, true);
  }
  return out;
}
