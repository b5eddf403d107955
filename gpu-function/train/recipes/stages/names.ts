export const STAGES = ["tokenizer", "base", "grounded", "embedder", "reranker", "cards"] as const;
export type Stage = (typeof STAGES)[number];
