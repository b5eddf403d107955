import { getDb } from "@/lib/db";
import { handleModels, handlePreflight } from "@/lib/partners";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ model: string }> }): Promise<Response> {
  return handleModels(request, getDb, (await context.params).model);
}

export async function OPTIONS(request: Request): Promise<Response> {
  return handlePreflight(request, getDb);
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
