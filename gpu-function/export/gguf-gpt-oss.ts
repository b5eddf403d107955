// gpt-oss (transformers' GptOss) in llama.cpp's "gpt-oss" GGUF layout, as convert_hf_to_gguf.py's
// GptOssModel writes it: attention with biases and one sink logit per head (`attn_sinks`),
// `post_attention_norm` before the MoE block, the router as `ffn_gate_inp` (+ bias) and the
// experts split from HF's interleaved gate_up_proj (gate = even columns, up = odd columns) into
// `ffn_gate_exps` / `ffn_up_exps` [E, I, H] and `ffn_down_exps` [E, H, I], with their biases.
// Experts stored in MXFP4 in the checkpoint are written as ggml MXFP4 blocks, byte for byte
// (lossless, what llama.cpp's own converter does); float experts get the requested --type.
// What llama.cpp fixes rather than reads, and the exporter therefore checks: the SwiGLU clamp
// (limit 7, α 1.702), alternating sliding/full layers starting with a sliding one, NeoX rotation.
import { configNumber, type Tensors } from "../models/family";
import type { HfModel } from "../models/hf-dir";
import { mxfp4Source } from "../models/mxfp4";
import { tensorBytes } from "../onnx/safetensors-lazy";
import { ArchitectureExportError, ggufModuleName, ggufTensor, weightType, writeArchitectureMetadata, type GgufArch } from "./gguf-llama";
import { GGML_TYPE, QK, repackMxfp4Block, type GgmlType } from "./gguf-quants";
import type { GgufWriter } from "./gguf-writer";

/** llama.cpp's LLM_FFN_SWIGLU_OAI_MOE constants (llama-graph.cpp): not read from the GGUF. */
const LLAMA_CPP_SWIGLU_LIMIT = 7;

interface Yarn {
  factor: number;
  original: number;
  betaFast: number;
  betaSlow: number;
}

function yarnOf(model: HfModel): Yarn | null {
  const rs = model.config.rope_scaling as Record<string, unknown> | null | undefined;
  if (!rs) return null;
  const type = String(rs.rope_type ?? rs.type);
  if (type === "default") return null;
  if (type !== "yarn")
    throw new ArchitectureExportError(`config.json: gpt-oss rope_scaling type "${type}" is not exported (supported: yarn)`);
  for (const k of ["attention_factor", "mscale", "mscale_all_dim"]) {
    if (rs[k] !== undefined && rs[k] !== null)
      throw new ArchitectureExportError(
        `config.json: rope_scaling.${k} is not exported (llama.cpp's gpt-oss uses YaRN's default attention factor)`,
      );
  }
  const num = (k: string, d: number) => (typeof rs[k] === "number" ? (rs[k] as number) : d);
  const factor = num("factor", 1);
  return {
    factor,
    original: num("original_max_position_embeddings", Math.round(model.dims.maxPositions / factor)),
    betaFast: num("beta_fast", 32),
    betaSlow: num("beta_slow", 1),
  };
}

/** The gpt-oss checkpoint's GGUF architecture, or why llama.cpp would not run it as trained. */
export function gptOssArch(model: HfModel): GgufArch {
  const { config, dims: d } = model;
  const limit = configNumber(config, "swiglu_limit", LLAMA_CPP_SWIGLU_LIMIT);
  if (limit !== LLAMA_CPP_SWIGLU_LIMIT) {
    throw new ArchitectureExportError(
      `config.json: swiglu_limit ${limit} is not exported (llama.cpp's gpt-oss clamps the expert SwiGLU at ${LLAMA_CPP_SWIGLU_LIMIT})`,
    );
  }
  const window = configNumber(config, "sliding_window", 0);
  const types = Array.isArray(config.layer_types) ? (config.layer_types as string[]) : null;
  for (let l = 0; l < d.numLayers; l++) {
    const sliding = types ? types[l] === "sliding_attention" : l % 2 === 0;
    if (sliding !== (l % 2 === 0)) {
      throw new ArchitectureExportError(
        `config.json: layer_types must alternate sliding/full starting with sliding (llama.cpp's gpt-oss pattern); layer ${l} is ${types?.[l]}`,
      );
    }
  }
  if (window <= 0)
    throw new ArchitectureExportError(
      "config.json: gpt-oss needs sliding_window > 0 (llama.cpp's gpt-oss layers alternate sliding and full attention)",
    );
  yarnOf(model); // throws on an unsupported rope_scaling
  return { name: "gpt-oss", permuteQk: false };
}

/**
 * llama.cpp's YaRN always rounds the correction range to whole dimensions (ggml_rope_yarn_corr_dims:
 * floor/ceil), which is HF's `truncate: true`; gpt-oss checkpoints say `truncate: false`, so a few
 * rotary frequencies in that range differ slightly from the engine's (the tests use truncate: true).
 */
export function gptOssNotes(model: HfModel): string[] {
  const rs = model.config.rope_scaling as Record<string, unknown> | null | undefined;
  return yarnOf(model) && rs?.truncate === false
    ? [
        "rope_scaling.truncate is false but llama.cpp's YaRN rounds its correction range to whole dimensions: rotary frequencies inside that range differ slightly from the checkpoint's (as in every llama.cpp run of gpt-oss)",
      ]
    : [];
}

export function writeGptOssMetadata(w: GgufWriter, arch: GgufArch, model: HfModel, contextLength: number): void {
  const { config, dims: d } = model;
  const a = arch.name;
  writeArchitectureMetadata(w, arch, model, contextLength, 1e-5);
  const experts = configNumber(config, "num_local_experts");
  w.u32(`${a}.expert_count`, experts);
  w.u32(`${a}.expert_used_count`, configNumber(config, "num_experts_per_tok", configNumber(config, "experts_per_token", 4)));
  w.u32(`${a}.expert_feed_forward_length`, d.intermediateSize);
  w.u32(`${a}.attention.sliding_window`, configNumber(config, "sliding_window"));
  const yarn = yarnOf(model);
  if (yarn) {
    w.string(`${a}.rope.scaling.type`, "yarn");
    w.f32(`${a}.rope.scaling.factor`, yarn.factor);
    w.u32(`${a}.rope.scaling.original_context_length`, yarn.original);
    w.f32(`${a}.rope.scaling.yarn_beta_fast`, yarn.betaFast);
    w.f32(`${a}.rope.scaling.yarn_beta_slow`, yarn.betaSlow);
  }
}

/** The even (0) or odd (1) entries of an interleaved last axis ([..., 2n] → [..., n]). */
function everyOther(data: Float32Array, offset: 0 | 1): Float32Array {
  const out = new Float32Array(data.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = data[2 * i + offset]!;
  return out;
}

/** HF experts [E, in, out] (x·W) → ggml's [E, out, in], keeping all of the out axis or gate/up's even/odd entries. */
function expertsOutIn(data: Float32Array, shape: number[], pick?: 0 | 1): { data: Float32Array; shape: number[] } {
  const [e, inDim, outAll] = shape as [number, number, number];
  const out = pick === undefined ? outAll : outAll / 2;
  const res = new Float32Array(e * out * inDim);
  for (let x = 0; x < e; x++) {
    for (let i = 0; i < inDim; i++) {
      const row = (x * inDim + i) * outAll;
      for (let o = 0; o < out; o++) res[(x * out + o) * inDim + i] = data[row + (pick === undefined ? o : 2 * o + pick)]!;
    }
  }
  return { data: res, shape: [e, out, inDim] };
}

/**
 * MXFP4 blocks [E, rows, G, 16] + scales [E, rows, G] → ggml MXFP4 [E, rows', G·32] keeping every
 * row (down_proj) or the even/odd rows (gate/up, interleaved in the checkpoint).
 */
function mxfp4Experts(
  blocksT: { shape: number[] },
  blocks: ArrayLike<number>,
  scales: ArrayLike<number>,
  pick?: 0 | 1,
): { bytes: Uint8Array; shape: number[] } {
  const [e, rowsAll, groups] = blocksT.shape as [number, number, number];
  const rows = pick === undefined ? rowsAll : rowsAll / 2;
  const out = new Uint8Array(e * rows * groups * 17);
  let o = 0;
  for (let x = 0; x < e; x++) {
    for (let r = 0; r < rows; r++) {
      const src = x * rowsAll + (pick === undefined ? r : 2 * r + pick);
      for (let g = 0; g < groups; g++, o += 17) repackMxfp4Block(blocks, (src * groups + g) * 16, scales[src * groups + g]! | 0, out, o);
    }
  }
  return { bytes: out, shape: [e, rows, groups * QK] };
}

/** Adds gpt-oss's weights (`tensors`: the checkpoint's, or with an adapter merged) as GGUF tensors. */
export function addGptOssTensors(w: GgufWriter, model: HfModel, tensors: Tensors, requested: GgmlType): Map<string, GgmlType> {
  const { dims: d, family } = model;
  const types = new Map<string, GgmlType>();
  const get = (hfName: string) => {
    const t = tensors.get(hfName);
    if (!t) throw new ArchitectureExportError(`model.safetensors: missing tensor "${hfName}"`);
    return t;
  };
  const put = (ggufName: string, shape: number[], type: GgmlType, data: () => Float32Array) => {
    types.set(ggufName, type);
    w.tensor(ggufTensor(ggufName, shape, type, data));
  };
  const add = (hfName: string, ggufName: string, transform?: (x: Float32Array) => Float32Array) => {
    const t = get(hfName);
    put(ggufName, [...t.shape], weightType(requested, t.shape), () => (transform ? transform(t.data) : t.data));
  };
  // gate/up from the interleaved gate_up_proj (and its bias), down transposed; MXFP4 stays MXFP4.
  const experts = (p: string, l: number) => {
    const gateUp = get(`${p}.mlp.experts.gate_up_proj`);
    const down = get(`${p}.mlp.experts.down_proj`);
    const packed = [mxfp4Source(gateUp), mxfp4Source(down)];
    const parts: Array<[string, typeof gateUp, 0 | 1 | undefined]> = [
      [`blk.${l}.ffn_gate_exps.weight`, gateUp, 0],
      [`blk.${l}.ffn_up_exps.weight`, gateUp, 1],
      [`blk.${l}.ffn_down_exps.weight`, down, undefined],
    ];
    for (const [name, t, pick] of parts) {
      const src = t === gateUp ? packed[0] : packed[1];
      if (src) {
        const [e, rowsAll, groups] = src.blocks.shape as [number, number, number];
        const shape = [e, pick === undefined ? rowsAll : rowsAll / 2, groups * QK];
        types.set(name, GGML_TYPE.MXFP4);
        w.tensor({
          name,
          type: GGML_TYPE.MXFP4,
          ne: [...shape].reverse(),
          encode: () => mxfp4Experts(src.blocks, tensorBytes(src.blocks), tensorBytes(src.scales), pick).bytes,
        });
      } else {
        const [e, inDim, outAll] = t.shape as [number, number, number];
        const shape = [e, pick === undefined ? outAll : outAll / 2, inDim];
        put(name, shape, weightType(requested, shape), () => expertsOutIn(t.data, t.shape, pick).data);
      }
    }
    const gateUpBias = get(`${p}.mlp.experts.gate_up_proj_bias`);
    const [e, twoI] = gateUpBias.shape as [number, number];
    put(`blk.${l}.ffn_gate_exps.bias`, [e, twoI / 2], GGML_TYPE.F32, () => everyOther(gateUpBias.data, 0));
    put(`blk.${l}.ffn_up_exps.bias`, [e, twoI / 2], GGML_TYPE.F32, () => everyOther(gateUpBias.data, 1));
    const downBias = get(`${p}.mlp.experts.down_proj_bias`);
    put(`blk.${l}.ffn_down_exps.bias`, [...downBias.shape], GGML_TYPE.F32, () => downBias.data);
  };
  add("model.embed_tokens.weight", "token_embd.weight");
  for (let l = 0; l < d.numLayers; l++) {
    const p = `model.layers.${l}`;
    add(`${p}.input_layernorm.weight`, `blk.${l}.attn_norm.weight`);
    for (const t of family.loraTargets(d).filter((x) => x.layer === l)) {
      add(`${t.module}.weight`, `${ggufModuleName(t)}.weight`);
      add(`${t.module}.bias`, `${ggufModuleName(t)}.bias`);
    }
    add(`${p}.self_attn.sinks`, `blk.${l}.attn_sinks.weight`);
    add(`${p}.post_attention_layernorm.weight`, `blk.${l}.post_attention_norm.weight`);
    // The router stays f32 at every --type, as the converter keeps it (routing picks experts by small logit gaps).
    const router = get(`${p}.mlp.router.weight`);
    put(`blk.${l}.ffn_gate_inp.weight`, [...router.shape], GGML_TYPE.F32, () => router.data);
    add(`${p}.mlp.router.bias`, `blk.${l}.ffn_gate_inp.bias`);
    experts(p, l);
  }
  add("model.norm.weight", "output_norm.weight");
  add("lm_head.weight", "output.weight");
  return types;
}
