// Moved to shared/training-rows/medical-meadow.ts (shared with the app's training uploads).
export * from "../../shared/training-rows/medical-meadow";
