import { db } from "../db/client";
import { triage } from "../safety/triage";

export const runChatTurn = (text: string) => (triage(text) ? "emergency" : db.query(text));
