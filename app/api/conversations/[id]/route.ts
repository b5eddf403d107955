import { getDb } from "@/lib/db";
import { deleteConversationResponse } from "@/lib/chat/history";
import { visitorFrom } from "@/lib/chat/http";
import { handleConversationRequest } from "@/lib/chat/web-handler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return handleConversationRequest(request, await getDb(), id);
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return deleteConversationResponse(await getDb(), id, visitorFrom(request).visitorId);
}

const wrongMethod = methodNotAllowed(["GET", "DELETE"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH };
