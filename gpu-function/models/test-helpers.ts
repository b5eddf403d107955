// Shared helpers for the model tests: temporary tiny models, the plain reference graph's
// full-sequence logits, and small numeric utilities.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import * as ort from "onnxruntime-node";

import { readHfModel } from "./hf-dir";
import { FP4_E2M1_VALUES } from "./mxfp4";
import { buildPlainGraph, PLAIN_SESSION_OPTIONS } from "./plain";
import { writeTinyModel, type TinyModelOptions } from "./tiny";

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `medchat-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function tinyModelDir(root: string, name: string, opts: TinyModelOptions): Promise<string> {
  const dir = path.join(root, name);
  await writeTinyModel(dir, opts);
  return dir;
}

/** Logits [S][V] of one sequence from the plain reference graph. */
export async function plainLogits(dir: string, tokens: number[], opts: { lora?: { targets: string[]; rank: number; scale: number; weights: Record<string, Float32Array> } } = {}): Promise<Float32Array[]> {
  const model = await readHfModel(dir);
  const g = buildPlainGraph(model, { output: "logits", lora: opts.lora ? { targets: opts.lora.targets, rank: opts.lora.rank, scale: opts.lora.scale } : null });
  const session = await ort.InferenceSession.create(g.toBytes(), PLAIN_SESSION_OPTIONS);
  const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]) };
  for (const input of g.inputs.slice(1)) {
    const data = opts.lora?.weights[input.name];
    if (!data) throw new Error(`test: no value for plain graph input ${input.name}`);
    feeds[input.name] = new ort.Tensor("float32", data, input.shape as number[]);
  }
  const logits = (await session.run(feeds)).logits.data as Float32Array;
  await session.release();
  const v = model.dims.vocabSize;
  return tokens.map((_, s) => logits.slice(s * v, (s + 1) * v));
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

export function seededTokens(n: number, seed: number, vocab = 256): number[] {
  return Array.from({ length: n }, (_, i) => (seed * 131 + i * 97 + ((i * i) % 13)) % vocab);
}

/** A safetensors file with raw typed tensors (the project's writer only writes floats). */
export function rawSafetensors(tensors: Record<string, { dtype: "F32" | "U8"; shape: number[]; bytes: Uint8Array }>): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  const names = Object.keys(tensors).sort();
  for (const n of names) {
    header[n] = { dtype: tensors[n].dtype, shape: tensors[n].shape, data_offsets: [offset, offset + tensors[n].bytes.byteLength] };
    offset += tensors[n].bytes.byteLength;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - ((8 + json.length) % 8)) % 8);
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  let pos = 8 + json.length;
  for (const n of names) {
    out.set(tensors[n].bytes, pos);
    pos += tensors[n].bytes.byteLength;
  }
  return out;
}

/**
 * Exactly representable MXFP4 experts for a float expert tensor of HF shape [E, in, out]: the
 * values in that layout, and the checkpoint's `_blocks` [E, out, in/32, 16] (value 2b in the low
 * nibble of byte b) and `_scales` [E, out, in/32] (2^(s − 127), s in 124..128). `code()` gives
 * the e2m1 codes (0..15) in checkpoint order.
 */
export function mxfp4TestExperts(shape: number[], code: () => number): { values: Float32Array; blocks: Uint8Array; scales: Uint8Array } {
  const [e, inDim, outDim] = shape as [number, number, number];
  const codes = Uint8Array.from({ length: e * outDim * inDim }, code);
  const scales = Uint8Array.from({ length: e * outDim * (inDim / 32) }, (_, i) => 124 + (i % 5));
  const values = new Float32Array(e * inDim * outDim);
  for (let x = 0; x < e; x++) {
    for (let o = 0; o < outDim; o++) {
      for (let i = 0; i < inDim; i++) {
        const flat = (x * outDim + o) * inDim + i;
        values[(x * inDim + i) * outDim + o] = FP4_E2M1_VALUES[codes[flat]] * 2 ** (scales[Math.floor(flat / 32)] - 127);
      }
    }
  }
  const blocks = new Uint8Array(codes.length / 2);
  for (let i = 0; i < blocks.length; i++) blocks[i] = codes[2 * i] | (codes[2 * i + 1] << 4);
  return { values, blocks, scales };
}
