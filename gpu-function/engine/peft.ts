// PEFT LoRA adapters, both directions: read what PEFT saved (`adapter_config.json` +
// `adapter_model.safetensors`) into a PreparedLora validated against the model's LoRA
// targets, and write what PEFT can load. PEFT silently initialises missing or mis-keyed
// tensors, so here every expected tensor must be present with the exact shape, and every
// tensor in the file must belong to a target — otherwise the adapter is refused with the key.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { RE2JS } from "re2js";

import type { LoraTarget, PreparedLora } from "../models/types";
import { readSafetensors, writeSafetensors, type SafeTensor } from "../onnx/safetensors";

const KEY_PREFIX = "base_model.model.";

/** The fields of PEFT's LoraConfig that change how weights are applied. */
export interface PeftLoraConfig {
  peft_type?: string;
  base_model_name_or_path?: string | null;
  r: number;
  lora_alpha: number;
  lora_dropout?: number;
  use_rslora?: boolean;
  target_modules: string[] | string;
  fan_in_fan_out?: boolean;
  bias?: string;
  use_dora?: boolean;
  modules_to_save?: string[] | null;
  layers_to_transform?: number[] | number | null;
  rank_pattern?: Record<string, number>;
  alpha_pattern?: Record<string, number>;
  task_type?: string;
  [extra: string]: unknown;
}

export class PeftAdapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PeftAdapterError";
  }
}

export function parsePeftConfig(raw: unknown): PeftLoraConfig {
  if (typeof raw !== "object" || raw === null) throw new PeftAdapterError("adapter_config.json must be a JSON object");
  const cfg = raw as Record<string, unknown>;
  if (cfg.peft_type !== undefined && cfg.peft_type !== "LORA") {
    throw new PeftAdapterError(`adapter_config.json: peft_type '${String(cfg.peft_type)}' is not supported (only LORA)`);
  }
  if (!Number.isInteger(cfg.r) || (cfg.r as number) <= 0) throw new PeftAdapterError("adapter_config.json: 'r' must be a positive integer");
  if (typeof cfg.lora_alpha !== "number" || !Number.isFinite(cfg.lora_alpha)) {
    throw new PeftAdapterError("adapter_config.json: 'lora_alpha' must be a number");
  }
  const tm = cfg.target_modules;
  const tmOk = typeof tm === "string" || (Array.isArray(tm) && tm.length > 0 && tm.every((t) => typeof t === "string"));
  if (!tmOk) throw new PeftAdapterError("adapter_config.json: 'target_modules' must be a non-empty list of names or a regex string");
  if (typeof tm === "string") targetModulesPattern(tm);
  // Features that would change the math in ways the serving graph does not implement.
  if (cfg.use_dora === true) throw new PeftAdapterError("adapter_config.json: use_dora (DoRA) is not supported");
  if (cfg.bias !== undefined && cfg.bias !== "none")
    throw new PeftAdapterError(`adapter_config.json: bias '${String(cfg.bias)}' is not supported (only 'none')`);
  if (Array.isArray(cfg.modules_to_save) && cfg.modules_to_save.length > 0) {
    throw new PeftAdapterError("adapter_config.json: modules_to_save is not supported (full-weight modules)");
  }
  for (const key of ["rank_pattern", "alpha_pattern"] as const) {
    const v = cfg[key];
    if (v && typeof v === "object" && Object.keys(v).length > 0) throw new PeftAdapterError(`adapter_config.json: ${key} is not supported`);
  }
  return cfg as PeftLoraConfig;
}

/** lora_alpha / r, or lora_alpha / sqrt(r) with rsLoRA (as PEFT computes `scaling`). */
export function loraScale(cfg: Pick<PeftLoraConfig, "r" | "lora_alpha" | "use_rslora">): number {
  return cfg.use_rslora ? cfg.lora_alpha / Math.sqrt(cfg.r) : cfg.lora_alpha / cfg.r;
}

const MAX_TARGET_PATTERN_CHARS = 1024;
const compiledPatterns = new Map<string, RE2JS>();

/**
 * A `target_modules` string (PEFT: a full-match regex) compiled by RE2JS, a linear-time
 * engine: an uploaded adapter_config can never make matching backtrack for minutes, and a
 * pattern RE2 cannot parse (or one using backreferences/lookaround) is refused.
 */
function targetModulesPattern(pattern: string): RE2JS {
  const cached = compiledPatterns.get(pattern);
  if (cached) return cached;
  if (pattern.length > MAX_TARGET_PATTERN_CHARS) {
    throw new PeftAdapterError(
      `adapter_config.json: 'target_modules' pattern is ${pattern.length} characters; the limit is ${MAX_TARGET_PATTERN_CHARS}`,
    );
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (err) {
    throw new PeftAdapterError(`adapter_config.json: 'target_modules' is not a valid regular expression (${(err as Error).message})`);
  }
  if (compiledPatterns.size > 256) compiledPatterns.clear();
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

/** PEFT's rule: a list matches a module whose name is, or ends with `.`+, an entry; a string is a full-match regex. */
export function moduleIsTargeted(module: string, targetModules: string[] | string): boolean {
  if (typeof targetModules === "string") return targetModulesPattern(targetModules).matches(module);
  return targetModules.some((t) => module === t || module.endsWith(`.${t}`));
}

function layerSelected(layer: number, layers: PeftLoraConfig["layers_to_transform"]): boolean {
  if (layers === undefined || layers === null) return true;
  return Array.isArray(layers) ? layers.includes(layer) : layers === layer;
}

/**
 * Validates an adapter against the model's LoRA targets and returns fp32 A (r×in) and B (out×r).
 * `tensors` are the decoded safetensors entries of adapter_model.safetensors.
 */
export function preparePeftLora(name: string, rawConfig: unknown, tensors: Map<string, SafeTensor>, targets: LoraTarget[]): PreparedLora {
  const cfg = parsePeftConfig(rawConfig);
  const expected = targets.filter((t) => moduleIsTargeted(t.module, cfg.target_modules) && layerSelected(t.layer, cfg.layers_to_transform));
  if (expected.length === 0) {
    const available = [...new Set(targets.map((t) => t.shortName))].join(", ") || "none";
    throw new PeftAdapterError(
      `adapter '${name}': target_modules ${JSON.stringify(cfg.target_modules)} match no LoRA-adaptable module of this model (available: ${available})`,
    );
  }
  const byModule = new Map(targets.map((t) => [t.module, t]));
  const r = cfg.r;
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  const used = new Set<string>();

  for (const target of expected) {
    const keyA = `${KEY_PREFIX}${target.module}.lora_A.weight`;
    const keyB = `${KEY_PREFIX}${target.module}.lora_B.weight`;
    const a = requireTensor(name, tensors, keyA, [r, target.inFeatures]);
    const b = requireTensor(name, tensors, keyB, [target.outFeatures, r]);
    used.add(keyA).add(keyB);
    weights.set(target.module, { a, b });
  }

  for (const key of tensors.keys()) {
    if (used.has(key)) continue;
    const targetModule = loraModuleOf(key);
    if (targetModule && byModule.has(targetModule) && !expected.some((t) => t.module === targetModule)) {
      throw new PeftAdapterError(
        `adapter '${name}': tensor '${key}' targets '${targetModule}', which target_modules/layers_to_transform exclude`,
      );
    }
    if (targetModule && !byModule.has(targetModule) && moduleIsTargeted(targetModule, cfg.target_modules)) {
      throw new PeftAdapterError(
        `adapter '${name}': tensor '${key}' targets '${targetModule}', which this model load cannot adapt (not among its LoRA targets)`,
      );
    }
    throw new PeftAdapterError(`adapter '${name}': unexpected tensor '${key}' matches no LoRA target of this model`);
  }
  return { name, rank: r, scale: loraScale(cfg), weights };
}

/** `base_model.model.<module>.lora_A.weight` → `<module>`; null when the key is not shaped like that. */
function loraModuleOf(key: string): string | null {
  const m = /^base_model\.model\.(.+)\.lora_[AB]\.weight$/.exec(key);
  return m ? m[1]! : null;
}

function requireTensor(name: string, tensors: Map<string, SafeTensor>, key: string, shape: number[]): Float32Array {
  const t = tensors.get(key);
  if (!t) {
    const hint = [...tensors.keys()].find((k) => k.endsWith(key.slice(KEY_PREFIX.length)) || key.endsWith(k));
    throw new PeftAdapterError(`adapter '${name}': missing tensor '${key}'${hint ? ` (found '${hint}' — wrong key prefix?)` : ""}`);
  }
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new PeftAdapterError(`adapter '${name}': tensor '${key}' has shape [${t.shape.join(", ")}], expected [${shape.join(", ")}]`);
  }
  for (let i = 0; i < t.data.length; i++) {
    if (!Number.isFinite(t.data[i]!))
      throw new PeftAdapterError(`adapter '${name}': tensor '${key}' contains a non-finite value at index ${i}`);
  }
  return t.data;
}

/** Reads an adapter directory as PEFT saved it and validates it against the model. */
export async function loadPeftAdapter(dir: string, name: string, targets: LoraTarget[]): Promise<PreparedLora> {
  const { config, safetensors } = await readPeftAdapterFiles(dir);
  return preparePeftLora(name, config, readSafetensors(safetensors), targets);
}

export async function readPeftAdapterFiles(dir: string): Promise<{ config: unknown; safetensors: Uint8Array }> {
  const configPath = path.join(dir, "adapter_config.json");
  const weightsPath = path.join(dir, "adapter_model.safetensors");
  let configText: string;
  let safetensors: Uint8Array;
  try {
    configText = await readFile(configPath, "utf8");
  } catch {
    throw new PeftAdapterError(`missing ${configPath}`);
  }
  try {
    const buf = await readFile(weightsPath);
    // A plain Uint8Array view: Buffer#slice shares memory, which typed-array code copying with slice() does not expect.
    safetensors = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch {
    throw new PeftAdapterError(`missing ${weightsPath} (only safetensors adapters are read, not adapter_model.bin)`);
  }
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    throw new PeftAdapterError(`${configPath} is not valid JSON`);
  }
  return { config, safetensors };
}

export interface PeftAdapterSpec {
  r: number;
  loraAlpha: number;
  targetModules: string[];
  /** fp32 A (r×in) and B (out×r), keyed by PEFT module path (LoraTarget.module). */
  weights: Map<string, { a: Float32Array; b: Float32Array }>;
  useRslora?: boolean;
  loraDropout?: number;
  baseModelNameOrPath?: string | null;
}

/** The adapter_config.json PEFT writes for a causal-LM LoRA. */
export function peftConfigFor(spec: PeftAdapterSpec): PeftLoraConfig {
  return {
    peft_type: "LORA",
    task_type: "CAUSAL_LM",
    base_model_name_or_path: spec.baseModelNameOrPath ?? null,
    r: spec.r,
    lora_alpha: spec.loraAlpha,
    lora_dropout: spec.loraDropout ?? 0,
    use_rslora: spec.useRslora ?? false,
    target_modules: spec.targetModules,
    fan_in_fan_out: false,
    bias: "none",
    use_dora: false,
    modules_to_save: null,
    layers_to_transform: null,
    rank_pattern: {},
    alpha_pattern: {},
    init_lora_weights: true,
    inference_mode: true,
  };
}

/** Encodes adapter_model.safetensors with PEFT's key names (fp32, shapes from r). */
export function encodePeftWeights(spec: PeftAdapterSpec): Uint8Array {
  const entries: Record<string, { dtype: "F32"; shape: number[]; data: Float32Array }> = {};
  for (const [module, { a, b }] of spec.weights) {
    if (a.length % spec.r !== 0 || b.length % spec.r !== 0) {
      throw new PeftAdapterError(`writePeftAdapter: '${module}' A/B lengths are not multiples of r=${spec.r}`);
    }
    entries[`${KEY_PREFIX}${module}.lora_A.weight`] = { dtype: "F32", shape: [spec.r, a.length / spec.r], data: a };
    entries[`${KEY_PREFIX}${module}.lora_B.weight`] = { dtype: "F32", shape: [b.length / spec.r, spec.r], data: b };
  }
  return writeSafetensors(entries, { format: "pt" });
}

/** Writes `adapter_config.json` + `adapter_model.safetensors` so PEFT's `PeftModel.from_pretrained` loads it. */
export async function writePeftAdapter(dir: string, spec: PeftAdapterSpec): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "adapter_model.safetensors"), encodePeftWeights(spec));
  await writeFile(path.join(dir, "adapter_config.json"), `${JSON.stringify(peftConfigFor(spec), null, 2)}\n`);
}
