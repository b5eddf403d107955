// POST /api/chat: the web chat's (and widget's) adapter around the pipeline. Kept
// as a plain function of a Request so tests call it without a Next.js server.
import type { Db } from "@/lib/db/client";
import { checkChatRateLimit, rateLimitMessage } from "@/lib/rate-limit/chat-limits";
import { emergencyContactsFor } from "@/lib/safety/contacts";
import { AppError, errorResponse } from "@/lib/http/app-error";
import { readJsonBody, visitorFrom } from "./http";
import { prepareChatTurn, streamChatTurn, type ChatDeps } from "./pipeline";
import { chatRequestSchema, MAX_CHAT_BODY_BYTES, textOfParts } from "./request";
import type { ChatSurface } from "./types";
import { chatUIMessageResponse } from "./ui-stream";
import { widgetSiteForChat } from "@/lib/widget/chat-access";
import { WidgetSiteError } from "@/lib/widget/sites";

export interface WebChatDeps extends Omit<ChatDeps, "db"> {
  getDb: () => Promise<Db>;
  surface?: ChatSurface;
  widgetSiteId?: string | null;
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
    let widgetSiteId = deps.widgetSiteId ?? null;
    let visitorId = visitor.visitorId;
    if (body.widget) {
      // The widget panel is a third-party frame without the app's cookie: it has its own visitor token.
      try {
        widgetSiteId = (await widgetSiteForChat(db, request, body.widget)).id;
      } catch (error) {
        if (error instanceof WidgetSiteError) throw new AppError(error.status, error.code, error.message);
        throw error;
      }
      visitorId = body.widget.visitor;
    }
    const limit = await checkChatRateLimit(db, request, visitorId, env);
    if (!limit.allowed) {
      const message = rateLimitMessage(limit, emergencyContactsFor(body.locale, env));
      throw new AppError(429, "rate_limited", message, { headers: { "retry-after": String(limit.retryAfterSeconds) } });
    }
    const turn = await prepareChatTurn(
      {
        surface: widgetSiteId ? "widget" : (deps.surface ?? "web"),
        visitorId,
        conversationId: body.id,
        userMessage: { id: body.message.id, text },
        consent: body.consent === true,
        locale: body.locale,
        widgetSiteId,
      },
      chatDeps,
    );
    return chatUIMessageResponse(streamChatTurn(turn, chatDeps, request.signal), headers);
  } catch (error) {
    return errorResponse(error, headers);
  }
}
