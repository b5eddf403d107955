// Moved to shared/training-rows/chat-example.ts (the app's training uploads read the same rows).
export * from "../shared/training-rows/chat-example";
