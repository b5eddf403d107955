// The chat pipeline's public surface for every caller (web route, widget, partner API).
export { prepareChatTurn, streamChatTurn, runChatTurn, MAX_MESSAGE_CHARS, type ChatDeps, type PreparedTurn } from "./pipeline";
export { ChatRequestError } from "./errors";
export { chatEventsToUIMessageStream, chatUIMessageResponse, createChunkMapper } from "./ui-stream";
export { handleChatRequest, type WebChatDeps } from "./web-handler";
export { gpuFunctionConfig, resolveModelId, type GpuFunctionConfig } from "./model";
export type { ChatEvent, ChatSource, ChatSurface, ChatTurnInput, ChatUsage, HistoryMessage, Retriever, AnswerStatus } from "./types";
export type { MedChatUIMessage, MedChatMetadata, EmergencyNoticeData, DisclaimerData, ChatErrorData } from "./ui-types";
