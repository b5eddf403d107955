// Lazy safetensors reader: parses the header and keeps the file open; each tensor's bytes are
// read (positional reads at its offset) and decoded only when it is used, and nothing is
// cached, so once a model family has turned a tensor into a graph initializer no fp32 copy of
// it stays alive. Loading a checkpoint then peaks near the initializers' size plus the largest
// tensor in fp32, instead of the whole checkpoint in fp32 on top of the initializers.
//
// A lazy tensor is still a SafeTensor (`data` is a getter), so every existing reader of
// `t.data` keeps working, but each access reads the file again: read it ONCE per use
// (`load()`, or `tensorOf()` in models/family.ts, which materialises), never in a loop.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

import {
  decode,
  MAX_HEADER_BYTES,
  parseHeader,
  SafetensorsError,
  type HeaderEntry,
  type SafeTensor,
  type SafetensorsDType,
  type SafetensorsFile,
} from "./safetensors";

/** A tensor whose values are produced on demand (from disk, or derived from other lazy tensors). */
export interface LazySafeTensor extends SafeTensor {
  readonly lazy: true;
  /** A fresh fp32 array on every call (nothing is cached). */
  load(): Float32Array;
}

/** A lazy tensor backed by a byte range of an open safetensors file. */
export interface FileTensor extends LazySafeTensor {
  /** The stored little-endian bytes as read from disk (U8 tensors such as MXFP4 blocks stay bytes). */
  bytes(): Uint8Array;
  /** How many times the file range was read (tests check each tensor is read once per load). */
  readonly reads: number;
}

export interface LazySafetensorsFile {
  file: string;
  tensors: Map<string, FileTensor>;
  metadata: Record<string, string>;
  /** Closes the file handle; later reads fail with a clear error. Idempotent. */
  close(): void;
}

export function isLazy(t: SafeTensor): t is LazySafeTensor {
  return (t as Partial<LazySafeTensor>).lazy === true;
}

/** The tensor's values as fp32, read once (materialises a lazy tensor). */
export function materialize(t: SafeTensor): SafeTensor {
  return isLazy(t) ? { dtype: t.dtype, shape: t.shape, data: t.load() } : t;
}

/** The stored bytes of a U8 tensor (lazy: straight from disk; eager: its fp32 values, one per byte). */
export function tensorBytes(t: SafeTensor): ArrayLike<number> {
  if ("bytes" in t && typeof (t as FileTensor).bytes === "function") return (t as FileTensor).bytes();
  return t.data;
}

/** A lazy tensor computed from others on demand (e.g. MXFP4 dequantisation, a merged LoRA weight). */
export function derivedTensor(dtype: SafetensorsDType, shape: number[], load: () => Float32Array): LazySafeTensor {
  return {
    lazy: true,
    dtype,
    shape,
    load,
    get data() {
      return load();
    },
  };
}

/** Opens a safetensors file lazily: validates the header now (same errors as the eager reader), reads tensors later. */
export function openSafetensorsLazy(file: string): LazySafetensorsFile {
  const fd = openSync(file, "r");
  let closed = false;
  const readRange = (offset: number, length: number): Uint8Array => {
    if (closed) throw new SafetensorsError(`${file}: read after the file was closed (a lazy tensor was used after the model was built)`);
    const buf = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, done, Math.min(length - done, 1 << 30), offset + done);
      if (n === 0) throw new SafetensorsError(`${file}: unexpected end of file`);
      done += n;
    }
    return buf;
  };
  try {
    const size = fstatSync(fd).size;
    const lengthBytes = readRange(0, Math.min(8, size));
    const headerLen = lengthBytes.byteLength === 8 ? Number(new DataView(lengthBytes.buffer).getBigUint64(0, true)) : 0;
    const head = readRange(0, Math.min(size, 8 + Math.min(headerLen, MAX_HEADER_BYTES)));
    const { dataStart, entries, metadata } = parseHeader(head, size);
    const tensors = new Map<string, FileTensor>();
    for (const e of entries) tensors.set(e.name, fileTensor(e, dataStart, readRange));
    return {
      file,
      tensors,
      metadata,
      close() {
        if (closed) return;
        closed = true;
        closeSync(fd);
      },
    };
  } catch (e) {
    closed = true;
    closeSync(fd);
    throw e;
  }
}

/**
 * Reads a whole safetensors file eagerly (every tensor as fp32), tensor by tensor from disk:
 * never holds the file itself in memory (Node's readFile also refuses files over 2 GiB).
 */
export async function readSafetensorsPath(file: string): Promise<SafetensorsFile> {
  const lazy = openSafetensorsLazy(file);
  try {
    return { tensors: new Map([...lazy.tensors].map(([name, t]) => [name, materialize(t)])), metadata: lazy.metadata };
  } finally {
    lazy.close();
  }
}

function fileTensor(e: HeaderEntry, dataStart: number, readRange: (offset: number, length: number) => Uint8Array): FileTensor {
  let reads = 0;
  const bytes = () => {
    reads++;
    return readRange(dataStart + e.begin, e.end - e.begin);
  };
  const load = () => decode(e.dtype, bytes(), e.count, true);
  return {
    lazy: true,
    dtype: e.dtype,
    shape: e.shape,
    load,
    bytes,
    get reads() {
      return reads;
    },
    get data() {
      return load();
    },
  };
}
