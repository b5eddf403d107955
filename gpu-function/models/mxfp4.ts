// MXFP4 (OCP microscaling FP4) dequantisation for gpt-oss checkpoints. Their MoE expert
// weights are stored as `<name>_blocks` (uint8 [E, rows, G, 16]: 32 e2m1 values per block,
// two per byte, low nibble first) and `<name>_scales` (uint8 [E, rows, G]: a shared power of
// two, biased by 127). Dequantised, `rows` is the output dimension of the expert matmul, so
// transformers transposes the last two axes to get its bf16 layout (`gate_up_proj` [E, H, 2I],
// `down_proj` [E, I, H]); `unpackMxfp4Tensors` does the same, so a family sees one layout.
import type { Tensors } from "./family";
import type { SafeTensor } from "../onnx/safetensors";
import { derivedTensor, tensorBytes } from "../onnx/safetensors-lazy";

/** The 16 e2m1 codes: sign bit 3, exponent bits 2–1, mantissa bit 0. */
export const FP4_E2M1_VALUES: readonly number[] = [0, 0.5, 1, 1.5, 2, 3, 4, 6, -0, -0.5, -1, -1.5, -2, -3, -4, -6];

export const MXFP4_BLOCK = 32;
const BLOCK_BYTES = MXFP4_BLOCK / 2;

/** The dequantised shape [E, G·32, rows], checking blocks [E, rows, G, 16] against scales [E, rows, G]. */
function mxfp4Shape(name: string, blocksShape: number[], scalesShape: number[]): number[] {
  if (blocksShape.length !== 4 || blocksShape[3] !== BLOCK_BYTES) throw new Error(`MXFP4 blocks ${name || "tensor"} must be [experts, rows, groups, ${BLOCK_BYTES}], got ${JSON.stringify(blocksShape)}`);
  const [experts, rows, groups] = blocksShape;
  if (scalesShape.length !== 3 || scalesShape[0] !== experts || scalesShape[1] !== rows || scalesShape[2] !== groups) {
    throw new Error(`MXFP4 scales ${JSON.stringify(scalesShape)} do not match blocks ${name || "tensor"} ${JSON.stringify(blocksShape)} (expected [${experts}, ${rows}, ${groups}])`);
  }
  return [experts, groups * MXFP4_BLOCK, rows];
}

/**
 * blocks [E, rows, G, 16] and scales [E, rows, G] (byte values, any numeric array) →
 * float32 [E, G·32, rows]: value(e, g·32 + j, r) = e2m1(nibble j of block (e, r, g)) · 2^(scale − 127).
 */
export function dequantizeMxfp4(blocks: ArrayLike<number>, blocksShape: number[], scales: ArrayLike<number>, scalesShape: number[]): { data: Float32Array; shape: number[] } {
  const [experts, cols, rows] = mxfp4Shape("", blocksShape, scalesShape);
  const groups = cols / MXFP4_BLOCK;
  const out = new Float32Array(experts * cols * rows);
  for (let e = 0; e < experts; e++) {
    for (let r = 0; r < rows; r++) {
      for (let g = 0; g < groups; g++) {
        const blockIndex = (e * rows + r) * groups + g;
        const scale = 2 ** ((scales[blockIndex] | 0) - 127);
        for (let b = 0; b < BLOCK_BYTES; b++) {
          const byte = blocks[blockIndex * BLOCK_BYTES + b] | 0;
          const col = g * MXFP4_BLOCK + 2 * b;
          out[(e * cols + col) * rows + r] = FP4_E2M1_VALUES[byte & 0x0f] * scale;
          out[(e * cols + col + 1) * rows + r] = FP4_E2M1_VALUES[byte >> 4] * scale;
        }
      }
    }
  }
  return { data: out, shape: [experts, cols, rows] };
}

const MXFP4_SOURCES = new WeakMap<SafeTensor, { blocks: SafeTensor; scales: SafeTensor }>();

/** The checkpoint's MXFP4 `_blocks` / `_scales` behind a tensor `unpackMxfp4Tensors` made (the GGUF export writes them as they are). */
export function mxfp4Source(t: SafeTensor): { blocks: SafeTensor; scales: SafeTensor } | undefined {
  return MXFP4_SOURCES.get(t);
}

/**
 * Replaces every `<name>_blocks` + `<name>_scales` pair by the dequantised `<name>` tensor
 * (other tensors pass through). A lone half of a pair is an error naming the missing tensor.
 * Shapes are checked here; the result is a lazy tensor decoded on each `load()` (or `data`
 * read) and not kept, so a large checkpoint never holds all its experts in fp32 at once (the
 * fused graph reads each expert tensor once, converts it to its initializer type and drops it).
 * From a lazy checkpoint the U8 blocks/scales are read from disk as bytes only then.
 */
export function unpackMxfp4Tensors(tensors: Tensors): Tensors {
  const out: Tensors = new Map();
  for (const [name, t] of tensors) {
    if (name.endsWith("_scales") && tensors.has(`${name.slice(0, -"_scales".length)}_blocks`)) continue;
    if (!name.endsWith("_blocks")) {
      out.set(name, t);
      continue;
    }
    const base = name.slice(0, -"_blocks".length);
    const scales = tensors.get(`${base}_scales`);
    if (!scales) throw new Error(`model.safetensors: "${name}" has no matching "${base}_scales" (MXFP4 needs both)`);
    const shape = mxfp4Shape(name, t.shape, scales.shape);
    const derived = derivedTensor("F32", shape, () => dequantizeMxfp4(tensorBytes(t), t.shape, tensorBytes(scales), scales.shape).data);
    MXFP4_SOURCES.set(derived, { blocks: t, scales });
    out.set(base, derived);
  }
  return out;
}
