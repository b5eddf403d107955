// POST /api/chat: the web chat's (and widget's) adapter around the pipeline: who is asking
// (cookie or widget visitor), the public limits, usage metering (usage-meter.ts), the AI SDK
// UI stream. A plain function of a Request so tests call it without a Next.js server.
import type { Db } from "@/lib/db/client";
import { checkChatRateLimit, rateLimitMessage } from "@/lib/rate-limit/chat-limits";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { AppError, errorResponse } from "@/lib/http/app-error";
import { readJsonBody, visitorFrom } from "./http";
import { prepareChatTurn, streamChatTurn, type ChatDeps } from "./pipeline";
import { chatRequestSchema, MAX_CHAT_BODY_BYTES, textOfParts } from "./request";
import { chatUIMessageResponse } from "./ui-stream";
import { chatVisitor, requestChatVisitor } from "@/lib/widget/chat-access";
import { WIDGET_RESTORE } from "@/lib/widget/identity";
import { getConversationResponse, postFeedbackResponse } from "./history";
import { meteredTurn } from "./usage-meter";

export interface WebChatDeps extends Omit<ChatDeps, "db"> {
  getDb: () => Promise<Db>;
}

export async function handleChatRequest(request: Request, deps: WebChatDeps): Promise<Response> {
  const visitor = visitorFrom(request);
  const headers: Record<string, string> = visitor.setCookie ? { "set-cookie": visitor.setCookie } : {};
  try {
    const parsed = chatRequestSchema.safeParse(await readJsonBody(request, MAX_CHAT_BODY_BYTES));
    if (!parsed.success) throw AppError.from(parsed.error);
    const body = parsed.data;
    const text = textOfParts(body.message.parts as { type: string; text?: unknown }[]);
    const db = await deps.getDb();
    const chatDeps: ChatDeps = { ...deps, db };
    const env = deps.env ?? process.env;
    // The widget panel is a third-party frame without the app's cookie: it has its own visitor token.
    const { visitorId, widgetSiteId } = await chatVisitor(db, request, visitor.visitorId, body.widget);
    const limit = await checkChatRateLimit(db, request, visitorId, env);
    if (!limit.allowed) {
      const message = rateLimitMessage(limit, emergencyContactsFor(body.locale, env));
      throw new AppError(429, "rate_limited", message, { headers: { "retry-after": String(limit.retryAfterSeconds) } });
    }
    const turn = await prepareChatTurn(
      {
        surface: widgetSiteId ? "widget" : "web",
        visitorId,
        conversationId: body.id,
        userMessage: { id: body.message.id, text },
        consent: body.consent === true,
        locale: body.locale,
        widgetSiteId,
      },
      chatDeps,
    );
    return chatUIMessageResponse(meteredTurn(db, turn, streamChatTurn(turn, chatDeps, request.signal)), headers);
  } catch (error) {
    return errorResponse(error, headers);
  }
}

/** POST /api/feedback: thumbs on an answer of the visitor's own conversations (web chat or widget panel). */
export async function handleFeedbackRequest(request: Request, db: Db): Promise<Response> {
  try {
    const { visitorId } = await requestChatVisitor(db, request, visitorFrom(request).visitorId);
    return await postFeedbackResponse(request, db, visitorId);
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * GET /api/conversations/:id: the web chat's conversation, or the one the widget panel
 * restores after a reload — only its own site's, recent, its latest messages (WIDGET_RESTORE).
 */
export async function handleConversationRequest(request: Request, db: Db, id: string): Promise<Response> {
  try {
    const { visitorId, widgetSiteId } = await requestChatVisitor(db, request, visitorFrom(request).visitorId);
    return await getConversationResponse(db, id, visitorId, widgetSiteId ? { widgetSiteId, ...WIDGET_RESTORE } : undefined);
  } catch (error) {
    return errorResponse(error);
  }
}
