import { getDb } from "@/lib/db";
import { listConversationsResponse } from "@/lib/chat/history";
import { visitorFrom } from "@/lib/chat/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return listConversationsResponse(await getDb(), visitorFrom(request).visitorId);
}
