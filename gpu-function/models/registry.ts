// Chooses a model family from config.json's `model_type`. Adding a family means writing its
// file and listing it here; the runtime and engine stay unchanged.
import { bertFamily } from "./bert";
import type { Family } from "./family";
import { gptNeoFamily } from "./gpt-neo";
import { gptOssFamily } from "./gpt-oss";
import { llamaFamily } from "./llama";
import type { HfConfig } from "./types";

export const FAMILIES: readonly Family[] = [llamaFamily, gptNeoFamily, gptOssFamily, bertFamily];

export class UnsupportedModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedModelError";
  }
}

export function familyFor(config: HfConfig): Family {
  const type = config.model_type;
  if (typeof type !== "string" || type === "") throw new UnsupportedModelError('config.json has no "model_type"; cannot choose a model family');
  const family = FAMILIES.find((f) => f.modelTypes.includes(type));
  if (!family) {
    const known = FAMILIES.flatMap((f) => f.modelTypes).join(", ");
    throw new UnsupportedModelError(`model_type "${type}" is not supported (supported: ${known})`);
  }
  return family;
}

export function familyByName(name: string): Family {
  const family = FAMILIES.find((f) => f.name === name);
  if (!family) throw new UnsupportedModelError(`unknown model family "${name}" (known: ${FAMILIES.map((f) => f.name).join(", ")})`);
  return family;
}
