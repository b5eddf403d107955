import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { LoraTarget } from "../models/types";
import { readSafetensors, writeSafetensors } from "../onnx/safetensors";
import { loadPeftAdapter, loraScale, moduleIsTargeted, PeftAdapterError, writePeftAdapter, type PeftAdapterSpec } from "./peft";

const targets: LoraTarget[] = [0, 1].flatMap((layer) => [
  { module: `model.layers.${layer}.self_attn.q_proj`, shortName: "q_proj", layer, inFeatures: 8, outFeatures: 8 },
  { module: `model.layers.${layer}.self_attn.v_proj`, shortName: "v_proj", layer, inFeatures: 8, outFeatures: 4 },
]);

function spec(r = 2): PeftAdapterSpec {
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of targets) {
    weights.set(t.module, {
      a: Float32Array.from({ length: r * t.inFeatures }, (_, i) => (i % 7) / 10 - 0.3),
      b: Float32Array.from({ length: t.outFeatures * r }, (_, i) => (i % 5) / 10 - 0.2),
    });
  }
  return { r, loraAlpha: 4, targetModules: ["q_proj", "v_proj"], weights };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "peft-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("PEFT adapters", () => {
  it("round-trips what it writes, with PEFT key names and scaling", async () => {
    const s = spec();
    const out = path.join(dir, "ok");
    await writePeftAdapter(out, s);
    const lora = await loadPeftAdapter(out, "ok", targets);
    expect(lora.rank).toBe(2);
    expect(lora.scale).toBe(2);
    expect([...lora.weights.keys()].sort()).toEqual(targets.map((t) => t.module).sort());
    const w = lora.weights.get("model.layers.1.self_attn.v_proj")!;
    expect(Array.from(w.a)).toEqual(Array.from(s.weights.get("model.layers.1.self_attn.v_proj")!.a));
    expect(Array.from(w.b)).toEqual(Array.from(s.weights.get("model.layers.1.self_attn.v_proj")!.b));
  });

  it("matches PEFT's target_modules and rsLoRA rules", () => {
    expect(moduleIsTargeted("model.layers.0.self_attn.q_proj", ["q_proj"])).toBe(true);
    expect(moduleIsTargeted("model.layers.0.self_attn.qq_proj", ["q_proj"])).toBe(false);
    expect(moduleIsTargeted("model.layers.3.self_attn.v_proj", String.raw`.*layers\.3\..*(q|v)_proj`)).toBe(true);
    expect(moduleIsTargeted("model.layers.13.self_attn.v_proj", String.raw`.*\.layers\.3\..*(q|v)_proj`)).toBe(false);
    expect(loraScale({ r: 16, lora_alpha: 32, use_rslora: true })).toBe(8);
  });

  it("refuses a tensor with the wrong shape, naming the key", async () => {
    const s = spec();
    s.weights.set("model.layers.0.self_attn.q_proj", { a: new Float32Array(2 * 6), b: new Float32Array(8 * 2) });
    const out = path.join(dir, "badshape");
    await writePeftAdapter(out, s);
    await expect(loadPeftAdapter(out, "bad", targets)).rejects.toThrow(
      /base_model\.model\.model\.layers\.0\.self_attn\.q_proj\.lora_A\.weight' has shape \[2, 6\], expected \[2, 8\]/,
    );
  });

  it("refuses mis-keyed tensors instead of loading zeros", async () => {
    const out = path.join(dir, "miskeyed");
    await writePeftAdapter(out, spec());
    // Rewrite the weights without the inner `model.` prefix (a common export mistake).
    const tensors = readSafetensors(new Uint8Array(await readFile(path.join(out, "adapter_model.safetensors"))));
    const renamed = Object.fromEntries(
      [...tensors].map(([name, t]) => [
        name.replace("base_model.model.model.", "base_model.model."),
        { dtype: "F32" as const, shape: t.shape, data: t.data },
      ]),
    );
    await writeFile(path.join(out, "adapter_model.safetensors"), writeSafetensors(renamed));
    const err = await loadPeftAdapter(out, "mis", targets).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PeftAdapterError);
    expect(String(err)).toMatch(
      /missing tensor 'base_model\.model\.model\.layers\.0\.self_attn\.q_proj\.lora_A\.weight' \(found 'base_model\.model\.layers\.0/,
    );
  });

  it("refuses extra tensors, missing files and unsupported configs", async () => {
    const s = spec();
    s.targetModules = ["q_proj"];
    const out = path.join(dir, "extra");
    await writePeftAdapter(out, s);
    await expect(loadPeftAdapter(out, "extra", targets)).rejects.toThrow(/v_proj.*which target_modules\/layers_to_transform exclude/);
    await expect(loadPeftAdapter(path.join(dir, "nope"), "x", targets)).rejects.toThrow(/missing .*adapter_config\.json/);
    const dora = path.join(dir, "dora");
    await writePeftAdapter(dora, spec());
    await writeFile(
      path.join(dora, "adapter_config.json"),
      JSON.stringify({ r: 2, lora_alpha: 4, target_modules: ["q_proj"], use_dora: true }),
    );
    await expect(loadPeftAdapter(dora, "d", targets)).rejects.toThrow(/DoRA/);
    const none = spec();
    none.targetModules = ["o_proj"];
    none.weights = new Map();
    const noneDir = path.join(dir, "none");
    await writePeftAdapter(noneDir, none);
    await expect(loadPeftAdapter(noneDir, "n", targets)).rejects.toThrow(/match no LoRA-adaptable module.*q_proj, v_proj/);
  });

  it("reads fp16 adapters as PEFT saves them from half-precision training", async () => {
    const s = spec();
    const out = path.join(dir, "fp16");
    await writePeftAdapter(out, s);
    const tensors = readSafetensors(new Uint8Array(await readFile(path.join(out, "adapter_model.safetensors"))));
    const half = Object.fromEntries([...tensors].map(([name, t]) => [name, { dtype: "F16" as const, shape: t.shape, data: t.data }]));
    await writeFile(path.join(out, "adapter_model.safetensors"), writeSafetensors(half));
    const lora = await loadPeftAdapter(out, "half", targets);
    const a = lora.weights.get("model.layers.0.self_attn.q_proj")!.a;
    expect(a[1]).toBeCloseTo(s.weights.get("model.layers.0.self_attn.q_proj")!.a[1]!, 3);
  });
});
