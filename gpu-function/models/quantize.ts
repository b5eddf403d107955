// Symmetric block-wise weight quantisation in MatMulNBits' layout: for W [K, N] (x·W), each
// output column n is split along K into blocks of `blockSize`; a block stores codes
// q = round(w / scale) + 2^(bits−1) (the op's default zero point) packed low bits first,
// and one float scale = max|w| / (2^(bits−1) − 1).

export interface QuantizedMatrix {
  packed: Uint8Array; // [N, blocksPerCol, blobSize]
  scales: Float32Array; // [N, blocksPerCol]
  blocksPerCol: number;
  blobSize: number;
}

/**
 * Quantises W [K, N] of x·W. `layout` says how `w` stores it: "kn" = [K, N] (the transposed
 * [in, out] form fused-ops builds), "nk" = [N, K] (Hugging Face's [out, in] Linear layout, e.g. an
 * LM head or a tied embedding, quantised without materialising its transpose).
 */
export function quantizeBlockwise(w: Float32Array, k: number, n: number, bits: 4 | 8, blockSize: number, layout: "kn" | "nk" = "kn"): QuantizedMatrix {
  const strideK = layout === "kn" ? n : 1;
  const strideN = layout === "kn" ? 1 : k;
  const blocksPerCol = Math.ceil(k / blockSize);
  const blobSize = (blockSize * bits) / 8;
  const packed = new Uint8Array(n * blocksPerCol * blobSize);
  const scales = new Float32Array(n * blocksPerCol);
  const zero = 1 << (bits - 1);
  const qmax = zero - 1;
  for (let col = 0; col < n; col++) {
    for (let blk = 0; blk < blocksPerCol; blk++) {
      const k0 = blk * blockSize;
      const k1 = Math.min(k, k0 + blockSize);
      let amax = 0;
      for (let i = k0; i < k1; i++) amax = Math.max(amax, Math.abs(w[i * strideK + col * strideN]));
      const scale = amax / qmax || 1;
      scales[col * blocksPerCol + blk] = scale;
      const base = (col * blocksPerCol + blk) * blobSize;
      for (let i = k0; i < k0 + blockSize; i++) {
        // Padding past K stores the zero point (dequantises to 0).
        const q = i < k1 ? Math.max(-zero, Math.min(qmax, Math.round(w[i * strideK + col * strideN] / scale))) + zero : zero;
        const j = i - k0;
        if (bits === 8) packed[base + j] = q;
        else packed[base + (j >> 1)] |= j & 1 ? q << 4 : q;
      }
    }
  }
  return { packed, scales, blocksPerCol, blobSize };
}
