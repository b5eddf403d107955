import { appRetriever, getDb } from "@/lib/chat/app-deps";
import { handleChatCompletions, handlePreflight } from "@/lib/partners";
import { methodNotAllowed } from "@/lib/partners/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  return handleChatCompletions(request, { getDb, retriever: appRetriever() });
}

export async function OPTIONS(request: Request): Promise<Response> {
  return handlePreflight(request, getDb);
}

const wrongMethod = methodNotAllowed(["POST"]);
export { wrongMethod as GET, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
