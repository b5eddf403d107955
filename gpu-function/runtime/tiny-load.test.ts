// Tiny HF model directories: config/tensor names, tokenizer and chat template loadable by the
// HF JS libraries, family registry errors, and the embedder.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { Template } from "@huggingface/jinja";
import * as ort from "onnxruntime-node";
import { Tokenizer } from "@huggingface/tokenizers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSafetensors, writeSafetensors } from "../onnx/safetensors";
import { loadEmbedder, loadModel, readHfModel } from "./load";
import { buildPlainGraph, PLAIN_SESSION_OPTIONS } from "../models/plain";
import { familyFor } from "../models/registry";
import { maxAbsDiff, seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";
import { writeTinyEmbedder } from "../models/tiny";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("tiny");
});
afterAll(async () => root.cleanup());

const readJson = async (dir: string, file: string) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as Record<string, unknown>;

describe("writeTinyModel", () => {
  it("writes HF config fields and tensor names for llama and gpt-neo, deterministically per seed", async () => {
    const llama = await tinyModelDir(root.dir, "llama", { family: "llama", seed: 1, numKvHeads: 1 });
    const config = await readJson(llama, "config.json");
    expect(config).toMatchObject({
      model_type: "llama",
      num_key_value_heads: 1,
      num_attention_heads: 4,
      hidden_act: "silu",
      rope_theta: 10000,
    });
    const names = [...readSafetensors(await readFile(path.join(llama, "model.safetensors"))).keys()];
    expect(names).toContain("model.layers.0.self_attn.q_proj.weight");
    expect(names).toContain("model.layers.1.mlp.down_proj.weight");
    expect(names).toContain("model.norm.weight");

    const neo = await tinyModelDir(root.dir, "neo", { family: "gpt-neo", seed: 1, numLayers: 4, windowSize: 16 });
    expect(await readJson(neo, "config.json")).toMatchObject({
      model_type: "gpt_neo",
      attention_types: [[["global", "local"], 2]],
      window_size: 16,
      activation_function: "gelu_new",
    });
    const neoNames = [...readSafetensors(await readFile(path.join(neo, "model.safetensors"))).keys()];
    expect(neoNames).toEqual(
      expect.arrayContaining([
        "transformer.h.0.attn.attention.q_proj.weight",
        "transformer.h.3.mlp.c_fc.bias",
        "transformer.wpe.weight",
        "transformer.ln_f.bias",
      ]),
    );
    expect(neoNames).not.toContain("lm_head.weight"); // tied, like GPT-Neo checkpoints

    const again = await tinyModelDir(root.dir, "llama-again", { family: "llama", seed: 1, numKvHeads: 1 });
    const other = await tinyModelDir(root.dir, "llama-other", { family: "llama", seed: 2, numKvHeads: 1 });
    const bytes = (d: string) => readFile(path.join(d, "model.safetensors"));
    expect(Buffer.compare(await bytes(llama), await bytes(again))).toBe(0);
    expect(Buffer.compare(await bytes(llama), await bytes(other))).not.toBe(0);
  });

  it("ships a byte-level tokenizer.json and a ChatML chat_template the HF JS libraries load", async () => {
    const dir = await tinyModelDir(root.dir, "tok", { family: "gpt-neo", seed: 1 });
    const tokenizerConfig = await readJson(dir, "tokenizer_config.json");
    const tokenizer = new Tokenizer(await readJson(dir, "tokenizer.json"), tokenizerConfig);
    const text = "Héllo wörld — 😀 mg/dL\n";
    const ids = tokenizer.encode(text).ids;
    expect(ids.length).toBe(Buffer.byteLength(text)); // one id per byte, no merges
    expect(tokenizer.decode(ids)).toBe(text);
    expect(tokenizer.encode("<|im_start|>user<|im_end|><|endoftext|>").ids).toEqual([257, 117, 115, 101, 114, 258, 256]);

    const prompt = new Template(String(tokenizerConfig.chat_template)).render({
      messages: [
        { role: "system", content: "Be careful." },
        { role: "user", content: "Hi?" },
      ],
      add_generation_prompt: true,
    });
    expect(prompt).toBe("<|im_start|>system\nBe careful.<|im_end|>\n<|im_start|>user\nHi?<|im_end|>\n<|im_start|>assistant\n");

    const model = await loadModel(dir);
    expect(model.dims.eosTokenIds).toEqual(expect.arrayContaining([256, 258])); // generation_config.json adds <|im_end|>
    await model.dispose();
  });
});

describe("family registry and weight checks", () => {
  it("names the problem for unknown model types, missing tensors and wrong shapes", async () => {
    expect(() => familyFor({ model_type: "t5" })).toThrow(/model_type "t5" is not supported \(supported: .*llama.*gpt_oss.*\)/);
    expect(() => familyFor({})).toThrow(/no "model_type"/);
    const dir = await tinyModelDir(root.dir, "broken", { family: "llama", seed: 3 });
    const tensors = readSafetensors(await readFile(path.join(dir, "model.safetensors")));
    const record: Parameters<typeof writeSafetensors>[0] = {};
    for (const [name, t] of tensors) if (name !== "model.norm.weight") record[name] = { dtype: "F32", shape: t.shape, data: t.data };
    await writeFile(path.join(dir, "model.safetensors"), writeSafetensors(record));
    await expect(readHfModel(dir)).rejects.toThrow(/missing tensor "model.norm.weight"/);
    record["model.norm.weight"] = { dtype: "F32", shape: [3], data: new Float32Array(3) };
    await writeFile(path.join(dir, "model.safetensors"), writeSafetensors(record));
    await expect(readHfModel(dir)).rejects.toThrow(/"model.norm.weight" has shape \[3\], config.json implies \[64\]/);
    await expect(readHfModel(path.join(root.dir, "nope"))).rejects.toThrow(/config.json not found/);
  });
});

describe("loadEmbedder", () => {
  it("returns unit vectors of EMBEDDING_DIM that do not depend on batch padding", async () => {
    const dir = path.join(root.dir, "embedder");
    await writeTinyEmbedder(dir, { dim: 256, seed: 4 });
    const embedder = await loadEmbedder(dir, { maxBatch: 3 });
    try {
      expect(embedder.dim).toBe(256);
      // An embedder keeps no cache: its graph computes the hidden states alone (no new_kv).
      expect((embedder as unknown as { session: ort.InferenceSession }).session.outputNames).toEqual(["hidden"]);
      const short = seededTokens(4, 1);
      const texts = [seededTokens(30, 2), short, seededTokens(11, 3), seededTokens(17, 4)];
      const [alone] = await embedder.embed([short]);
      const batch = await embedder.embed(texts);
      expect(batch).toHaveLength(4);
      for (const v of batch) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
      expect(maxAbsDiff(batch[1], alone)).toBeLessThan(1e-5);
      // Same as mean-pooling the plain reference graph's hidden states, then L2-normalising.
      const model = await readHfModel(dir);
      const plain = await ort.InferenceSession.create(buildPlainGraph(model, { output: "hidden" }).toBytes(), PLAIN_SESSION_OPTIONS);
      const hidden = (await plain.run({ input_ids: new ort.Tensor("int64", BigInt64Array.from(short, BigInt), [1, short.length]) })).hidden
        .data as Float32Array;
      const mean = new Float32Array(256);
      for (let t = 0; t < short.length; t++) for (let k = 0; k < 256; k++) mean[k] += hidden[t * 256 + k] / short.length;
      const norm = Math.hypot(...mean);
      expect(
        maxAbsDiff(
          alone,
          mean.map((v) => v / norm),
        ),
      ).toBeLessThan(1e-4);
      await plain.release();
      expect(maxAbsDiff(batch[0], batch[2])).toBeGreaterThan(1e-3);
      await expect(embedder.embed([[]])).rejects.toThrow(/input 0 is empty/);
    } finally {
      await embedder.dispose();
    }
  });
});
