import { getDb } from "@/lib/db";
import { handleFeedbackRequest } from "@/lib/chat/web-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleFeedbackRequest(request, await getDb());
}
