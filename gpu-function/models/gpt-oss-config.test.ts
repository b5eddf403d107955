// gpt-oss-20b's published config and checkpoint layout (shapes only, no weights): the family's
// dims, tensor specs and LoRA targets line up with the stored tensor shapes, and the MXFP4
// expert pairs unpack to exactly the shapes the specs expect.
import { describe, expect, it } from "vitest";

import type { SafeTensor } from "../onnx/safetensors";
import { gptOssFamily } from "./gpt-oss";
import { unpackMxfp4Tensors } from "./mxfp4";
import { familyFor } from "./registry";
import { ropeAttentionFactor } from "./rope";

const LAYERS = 24;
const CONFIG = {
  architectures: ["GptOssForCausalLM"], model_type: "gpt_oss", vocab_size: 201088, hidden_size: 2880, intermediate_size: 2880,
  num_hidden_layers: LAYERS, num_attention_heads: 64, num_key_value_heads: 8, head_dim: 64, num_local_experts: 32,
  num_experts_per_tok: 4, experts_per_token: 4, sliding_window: 128, max_position_embeddings: 131072, rms_norm_eps: 1e-5,
  rope_theta: 150000, rope_scaling: { rope_type: "yarn", factor: 32, beta_fast: 32, beta_slow: 1, original_max_position_embeddings: 4096, truncate: false },
  layer_types: Array.from({ length: LAYERS }, (_, l) => (l % 2 === 0 ? "sliding_attention" : "full_attention")),
  swiglu_limit: 7, attention_bias: true, tie_word_embeddings: false, eos_token_id: 200002, pad_token_id: 199999, hidden_act: "silu",
  quantization_config: { quant_method: "mxfp4" },
};

const shapeOnly = (dtype: SafeTensor["dtype"], shape: number[]): SafeTensor => ({ dtype, shape, data: new Float32Array(0) });

describe("gpt-oss-20b layout", () => {
  it("dims, LoRA targets and tensor specs follow the config", () => {
    expect(familyFor(CONFIG)).toBe(gptOssFamily);
    const d = gptOssFamily.dims(CONFIG);
    expect(d).toMatchObject({ family: "gpt-oss", hiddenSize: 2880, numHeads: 64, numKvHeads: 8, headDim: 64, numLayers: 24, tieWordEmbeddings: false, eosTokenIds: [200002] });
    const targets = gptOssFamily.loraTargets(d).filter((t) => t.layer === 0);
    expect(targets.map((t) => [t.shortName, t.inFeatures, t.outFeatures])).toEqual([["q_proj", 2880, 4096], ["k_proj", 2880, 512], ["v_proj", 2880, 512], ["o_proj", 4096, 2880]]);
    const specs = new Map(gptOssFamily.tensorSpecs(d, CONFIG).map((s) => [s.name, s.shape]));
    expect(specs.get("model.layers.0.self_attn.sinks")).toEqual([64]);
    expect(specs.get("model.layers.0.mlp.router.weight")).toEqual([32, 2880]);
    expect(specs.get("model.layers.0.mlp.experts.gate_up_proj_bias")).toEqual([32, 5760]);
    expect(specs.get("lm_head.weight")).toEqual([201088, 2880]);
    expect(ropeAttentionFactor(CONFIG)).toBeCloseTo(0.1 * Math.log(32) + 1, 12);
  });

  it("the MXFP4 expert pairs of the checkpoint unpack to the spec shapes", () => {
    const d = gptOssFamily.dims(CONFIG);
    const specs = new Map(gptOssFamily.tensorSpecs(d, CONFIG).map((s) => [s.name, s.shape]));
    const p = "model.layers.23.mlp.experts";
    const stored = new Map<string, SafeTensor>([
      [`${p}.gate_up_proj_blocks`, shapeOnly("U8", [32, 5760, 90, 16])],
      [`${p}.gate_up_proj_scales`, shapeOnly("U8", [32, 5760, 90])],
      [`${p}.down_proj_blocks`, shapeOnly("U8", [32, 2880, 90, 16])],
      [`${p}.down_proj_scales`, shapeOnly("U8", [32, 2880, 90])],
      [`${p}.down_proj_bias`, shapeOnly("BF16", [32, 2880])],
    ]);
    const unpacked = unpackMxfp4Tensors(stored); // shapes only: the values are decoded on read
    expect([...unpacked.keys()].sort()).toEqual([`${p}.down_proj`, `${p}.down_proj_bias`, `${p}.gate_up_proj`]);
    expect(unpacked.get(`${p}.gate_up_proj`)!.shape).toEqual(specs.get(`${p}.gate_up_proj`));
    expect(unpacked.get(`${p}.down_proj`)!.shape).toEqual(specs.get(`${p}.down_proj`));
  });
});
