// sentence-transformers pooling configuration: what is read, what is refused.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parsePoolingModes, poolRow, readPoolingConfig } from "./pooling";
import { tempDir } from "./test-helpers";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("pooling");
});
afterAll(async () => root.cleanup());

const TRANSFORMER = { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" };
const POOLING = { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" };
const NORMALIZE = { idx: 2, name: "2", path: "2_Normalize", type: "sentence_transformers.models.Normalize" };
const modes = (on: Record<string, boolean>) => ({
  word_embedding_dimension: 8, pooling_mode_cls_token: false, pooling_mode_mean_tokens: false, pooling_mode_max_tokens: false,
  pooling_mode_mean_sqrt_len_tokens: false, pooling_mode_weightedmean_tokens: false, pooling_mode_lasttoken: false, ...on,
});

let n = 0;
async function stDir(files: Record<string, unknown>): Promise<string> {
  const dir = path.join(root.dir, `m${n++}`);
  for (const [name, value] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

describe("readPoolingConfig", () => {
  it("bge layout: CLS pooling + Normalize, max_seq_length from sentence_bert_config.json", async () => {
    const dir = await stDir({ "modules.json": [TRANSFORMER, POOLING, NORMALIZE], "1_Pooling/config.json": modes({ pooling_mode_cls_token: true }), "sentence_bert_config.json": { max_seq_length: 512, do_lower_case: true } });
    expect(await readPoolingConfig(dir)).toEqual({ mode: "cls", normalize: true, maxSeqLength: 512, source: "sentence-transformers" });
  });

  it("all-MiniLM / e5 layout: mean pooling; without a Normalize module the vector is not normalised", async () => {
    const dir = await stDir({ "modules.json": [TRANSFORMER, POOLING], "1_Pooling/config.json": modes({ pooling_mode_mean_tokens: true }) });
    expect(await readPoolingConfig(dir)).toEqual({ mode: "mean", normalize: false, source: "sentence-transformers" });
  });

  it("a directory without sentence-transformers files gets mean pooling + normalisation", async () => {
    expect(await readPoolingConfig(await stDir({}))).toEqual({ mode: "mean", normalize: true, source: "default" });
  });

  it.each([
    ["several modes at once", { "modules.json": [TRANSFORMER, POOLING], "1_Pooling/config.json": modes({ pooling_mode_cls_token: true, pooling_mode_mean_tokens: true }) }, /several pooling modes/],
    ["an unsupported mode", { "modules.json": [TRANSFORMER, POOLING], "1_Pooling/config.json": modes({ pooling_mode_mean_sqrt_len_tokens: true }) }, /mean_sqrt_len_tokens is not supported/],
    ["no mode", { "modules.json": [TRANSFORMER, POOLING], "1_Pooling/config.json": modes({}) }, /no pooling mode/],
    ["a Dense module", { "modules.json": [TRANSFORMER, POOLING, { idx: 2, name: "2", path: "2_Dense", type: "sentence_transformers.models.Dense" }], "1_Pooling/config.json": modes({ pooling_mode_mean_tokens: true }) }, /Dense" is not supported/],
    ["a missing pooling config", { "modules.json": [TRANSFORMER, POOLING] }, /1_Pooling\/config.json is missing/],
    ["no Pooling module", { "modules.json": [TRANSFORMER] }, /no Pooling module/],
    ["malformed JSON", { "modules.json": "[{" }, /modules.json/],
    ["a bad max_seq_length", { "sentence_bert_config.json": { max_seq_length: -3 } }, /max_seq_length must be a positive integer/],
  ])("refuses %s with a clear error", async (_name, files, message) => {
    await expect(readPoolingConfig(await stDir(files))).rejects.toThrow(message);
  });

  it("parsePoolingModes reads each supported mode", () => {
    expect(parsePoolingModes(modes({ pooling_mode_max_tokens: true }))).toBe("max");
    expect(parsePoolingModes(modes({ pooling_mode_lasttoken: true }))).toBe("lasttoken");
  });
});

describe("poolRow", () => {
  // Two rows of 3 positions × 2 dims; row 1 has 2 real tokens (the third is padding).
  const hidden = Float32Array.from([1, 2, 3, 4, 5, 6, 10, 0, 0, 10, 99, 99]);
  it("cls, mean, max and last token over the real tokens only", () => {
    expect(Array.from(poolRow(hidden, 6, 2, 2, { mode: "cls", normalize: false }))).toEqual([10, 0]);
    expect(Array.from(poolRow(hidden, 6, 2, 2, { mode: "mean", normalize: false }))).toEqual([5, 5]);
    expect(Array.from(poolRow(hidden, 6, 2, 2, { mode: "max", normalize: false }))).toEqual([10, 10]);
    expect(Array.from(poolRow(hidden, 6, 2, 2, { mode: "lasttoken", normalize: false }))).toEqual([0, 10]);
    const unit = poolRow(hidden, 0, 3, 2, { mode: "mean", normalize: true });
    expect(unit[0] / unit[1]).toBeCloseTo(3 / 4, 6);
    expect(Math.hypot(...unit)).toBeCloseTo(1, 6);
  });
});
