// Request body of POST /v1/fine_tuning/jobs: OpenAI's fields where they exist
// (`model`, `suffix`, `seed`, `hyperparameters.n_epochs|batch_size`), the LoRA/trainer
// knobs the seeds' recipes need, and training data inline (JSONL text) or by URL.

import { z } from "zod";

const positiveInt = (max: number) => z.number().int().positive().max(max);
const auto = <T extends z.ZodType>(t: T) => z.union([z.literal("auto"), t]);

export const hyperparametersSchema = z
  .object({
    n_epochs: auto(positiveInt(100)).optional(),
    batch_size: auto(positiveInt(1024)).optional(),
    learning_rate: z.number().positive().max(1).optional(),
    /** OpenAI's name; multiplies the default learning rate when learning_rate is absent. */
    learning_rate_multiplier: auto(z.number().positive().max(100)).optional(),
    max_steps: positiveInt(1_000_000).optional(),
    lora_r: positiveInt(1024).optional(),
    lora_alpha: z.number().positive().max(65536).optional(),
    lora_dropout: z.number().min(0).max(0.9).optional(),
    use_rslora: z.boolean().optional(),
    target_modules: z
      .array(z.string().regex(/^[A-Za-z0-9_.]+$/, "module names are letters, digits, _ and ."))
      .min(1)
      .optional(),
    warmup_ratio: z.number().min(0).max(1).optional(),
    lr_scheduler: z.enum(["linear", "cosine", "constant"]).optional(),
    gradient_accumulation_steps: positiveInt(1024).optional(),
    max_seq_length: z.number().int().min(16).max(131072).optional(),
    weight_decay: z.number().min(0).max(1).optional(),
    max_grad_norm: z.number().positive().optional(),
  })
  .strict();

export const createJobSchema = z
  .object({
    model: z.string().min(1).max(200),
    training_data: z.string().min(1).optional(),
    training_file_url: z.url({ protocol: /^https?$/ }).optional(),
    validation_data: z.string().min(1).optional(),
    validation_file_url: z.url({ protocol: /^https?$/ }).optional(),
    hyperparameters: hyperparametersSchema.optional(),
    suffix: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "suffix may contain letters, digits, - and _")
      .optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** Load the adapter into the serving registry as soon as training succeeds. */
    auto_load: z.boolean().optional(),
    /**
     * MedChat extension (OpenAI has no such field; it continues training when `model` names a
     * fine-tuned model): warm start from an adapter loaded on this server. Its A/B initialise
     * the LoRA (the optimizer starts fresh); lora_r, lora_alpha/use_rslora and target_modules
     * default to its own and must match it when given.
     */
    initial_adapter: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "initial_adapter is an adapter name: letters, digits, ., _ and -")
      .optional(),
    metadata: z.record(z.string(), z.string().max(512)).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const sources = Number(body.training_data !== undefined) + Number(body.training_file_url !== undefined);
    if (sources !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["training_data"],
        message: "give exactly one of training_data (JSONL text) or training_file_url",
      });
    }
    if (body.validation_data !== undefined && body.validation_file_url !== undefined) {
      ctx.addIssue({ code: "custom", path: ["validation_data"], message: "give at most one of validation_data or validation_file_url" });
    }
  });

export type CreateJobBody = z.infer<typeof createJobSchema>;

/** Hyperparameters with every default filled in: what the worker trains with and the job reports. */
export interface ResolvedHyperparameters {
  n_epochs: number;
  batch_size: number;
  learning_rate: number;
  max_steps: number | null;
  lora_r: number;
  lora_alpha: number;
  lora_dropout: number;
  use_rslora: boolean;
  target_modules: string[];
  warmup_ratio: number;
  lr_scheduler: "linear" | "cosine" | "constant";
  gradient_accumulation_steps: number;
  max_seq_length: number;
  weight_decay: number;
  max_grad_norm: number;
}

/** Defaults follow the seeds' LoRA recipes (r 16, alpha 32, q/v, cosine with 5 % warmup, lr 2e-4). */
export const DEFAULT_LEARNING_RATE = 2e-4;

export function resolveHyperparameters(h: CreateJobBody["hyperparameters"] = {}, examples: number): ResolvedHyperparameters {
  const batch = h.batch_size === undefined || h.batch_size === "auto" ? Math.max(1, Math.min(8, Math.ceil(examples / 16))) : h.batch_size;
  // OpenAI's "auto" picks epochs from dataset size: small sets get more passes.
  const epochs = h.n_epochs === undefined || h.n_epochs === "auto" ? (examples < 100 ? 3 : examples < 5000 ? 2 : 1) : h.n_epochs;
  const multiplier = h.learning_rate_multiplier === undefined || h.learning_rate_multiplier === "auto" ? 1 : h.learning_rate_multiplier;
  return {
    n_epochs: epochs,
    batch_size: batch,
    learning_rate: h.learning_rate ?? DEFAULT_LEARNING_RATE * multiplier,
    max_steps: h.max_steps ?? null,
    lora_r: h.lora_r ?? 16,
    lora_alpha: h.lora_alpha ?? 32,
    lora_dropout: h.lora_dropout ?? 0.05,
    use_rslora: h.use_rslora ?? false,
    target_modules: h.target_modules ?? ["q_proj", "v_proj"],
    warmup_ratio: h.warmup_ratio ?? 0.05,
    lr_scheduler: h.lr_scheduler ?? "cosine",
    gradient_accumulation_steps: h.gradient_accumulation_steps ?? 1,
    max_seq_length: h.max_seq_length ?? 1024,
    weight_decay: h.weight_decay ?? 0,
    max_grad_norm: h.max_grad_norm ?? 1,
  };
}
