// Wires fine-tuning into the serving process: jobs train the model this server serves,
// and a finished adapter loads into the same registry /v1/chat/completions reads from.
// server.ts mounts it with:
//   extraRoutes: (deps) => fineTuningRoutes(servingFineTuningDeps(deps, base.dir))

import type { ServingDeps } from "../http/deps";
import type { FineTuningDeps } from "./service";

export function servingFineTuningDeps(deps: Pick<ServingDeps, "modelId" | "aliases" | "adapters">, modelDir: string, extra: Partial<FineTuningDeps> = {}): FineTuningDeps {
  return {
    resolveBaseModel: (model) => (model === deps.modelId || deps.aliases.includes(model) ? { id: deps.modelId, dir: modelDir } : undefined),
    loadAdapter: async ({ name, adapter_config, adapter_model_base64 }) => {
      const bytes = Buffer.from(adapter_model_base64, "base64");
      deps.adapters.loadBytes(name, adapter_config, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), "fine-tuning job");
    },
    ...extra,
  };
}
