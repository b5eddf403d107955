export const STAGES = ["tokenizer", "base", "grounded", "embedder", "cards"] as const;
export type Stage = (typeof STAGES)[number];
