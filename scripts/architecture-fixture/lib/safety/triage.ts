import { runChatTurn } from "../chat/pipeline";

export const triage = (text: string) => text.includes("chest pain") || runChatTurn.length > 1;
