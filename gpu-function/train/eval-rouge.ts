// Moved to shared/rouge.ts (the app's answer evaluation uses the same ROUGE-L).
export * from "../shared/rouge";
