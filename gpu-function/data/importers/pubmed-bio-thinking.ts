// Moved to shared/training-rows/pubmed-bio-thinking.ts (shared with the app's training uploads).
export * from "../../shared/training-rows/pubmed-bio-thinking";
