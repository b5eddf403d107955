// Lazy checkpoint loading (onnx/safetensors-lazy.ts): tensors are read from disk only when the
// graph builder uses them. Loaded lazily, a model must give bit-identical logits to the eager
// path (llama, gpt-neo, gpt-oss with MXFP4 experts, sharded checkpoints), read each tensor
// once, fail on broken files with the eager reader's errors, and close its files after the build.
import { readFile, truncate, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafetensors, writeSafetensors, type SafeTensor } from "../onnx/safetensors";
import { isLazy, openSafetensorsLazy, type FileTensor } from "../onnx/safetensors-lazy";
import { readHfModel } from "../models/hf-dir";
import { loadEmbedder, loadModel } from "./load";
import { createSession } from "./session";
import { buildPlainGraph, PLAIN_SESSION_OPTIONS } from "../models/plain";
import { rawSafetensors, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import type { LoadOptions } from "./types";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("lazy");
});
afterAll(async () => root.cleanup());

/** Greedy-free check: logits of a prefill then two decode steps, eager vs lazy, must be identical. */
async function expectSameLogits(dir: string, opts: LoadOptions = {}, eagerDir = dir): Promise<void> {
  const [eager, lazy] = await Promise.all([
    loadModel(eagerDir, { ...opts, maxBatch: 2, lazyWeights: false }),
    loadModel(dir, { ...opts, maxBatch: 2 }),
  ]);
  try {
    const ce = eager.newCache();
    const cl = lazy.newCache();
    let tokens = seededTokens(7, 3);
    for (let step = 0; step < 3; step++) {
      const [a] = await eager.forward([{ tokens, cache: ce, lora: null }]);
      const [b] = await lazy.forward([{ tokens, cache: cl, lora: null }]);
      expect(b.length).toBe(eager.dims.vocabSize);
      expect(Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(Buffer.from(a.buffer, a.byteOffset, a.byteLength))).toBe(true);
      tokens = [(step * 37 + 11) % 256];
    }
  } finally {
    await Promise.all([eager.dispose(), lazy.dispose()]);
  }
}

describe("lazy loading", () => {
  it("llama (fp16 checkpoint, tied head, q/k/v biases) and gpt-neo: bit-identical logits to the eager path, fp32 and fp16 graphs, int4", async () => {
    const llama = await tinyModelDir(root.dir, "llama", {
      family: "llama",
      seed: 91,
      dtype: "F16",
      qkvBias: true,
      tieWordEmbeddings: true,
    });
    const neo = await tinyModelDir(root.dir, "neo", { family: "gpt-neo", seed: 92, dtype: "BF16" });
    await expectSameLogits(llama);
    await expectSameLogits(neo);
    await expectSameLogits(llama, { precision: "fp16" });
    await expectSameLogits(neo, { quantize: "int4" });
  });

  it("reads every tensor from disk once while the graph is built, and closes the files afterwards", async () => {
    const dir = await tinyModelDir(root.dir, "llama-reads", { family: "llama", seed: 93 });
    const model = await readHfModel(dir, { lazy: true });
    const files = [...model.tensors.values()] as FileTensor[];
    expect(files.every((t) => isLazy(t) && t.reads === 0)).toBe(true);
    model.family.buildFusedGraph(model.dims, model.config, model.tensors, {
      loraModules: new Set(),
      quantize: "none",
      floatType: "float32",
      output: "logits",
      maxSequenceLength: 64,
    });
    for (const [name, t] of model.tensors) expect([name, (t as FileTensor).reads]).toEqual([name, 1]);
    model.close();
    model.close(); // idempotent
    expect(() => files[0].load()).toThrow(/read after the file was closed/);
  });

  it("gpt-oss with MXFP4 experts: U8 blocks stay bytes, dequantised per tensor on demand, bit-identical logits", async () => {
    const dir = await tinyModelDir(root.dir, "oss", { family: "gpt-oss", seed: 94, numLayers: 2 });
    const file = path.join(dir, "model.safetensors");
    const float = readSafetensors(await readFile(file));
    const raw: Parameters<typeof rawSafetensors>[0] = {};
    for (const [name, t] of float)
      raw[name] = { dtype: "F32", shape: t.shape, bytes: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength) };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 8;
    for (const [name, t] of float) {
      if (!/experts\.(gate_up|down)_proj$/.test(name)) continue;
      const [e, inDim, outDim] = t.shape;
      delete raw[name];
      raw[`${name}_blocks`] = {
        dtype: "U8",
        shape: [e, outDim, inDim / 32, 16],
        bytes: Uint8Array.from({ length: e * outDim * (inDim / 2) }, () => next() & 0xff),
      };
      raw[`${name}_scales`] = {
        dtype: "U8",
        shape: [e, outDim, inDim / 32],
        bytes: Uint8Array.from({ length: e * outDim * (inDim / 32) }, () => 122 + (next() % 6)),
      };
    }
    await writeFile(file, rawSafetensors(raw));

    const lazyFile = openSafetensorsLazy(file);
    try {
      const blocks = lazyFile.tensors.get("model.layers.0.mlp.experts.down_proj_blocks")!;
      expect(blocks.dtype).toBe("U8");
      expect(blocks.bytes()).toBeInstanceOf(Uint8Array);
      expect(Array.from(blocks.bytes())).toEqual(Array.from(raw["model.layers.0.mlp.experts.down_proj_blocks"].bytes));
    } finally {
      lazyFile.close();
    }
    const [eager, lazy] = await Promise.all([readHfModel(dir), readHfModel(dir, { lazy: true })]);
    try {
      const name = "model.layers.1.mlp.experts.gate_up_proj";
      const t = lazy.tensors.get(name)!;
      expect(isLazy(t)).toBe(true);
      expect(t.shape).toEqual(float.get(name)!.shape);
      expect(Array.from((t as SafeTensor & { load(): Float32Array }).load())).toEqual(Array.from(eager.tensors.get(name)!.data));
    } finally {
      lazy.close();
    }
    await expectSameLogits(dir);
    await expectSameLogits(dir, { quantize: "int8" });
  });

  it("sharded checkpoints (model.safetensors.index.json) load lazily to the logits of the single file", async () => {
    const single = await tinyModelDir(root.dir, "single", { family: "llama", seed: 95, numLayers: 3 });
    const sharded = await tinyModelDir(root.dir, "sharded", { family: "llama", seed: 95, numLayers: 3 });
    const tensors = readSafetensors(await readFile(path.join(sharded, "model.safetensors")));
    await unlink(path.join(sharded, "model.safetensors"));
    const names = [...tensors.keys()].sort();
    const weightMap: Record<string, string> = {};
    const shards = [names.slice(0, 5), names.slice(5, names.length - 4), names.slice(names.length - 4)];
    for (const [i, part] of shards.entries()) {
      const shard = `model-0000${i + 1}-of-00003.safetensors`;
      await writeFile(
        path.join(sharded, shard),
        writeSafetensors(
          Object.fromEntries(
            part.map((n) => {
              weightMap[n] = shard;
              return [n, { dtype: "F32" as const, shape: tensors.get(n)!.shape, data: tensors.get(n)!.data }];
            }),
          ),
        ),
      );
    }
    await writeFile(
      path.join(sharded, "model.safetensors.index.json"),
      JSON.stringify({ metadata: { total_size: 0 }, weight_map: weightMap }),
    );
    await expectSameLogits(sharded, {}, single);
    await expectSameLogits(sharded);
    const embEager = await loadEmbedder(single, { lazyWeights: false });
    const embLazy = await loadEmbedder(sharded);
    try {
      const [a] = await embEager.embed([seededTokens(5, 1)]);
      const [b] = await embLazy.embed([seededTokens(5, 1)]);
      expect(Array.from(b)).toEqual(Array.from(a));
    } finally {
      await Promise.all([embEager.dispose(), embLazy.dispose()]);
    }
  });

  it("createSession can free the graph's initializers once serialised (in memory and via external data)", async () => {
    const dir = await tinyModelDir(root.dir, "release", { family: "gpt-neo", seed: 98 });
    const ids = new ort.Tensor("int64", BigInt64Array.from(seededTokens(6, 2), BigInt), [1, 6]);
    const run = async (threshold: number, releaseInitializers: boolean) => {
      const model = await readHfModel(dir, { lazy: true });
      const graph = buildPlainGraph(model, { output: "logits" });
      model.close();
      const session = await createSession(graph, PLAIN_SESSION_OPTIONS, threshold, { releaseInitializers });
      expect(graph.initializers.size === 0).toBe(releaseInitializers);
      const logits = (await session.run({ input_ids: ids })).logits.data as Float32Array;
      await session.release();
      return Array.from(logits);
    };
    const expected = await run(Infinity, false);
    expect(await run(Infinity, true)).toEqual(expected);
    expect(await run(0, true)).toEqual(expected);
  });

  it("a truncated or corrupt checkpoint fails at load with the eager reader's error", async () => {
    const cut = await tinyModelDir(root.dir, "cut", { family: "gpt-neo", seed: 96 });
    const file = path.join(cut, "model.safetensors");
    const size = (await readFile(file)).byteLength;
    await truncate(file, size - 100);
    for (const lazyWeights of [false, true])
      await expect(loadModel(cut, { lazyWeights })).rejects.toThrow(
        /safetensors: tensor ".*": data_offsets end \d+ is past the data section/,
      );
    await truncate(file, 5);
    for (const lazyWeights of [false, true])
      await expect(loadModel(cut, { lazyWeights })).rejects.toThrow(/shorter than the 8-byte header length/);
    await writeFile(file, Buffer.concat([Buffer.from([16, 0, 0, 0, 0, 0, 0, 0]), Buffer.from("{not json}      ")]));
    for (const lazyWeights of [false, true])
      await expect(loadModel(cut, { lazyWeights })).rejects.toThrow(/header is not valid UTF-8 JSON/);

    // A shard missing from a sharded checkpoint, and a tensor of the wrong shape: same errors both ways.
    const bad = await tinyModelDir(root.dir, "bad", { family: "llama", seed: 97 });
    const tensors = readSafetensors(await readFile(path.join(bad, "model.safetensors")));
    const norm = tensors.get("model.norm.weight")!;
    tensors.set("model.norm.weight", { ...norm, shape: [norm.shape[0] / 2, 2] });
    await writeFile(
      path.join(bad, "model.safetensors"),
      writeSafetensors(Object.fromEntries([...tensors].map(([n, t]) => [n, { dtype: "F32" as const, shape: t.shape, data: t.data }]))),
    );
    for (const lazyWeights of [false, true])
      await expect(loadModel(bad, { lazyWeights })).rejects.toThrow(/"model.norm.weight" has shape \[32,2\], config.json implies \[64\]/);
  });
});
