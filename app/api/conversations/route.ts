import { getDb } from "@/lib/db";
import { listConversationsResponse } from "@/lib/chat/history";
import { visitorFrom } from "@/lib/chat/http";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return listConversationsResponse(await getDb(), visitorFrom(request).visitorId);
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
