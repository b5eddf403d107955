// How a sentence-transformers checkpoint turns token states into one vector: `modules.json`
// lists the pipeline (Transformer → Pooling → optional Normalize), `1_Pooling/config.json`
// picks the pooling mode, `sentence_bert_config.json` caps the sequence length. Directories
// without these files (the project's own embedder, a bare BertModel) get mean pooling +
// L2 normalisation, the project's default. Anything that would change the vector in a way
// this server does not implement (Dense layers, several pooling modes at once) is refused
// with a clear error rather than served wrong.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type PoolingMode = "cls" | "mean" | "max" | "lasttoken";

export interface PoolingConfig {
  mode: PoolingMode;
  normalize: boolean;
  /** sentence_bert_config.json's max_seq_length, when given. */
  maxSeqLength?: number;
  /** Where the settings came from (start-up log). */
  source: "sentence-transformers" | "default";
}

export const DEFAULT_POOLING: PoolingConfig = { mode: "mean", normalize: true, source: "default" };

export class PoolingConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PoolingConfigError";
  }
}

interface StModule {
  idx?: number;
  name?: string;
  path?: string;
  type?: string;
}

const MODE_FIELDS: Record<string, PoolingMode | null> = {
  pooling_mode_cls_token: "cls",
  pooling_mode_mean_tokens: "mean",
  pooling_mode_max_tokens: "max",
  pooling_mode_lasttoken: "lasttoken",
  // Modes this server does not compute: refused when set.
  pooling_mode_mean_sqrt_len_tokens: null,
  pooling_mode_weightedmean_tokens: null,
};

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (e) {
    throw new PoolingConfigError(`${file}: ${(e as Error).message}`);
  }
}

/** Parses a `1_Pooling/config.json` object into one pooling mode. */
export function parsePoolingModes(config: Record<string, unknown>, where = "pooling config"): PoolingMode {
  const on = Object.keys(MODE_FIELDS).filter((k) => config[k] === true);
  if (on.length === 0) throw new PoolingConfigError(`${where}: no pooling mode is enabled`);
  if (on.length > 1) throw new PoolingConfigError(`${where}: several pooling modes at once (${on.join(", ")}) are not supported`);
  const mode = MODE_FIELDS[on[0]];
  if (!mode) throw new PoolingConfigError(`${where}: ${on[0]} is not supported (supported: cls, mean, max, lasttoken)`);
  return mode;
}

/** Reads the sentence-transformers files of a model directory (or the default when there are none). */
export async function readPoolingConfig(dir: string): Promise<PoolingConfig> {
  const modulesFile = path.join(dir, "modules.json");
  let maxSeqLength: number | undefined;
  const stConfigFile = path.join(dir, "sentence_bert_config.json");
  if (existsSync(stConfigFile)) {
    const st = (await readJson(stConfigFile)) as { max_seq_length?: unknown };
    if (st.max_seq_length !== undefined && st.max_seq_length !== null) {
      if (!Number.isInteger(st.max_seq_length) || (st.max_seq_length as number) <= 0) throw new PoolingConfigError(`${stConfigFile}: max_seq_length must be a positive integer`);
      maxSeqLength = st.max_seq_length as number;
    }
  }
  if (!existsSync(modulesFile)) return { ...DEFAULT_POOLING, ...(maxSeqLength ? { maxSeqLength } : {}) };
  const modules = await readJson(modulesFile);
  if (!Array.isArray(modules)) throw new PoolingConfigError(`${modulesFile}: expected a list of modules`);
  let mode: PoolingMode | null = null;
  let normalize = false;
  for (const m of modules as StModule[]) {
    const type = String(m.type ?? "");
    const kind = type.split(".").pop();
    if (kind === "Transformer") continue;
    if (kind === "Normalize") {
      normalize = true;
      continue;
    }
    if (kind === "Pooling") {
      const file = path.join(dir, String(m.path ?? "1_Pooling"), "config.json");
      if (!existsSync(file)) throw new PoolingConfigError(`${modulesFile} names a Pooling module but ${file} is missing`);
      mode = parsePoolingModes((await readJson(file)) as Record<string, unknown>, file);
      continue;
    }
    throw new PoolingConfigError(`${modulesFile}: module type "${type}" is not supported (supported: Transformer, Pooling, Normalize)`);
  }
  if (!mode) throw new PoolingConfigError(`${modulesFile}: no Pooling module`);
  return { mode, normalize, source: "sentence-transformers", ...(maxSeqLength ? { maxSeqLength } : {}) };
}

/**
 * Pools one row of final hidden states [S, H] (row-major, `length` real tokens first) the way
 * sentence-transformers does; `normalize` makes it unit length.
 */
export function poolRow(hidden: Float32Array, offset: number, length: number, h: number, cfg: Pick<PoolingConfig, "mode" | "normalize">): Float32Array {
  const v = new Float32Array(h);
  if (cfg.mode === "cls") v.set(hidden.subarray(offset, offset + h));
  else if (cfg.mode === "lasttoken") v.set(hidden.subarray(offset + (length - 1) * h, offset + length * h));
  else if (cfg.mode === "max") {
    v.fill(-Infinity);
    for (let s = 0; s < length; s++) for (let k = 0; k < h; k++) v[k] = Math.max(v[k], hidden[offset + s * h + k]);
  } else {
    for (let s = 0; s < length; s++) for (let k = 0; k < h; k++) v[k] += hidden[offset + s * h + k];
    for (let k = 0; k < h; k++) v[k] /= length;
  }
  if (cfg.normalize) {
    let norm = 0;
    for (let k = 0; k < h; k++) norm += v[k] * v[k];
    // sentence-transformers' Normalize: x / max(‖x‖, 1e-12).
    const inv = 1 / Math.max(Math.sqrt(norm), 1e-12);
    for (let k = 0; k < h; k++) v[k] *= inv;
  }
  return v;
}
