import { appRetriever, getDb } from "@/lib/chat/app-deps";
import { handleChatRequest } from "@/lib/chat/web-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  return handleChatRequest(request, { getDb, retriever: appRetriever() });
}
