// Shared by the BERT graph tests and the encoder runtime tests: padded batches with token
// types, running a graph on them, and the plain/fused graphs of a tiny directory.
import * as ort from "onnxruntime-node";

import { readHfModel } from "./hf-dir";
import { buildPlainGraph } from "./plain";

export interface Row {
  ids: number[];
  types: number[];
}

/** Rows of different lengths (so the batch is padded), token types 0 then 1 as in a pair. */
export function rows(vocab: number, seed: number): Row[] {
  return [17, 9, 4].map((n, r) => {
    const ids = Array.from({ length: n }, (_, i) => 5 + ((seed * 31 + r * 53 + i * 7 + ((i * i) % 11)) % (vocab - 5)));
    return { ids, types: ids.map((_, i) => (i >= Math.floor(n / 2) ? 1 : 0)) };
  });
}

export function feeds(batch: Row[]): Record<string, ort.Tensor> {
  const seq = Math.max(...batch.map((r) => r.ids.length));
  const ids = new BigInt64Array(batch.length * seq);
  const types = new BigInt64Array(batch.length * seq);
  const mask = new BigInt64Array(batch.length * seq);
  batch.forEach((r, b) => r.ids.forEach((id, s) => {
    ids[b * seq + s] = BigInt(id);
    types[b * seq + s] = BigInt(r.types[s]);
    mask[b * seq + s] = 1n;
  }));
  const dims = [batch.length, seq];
  return { input_ids: new ort.Tensor("int64", ids, dims), token_type_ids: new ort.Tensor("int64", types, dims), attention_mask: new ort.Tensor("int64", mask, dims) };
}

export async function runGraph(bytes: Uint8Array, batch: Row[], output: string, options: ort.InferenceSession.SessionOptions): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, options);
  try {
    return (await session.run(feeds(batch), [output]))[output].data as Float32Array;
  } finally {
    await session.release();
  }
}

export async function graphs(dir: string, output: "hidden" | "logits") {
  const model = await readHfModel(dir);
  const plain = buildPlainGraph(model, { output });
  const fused = model.family.buildFusedGraph(model.dims, model.config, model.tensors, { loraModules: new Set(), quantize: "none", floatType: "float32", output, maxSequenceLength: model.dims.maxPositions });
  return { model, plain, fused };
}
