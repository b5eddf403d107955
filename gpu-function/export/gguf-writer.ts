// The GGUF container (ggml's docs/gguf.md, version 3), little-endian:
//   "GGUF" · u32 version · u64 tensor count · u64 metadata count
//   metadata: (string key, u32 value type, value)*      strings are u64 length + UTF-8 bytes
//   tensor infos: (string name, u32 n_dims, u64 ne[n_dims] (ne[0] = innermost), u32 ggml type, u64 offset)*
//   padding to the alignment (32), then each tensor's data at its offset, each aligned to 32.
// Tensors are produced one at a time while writing, so a large model is never held encoded in memory.
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";

import { rowBytes, type GgmlType } from "./gguf-quants";

const ALIGNMENT = 32;
const VERSION = 3;

/** GGUF metadata value types (gguf.h enum gguf_type). */
const T = { U8: 0, I8: 1, U16: 2, I16: 3, U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10, I64: 11, F64: 12 } as const;

export interface GgufTensor {
  name: string;
  type: GgmlType;
  /** ggml order: ne[0] is the innermost (contiguous) dimension, i.e. the reverse of a row-major shape. */
  ne: number[];
  /** The encoded bytes, produced when the tensor is written. */
  encode(): Uint8Array;
}

class Bytes {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.push(b);
  }
  concat(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Builds a GGUF file's metadata and tensor list, then streams it to disk. */
export class GgufWriter {
  private kv = new Bytes();
  private kvCount = 0;
  private keys = new Set<string>();
  private tensors: GgufTensor[] = [];

  private key(k: string, type: number): Bytes {
    if (this.keys.has(k)) throw new Error(`GGUF metadata key ${k} written twice`);
    this.keys.add(k);
    this.kvCount++;
    this.kv.str(k);
    this.kv.u32(type);
    return this.kv;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  string(k: string, v: string): this {
    this.key(k, T.STRING).str(v);
    return this;
  }
  u32(k: string, v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`GGUF ${k}: ${v} is not a u32`);
    this.key(k, T.U32).u32(v);
    return this;
  }
  f32(k: string, v: number): this {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.key(k, T.F32).push(b);
    return this;
  }
  bool(k: string, v: boolean): this {
    this.key(k, T.BOOL).push(Buffer.from([v ? 1 : 0]));
    return this;
  }
  strings(k: string, values: string[]): this {
    const kv = this.key(k, T.ARRAY);
    kv.u32(T.STRING);
    kv.u64(values.length);
    for (const s of values) kv.str(s);
    return this;
  }
  i32s(k: string, values: number[]): this {
    const kv = this.key(k, T.ARRAY);
    kv.u32(T.I32);
    kv.u64(values.length);
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => b.writeInt32LE(v, 4 * i));
    kv.push(b);
    return this;
  }

  tensor(t: GgufTensor): this {
    if (this.tensors.some((x) => x.name === t.name)) throw new Error(`GGUF tensor ${t.name} added twice`);
    if (Buffer.byteLength(t.name) >= 64) throw new Error(`GGUF tensor name ${t.name} is longer than ggml's 63 bytes`);
    this.tensors.push(t);
    return this;
  }

  get tensorNames(): string[] {
    return this.tensors.map((t) => t.name);
  }

  /** Writes the file (to a temporary name first, renamed when complete). */
  write(file: string): { bytes: number } {
    const header = new Bytes();
    header.push(Buffer.from("GGUF", "ascii"));
    header.u32(VERSION);
    header.u64(this.tensors.length);
    header.u64(this.kvCount);
    header.push(this.kv.concat());
    const sizes = this.tensors.map((t) => rowBytes(t.type, t.ne[0]!) * t.ne.slice(1).reduce((a, b) => a * b, 1));
    let offset = 0;
    for (const [i, t] of this.tensors.entries()) {
      header.str(t.name);
      header.u32(t.ne.length);
      for (const n of t.ne) header.u64(n);
      header.u32(t.type);
      header.u64(offset);
      offset = align(offset + sizes[i]!);
    }
    const tmp = `${file}.partial`;
    const fd = openSync(tmp, "w");
    let written = 0;
    const put = (b: Uint8Array) => {
      for (let done = 0; done < b.length;) done += writeSync(fd, b, done, b.length - done);
      written += b.length;
    };
    try {
      put(header.concat());
      put(Buffer.alloc(align(written) - written));
      for (const [i, t] of this.tensors.entries()) {
        const data = t.encode();
        if (data.length !== sizes[i])
          throw new Error(`GGUF tensor ${t.name}: encoded ${data.length} bytes, its shape and type need ${sizes[i]}`);
        put(data);
        put(Buffer.alloc(align(data.length) - data.length));
      }
    } catch (e) {
      closeSync(fd);
      unlinkSync(tmp);
      throw e;
    }
    closeSync(fd);
    renameSync(tmp, file);
    return { bytes: written };
  }
}

function align(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}
