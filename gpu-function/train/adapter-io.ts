// Writes a trained LoRA adapter in PEFT's format through the serving engine's writer
// (engine/peft.ts), so what the trainer produces is exactly what the server loads.
import { writePeftAdapter } from "../engine/peft";
import type { PreparedLora } from "../models/types";
import { loraScaling } from "./config";
import type { TrainedAdapter } from "./trainer";

export async function saveTrainedAdapter(dir: string, adapter: TrainedAdapter, baseModelNameOrPath: string | null = null): Promise<void> {
  await writePeftAdapter(dir, {
    r: adapter.r,
    loraAlpha: adapter.loraAlpha,
    loraDropout: adapter.loraDropout,
    useRslora: adapter.useRslora,
    targetModules: adapter.targetModules,
    weights: adapter.weights,
    baseModelNameOrPath,
  });
}

/** The trained adapter as the engine's PreparedLora (for scoring without a round trip to disk). */
export function preparedFromTrained(name: string, adapter: TrainedAdapter): PreparedLora {
  return { name, rank: adapter.r, scale: loraScaling(adapter), weights: adapter.weights };
}
