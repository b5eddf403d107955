// Moved to shared/training-rows/medical-o1.ts (shared with the app's training uploads).
export * from "../../shared/training-rows/medical-o1";
