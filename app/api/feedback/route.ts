import { getDb } from "@/lib/db";
import { handleFeedbackRequest } from "@/lib/chat/web-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleFeedbackRequest(request, await getDb());
}

const wrongMethod = methodNotAllowed(["POST"]);
export { wrongMethod as GET, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
