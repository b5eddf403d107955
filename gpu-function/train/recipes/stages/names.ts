export const STAGES = ["tokenizer", "base", "grounded", "embedder", "reranker", "embedder-consumer", "cards"] as const;
export type Stage = (typeof STAGES)[number];
