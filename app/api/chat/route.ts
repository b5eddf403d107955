import { effectiveEnv } from "@/lib/admin/effective-env";
import { appRetriever, getDb } from "@/lib/chat/app-deps";
import { handleChatRequest } from "@/lib/chat/web-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  // The console's settings (emergency contacts, retrieval switch) apply to every new message.
  const env = await effectiveEnv();
  return handleChatRequest(request, { getDb, retriever: env.MEDCHAT_RETRIEVAL === "off" ? undefined : appRetriever(), env });
}

const wrongMethod = methodNotAllowed(["POST"]);
export { wrongMethod as GET, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
