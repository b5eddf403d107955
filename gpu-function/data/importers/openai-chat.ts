// Moved to shared/training-rows/openai-chat.ts (shared with the app's training uploads).
export * from "../../shared/training-rows/openai-chat";
