// The UI message shape shared by the /api/chat stream and the React client. Safe to
// import from client components (types only, no server code).
import type { UIMessage } from "ai";
import type { TriageCategory } from "@/lib/safety/red-flags";

export interface EmergencyNoticeData {
  categories: TriageCategory[];
  emergencyNumber: string;
  crisisLine: string;
  crisisLineName: string;
  text: string;
  /** Language of `text` and `labels` (BCP 47 primary tag); absent in answers stored before it existed. */
  language?: string;
  labels?: { heading: string; call: string; crisisLine: string };
}

export interface DisclaimerData {
  text: string;
}

export interface ChatErrorData {
  code: ChatStreamErrorCode;
  message: string;
}

export type ChatStreamErrorCode = "model_unavailable" | "model_error" | "stream_interrupted" | "timeout";

export type MedChatDataParts = {
  emergency: EmergencyNoticeData;
  disclaimer: DisclaimerData;
  error: ChatErrorData;
};

export interface MedChatMetadata {
  conversationId?: string;
  status?: "complete" | "partial" | "error" | "streaming" | "interrupted";
  model?: string;
  usage?: { inputTokens?: number; outputTokens?: number };
  createdAt?: string;
}

export type MedChatUIMessage = UIMessage<MedChatMetadata, MedChatDataParts>;

/** Text of a message's text parts (what the model said or the user typed). */
export function messageText(message: Pick<MedChatUIMessage, "parts">): string {
  return message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
}
