// GGUF export round trip: the committed default model (and its committed adapter) exported by
// models:export load in llama.cpp (node-llama-cpp's prebuilt CPU binary, 1 thread) and decode
// the engine's greedy tokens; tokenizer, chat template and adapter metadata survive; the block
// quantisers write ggml's reference bytes; bad input gets a clear error.
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { readGgufFileInfo, resolveChatWrapper } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { REPO_ROOT } from "../engine/defaults";
import { loadPeftAdapter } from "../engine/peft";
import { ChatTokenizer } from "../engine/tokenizer";
import { readHfModel } from "../models/hf-dir";
import { tempDir, tinyModelDir } from "../models/test-helpers";
import type { PreparedLora } from "../models/types";
import { floatToFp16, fp16ToFloat } from "../onnx/safetensors";
import { loadModel } from "../runtime/load";
import type { LoadOptions } from "../runtime/types";
import { exportGguf, type GgufFileType } from "./gguf-export";
import { permuteRotaryRows } from "./gguf-llama";
import { encodeTensor, GGML_TYPE } from "./gguf-quants";
import { openLlamaCpp } from "./llama-cpp-peer";

const BASE = path.join(REPO_ROOT, "models", "base");
const ADAPTER = path.join(REPO_ROOT, "models", "adapters", "grounded");
const SYSTEM = "Test system prompt with the disclaimer.";
const NEW_TOKENS = 24;
const PROMPT_TEXTS = [
  "<|im_start|>user\nWhat causes anemia?<|im_end|>\n<|im_start|>assistant\n",
  "<|im_start|>user\nIs it safe to take ibuprofen with a cold?<|im_end|>\n<|im_start|>assistant\n",
  "High blood pressure is",
  "Diabetes",
];

let root: { dir: string; cleanup: () => Promise<void> };
let tok: ChatTokenizer;
let prompts: number[][];
let lora: PreparedLora;
const files = new Map<string, string>();

async function exportTo(
  name: string,
  type: GgufFileType,
  extra: { adapterDir?: string; lora?: "merged" | "adapter" | "both"; modelDir?: string } = {},
) {
  const out = path.join(root.dir, name, `${name}.gguf`);
  return exportGguf({ modelDir: extra.modelDir ?? BASE, adapterDir: extra.adapterDir, lora: extra.lora, type, out, system: SYSTEM });
}

/** The engine's greedy continuation (fp32 graph, batch 1), `lora` as graph inputs when given. */
async function engineGreedy(dir: string, texts: number[][], opts: LoadOptions, rowLora: PreparedLora | null = null): Promise<number[][]> {
  const model = await loadModel(dir, { maxBatch: 1, ...opts });
  try {
    const out: number[][] = [];
    for (const prompt of texts) {
      const cache = model.newCache();
      const tokens: number[] = [];
      let next = prompt;
      for (let i = 0; i < NEW_TOKENS; i++) {
        const [logits] = await model.forward([{ tokens: next, cache, lora: rowLora }]);
        let best = 0;
        for (let j = 1; j < logits!.length; j++) if (logits![j]! > logits![best]!) best = j;
        tokens.push(best);
        next = [best];
      }
      cache.release();
      out.push(tokens);
    }
    return out;
  } finally {
    await model.dispose();
  }
}

async function llamaCppGreedy(file: string, texts: number[][], loraFiles?: string[]): Promise<number[][]> {
  const peer = await openLlamaCpp(file, { threads: 1, lora: loraFiles });
  try {
    const out: number[][] = [];
    for (const p of texts) out.push(await peer.greedy(p, NEW_TOKENS));
    return out;
  } finally {
    await peer.dispose();
  }
}

beforeAll(async () => {
  root = await tempDir("gguf");
  tok = await ChatTokenizer.fromDir(BASE);
  prompts = PROMPT_TEXTS.map((t) => tok.encode(t));
  const hf = await readHfModel(BASE);
  lora = await loadPeftAdapter(ADAPTER, "grounded", hf.family.loraTargets(hf.dims));
  for (const type of ["f32", "f16", "q8_0"] as const) files.set(type, (await exportTo(`base-${type}`, type)).files.model!);
  const both = await exportTo("grounded-f32", "f32", { adapterDir: ADAPTER });
  files.set("merged", both.files.model!);
  files.set("lora-base", both.files.base!);
  files.set("lora", both.files.adapter!);
});
afterAll(async () => root.cleanup());

describe("GGUF export of models/base in llama.cpp", () => {
  it("fp32 and f16 exports decode exactly the engine's greedy tokens", async () => {
    const engine = await engineGreedy(BASE, prompts, {});
    expect(await llamaCppGreedy(files.get("f32")!, prompts)).toEqual(engine);
    // The checkpoint is stored in fp16, so the f16 export holds the very same weights.
    expect(await llamaCppGreedy(files.get("f16")!, prompts)).toEqual(engine);
  });

  it("q8_0 export agrees with the engine's int8 mode on at least 90% of greedy positions", async () => {
    const engine = (await engineGreedy(BASE, prompts, { quantize: "int8" })).flat();
    const ours = (await llamaCppGreedy(files.get("q8_0")!, prompts)).flat();
    const same = engine.filter((t, i) => t === ours[i]).length;
    // Different int8 schemes (q8_0 blocks + int8 activations vs MatMulNBits), so not exact; measured here: 96/96.
    expect(same / engine.length).toBeGreaterThanOrEqual(0.9);
  });

  it("tokenizes like the engine, special tokens included, and carries the chat template", async () => {
    const peer = await openLlamaCpp(files.get("f32")!, { threads: 1 });
    try {
      for (const text of [...PROMPT_TEXTS, "Héllo wörld — 😀 120/80 mmHg\n\n  tabs\tand 12345 digits", "don't they'll I'M"]) {
        expect([...peer.model.tokenize(text, true)]).toEqual(tok.encode(text));
        expect(peer.model.detokenize(peer.model.tokenize(text, true), true)).toBe(text);
      }
      const config = JSON.parse(await readFile(path.join(BASE, "tokenizer_config.json"), "utf8")) as { chat_template: string };
      const info = await readGgufFileInfo(files.get("f32")!, { readTensorInfo: false, logWarnings: false });
      expect(info.metadata.tokenizer.chat_template).toBe(config.chat_template);
      expect(info.metadata.tokenizer.ggml.eos_token_id).toBe(2); // <|im_end|>
      expect(resolveChatWrapper(peer.model)?.wrapperName).toBe("ChatML");
    } finally {
      await peer.dispose();
    }
  });

  it("the committed adapter: merged GGUF and GGUF LoRA on the base both decode the engine's adapter tokens", async () => {
    const engine = await engineGreedy(
      BASE,
      prompts,
      { lora: { maxRank: lora.rank, targetModules: [...new Set([...lora.weights.keys()].map((m) => m.split(".").at(-1)!))] } },
      lora,
    );
    // The adapter changes the output (so the comparison below can fail).
    expect(engine).not.toEqual(await engineGreedy(BASE, prompts, {}));
    expect(await llamaCppGreedy(files.get("merged")!, prompts)).toEqual(engine);
    expect(await llamaCppGreedy(files.get("lora-base")!, prompts, [files.get("lora")!])).toEqual(engine);
    const info = await readGgufFileInfo(files.get("lora")!, { readTensorInfo: true, logWarnings: false });
    const meta = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(meta.general).toMatchObject({ type: "adapter", architecture: "llama" });
    expect(meta.adapter).toMatchObject({ type: "lora", lora: { alpha: 32 } });
    expect(info.tensorInfo?.length).toBe(2 * lora.weights.size);
  });

  it("writes Ollama Modelfiles beside the GGUFs: FROM, ADAPTER, ChatML TEMPLATE, SYSTEM, stops", async () => {
    const dir = path.dirname(files.get("merged")!);
    const merged = await readFile(path.join(dir, "Modelfile"), "utf8");
    expect(merged).toContain("FROM ./grounded-f32.gguf\n");
    expect(merged).not.toContain("ADAPTER");
    expect(merged).toContain(`SYSTEM """${SYSTEM}"""`);
    expect(merged).toContain(
      'TEMPLATE """{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}\n' +
        '{{- range .Messages }}{{- if ne .Role "system" }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}{{- end }}<|im_start|>assistant\n"""',
    );
    expect(merged).toContain('PARAMETER stop "<|im_end|>"');
    const separate = await readFile(path.join(dir, "Modelfile.adapter"), "utf8");
    expect(separate).toContain("FROM ./grounded-f32.base.gguf\nADAPTER ./grounded-f32.lora.gguf\n");
  });
});

describe("GGUF export of other llama-family shapes", () => {
  it("grouped-query llama (k heads ≠ q heads) and qwen2 (q/k/v biases, NeoX rotation) match the engine in fp32", async () => {
    for (const [name, opts] of [
      ["gqa", { family: "llama", seed: 5, hiddenSize: 64, numHeads: 4, numKvHeads: 2, numLayers: 2, std: 0.2 }],
      ["qwen2", { family: "llama", seed: 6, hiddenSize: 64, numHeads: 4, numKvHeads: 2, numLayers: 2, qkvBias: true, std: 0.2 }],
    ] as const) {
      const dir = await tinyModelDir(root.dir, `tiny-${name}`, opts);
      const r = await exportTo(`tiny-${name}`, "f32", { modelDir: dir });
      expect(r.arch).toBe(name === "qwen2" ? "qwen2" : "llama");
      const tiny = await ChatTokenizer.fromDir(dir);
      const texts = ["<|im_start|>user\nhello there<|im_end|>\n", "fever and cough"].map((t) => tiny.encode(t));
      expect(await llamaCppGreedy(r.files.model!, texts)).toEqual(await engineGreedy(dir, texts, {}));
    }
  });
});

describe("GGUF blocks and layout", () => {
  it("q8_0 and q4_0 blocks hold ggml's reference values", () => {
    const x = Float32Array.from({ length: 32 }, (_, i) => (i - 12) / 4); // max |x| = 19/4 at i = 31
    const q8 = encodeTensor(GGML_TYPE.Q8_0, x, 32);
    expect(q8.length).toBe(34);
    const d8 = fp16ToFloat(q8[0]! | (q8[1]! << 8));
    expect(d8).toBe(fp16ToFloat(floatToFp16(4.75 / 127))); // d = amax / 127, stored as fp16
    const q8s = new Int8Array(q8.buffer, 2, 32);
    expect(q8s[31]).toBe(127);
    expect(q8s[0]).toBe(Math.round(-3 / (4.75 / 127)) | 0); // -80.2 → -80
    for (let i = 0; i < 32; i++) expect(Math.abs(q8s[i]! * d8 - x[i]!)).toBeLessThanOrEqual(d8 / 2 + 1e-3);

    const q4 = encodeTensor(GGML_TYPE.Q4_0, x, 32);
    expect(q4.length).toBe(18);
    const d4 = fp16ToFloat(q4[0]! | (q4[1]! << 8));
    expect(d4).toBe(fp16ToFloat(floatToFp16(4.75 / -8))); // the signed extreme maps to -8
    const nibble = (i: number) => (i < 16 ? q4[2 + i]! & 15 : q4[2 + i - 16]! >> 4);
    expect(nibble(31)).toBe(0); // (x/d + 8.5) truncated: -8 + 8 = 0
    for (let i = 0; i < 32; i++) expect(Math.abs((nibble(i) - 8) * d4 - x[i]!)).toBeLessThanOrEqual(Math.abs(d4) / 2 + 1e-3);
    expect(() => encodeTensor(GGML_TYPE.Q8_0, new Float32Array(48), 48)).toThrow(/multiple of 32/);
  });

  it("q/k rows move from HF's rotate-half pairs (i, i+d/2) to llama.cpp's adjacent pairs (2i, 2i+1)", () => {
    // One head of d = 4 rows, 1 column: rows [r0, r1, r2, r3] pair (0,2) and (1,3).
    expect([...permuteRotaryRows(Float32Array.from([0, 1, 2, 3]), 1, 1)]).toEqual([0, 2, 1, 3]);
    expect([...permuteRotaryRows(Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 2, 1)]).toEqual([0, 2, 1, 3, 4, 6, 5, 7]);
  });

  it("rows not divisible by 32 fall back to f16 in block exports (down_proj of models/base: 688 inputs)", async () => {
    const info = await readGgufFileInfo(files.get("q8_0")!, { readTensorInfo: true, logWarnings: false });
    const typeOf = (n: string) => info.tensorInfo!.find((t) => t.name === n)!.ggmlType;
    expect(typeOf("blk.0.attn_q.weight")).toBe(GGML_TYPE.Q8_0);
    expect(typeOf("blk.0.ffn_down.weight")).toBe(GGML_TYPE.F16);
    expect(typeOf("blk.0.attn_norm.weight")).toBe(GGML_TYPE.F32);
  });
});

describe("models:export CLI", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts", "models-export.ts"), ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });

  it("refuses bad input with a clear reason and a non-zero exit", async () => {
    const bad = [
      [["zip", BASE], /unknown format "zip"/],
      [["gguf", BASE, "--type", "q5_k"], /--type must be one of f32, f16, q8_0, q4_0/],
    ] as const;
    for (const [args, message] of bad) {
      const r = cli([...args]);
      expect(r.status, args.join(" ")).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    // The CLI passes the rest to exportGguf, which checks it before reading anything.
    await expect(
      exportGguf({ modelDir: path.join(root.dir, "missing"), out: path.join(root.dir, "x.gguf"), system: SYSTEM }),
    ).rejects.toThrow(/model directory .*missing does not exist/);
    await expect(exportGguf({ modelDir: BASE, lora: "merged", out: path.join(root.dir, "x.gguf"), system: SYSTEM })).rejects.toThrow(
      /--lora needs --adapter/,
    );
    await expect(exportGguf({ modelDir: BASE, out: path.join(root.dir, "x.bin"), system: SYSTEM })).rejects.toThrow(
      /--out must name a \.gguf file/,
    );
  });

  it("refuses families llama.cpp has no architecture for and broken adapters", async () => {
    const neo = await tinyModelDir(root.dir, "tiny-neo", { family: "gpt-neo", seed: 1 });
    await expect(exportTo("neo", "f16", { modelDir: neo })).rejects.toThrow(/gpt_neo.*no GGUF export/);
    const broken = path.join(root.dir, "broken-adapter");
    await tinyModelDir(root.dir, "broken-adapter", { family: "llama", seed: 1 }); // a model dir, not an adapter
    await expect(exportTo("broken", "f16", { adapterDir: broken })).rejects.toThrow(/adapter_config\.json/);
    await writeFile(path.join(broken, "adapter_config.json"), "{not json");
    await expect(exportTo("broken", "f16", { adapterDir: broken })).rejects.toThrow();
  });
});
