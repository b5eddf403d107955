// `npm run models:export -- gguf`: a Hugging Face model directory (and optionally a PEFT
// adapter) → GGUF files llama.cpp and Ollama load, plus an Ollama Modelfile beside them.
//   no adapter:            <out>                      (+ Modelfile)
//   --lora merged:         <out> with W + scale·B·A   (+ Modelfile)
//   --lora adapter:        <stem>.base.gguf + <stem>.lora.gguf (GGUF LoRA adapter) (+ Modelfile with ADAPTER)
//   --lora both (default): all three; Modelfile uses the merged model, Modelfile.adapter the base + ADAPTER
import { existsSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { loadPeftAdapter } from "../engine/peft";
import { readHfModel, type HfModel } from "../models/hf-dir";
import type { PreparedLora } from "../models/types";
import { mergeAdapterWeights } from "../runtime/load";
import { addGptOssTensors, gptOssArch, gptOssNotes, writeGptOssMetadata } from "./gguf-gpt-oss";
import { addAdapterTensors, addModelTensors, ggufArchFor, writeArchitectureMetadata, type GgufArch } from "./gguf-llama";
import { GGML_TYPE, type GgmlType } from "./gguf-quants";
import { readExportTokenizer, writeTokenizerMetadata, type ExportTokenizer } from "./gguf-tokenizer";
import { GgufWriter } from "./gguf-writer";
import { modelfile } from "./ollama-modelfile";

export const GGUF_TYPES = ["f32", "f16", "q8_0", "q4_0"] as const;
export type GgufFileType = (typeof GGUF_TYPES)[number];
export const LORA_MODES = ["merged", "adapter", "both"] as const;
export type LoraMode = (typeof LORA_MODES)[number];

const TYPE_INFO: Record<GgufFileType, { ggml: GgmlType; fileType: number }> = {
  f32: { ggml: GGML_TYPE.F32, fileType: 0 }, // LLAMA_FTYPE_ALL_F32
  f16: { ggml: GGML_TYPE.F16, fileType: 1 }, // MOSTLY_F16
  q4_0: { ggml: GGML_TYPE.Q4_0, fileType: 2 }, // MOSTLY_Q4_0
  q8_0: { ggml: GGML_TYPE.Q8_0, fileType: 7 }, // MOSTLY_Q8_0
};

export interface GgufExportOptions {
  modelDir: string;
  adapterDir?: string;
  type?: GgufFileType;
  lora?: LoraMode;
  /** The main GGUF path; the other files go beside it. */
  out: string;
  /** Ollama SYSTEM prompt (the caller supplies the product's disclaimer). */
  system: string;
  name?: string;
}

export interface GgufExportResult {
  /** Written files by role. */
  files: { model?: string; base?: string; adapter?: string; modelfile: string; adapterModelfile?: string };
  /** ggml type of every model tensor (block types fall back to f16 where a row is not a multiple of 32). */
  tensorTypes: Map<string, GgmlType>;
  arch: GgufArch["name"];
  /** Where llama.cpp will compute slightly differently from the checkpoint's own definition. */
  notes: string[];
}

export class GgufExportError extends Error {}

function checkOptions(o: GgufExportOptions): void {
  if (!existsSync(o.modelDir) || !statSync(o.modelDir).isDirectory())
    throw new GgufExportError(`model directory ${o.modelDir} does not exist`);
  if (o.adapterDir !== undefined && (!existsSync(o.adapterDir) || !statSync(o.adapterDir).isDirectory()))
    throw new GgufExportError(`adapter directory ${o.adapterDir} does not exist`);
  if (o.type !== undefined && !GGUF_TYPES.includes(o.type))
    throw new GgufExportError(`--type must be one of ${GGUF_TYPES.join(", ")}, got "${String(o.type)}"`);
  if (o.lora !== undefined && !LORA_MODES.includes(o.lora))
    throw new GgufExportError(`--lora must be one of ${LORA_MODES.join(", ")}, got "${String(o.lora)}"`);
  if (o.lora !== undefined && o.adapterDir === undefined) throw new GgufExportError("--lora needs --adapter <peft dir>");
  if (!o.out.endsWith(".gguf")) throw new GgufExportError(`--out must name a .gguf file, got "${o.out}"`);
  if (existsSync(o.out) && statSync(o.out).isDirectory()) throw new GgufExportError(`--out ${o.out} is a directory`);
}

interface Common {
  model: HfModel;
  arch: GgufArch;
  tok: ExportTokenizer;
  name: string;
  contextLength: number;
}

function header(w: GgufWriter, c: Common, type: "model" | "adapter", name: string): void {
  w.string("general.architecture", c.arch.name);
  w.string("general.type", type);
  w.string("general.name", name);
  w.u32("general.alignment", 32);
}

function writeModel(c: Common, tensors: HfModel["tensors"], type: GgufFileType, file: string, name: string): Map<string, GgmlType> {
  const w = new GgufWriter();
  header(w, c, "model", name);
  w.u32("general.file_type", TYPE_INFO[type].fileType);
  w.u32("general.quantization_version", 2);
  const gptOss = c.arch.name === "gpt-oss";
  (gptOss ? writeGptOssMetadata : writeArchitectureMetadata)(w, c.arch, c.model, c.contextLength);
  writeTokenizerMetadata(w, c.tok);
  const types = gptOss
    ? addGptOssTensors(w, c.model, tensors, TYPE_INFO[type].ggml)
    : addModelTensors(w, c.arch, c.model, tensors, TYPE_INFO[type].ggml);
  w.write(file);
  return types;
}

function writeAdapter(c: Common, lora: PreparedLora, file: string): void {
  const w = new GgufWriter();
  header(w, c, "adapter", `${c.name} LoRA ${lora.name}`);
  addAdapterTensors(w, c.arch, c.model, lora);
  w.write(file);
}

export async function exportGguf(o: GgufExportOptions): Promise<GgufExportResult> {
  checkOptions(o);
  const type = o.type ?? "f16";
  const model = await readHfModel(o.modelDir, { lazy: true });
  try {
    const arch = model.family.name === "gpt-oss" ? gptOssArch(model) : ggufArchFor(model);
    const tok = await readExportTokenizer(o.modelDir, model.dims.vocabSize, { bos: model.dims.bosTokenId, eos: model.dims.eosTokenIds });
    const lora = o.adapterDir
      ? await loadPeftAdapter(o.adapterDir, path.basename(path.resolve(o.adapterDir)), model.family.loraTargets(model.dims))
      : null;
    const name = o.name ?? [path.basename(path.resolve(o.modelDir)), lora?.name].filter(Boolean).join("+");
    const c: Common = { model, arch, tok, name, contextLength: model.dims.maxPositions };
    const dir = path.dirname(o.out);
    await mkdir(dir, { recursive: true });
    const stem = o.out.slice(0, -".gguf".length);
    const mode: LoraMode | null = lora ? (o.lora ?? "both") : null;
    const files: GgufExportResult["files"] = { modelfile: path.join(dir, "Modelfile") };
    let tensorTypes = new Map<string, GgmlType>();
    if (!lora || mode !== "adapter") {
      files.model = o.out;
      tensorTypes = writeModel(c, lora ? mergeAdapterWeights(model, lora) : model.tensors, type, o.out, name);
    }
    if (lora && mode !== "merged") {
      files.base = `${stem}.base.gguf`;
      files.adapter = `${stem}.lora.gguf`;
      tensorTypes = writeModel(c, model.tensors, type, files.base, path.basename(path.resolve(o.modelDir)));
      writeAdapter(c, lora, files.adapter);
    }
    const rel = (f: string) => path.relative(dir, f);
    const spec = {
      chatTemplate: tok.chatTemplate,
      stopTexts: tok.stopTexts,
      system: o.system,
      contextLength: c.contextLength,
    };
    const comment = (what: string) =>
      `MedChat ${name} (${type}) for Ollama: ollama create <name> -f ${what}\nWritten by npm run models:export -- gguf; the GGUF files carry the tokenizer and chat template.`;
    if (files.model) {
      await writeFile(files.modelfile, modelfile({ ...spec, from: rel(files.model), comment: comment("Modelfile") }));
      if (files.adapter) {
        files.adapterModelfile = path.join(dir, "Modelfile.adapter");
        await writeFile(
          files.adapterModelfile,
          modelfile({
            ...spec,
            from: rel(files.base!),
            adapter: rel(files.adapter),
            comment: comment("Modelfile.adapter") + "\nThe LoRA adapter applied to the base model.",
          }),
        );
      }
    } else {
      await writeFile(
        files.modelfile,
        modelfile({ ...spec, from: rel(files.base!), adapter: rel(files.adapter!), comment: comment("Modelfile") }),
      );
    }
    return { files, tensorTypes, arch: arch.name, notes: arch.name === "gpt-oss" ? gptOssNotes(model) : [] };
  } finally {
    model.close();
  }
}
