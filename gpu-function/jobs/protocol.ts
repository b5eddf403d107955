// Messages between the server process and the training worker (a child process, so
// a crash or an out-of-memory kill in training never takes serving down with it).

import type { JobResultMetrics, StepMetrics } from "./job";
import type { ResolvedHyperparameters } from "./schema";

export interface WorkerJobSpec {
  jobId: string;
  adapterName: string;
  /** Base model id as the client named it (recorded in adapter_config.json). */
  modelId: string;
  modelDir: string;
  /** ChatExample JSONL written by the server (already imported and validated). */
  trainingFile: string;
  validationFile: string | null;
  /** Where the worker writes the PEFT adapter (adapter_config.json, adapter_model.safetensors). */
  outputDir: string;
  hyperparameters: ResolvedHyperparameters;
  seed: number;
  /** Warm start: a PEFT adapter directory whose A/B initialise the LoRA (absent/null: fresh init). */
  initialAdapterDir?: string | null;
}

export type ServerToWorker = { type: "start"; spec: WorkerJobSpec } | { type: "cancel" };

export type WorkerToServer =
  | { type: "log"; level: "info" | "warn" | "error"; message: string; data?: Record<string, unknown> }
  | { type: "step"; metrics: StepMetrics }
  | { type: "eval"; step: number; validation_loss: number; validation_perplexity: number; tokens: number }
  | { type: "result"; trainedTokens: number; metrics: JobResultMetrics }
  | { type: "failed"; code: string; message: string };
