// Trainer checkpoints: parameters, AdamW moments and the loop position, so a resumed run
// continues exactly where the interrupted one stopped (same data order, same dropout
// stream, same optimizer state). Files are replaced atomically.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import { readSafetensors, writeSafetensors } from "../onnx/safetensors";
import { writeFileAtomic } from "../shared/atomic-file";
import type { AdamWState } from "./adamw";

export interface TrainerPosition {
  /** Optimizer steps done. */
  step: number;
  tokensSeen: number;
  dropoutRngState: number;
  elapsedSeconds: number;
  losses: { step: number; loss: number; lr: number }[];
}

interface StateFile extends TrainerPosition {
  version: 1;
  configKey: string;
  adamStep: number;
}

export interface Checkpoint {
  position: TrainerPosition;
  params: Map<string, Float32Array>;
  optimizer: AdamWState;
}

const STATE = "trainer_state.json";
const PARAMS = "params.safetensors";
const OPTIM = "optimizer.safetensors";

function record(tensors: Map<string, Float32Array>, shapes: Map<string, number[]>, prefix = "") {
  const out: Record<string, { dtype: "F32"; shape: number[]; data: Float32Array }> = {};
  for (const [name, data] of tensors) out[prefix + name] = { dtype: "F32", shape: shapes.get(name) ?? [data.length], data };
  return out;
}

export async function saveCheckpoint(dir: string, configKey: string, ck: Checkpoint, shapes: Map<string, number[]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, PARAMS), writeSafetensors(record(ck.params, shapes)));
  await writeFileAtomic(
    path.join(dir, OPTIM),
    writeSafetensors({ ...record(ck.optimizer.m, shapes, "m."), ...record(ck.optimizer.v, shapes, "v.") }),
  );
  // The state file goes last: it is what marks the checkpoint complete.
  const state: StateFile = { version: 1, configKey, adamStep: ck.optimizer.step, ...ck.position };
  await writeFileAtomic(path.join(dir, STATE), `${JSON.stringify(state)}\n`);
}

/** The checkpoint in `dir` if there is one for this config (null otherwise). */
export async function loadCheckpoint(dir: string, configKey: string): Promise<Checkpoint | null> {
  const stateFile = path.join(dir, STATE);
  if (!existsSync(stateFile)) return null;
  const state = JSON.parse(await readFile(stateFile, "utf8")) as StateFile;
  if (state.version !== 1 || state.configKey !== configKey) return null;
  const params = new Map<string, Float32Array>();
  for (const [name, t] of readSafetensors(await readFile(path.join(dir, PARAMS)))) params.set(name, t.data);
  const m = new Map<string, Float32Array>();
  const v = new Map<string, Float32Array>();
  for (const [name, t] of readSafetensors(await readFile(path.join(dir, OPTIM)))) {
    if (name.startsWith("m.")) m.set(name.slice(2), t.data);
    else if (name.startsWith("v.")) v.set(name.slice(2), t.data);
  }
  const { step, tokensSeen, dropoutRngState, elapsedSeconds, losses } = state;
  return { position: { step, tokensSeen, dropoutRngState, elapsedSeconds, losses }, params, optimizer: { step: state.adamStep, m, v } };
}
