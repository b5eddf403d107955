import { loadModel } from "../gpu-function/runtime/load";
import { CHAT_PATH } from "../gpu-function/shared/openai";
import { runChatTurn } from "../lib/chat/pipeline";

export const page = () => [loadModel(), CHAT_PATH, runChatTurn("hello")];
