import { getDb } from "@/lib/db";
import { postFeedbackResponse } from "@/lib/chat/history";
import { visitorFrom } from "@/lib/chat/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return postFeedbackResponse(request, await getDb(), visitorFrom(request).visitorId);
}
