// Moved to shared/training-rows/rows.ts (shared with the app's training uploads).
export * from "../../shared/training-rows/rows";
