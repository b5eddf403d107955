// The partner API (OpenAI-compatible surface over lib/chat): keys, limits, usage, wire format.
export { handleChatCompletions, withPartnerErrors, type PartnerDeps } from "./chat-handler";
export { handlePreflight, corsHeaders } from "./cors";
export { PartnerError } from "./errors";
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  authenticateApiKey,
  keyState,
  hashApiKey,
  normalizeOrigin,
  API_SCOPES,
  KEY_PREFIX,
  type ApiKeyInfo,
  type NewApiKey,
} from "./keys";
export { admitRequest, settleRequest, rateLimitHeaders } from "./limits";
export { openApiDocument } from "./openapi";
export { handleModels, handleUsage, usageSummary } from "./usage";
export { PARTNER_MODEL_ID } from "./wire";
