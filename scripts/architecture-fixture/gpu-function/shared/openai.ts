export const CHAT_PATH = "/v1/chat/completions";
